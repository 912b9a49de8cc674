// Builds every long-lived object once, in dependency order, and owns them: dispose() undoes them
// in reverse order. Commands receive the container (each declares the part it needs); nothing
// here decides behaviour, the controllers and models do (docs/ARCHITECTURE.md).
import * as vscode from 'vscode';
import { startSandbox } from './commands/sandboxCommands';
import { LazyFsxClients } from './fsx/loadFsxBackend';
import { Connection, FsxApi } from './fsx/model';
import { ExplorerModel } from './model/explorerModel';
import { LocalSandbox, sandboxScenarioFromEnv } from './sandbox/localSandbox';
import { systemClock } from './tracking/clock';
import { PollScheduler } from './tracking/pollScheduler';
import { ConnectionsController } from './views/connectionsController';
import { setContext } from './views/contextKeys';
import { ExplorerController } from './views/explorer/explorerController';
import { createLog, logApiCall } from './views/log';
import { PromptSeam } from './views/prompts';
import { Settings } from './views/settings';
import { TaskDetailsProvider } from './views/taskDetails';
import { TrackingController } from './views/trackingController';

export class Container implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly settings = new Settings();
  readonly prompts = new PromptSeam();
  readonly clients: LazyFsxClients;
  readonly sandbox: LocalSandbox;
  readonly model: ExplorerModel;
  readonly scheduler: PollScheduler;
  readonly tracking: TrackingController;
  readonly explorer: ExplorerController;
  readonly details: TaskDetailsProvider;
  readonly connections: ConnectionsController;
  private readonly owned: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext) {
    const log = (this.log = this.own(createLog()));
    const clients = (this.clients = new LazyFsxClients({ onApiCall: (event) => logApiCall(log, event) }));
    this.own({ dispose: () => clients.close() });
    const sandbox = (this.sandbox = new LocalSandbox());
    this.own({ dispose: () => void sandbox.stop() });
    this.model = this.own(new ExplorerModel(this.apiFor, () => this.settings.pageSize()));
    this.scheduler = this.own(
      new PollScheduler({
        clock: systemClock,
        apiFor: this.apiFor,
        settledIntervalMs: this.settings.pollIntervalMs(),
        windowFocused: vscode.window.state.focused,
        onError: (connection, error) => log.warn(`Poll of ${connection.region} failed: ${error.logLine}`),
      }),
    );
    this.own(vscode.window.onDidChangeWindowState((state) => this.scheduler.setWindowFocused(state.focused)));
    this.tracking = this.own(
      new TrackingController(context.workspaceState, this.scheduler, this.settings, log, this.prompts, this.apiFor, () =>
        this.model
          .connections()
          .filter((entry) => !entry.problem)
          .map((entry) => entry.connection),
      ),
    );
    this.explorer = this.own(new ExplorerController(this.model, this.tracking.tracker, this.scheduler, this.settings, (connection) => this.connections.isConfigured(connection)));
    this.details = this.own(new TaskDetailsProvider((connection, task) => this.model.resourceName(connection, task.resource), this.scheduler.onDidPoll));
    this.connections = this.own(new ConnectionsController(this.settings, sandbox, this.clients, this.model, this.explorer.view, log));
  }

  /** The FSx operations for a connection, over its cached client. */
  readonly apiFor = (connection: Connection): FsxApi => this.clients.apiFor(connection);

  /**
   * What runs after activate() has returned, so nothing slow sits in it: the sandbox start
   * (its seeding is synchronous) or the first listing, then the tracked tasks of the last session.
   */
  async start(): Promise<void> {
    // The SDK side loads while the sandbox starts or the connections are resolved, not after.
    this.clients.preload().catch((error: unknown) => this.log.error(`Could not load the FSx client: ${String(error)}`));
    const scenario = sandboxScenarioFromEnv(process.env.FSX_SANDBOX) ?? (this.settings.sandboxOnActivation() ? 'demo' : undefined);
    if (scenario) {
      // Started with the window (FSX_SANDBOX or the setting): no need to steal focus.
      await startSandbox(this, scenario, false);
    } else {
      await this.connections.reload();
    }
    this.tracking.start();
    await setContext('fsxTasks.activated', true);
  }

  own<T extends vscode.Disposable>(disposable: T): T {
    this.owned.push(disposable);
    return disposable;
  }

  dispose(): void {
    for (const disposable of this.owned.splice(0).reverse()) {
      disposable.dispose();
    }
  }
}
