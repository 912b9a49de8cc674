// Builds every object once and wires them together; the behaviour lives in the modules.
import * as vscode from 'vscode';
import { registerCancelTask } from './commands/cancelTask';
import { registerConnectionCommands } from './commands/connectionCommands';
import { CommandDeps } from './commands/deps';
import { registerExplorerCommands } from './commands/explorerCommands';
import { registerSandboxCommands, startSandbox } from './commands/sandboxCommands';
import { registerShowTrackedTasks } from './commands/showTrackedTasks';
import { registerTaskActions } from './commands/taskActions';
import { registerTrackCommands } from './commands/trackTask';
import { listActiveTasks } from './fsx/activeTasks';
import { FsxClientFactory } from './fsx/clientFactory';
import { Connection, FsxApi } from './fsx/model';
import { FsxService } from './fsx/fsxService';
import { ExplorerModel } from './model/explorerModel';
import { Sandbox, sandboxScenarioFromEnv } from './model/sandbox';
import { AutoTracker } from './tracking/autoTracker';
import { systemClock } from './tracking/clock';
import { PollScheduler, TREE_SOURCE_ID } from './tracking/pollScheduler';
import { TaskTracker } from './tracking/taskTracker';
import { ConnectionResolver } from './views/connections';
import { setContext } from './views/contextKeys';
import { ExplorerNode } from './views/explorer/node';
import { ExplorerTreeProvider } from './views/explorer/treeProvider';
import { createLog, logApiCall } from './views/log';
import { notifyTaskEnded, notifyTaskVanished } from './views/notifications';
import { Prompts, VscodePrompts } from './views/prompts';
import { Settings } from './views/settings';
import { StatusBarController } from './views/statusBar';
import { TASK_DETAILS_SCHEME, TaskDetailsProvider } from './views/taskDetails';

const TRACKED_TASKS_KEY = 'fsxTasks.trackedTasks';

/** What activate() returns: the extension-host tests drive the extension through it. */
export interface FsxTasksApi extends CommandDeps {
  /** Resolves once the first connection list is loaded (and the sandbox started, if asked). */
  readonly ready: Promise<void>;
  setPrompts(prompts: Prompts): void;
}

