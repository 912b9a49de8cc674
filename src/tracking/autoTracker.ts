// Optional: finds running tasks on its own and tracks them (reason 'auto'), so a task someone
// started from the CLI shows up in the status bar. It offers each task once per session: a task
// the user untracks is not tracked again by the next scan.

import { Clock, TimerHandle } from './clock';
import { Disposable } from './events';
import { errorBackoffDelay, settledInterval } from './pollPolicy';
import { TaskTracker } from './taskTracker';
import { classifyError, FsxError } from '../fsx/errors';
import { Connection, connectionKey, isTerminal, isValidTaskId, Task } from '../fsx/model';

export interface AutoTrackerOptions {
  readonly clock: Clock;
  readonly tracker: Pick<TaskTracker, 'track' | 'has'>;
  /** The connections to scan, asked at every scan (they change with the user's settings). */
  connections(): readonly Connection[];
  /** The connection's PENDING and EXECUTING tasks (over FsxApi.listTasks per resource, wired by the extension). */
  listActiveTasks(connection: Connection, signal: AbortSignal): Promise<readonly Task[]>;
  /** Between scans; the settled poll interval by default. */
  readonly intervalMs?: number;
  readonly random?: () => number;
  onError?(connection: Connection, error: FsxError): void;
}

type ScanOutcome = 'ok' | 'failed' | 'throttled' | 'aborted';

interface RunningScan {
  readonly controller: AbortController;
  /** Set right after the scan starts (a scan may end synchronously, before it could be set). */
  done?: Promise<void>;
}

export class AutoTracker implements Disposable {
  private readonly intervalMs: number;
  private readonly random: () => number;
  /** Per connection, the active task ids already seen: each is tracked at most once. */
  private readonly offered = new Map<string, ReadonlySet<string>>();
  private enabled = false;
  private disposed = false;
  private timer: TimerHandle | undefined;
  private scan: RunningScan | undefined;
  private consecutiveFailedScans = 0;

  constructor(private readonly options: AutoTrackerOptions) {
    this.intervalMs = settledInterval(options.intervalMs);
    this.random = options.random ?? Math.random;
  }

  /** Enabling scans at once, then every interval; disabling stops the timer and aborts a scan (tracked tasks stay tracked). */
  setEnabled(enabled: boolean): void {
    if (this.disposed || enabled === this.enabled) {
      return;
    }
    this.enabled = enabled;
    if (enabled) {
      this.consecutiveFailedScans = 0;
      this.schedule(0);
    } else {
      this.stop();
    }
  }

  /** Scans now (joining a scan already running); does nothing while disabled. */
  scanNow(): Promise<void> {
    if (!this.enabled || this.disposed) {
      return Promise.resolve();
    }
    if (this.scan?.done) {
      return this.scan.done;
    }
    this.clearTimer();
    const scan: RunningScan = { controller: new AbortController() };
    this.scan = scan;
    scan.done = this.runScan(scan);
    return scan.done;
  }

  dispose(): void {
    this.disposed = true;
    this.enabled = false;
    this.stop();
  }

  private async runScan(scan: RunningScan): Promise<void> {
    const signal = scan.controller.signal;
    let outcomes: ScanOutcome[] = ['failed'];
    try {
      outcomes = await Promise.all(this.options.connections().map((connection) => this.scanConnection(connection, signal)));
    } finally {
      // Even when connections() or the tracker threw, the next scan is scheduled (with backoff).
      if (this.scan === scan) {
        this.scan = undefined;
        this.scheduleAfter(outcomes);
      }
    }
  }

  private scheduleAfter(outcomes: readonly ScanOutcome[]): void {
    const failed = outcomes.some((outcome) => outcome === 'failed' || outcome === 'throttled');
    this.consecutiveFailedScans = failed ? this.consecutiveFailedScans + 1 : 0;
    const delay = failed
      ? errorBackoffDelay({
          baseDelayMs: this.intervalMs,
          consecutiveErrors: this.consecutiveFailedScans,
          throttled: outcomes.includes('throttled'),
          random: this.random,
        })
      : this.intervalMs;
    this.schedule(delay);
  }

  private async scanConnection(connection: Connection, signal: AbortSignal): Promise<ScanOutcome> {
    let tasks: readonly Task[];
    try {
      tasks = await this.options.listActiveTasks(connection, signal);
    } catch (error) {
      if (signal.aborted) {
        return 'aborted';
      }
      const fsxError = classifyError(error, 'DescribeDataRepositoryTasks');
      this.options.onError?.(connection, fsxError);
      return fsxError.kind === 'throttled' ? 'throttled' : 'failed';
    }
    if (signal.aborted) {
      return 'aborted';
    }
    const key = connectionKey(connection);
    const seenBefore = this.offered.get(key) ?? new Set<string>();
    const active = tasks.filter((task) => !isTerminal(task.lifecycle));
    for (const task of active) {
      if (isValidTaskId(task.taskId) && !seenBefore.has(task.taskId) && !this.options.tracker.has(task.taskId)) {
        this.options.tracker.track(connection, task, 'auto');
      }
    }
    // Only ids still active are kept: an ended task never comes back, so the set stays small.
    this.offered.set(key, new Set(active.map((task) => task.taskId)));
    return 'ok';
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.enabled && !this.disposed) {
      this.timer = this.options.clock.setTimeout(() => {
        this.timer = undefined;
        void this.scanNow();
      }, delayMs);
    }
  }

  private stop(): void {
    this.clearTimer();
    this.scan?.controller.abort();
    this.scan = undefined;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      this.options.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
