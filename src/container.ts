// Builds every long-lived object once, in dependency order, and owns them: dispose() undoes them
// in reverse order. Each object is built after everything it uses, closures included (no callback
// reaches a member assigned later), and is handed its dependencies by name (an options object).
// Commands receive it as Services (commands/services.ts; each declares the part it needs), and
// it registers them all with their handlers; what only a command opens (task details, reports,
// panels) is built on first use. Nothing here decides behaviour, the controllers and models do
// (docs/ARCHITECTURE.md).
import * as vscode from 'vscode';
import { EndpointGate, EndpointService } from './fsx/endpoint';
import { sendQueuedStart } from './fsx/createTask';
import { LazyFsxClients } from './fsx/loadFsxBackend';
import { readSharedConfig } from './fsx/profiles';
import { Connection, FsxApi, Task } from './fsx/types';
import type { ThroughputEstimate } from './outcomes/throughput';
import { ExplorerModel } from './viewModel/explorerModel';
import { connectionsToPrefetch, warmUpDelay } from './viewModel/warmUpPlan';
import { ProgressHistories } from './outcomes/progressHistories';
import { LocalSandbox, sandboxLatencyFromEnv, sandboxScenarioFromEnv } from './sandbox/localSandbox';
import { systemClock } from './tracking/clock';
import { PollScheduler } from './tracking/pollScheduler';
import { registerCommands } from './commands';
import { sendCancel } from './commands/cancelTask';
import { followStartedTask } from './commands/startTask';
import { findTask } from './commands/taskTarget';
import type { ChatToolImplementations, Services } from './commands/services';
import { ConnectionsController } from './views/connectionsController';
import { sandboxEnded } from './views/sandboxEnded';
import { startSandbox } from './views/sandboxStart';
import { setContext } from './views/contextKeys';
import { ExplorerController } from './views/explorer/explorerController';
import type { ExplorerNode } from './views/explorer/node';
import { createLog, logApiCall, malformedAnswerLog } from './views/log';
import { MountsController } from './views/mountsController';
import { ExportStateDecorations } from './views/exportStateDecorations';
import { SandboxMountFolder } from './views/sandboxMountFolder';
import type { FailedFilesPanels, ProgressChartPanels } from './views/outcomePanels';
import { PromptSeam } from './views/prompts';
import { ReportService } from './views/reports';
import { EventLogService } from './views/eventLogs';
import type { EventLogPanels } from './views/eventLogPanels';
import { EventLogCounts } from './viewModel/eventLogCounts';
import { DEFAULT_WINDOW } from './outcomes/eventLog';
import { Settings } from './views/settings';
import { TaskDetailsProvider } from './views/taskDetails';
import { StartQueueController } from './views/startQueueController';
import { TrackingController } from './views/trackingController';

export interface ContainerOptions {
  readonly context: vscode.ExtensionContext;
  /** The view activation created (views/extensionShell.ts); the explorer fills it. */
  readonly view: vscode.TreeView<ExplorerNode>;
}

