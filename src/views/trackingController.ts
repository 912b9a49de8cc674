import * as vscode from 'vscode';
import { listActiveTasks } from '../fsx/activeTasks';
import type { SharedConfig } from '../fsx/endpoint';
import { readSharedConfig } from '../fsx/profiles';
import { Connection, FsxApi } from '../fsx/types';
import { AutoTracker } from '../tracking/autoTracker';
import { systemClock } from '../tracking/clock';
import { PollScheduler } from '../tracking/pollScheduler';
import { TaskTracker } from '../tracking/taskTracker';
import { Reconnect, restoredConnection } from '../tracking/trackedRecords';
import { notifyTaskEnded, notifyTasksEndedTogether, notifyTaskVanished } from './notifications';
import { Prompts } from './prompts';
import { Settings } from './settings';
import { StatusBarController } from './statusBar';
import type { EstimateOf } from '../viewModel/statusBarText';
import { TRACKED_TASKS_KEY } from './stateKeys';

export interface TrackingControllerOptions {
  /** Where the tracked tasks are kept across window reloads (the workspace's state). */
  readonly workspaceState: vscode.Memento;
  /** Polls the tracked tasks; the status bar also shows its failures. */
  readonly scheduler: PollScheduler;
  readonly settings: Settings;
  readonly log: vscode.LogOutputChannel;
  /** Shows the notification of an ended or vanished task. */
  readonly prompts: Prompts;
  /** The FSx operations for a connection (the auto-tracker's scans). */
  apiFor(connection: Connection): FsxApi;
  /** The usable connections now: the ones the auto-tracker scans. */
  connections(): readonly Connection[];
  /** A running task's throughput and time left, for the status bar's tooltip. */
  readonly estimateOf?: EstimateOf;
}

/**
 * Following tasks to their end: the tracker (persisted in workspace state), auto-tracking, the
 * status bar item, and the one notification per ended task (per group of tasks canceled together).
 */
export class TrackingController implements vscode.Disposable {
  readonly tracker: TaskTracker;
  readonly autoTracker: AutoTracker;
  readonly statusBar: StatusBarController;
  private readonly settings: Settings;
  private readonly disposables: vscode.Disposable[];

  constructor(options: TrackingControllerOptions) {
    const { workspaceState, scheduler, settings, log, prompts } = options;
    this.settings = settings;
    this.tracker = new TaskTracker({
      clock: systemClock,
      scheduler,
      store: { get: () => workspaceState.get(TRACKED_TASKS_KEY), set: (records) => workspaceState.update(TRACKED_TASKS_KEY, records) },
      onPersistError: (error) => log.warn(`Could not save the tracked tasks: ${String(error)}`),
      onRecordsDropped: ({ kept, dropped, notAList }) =>
        log.warn(
          notAList
            ? 'The saved tracked tasks were not a list (an older version or a bad write): starting with none tracked.'
            : `Dropped ${dropped} saved tracked-task record(s) that could not be read (an older version or a bad write); kept ${kept}.`,
        ),
      onRecordsRefused: (taskIds) =>
        log.warn(`Dropped ${taskIds.length} saved tracked task(s) whose connection is not one of yours now (an endpoint that is not configured, or a sandbox that is not running); never polled: ${taskIds.join(', ')}`),
    });
    this.autoTracker = new AutoTracker({
      clock: systemClock,
      tracker: this.tracker,
      connections: () => options.connections(),
      listActiveTasks: (connection, signal) => listActiveTasks(options.apiFor(connection), signal),
      intervalMs: settings.pollIntervalMs(),
      onError: (connection, error) => log.warn(`Auto-track scan of ${connection.region} failed: ${error.logLine}`),
    });
    this.statusBar = new StatusBarController(this.tracker, scheduler, options.estimateOf);
    this.disposables = [
      this.tracker,
      this.autoTracker,
      this.statusBar,
      this.tracker.onDidTransition((transition) => log.info(`${transition.taskId}: ${transition.from ?? 'tracked'} -> ${transition.to}`)),
      this.tracker.onDidEnd((ended) => {
        // A task ended with others it was canceled with is announced with them, below.
        if (ended.together === undefined && settings.notifyWhenTaskEnds()) {
          notifyTaskEnded(prompts, ended);
        }
      }),
      this.tracker.onDidEndTogether((ended) => {
        if (settings.notifyWhenTaskEnds()) {
          notifyTasksEndedTogether(prompts, ended);
        }
      }),
      this.tracker.onDidVanish((vanished) => notifyTaskVanished(prompts, vanished)),
      settings.onDidChange(['tracking.autoTrackActiveTasks'], () => this.autoTracker.setEnabled(settings.autoTrackActiveTasks())),
    ];
  }

  /**
   * Brings back the tasks tracked before the reload and starts auto-tracking if it is on. Sandbox
   * tasks follow the sandbox to the port it listens on now; a record whose endpoint is not the one
   * configured for its profile now (or a sandbox task with no sandbox running) is dropped.
   */
  async start(sandbox: Connection | undefined): Promise<void> {
    this.tracker.restore(await reloadReconnect(this.settings, sandbox));
    this.autoTracker.setEnabled(this.settings.autoTrackActiveTasks());
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.reverse()).dispose();
  }
}

/**
 * How a saved connection (of a tracked task, of a queued start) is used after a reload: the
 * sandbox's on the port it listens on now, another only when its endpoint is the one configured
 * for its profile now (restoredConnection).
 */
export async function reloadReconnect(settings: Pick<Settings, 'endpoint'>, sandbox: Connection | undefined): Promise<Reconnect> {
  let shared: SharedConfig | undefined;
  try {
    shared = await readSharedConfig();
  } catch {
    shared = undefined; // unreadable AWS files: only the setting and the environment name endpoints
  }
  return (saved) => restoredConnection(saved, sandbox, { setting: settings.endpoint(), env: process.env, shared });
}
