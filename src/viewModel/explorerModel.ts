// What the explorer shows, fetched lazily and cached: per connection its resources, per resource
// the pages of tasks loaded so far. The tree provider only maps this to nodes; polls and user
// actions update it through applyTasks() and refresh(). vscode-free, tested in plain Node.
import { listAllAssociations } from '../fsx/associations';
import { FsxError, classifyError } from '../fsx/errors';
import { Association, Connection, connectionKey, FsxApi, isTerminal, Lifecycle, ResourceRef, sameTaskState, StorageResource, Task } from '../fsx/types';
import { Emitter } from '../tracking/events';
import { apiFilterKey, apiLifecycles, NO_FILTER, TaskFilter } from './taskFilter';

/** A connection the explorer lists: a profile and region, the default chain, or the sandbox. */
export interface ExplorerConnection {
  /** Optional: what is not a setting problem is a connection. */
  readonly kind?: 'connection';
  readonly connection: Connection;
  /** "default · us-east-1", "Sandbox · local emulator". */
  readonly label: string;
  readonly sandbox: boolean;
  /** A problem known before any call (no region, a profile not in the AWS files, a refused endpoint): shown instead of the resources. */
  readonly problem?: FsxError;
}

/** A connection that can be asked: no problem known before any call. */
export type UsableConnection = ExplorerConnection & { readonly problem?: undefined };

/** An entry of the connections setting that names no connection: listed as a row that says what to fix. */
export interface SettingProblemEntry {
  readonly kind: 'settingProblem';
  /** Unique among the setting's problems: the row's tree id. */
  readonly id: string;
  /** "Connection setting 2", or the setting's key when the whole value is wrong. */
  readonly label: string;
  readonly problem: FsxError;
}

/** A row of the explorer's top level: a connection, or a connection setting that names none. */
export type ConnectionEntry = ExplorerConnection | SettingProblemEntry;

export function isConnection(entry: ConnectionEntry): entry is ExplorerConnection {
  return entry.kind !== 'settingProblem';
}

export function isUsable(entry: ConnectionEntry): entry is UsableConnection {
  return isConnection(entry) && !entry.problem;
}

export interface TaskList {
  readonly tasks: readonly Task[];
  /** Set when more tasks can be loaded. */
  readonly nextToken?: string;
  /** The last "load more" failed; the first page stays shown. */
  readonly loadMoreError?: FsxError;
}

/** What changed: everything, one connection, or one resource's task list. */
export type ExplorerChange =
  | { readonly scope: 'all' }
  | { readonly scope: 'connection'; readonly connectionKey: string }
  | { readonly scope: 'resource'; readonly connectionKey: string; readonly resource: ResourceRef };

interface ResourceCache {
  pending?: Promise<StorageResource[]>;
  value?: StorageResource[];
}

interface TaskCache {
  pending?: Promise<TaskList>;
  value?: TaskList;
  loadingMore?: Promise<void>;
}

/**
 * With up to this many usable connections, the rows start expanded. With more, they start collapsed: a collapsed
 * connection sends no request until it is opened, so a tree of every region stays fast.
 */
export const EXPANDED_CONNECTIONS_MAX = 3;

export function resourceKey(resource: ResourceRef): string {
  return `${resource.kind}:${resource.id}`;
}

export class ExplorerModel {
  private entryList: ConnectionEntry[] = [];
  private readonly resourceCaches = new Map<string, ResourceCache>();
  private readonly taskCaches = new Map<string, TaskCache>();
  private readonly associationCaches = new Map<string, { pending?: Promise<readonly Association[]>; value?: readonly Association[] }>();
  private readonly changes = new Emitter<ExplorerChange>();
  private readonly loads = new Emitter<void>();
  /** Bumped by refresh(): results of calls started before it are dropped. */
  private generation = 0;
  private taskFilter: TaskFilter = NO_FILTER;

  readonly onDidChange = this.changes.event;
  /** A task list was fetched (first page or more): the set of loaded active tasks may differ. */
  readonly onDidLoadTasks = this.loads.event;

  constructor(
    private readonly apiFor: (connection: Connection) => FsxApi,
    private readonly pageSize: () => number = () => 50,
  ) {}

