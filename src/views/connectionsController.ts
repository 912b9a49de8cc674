import * as vscode from 'vscode';
import type { LazyFsxClients } from '../fsx/loadFsxBackend';
import { ConnectionList } from '../viewModel/connectionList';
import { ConnectionResolver } from '../viewModel/connectionResolver';
import { ExplorerConnection, ExplorerModel } from '../viewModel/explorerModel';
import { LocalSandbox } from '../sandbox/localSandbox';
import { setContext } from './contextKeys';
import { Settings } from './settings';

export interface ConnectionsControllerOptions {
  /** The connection settings, read at each reload and watched. */
  readonly settings: Settings;
  /** Listed instead of the settings' connections while it runs. */
  readonly sandbox: LocalSandbox;
  /** The FSx clients, dropped when the endpoint or FIPS settings change (a client is built per endpoint). */
  readonly clients: Pick<LazyFsxClients, 'dropClients'>;
  /** Where the resolved connections go. */
  readonly model: ExplorerModel;
  /** The view's description says when the sandbox is what it lists. */
  showSandbox(shown: boolean): void;
  readonly log: vscode.LogOutputChannel;
}

/** Which connections the explorer lists; reloads them when their settings change. */
export class ConnectionsController implements vscode.Disposable {
  private readonly list: ConnectionList;
  private readonly resolver: ConnectionResolver;
  private readonly subscription: vscode.Disposable;

  constructor(options: ConnectionsControllerOptions) {
    const { settings, sandbox, clients, model, log } = options;
    const resolver = (this.resolver = new ConnectionResolver({ settings, sandbox, l10n: vscode.l10n }));
    this.list = new ConnectionList(
      () => resolver.resolve(),
      async (entries) => {
        model.setConnections(entries);
        options.showSandbox(sandbox.running);
        await setContext('fsxTasks.hasConnections', entries.length > 0);
      },
    );
    this.subscription = settings.onDidChange(['connections', 'endpoint', 'useFipsEndpoint'], () => {
      // Clients are built per endpoint and FIPS choice: drop them, then list again.
      clients.dropClients();
      this.reload().catch((error: unknown) => log.error(`Could not reload the connections: ${String(error)}`));
    });
  }

  /** Re-reads settings and the sandbox state and rebuilds the connection list. */
  reload(): Promise<void> {
    return this.list.reload();
  }

  /** The connection a profile and region would be listed as (endpoint and FIPS from the settings). */
  entryFor(profile: string | undefined, region: string): ExplorerConnection {
    return this.resolver.entry(profile, region);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
