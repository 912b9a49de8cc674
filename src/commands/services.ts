// What the top hands down to the commands, declared in the layer that uses it: the container
// implements Services, so no command imports the container (no import cycle; docs/ARCHITECTURE.md,
// Layers).
import type * as vscode from 'vscode';
import type { EndpointGate, EndpointService } from '../fsx/endpoint';
import type { LazyFsxClients } from '../fsx/loadFsxBackend';
import type { Connection, FsxApi, Task } from '../fsx/types';
import type { ProgressHistories } from '../outcomes/progressHistories';
import type { ThroughputEstimate } from '../outcomes/throughput';
import type { LocalSandbox } from '../sandbox/localSandbox';
import type { PollScheduler } from '../tracking/pollScheduler';
import type { ExplorerModel } from '../viewModel/explorerModel';
import type { ConnectionsController } from '../views/connectionsController';
import type { ExplorerController } from '../views/explorer/explorerController';
import type { ExportStateDecorations } from '../views/exportStateDecorations';
import type { MountsController } from '../views/mountsController';
import type { SandboxMountFolder } from '../views/sandboxMountFolder';
import type { FailedFilesPanels, ProgressChartPanels } from '../views/outcomePanels';
import type { PromptSeam } from '../views/prompts';
import type { ReportService } from '../views/reports';
import type { EventLogService } from '../views/eventLogs';
import type { EventLogPanels } from '../views/eventLogPanels';
import type { EventLogCounts } from '../viewModel/eventLogCounts';
import type { Settings } from '../views/settings';
import type { TaskDetailsProvider } from '../views/taskDetails';
import type { StartQueueController } from '../views/startQueueController';
import type { TrackingController } from '../views/trackingController';

/** The long-lived objects the container builds as it starts (src/container.ts). */
export interface AppServices {
  readonly log: vscode.LogOutputChannel;
  readonly prompts: PromptSeam;
  readonly settings: Settings;
  readonly clients: LazyFsxClients;
  readonly sandbox: LocalSandbox;
  readonly model: ExplorerModel;
  readonly scheduler: PollScheduler;
  readonly tracking: TrackingController;
  /** Starts waiting for the running task of their file system (Queue, Start Now, Remove). */
  readonly queue: StartQueueController;
  readonly mounts: MountsController;
  /** The sandbox's mount folder (made when the sandbox starts). */
  readonly sandboxMount: SandboxMountFolder;
  /** The export-state badges on files under the Lustre mounts (the Explorer's decorations). */
  readonly exportStates: ExportStateDecorations;
  readonly explorer: ExplorerController;
  readonly connections: ConnectionsController;
  /** What is kept per workspace (tracked tasks, the task filter). */
  readonly workspaceState: vscode.Memento;
  /** Files done over time per task, fed by every poll (throughput, time left, the chart). */
  readonly progress: ProgressHistories;
  /** A running task's throughput and time left, once polls have seen it run. */
  readonly estimateOf: (task: Pick<Task, 'taskId' | 'lifecycle'>) => ThroughputEstimate | undefined;
  /** The FSx operations for a connection, over its cached client. */
  readonly apiFor: (connection: Connection) => FsxApi;
  /** What a client of `service` may send to: the configured endpoint or the running sandbox. */
  endpointGate(service: EndpointService): EndpointGate;
  /** Data repository event logs (CloudWatch Logs), read on demand. */
  readonly eventLogs: EventLogService;
  /** The association rows' failure counts of the last 24 hours (forgotten on Refresh). */
  readonly eventLogCounts: EventLogCounts;
  /** Disposed with the extension. */
  own<T extends vscode.Disposable>(disposable: T): T;
}

/** What only a command opens: documents, reports and panels (the container builds each on first use). */
export interface Features {
  readonly details: TaskDetailsProvider;
  readonly reports: ReportService;
  /** The failed-files pages, loaded with their module on first use (dist/onDemand.js). */
  failedFiles(): Promise<FailedFilesPanels>;
  /** The progress charts, loaded with their module on first use (dist/onDemand.js). */
  progressCharts(): Promise<ProgressChartPanels>;
  /** The chat's FSx tools (src/chat/), behind the forwarders activation registers (src/extension.ts); loaded on the first call. */
  chatTools(): Promise<ChatToolImplementations>;
  /** The automatic export and import failures pages, loaded with their module on first use (dist/onDemand.js). */
  eventLogPanels(): Promise<EventLogPanels>;
}

/** The chat's FSx tools by name (src/chat/), built on the first tool call. */
export type ChatToolImplementations = ReadonlyMap<string, vscode.LanguageModelTool<unknown>>;

/** What the commands are given. */
export type Services = AppServices & Features;