  setConnections(entries: readonly ConnectionEntry[]): void {
    this.entryList = [...entries];
    this.refresh();
  }

  /** The filter the tree shows tasks under; its lifecycles are sent to FSx. */
  filter(): TaskFilter {
    return this.taskFilter;
  }

  /**
   * A new filter. The task pages cached were fetched under the old `task-lifecycle` filter: when
   * that part changes they are dropped (refresh); otherwise the tree re-renders from the cache.
   */
  setFilter(filter: TaskFilter): void {
    const refetch = apiFilterKey(filter) !== apiFilterKey(this.taskFilter);
    this.taskFilter = filter;
    if (refetch) {
      this.refresh();
    } else {
      this.changes.fire({ scope: 'all' });
    }
  }

  /** Every row of the top level, usable or not, in the order listed. */
  entries(): readonly ConnectionEntry[] {
    return this.entryList;
  }

  /** The listed connections, usable or with a problem known before any call; no setting problem. */
  connections(): readonly ExplorerConnection[] {
    return this.entryList.filter(isConnection);
  }

  /** The connections that can be asked (no problem known before any call): the ones to list, poll, scan or search. */
  usableConnections(): readonly UsableConnection[] {
    return this.entryList.filter(isUsable);
  }

  /**
   * Do connection nodes start expanded (few connections) or collapsed (many)? Only usable
   * connections send requests when expanded, so only they count.
   */
  connectionsStartExpanded(): boolean {
    return this.usableConnections().length <= EXPANDED_CONNECTIONS_MAX;
  }

  /** The listed connection with this key (connectionKey), usable or not. */
  connectionFor(key: string): ExplorerConnection | undefined {
    return this.connections().find((entry) => connectionKey(entry.connection) === key);
  }

  /** The connection's Lustre file systems and File Caches; rejects with an FsxError. */
  resources(connection: Connection): Promise<StorageResource[]> {
    const key = connectionKey(connection);
    const cache = this.resourceCaches.get(key) ?? {};
    this.resourceCaches.set(key, cache);
    return this.fetchOnce(cache, 'DescribeFileSystems', () => this.apiFor(connection).listResources());
  }

  /** Resources already loaded, without a call (for pickers and lookups). */
  cachedResources(connection: Connection): readonly StorageResource[] {
    return this.resourceCaches.get(connectionKey(connection))?.value ?? [];
  }

  /** The loaded resource's `Name` tag, if it has one and is loaded; no call. */
  resourceName(connection: Connection, resource: ResourceRef): string | undefined {
    return this.cachedResources(connection).find((candidate) => resourceKey(candidate) === resourceKey(resource))?.name;
  }

  /** The task pages loaded so far (the first page on first use); rejects with an FsxError. */
  tasks(connection: Connection, resource: ResourceRef): Promise<TaskList> {
    return this.fetchOnce(
      this.taskCache(connection, resource),
      'DescribeDataRepositoryTasks',
      async (): Promise<TaskList> => {
        const page = await this.apiFor(connection).listTasks(resource, this.listOptions());
        return { tasks: page.tasks, nextToken: page.nextToken };
      },
      () => this.loads.fire(),
    );
  }

  /** Every data repository association of the resource (all pages), fetched on first use and cached until a refresh. */
  associations(connection: Connection, resource: StorageResource): Promise<readonly Association[]> {
    const key = this.taskCacheKey(connection, resource);
    const cache = this.associationCaches.get(key) ?? {};
    this.associationCaches.set(key, cache);
    return this.fetchOnce(cache, 'DescribeDataRepositoryAssociations', () => listAllAssociations(this.apiFor(connection), resource));
  }

  /** Associations already loaded, without a call; undefined when not loaded. */
  cachedAssociations(connection: Connection, resource: ResourceRef): readonly Association[] | undefined {
    return this.associationCaches.get(this.taskCacheKey(connection, resource))?.value;
  }