export class Container implements Services, vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly prompts = new PromptSeam();
  readonly settings = new Settings(this.prompts);
  readonly clients: LazyFsxClients;
  /** The FSx operations for a connection, over its cached client. */
  readonly apiFor: (connection: Connection) => FsxApi;
  readonly sandbox: LocalSandbox;
  readonly model: ExplorerModel;
  readonly scheduler: PollScheduler;
  readonly tracking: TrackingController;
  /** Starts waiting for the running task of their file system, kept per workspace. */
  readonly queue: StartQueueController;
  readonly mounts: MountsController;
  /** The sandbox's mount folder (made when the sandbox starts). */
  readonly sandboxMount: SandboxMountFolder;
  /** The Explorer's export-state badges of files under Lustre mounts. */
  readonly exportStates: ExportStateDecorations;
  readonly explorer: ExplorerController;
  readonly connections: ConnectionsController;
  /** Data repository event logs (CloudWatch Logs), read on demand. */
  readonly eventLogs: EventLogService;
  /** The association rows' failure counts of the last 24 hours. */
  readonly eventLogCounts: EventLogCounts;
  /** What is kept per workspace (tracked tasks, the task filter). */
  readonly workspaceState: vscode.Memento;
  /** Files done over time per task, fed by every poll (throughput, time left, the chart). */
  readonly progress = new ProgressHistories();
  /** A running task's throughput and time left, once polls have seen it run. */
  readonly estimateOf = (task: Pick<Task, 'taskId' | 'lifecycle'>): ThroughputEstimate | undefined => this.progress.estimate(task, Date.now());
  private readonly owned: vscode.Disposable[] = [];
  private readonly built: { details?: TaskDetailsProvider; reports?: ReportService; failedFiles?: Promise<FailedFilesPanels>; progressCharts?: Promise<ProgressChartPanels>; eventLogPanels?: Promise<EventLogPanels>; chatTools?: Promise<ChatToolImplementations> } = {};

  constructor({ context, view }: ContainerOptions) {
    this.workspaceState = context.workspaceState;
    const log = (this.log = this.own(createLog()));
    this.own(this.settings.watchValues());
    const sandbox = (this.sandbox = new LocalSandbox({
      script: context.asAbsolutePath('dist/emulator-process.js'),
      recordFile: vscode.Uri.joinPath(context.globalStorageUri, 'sandbox.json').fsPath,
      latencyMs: sandboxLatencyFromEnv(process.env.FSX_SANDBOX_LATENCY_MS),
    }));
    const clients = (this.clients = this.own(new LazyFsxClients({ onApiCall: (event) => logApiCall(log, event), gate: this.endpointGate('fsx'), onMalformed: malformedAnswerLog(log) })));
    this.apiFor = (connection) => clients.apiFor(connection);
    // A closing window (or a reload) leaves the process for the next one: it exits by itself when unused.
    this.own({ dispose: () => sandbox.detach() });
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
    // Subscribed before the tracker and the views, so they render with the poll's sample in.
    this.own(this.scheduler.onDidPoll(({ tasks }) => this.progress.observe(tasks)));
    this.own(vscode.window.onDidChangeWindowState((state) => this.scheduler.setWindowFocused(state.focused)));
    this.tracking = this.own(
      new TrackingController({
        workspaceState: this.workspaceState,
        scheduler: this.scheduler,
        settings: this.settings,
        log,
        prompts: this.prompts,
        apiFor: this.apiFor,
        connections: () => this.model.usableConnections().map((entry) => entry.connection),
        estimateOf: this.estimateOf,
      }),
    );
    // A new connection list (settings, the sandbox): connections not seen before are scanned at once.
    this.own(
      this.model.onDidChange((change) => {
        if (change.scope === 'all') {
          this.tracking.autoTracker.connectionsChanged().catch((error: unknown) => log.warn(`Auto-track could not read the connections: ${String(error)}`));
        }
      }),
    );
    this.queue = this.own(
      new StartQueueController({
        workspaceState: this.workspaceState,
        tracker: this.tracking.tracker,
        model: this.model,
        scheduler: this.scheduler,
        autoTracker: this.tracking.autoTracker,
        settings: this.settings,
        log,
        prompts: this.prompts,
        send: (connection, input) => sendQueuedStart(this.apiFor(connection), input, vscode.l10n),
      }),
    );
    this.mounts = this.own(new MountsController(this.model, log));
    const eventLogs = (this.eventLogs = this.own(new EventLogService({ onApiCall: (event) => logApiCall(log, event), gate: this.endpointGate('logs') })));
    this.eventLogCounts = this.own(new EventLogCounts((connection, resource) => eventLogs.read(connection, resource, DEFAULT_WINDOW)));
    this.sandboxMount = new SandboxMountFolder({ storageUri: context.globalStorageUri, mounts: this.mounts, log });
    // The Explorer's provider while there are Lustre mounts (read after activation, in start()).
    this.exportStates = this.own(new ExportStateDecorations({ mounts: this.mounts, prompts: this.prompts, log }));
    // An export, import or release changes files' state: the Explorer asks again for the rows it shows.
    this.own(this.tracking.tracker.onDidEnd(() => this.exportStates.statesChanged()));
    this.explorer = this.own(
      new ExplorerController({
        view,
        model: this.model,
        tracker: this.tracking.tracker,
        scheduler: this.scheduler,
        settings: this.settings,
        state: this.workspaceState,
        mounts: this.mounts,
        estimateOf: this.estimateOf,
        queue: this.queue.queue,
        eventLogs: this.eventLogCounts,
      }),
    );
    this.connections = this.own(
      new ConnectionsController({ settings: this.settings, sandbox, clients, model: this.model, showSandbox: (shown) => this.explorer.showSandbox(shown), log }),
    );
    this.own(sandbox.onDidEnd((ended) => void sandboxEnded(this, ended).catch((error: unknown) => log.error(`Could not restart the sandbox: ${String(error)}`))));
    // Last: a handler may use any member above (and the ones built on first use below).
    for (const registration of registerCommands(this)) {
      this.own(registration);
    }
  }

  /** Task details documents (the fsx-task: scheme), built on first use. */
  get details(): TaskDetailsProvider {
    return (this.built.details ??= this.own(new TaskDetailsProvider((connection, task) => this.model.resourceName(connection, task.resource), this.scheduler.onDidPoll, this.estimateOf)));
  }

  /** Completion reports, read on first use. */
  get reports(): ReportService {
    return (this.built.reports ??= this.own(new ReportService(this.settings, { onApiCall: (event) => logApiCall(this.log, event), gate: this.endpointGate('s3') })));
  }

  /** The failed-files pages and their raw reports (the fsx-report: scheme), loaded and built on first use. */
  failedFiles(): Promise<FailedFilesPanels> {
    return (this.built.failedFiles ??= import('./views/outcomePanels.js').then(({ FailedFilesPanels }) => this.own(new FailedFilesPanels(this.reports, this.prompts))));
  }

  /** The progress charts, loaded and built on first use. */
  progressCharts(): Promise<ProgressChartPanels> {
    return (this.built.progressCharts ??= import('./views/outcomePanels.js').then(({ ProgressChartPanels }) => this.own(new ProgressChartPanels(this.progress, this.scheduler.onDidPoll))));
  }

  /** The automatic export and import failures pages, built on first use. */
  eventLogPanels(): Promise<EventLogPanels> {
    return (this.built.eventLogPanels ??= import('./views/eventLogPanels.js').then(({ EventLogPanels }) => this.own(new EventLogPanels())));
  }

  /** The chat's tools, over the same lookups and actions as the commands; loaded and built on the first tool call. */
  chatTools(): Promise<ChatToolImplementations> {
    return (this.built.chatTools ??= import('./chat/chatTools.js').then(({ createChatToolImplementations }) => createChatToolImplementations(this, { findTask, sendCancel, followStartedTask })));
  }

  /** What a client of `service` may send to: the configured endpoint or the running sandbox (fsx/endpoint.ts). */
  endpointGate(service: EndpointService): EndpointGate {
    return new EndpointGate({
      service,
      setting: () => (service === 'fsx' ? this.settings.endpoint() : service === 's3' ? this.settings.s3Endpoint() : undefined),
      env: process.env,
      sandboxEndpoint: () => this.sandbox.connection?.endpoint,
      readShared: readSharedConfig,
      l10n: vscode.l10n,
    });
  }

  /**
   * What runs after activate() has returned, so nothing slow sits in it: the sandbox start
   * (its seeding is synchronous) or the first listing, then the tracked tasks of the last session.
   */
  async start(): Promise<void> {
    // A sandbox process this window used before a reload (or another window started) is used again, its state intact.
    const reattached = await this.sandbox.reattach().catch(() => undefined);
    const scenario = sandboxScenarioFromEnv(process.env.FSX_SANDBOX) ?? (this.settings.sandboxOnActivation() || reattached || this.sandboxMount.inWorkspace() ? 'demo' : undefined);
    if (scenario || this.explorer.view.visible) {
      // A listing is coming: the SDK side loads while the sandbox starts or the connections are
      // resolved, not after.
      this.clients.preload().catch((error: unknown) => this.log.error(`Could not load the FSx client: ${String(error)}`));
    }
    await this.mounts.reload();
    if (scenario) {
      // Started with the window (FSX_SANDBOX or the setting): no need to steal focus.
      await startSandbox(this, scenario, false);
    } else {
      await this.connections.reload();
    }
    // The queue first: it tracks the tasks its starts wait for before the tracker's first poll
    // can see them end (an end seen before would leave a restored start waiting for nothing).
    await this.queue.start(this.sandbox.connection);
    await this.tracking.start(this.sandbox.connection);
    await setContext('fsxTasks.activated', true);
    const signals = { viewVisible: this.explorer.view.visible, viewUsedBefore: this.explorer.usedBefore, sandboxStarted: !!scenario, trackedTasks: this.tracking.tracker.list().length };
    const delay = warmUpDelay(signals);
    if (delay !== undefined) {
      // After start-up, off the first listing's path: setTimeout lets pending work go first.
      const timer = setTimeout(() => void this.warmUp(), delay);
      this.own({ dispose: () => clearTimeout(timer) });
    }
  }

  private async warmUp(): Promise<void> {
    try {
      const ms = await this.clients.warmUp();
      this.log.info(`Warmed up the FSx client in ${ms} ms while the window was idle`);
    } catch (error) {
      this.log.warn(`Could not warm up the FSx client: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // Into the model's cache: a failure is kept there and shown as the connection's error row
    // (with Retry) when the view opens, never as a message now.
    const connections = connectionsToPrefetch(this.model);
    await Promise.all(connections.map((connection) => this.model.resources(connection).catch(() => undefined)));
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
