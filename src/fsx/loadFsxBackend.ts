// Loads the FSx SDK side on first use rather than at activation (docs/ARCHITECTURE.md, Layers):
// parsing the SDK and its credential providers is most of what requiring the whole extension
// cost. Types are free; the import() is the only place the backend module is loaded.
import type { ClientFactoryOptions, FsxClientFactory } from './clientFactory';
import type { FsxApi } from './types';
import { Connection } from './types';

export type FsxBackend = typeof import('./fsxBackend.js');

export function loadFsxBackend(): Promise<FsxBackend> {
  return import('./fsxBackend.js');
}

/**
 * The connections' FSx clients, behind the lazily loaded backend. apiFor answers at once with an
 * FsxApi whose calls wait for the backend, so callers stay as they were with a synchronous factory.
 */
export class LazyFsxClients {
  private loading?: Promise<{ backend: FsxBackend; factory: FsxClientFactory }>;
  private factory?: FsxClientFactory;
  private disposed = false;

  constructor(
    private readonly options: ClientFactoryOptions = {},
    private readonly load: () => Promise<FsxBackend> = loadFsxBackend,
  ) {}

  /** Starts loading the backend (e.g. while the sandbox starts) so the first call does not wait for it. */
  preload(): Promise<void> {
    return this.loaded().then(() => undefined);
  }

  apiFor(connection: Connection): FsxApi {
    const use = async <T>(call: (api: FsxApi) => Promise<T>): Promise<T> => {
      const { backend, factory } = await this.loaded();
      return call(new backend.FsxService(factory.get(connection), this.options.onMalformed));
    };
    return {
      listResources: (signal) => use((api) => api.listResources(signal)),
      listTasks: (resource, options, signal) => use((api) => api.listTasks(resource, options, signal)),
      describeTasks: (taskIds, signal) => use((api) => api.describeTasks(taskIds, signal)),
      cancelTask: (taskId, signal) => use((api) => api.cancelTask(taskId, signal)),
      createTask: (input, signal) => use((api) => api.createTask(input, signal)),
      listAssociations: (resource, options, signal) => use((api) => api.listAssociations(resource, options, signal)),
      createAssociation: (input, signal) => use((api) => api.createAssociation(input, signal)),
      updateAssociation: (input, signal) => use((api) => api.updateAssociation(input, signal)),
      deleteAssociation: (input, signal) => use((api) => api.deleteAssociation(input, signal)),
    };
  }

  /**
   * Loads the backend and runs the first tree's calls once in memory (fsx/inMemoryWarmUp.ts), so that
   * the first real listing finds the SDK's code paths ready. Resolves with the ms it took.
   */
  async warmUp(): Promise<number> {
    const { backend } = await this.loaded();
    const started = Date.now();
    await backend.warmUpSdk();
    return Date.now() - started;
  }

  /** Drops a connection's client (nothing to drop before the backend has loaded). */
  forget(connection: Connection): void {
    this.factory?.forget(connection);
  }

  /** Destroys every client; a later call builds new ones (new settings, a renewed sign-in). */
  dropClients(): void {
    this.factory?.dispose();
  }

  /** Stops for good: a backend that finishes loading afterwards builds no clients. */
  dispose(): void {
    this.disposed = true;
    this.dropClients();
  }

  private loaded(): Promise<{ backend: FsxBackend; factory: FsxClientFactory }> {
    this.loading ??= this.load().then((backend) => {
      if (this.disposed) {
        throw new Error('The FSx clients were disposed');
      }
      this.factory = new backend.FsxClientFactory(this.options);
      return { backend, factory: this.factory };
    });
    return this.loading;
  }
}