  /**
   * Puts an association just created or changed (or a fresher copy) into its resource's loaded
   * list, so its row shows at once; a list not loaded yet brings it on its first load.
   */
  putAssociation(connection: Connection, resource: ResourceRef, association: Association): void {
    const cache = this.associationCaches.get(this.taskCacheKey(connection, resource));
    const list = cache?.value;
    if (!cache || !list) {
      return;
    }
    const index = list.findIndex((known) => known.associationId === association.associationId);
    cache.value = index < 0 ? [...list, association] : list.map((known, i) => (i === index ? association : known));
    this.changes.fire({ scope: 'resource', connectionKey: connectionKey(connection), resource });
  }

  /**
   * Lists the resource's associations again (a row is settling) and says so when anything
   * changed; a row FSx no longer lists is gone. Rejects with an FsxError, keeping the old list.
   */
  async reloadAssociations(connection: Connection, resource: StorageResource): Promise<readonly Association[]> {
    const key = this.taskCacheKey(connection, resource);
    const generation = this.generation;
    let fresh: readonly Association[];
    try {
      fresh = await listAllAssociations(this.apiFor(connection), resource);
    } catch (error) {
      throw classifyError(error, 'DescribeDataRepositoryAssociations');
    }
    const cache = this.associationCaches.get(key);
    if (generation !== this.generation || !cache?.value) {
      return fresh;
    }
    if (JSON.stringify(cache.value) !== JSON.stringify(fresh)) {
      cache.value = fresh;
      this.changes.fire({ scope: 'resource', connectionKey: connectionKey(connection), resource });
    }
    return fresh;
  }

  /**
   * The cached value, or one shared call for every concurrent reader. The answer is cached
   * only if no refresh() happened meanwhile; failures are not cached (the next read retries).
   */
  private fetchOnce<T>(cache: { pending?: Promise<T>; value?: T }, operation: string, fetch: () => Promise<T>, onCached?: () => void): Promise<T> {
    if (cache.value) {
      return Promise.resolve(cache.value);
    }
    if (!cache.pending) {
      const generation = this.generation;
      cache.pending = fetch()
        .then(
          (value) => {
            if (generation === this.generation) {
              cache.value = value;
              onCached?.();
            }
            return value;
          },
          (error: unknown) => {
            throw classifyError(error, operation);
          },
        )
        .finally(() => {
          cache.pending = undefined;
        });
    }
    return cache.pending;
  }

  /** Tasks already loaded for a resource, without a call. */
  cachedTasks(connection: Connection, resource: ResourceRef): readonly Task[] {
    return this.taskCache(connection, resource).value?.tasks ?? [];
  }

  /**
   * Appends the next page. A second call while one runs joins it (a double click loads one
   * page, not two). A failure is kept on the list, shown on the "Load more" node, not thrown.
   */
  loadMore(connection: Connection, resource: ResourceRef): Promise<void> {
    const cache = this.taskCache(connection, resource);
    const current = cache.value;
    if (!current?.nextToken) {
      return Promise.resolve();
    }
    if (!cache.loadingMore) {
      const generation = this.generation;
      cache.loadingMore = this.apiFor(connection)
        .listTasks(resource, { ...this.listOptions(), nextToken: current.nextToken })
        .then(
          (page) => {
            if (generation !== this.generation || cache.value !== current) {
              return;
            }
            const known = new Set(current.tasks.map((task) => task.taskId));
            cache.value = { tasks: [...current.tasks, ...page.tasks.filter((task) => !known.has(task.taskId))], nextToken: page.nextToken };
            this.loads.fire();
          },
          (error: unknown) => {
            if (generation === this.generation && cache.value === current) {
              cache.value = { ...current, loadMoreError: classifyError(error, 'DescribeDataRepositoryTasks') };
            }
          },
        )
        .finally(() => {
          cache.loadingMore = undefined;
          this.changes.fire({ scope: 'resource', connectionKey: connectionKey(connection), resource });
        });
    }
    return cache.loadingMore;
  }

  isLoadingMore(connection: Connection, resource: ResourceRef): boolean {
    return !!this.taskCache(connection, resource).loadingMore;
  }