export function activate(context: vscode.ExtensionContext): FsxTasksApi {
  const started = Date.now();
  const own = <T extends vscode.Disposable | { dispose(): void }>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };

  const log = own(createLog());
  const settings = new Settings();
  const clients = own(new FsxClientFactory({ onApiCall: (event) => logApiCall(log, event) }));
  const apiFor = (connection: Connection): FsxApi => new FsxService(clients.get(connection));
  const sandbox = new Sandbox();
  own({ dispose: () => void sandbox.stop() });

  const model = own(new ExplorerModel(apiFor, () => settings.pageSize()));
  const scheduler = own(
    new PollScheduler({
      clock: systemClock,
      apiFor,
      settledIntervalMs: settings.pollIntervalMs(),
      windowFocused: vscode.window.state.focused,
      onError: (connection, error) => log.warn(`Poll of ${connection.region} failed: ${error.kind} ${error.code ?? ''} ${error.detail}`),
    }),
  );
  const tracker = own(
    new TaskTracker({
      clock: systemClock,
      scheduler,
      store: { get: () => context.workspaceState.get(TRACKED_TASKS_KEY), set: (records) => context.workspaceState.update(TRACKED_TASKS_KEY, records) },
      onPersistError: (error) => log.warn(`Could not save the tracked tasks: ${String(error)}`),
    }),
  );
  const connectionIsConfigured = (connection: Connection) =>
    settings.connections().some((entry) => entry.profile === connection.profile && entry.region === connection.region);
  const tree = own(new ExplorerTreeProvider(model, (taskId) => tracker.has(taskId), connectionIsConfigured));
  const treeView = own(vscode.window.createTreeView<ExplorerNode>('fsxTasks.explorer', { treeDataProvider: tree, showCollapseAll: true }));
  const details = own(
    new TaskDetailsProvider((connection, task) => model.cachedResources(connection).find((resource) => resource.id === task.resource.id)?.name),
  );
  own(vscode.workspace.registerTextDocumentContentProvider(TASK_DETAILS_SCHEME, details));
  own(new StatusBarController(tracker, scheduler));
  const autoTracker = own(
    new AutoTracker({
      clock: systemClock,
      tracker,
      connections: () => model.connections().filter((entry) => !entry.problem).map((entry) => entry.connection),
      listActiveTasks: (connection, signal) => listActiveTasks(apiFor(connection), signal),
      intervalMs: settings.pollIntervalMs(),
      onError: (connection, error) => log.warn(`Auto-track scan of ${connection.region} failed: ${error.kind} ${error.detail}`),
    }),
  );

  const resolver = new ConnectionResolver(settings, sandbox);
  // Reloads can overlap (a settings change while the sandbox starts): only the newest one's
  // answer is applied, and callers of an older one wait for the newest.
  let reloadGeneration = 0;
  let latestReload: Promise<void> = Promise.resolve();
  const reloadConnections = (): Promise<void> => {
    const generation = ++reloadGeneration;
    const reload = resolver.resolve().then(async (entries) => {
      if (generation !== reloadGeneration) {
        return;
      }
      model.setConnections(entries);
      treeView.description = sandbox.running ? vscode.l10n.t('Sandbox') : undefined;
      await setContext('fsxTasks.hasConnections', entries.length > 0);
    });
    latestReload = reload;
    return reload.then(() => (generation === reloadGeneration ? undefined : latestReload));
  };

  let prompts: Prompts = new VscodePrompts();
  const deps: CommandDeps = {
    log,
    settings,
    clients,
    apiFor,
    model,
    tree,
    treeView,
    tracker,
    scheduler,
    sandbox,
    details,
    prompts: () => prompts,
    reloadConnections,
  };
  for (const disposable of [
    ...registerExplorerCommands(deps),
    ...registerSandboxCommands(deps),
    ...registerConnectionCommands(deps),
    registerCancelTask(deps),
    ...registerTrackCommands(deps),
    ...registerTaskActions(deps),
    registerShowTrackedTasks(deps),
  ]) {
    own(disposable);
  }

  // Polls feed the tree and open details documents; the tree asks for its active tasks to be
  // polled while it is visible.
  own(
    scheduler.onDidPoll(({ connection, tasks }) => {
      model.applyTasks(connection, tasks);
      for (const task of tasks) {
        if (details.has(task.taskId)) {
          details.update(connection, task);
        }
      }
    }),
  );
  // Connections the tree watches on: one that leaves the list (the sandbox stopped) is unwatched
  // too, or its dead endpoint would go on being polled.
  let treeWatched = new Map<string, Connection>();
  const watchTreeTasks = () => {
    const watched = new Map<string, Connection>();
    for (const [key, { connection, taskIds }] of model.activeTaskIds()) {
      const ids = treeView.visible ? taskIds : [];
      scheduler.watch(TREE_SOURCE_ID, connection, ids);
      if (ids.length > 0) {
        watched.set(key, connection);
      }
    }
    for (const [key, connection] of treeWatched) {
      if (!watched.has(key)) {
        scheduler.unwatch(TREE_SOURCE_ID, connection);
      }
    }
    treeWatched = watched;
  };
  own(model.onDidLoadTasks(watchTreeTasks));
  // Loads add ids; only a refresh or a new connection list can remove them. A poll's own
  // updates ('resource' changes) leave the set alone: the scheduler drops ended ids itself.
  own(model.onDidChange((change) => change.scope !== 'resource' && queueMicrotask(watchTreeTasks)));
  own(treeView.onDidChangeVisibility(watchTreeTasks));
  own(vscode.window.onDidChangeWindowState((state) => scheduler.setWindowFocused(state.focused)));

  let trackedSignature = '';
  own(
    tracker.onDidChange(() => {
      // Rows show "tracked": re-render them only when the set of tracked ids changes.
      const signature = tracker.list().map((tracked) => tracked.taskId).join(',');
      if (signature !== trackedSignature) {
        trackedSignature = signature;
        tree.rerender();
      }
    }),
  );
  own(
    // The tree already has the task: polls and the cancel command update the model themselves.
    tracker.onDidTransition((transition) => log.info(`${transition.taskId}: ${transition.from ?? 'tracked'} -> ${transition.to}`)),
  );
  own(
    tracker.onDidEnd((ended) => {
      if (settings.notifyWhenTaskEnds()) {
        notifyTaskEnded(prompts, ended);
      }
    }),
  );
  own(tracker.onDidVanish((vanished) => notifyTaskVanished(prompts, vanished)));

  own(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (['connections', 'endpoint', 'useFipsEndpoint'].some((key) => event.affectsConfiguration(`fsxTasks.${key}`))) {
        clients.dispose();
        reloadConnections().catch((error: unknown) => log.error(`Could not reload the connections: ${String(error)}`));
      }
      if (event.affectsConfiguration('fsxTasks.tasks.pageSize')) {
        model.refresh();
      }
      if (event.affectsConfiguration('fsxTasks.tracking.autoTrackActiveTasks')) {
        autoTracker.setEnabled(settings.autoTrackActiveTasks());
      }
    }),
  );

  // Nothing slow before returning: the sandbox start (seeding is synchronous) and the first
  // listing run after activate() has returned.
  const ready = Promise.resolve().then(async () => {
    const scenario = sandboxScenarioFromEnv(process.env.FSX_SANDBOX) ?? (settings.sandboxOnActivation() ? 'demo' : undefined);
    if (scenario) {
      // Started with the window (FSX_SANDBOX or the setting): no need to steal focus.
      await startSandbox(deps, scenario, false);
    } else {
      await reloadConnections();
    }
    tracker.restore();
    autoTracker.setEnabled(settings.autoTrackActiveTasks());
    await setContext('fsxTasks.activated', true);
  }).catch((error: unknown) => {
    log.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  });

  log.info(`Activated in ${Date.now() - started} ms`);
  return {
    ...deps,
    ready,
    setPrompts: (replacement) => {
      prompts = replacement;
    },
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}