  /** Puts fresher copies of tasks (from a poll or an action) into the lists that show them. */
  applyTasks(connection: Connection, tasks: readonly Task[]): void {
    const key = connectionKey(connection);
    const fresh = new Map(tasks.map((task) => [task.taskId, task]));
    for (const [cacheKey, cache] of this.taskCaches) {
      const list = cache.value;
      if (!cacheKey.startsWith(key + '|') || !list) {
        continue;
      }
      let changed = false;
      const updated = list.tasks.map((task) => {
        const newer = fresh.get(task.taskId);
        if (newer && !sameTaskState(task, newer)) {
          changed = true;
          return newer;
        }
        return task;
      });
      if (changed) {
        cache.value = { ...list, tasks: updated };
        this.changes.fire({ scope: 'resource', connectionKey: key, resource: updated[0].resource });
      }
    }
  }

  /** Puts a task just started at the top of its resource's list, if that list is loaded (else the first load brings it). */
  addTask(connection: Connection, task: Task): void {
    const cache = this.taskCaches.get(this.taskCacheKey(connection, task.resource));
    const list = cache?.value;
    if (!cache || !list || list.tasks.some((known) => known.taskId === task.taskId)) {
      return;
    }
    cache.value = { ...list, tasks: [task, ...list.tasks] };
    this.loads.fire();
    this.changes.fire({ scope: 'resource', connectionKey: connectionKey(connection), resource: task.resource });
  }

  /** Ids of loaded tasks that can still change, per connection: what the tree wants polled. */
  activeTaskIds(): Map<string, { connection: Connection; taskIds: string[] }> {
    const result = new Map<string, { connection: Connection; taskIds: string[] }>();
    for (const entry of this.usableConnections()) {
      const key = connectionKey(entry.connection);
      const taskIds: string[] = [];
      for (const [cacheKey, cache] of this.taskCaches) {
        if (cacheKey.startsWith(key + '|')) {
          taskIds.push(...(cache.value?.tasks ?? []).filter((task) => !isTerminal(task.lifecycle)).map((task) => task.taskId));
        }
      }
      result.set(key, { connection: entry.connection, taskIds });
    }
    return result;
  }

  /** Finds a loaded task by id across every connection. */
  findTask(taskId: string): { connection: Connection; task: Task } | undefined {
    for (const entry of this.usableConnections()) {
      const key = connectionKey(entry.connection);
      for (const [cacheKey, cache] of this.taskCaches) {
        const task = cacheKey.startsWith(key + '|') ? cache.value?.tasks.find((candidate) => candidate.taskId === taskId) : undefined;
        if (task) {
          return { connection: entry.connection, task };
        }
      }
    }
    return undefined;
  }

  /** Forgets cached data (all of it, one connection's, or one resource's) and says so. */
  refresh(connection?: Connection, resource?: ResourceRef): void {
    if (!connection) {
      this.generation++;
      this.resourceCaches.clear();
      this.taskCaches.clear();
      this.associationCaches.clear();
      this.changes.fire({ scope: 'all' });
      return;
    }
    const key = connectionKey(connection);
    if (resource) {
      this.taskCaches.delete(this.taskCacheKey(connection, resource));
      this.associationCaches.delete(this.taskCacheKey(connection, resource));
      this.changes.fire({ scope: 'resource', connectionKey: key, resource });
      return;
    }
    this.resourceCaches.delete(key);
    for (const caches of [this.taskCaches, this.associationCaches]) {
      for (const cacheKey of [...caches.keys()]) {
        if (cacheKey.startsWith(key + '|')) {
          caches.delete(cacheKey);
        }
      }
    }
    this.changes.fire({ scope: 'connection', connectionKey: key });
  }

  dispose(): void {
    this.changes.dispose();
    this.loads.dispose();
  }

  private listOptions(): { pageSize: number; lifecycles?: readonly Lifecycle[] } {
    const lifecycles = apiLifecycles(this.taskFilter);
    return lifecycles ? { pageSize: this.pageSize(), lifecycles } : { pageSize: this.pageSize() };
  }

  private taskCacheKey(connection: Connection, resource: ResourceRef): string {
    return `${connectionKey(connection)}|${resourceKey(resource)}`;
  }

  private taskCache(connection: Connection, resource: ResourceRef): TaskCache {
    const key = this.taskCacheKey(connection, resource);
    let cache = this.taskCaches.get(key);
    if (!cache) {
      cache = {};
      this.taskCaches.set(key, cache);
    }
    return cache;
  }
}
