// Optional: finds running tasks on its own and tracks them (reason 'auto'), so a task someone
// started from the CLI shows up in the status bar. It offers each task once per session: a task
// the user untracks is not tracked again by the next scan.
//
// Each connection has its own schedule. One whose last scan found active tasks is scanned at the
// settled interval; one with nothing active is scanned IDLE_FIRST_DELAY_MS later, then at twice
// the delay each time it is still idle, up to IDLE_MAX_DELAY_MS: a user with 200 connections of
// which 5 are busy pays for the 5, not the 200. Finding a task, scanNow() (a refresh, a task
// started) or a new connection list puts a connection back at the start. A failing connection
// backs off on its own; the others keep their times.
//
// Each scan's answer goes to the tracker as a sample (TaskTracker.sampled): the tracker's poll of
// a task the scan listed is then not sent as well, so with auto-track on, a busy connection costs
// its scans alone. Scans are background work for the request limiter (markBackground).

import { setMaxListeners } from 'node:events';
import { Clock, TimerHandle } from './clock';
import { Disposable } from './events';
import { errorBackoffDelay, settledInterval, withJitter } from './pollPolicy';
import { TaskTracker } from './taskTracker';
import { classifyError, FsxError } from '../fsx/errors';
import { markBackground } from '../fsx/requestLimiter';
import { Connection, connectionKey, isTerminal, isValidTaskId, Task } from '../fsx/types';

/** The first scan after one that found nothing active. */
export const IDLE_FIRST_DELAY_MS = 5 * 60_000;
/** Idle delays double up to this: the longest a task started elsewhere waits to be found. */
export const IDLE_MAX_DELAY_MS = 30 * 60_000;

/** The delay after the `idleScans`-th scan in a row that found nothing active (1 for the first). */
export function idleDelay(idleScans: number): number {
  const doublings = Math.min(Math.max(0, idleScans - 1), 30);
  return Math.min(IDLE_MAX_DELAY_MS, IDLE_FIRST_DELAY_MS * 2 ** doublings);
}

export interface AutoTrackerOptions {
  readonly clock: Clock;
  readonly tracker: Pick<TaskTracker, 'track' | 'has' | 'sampled'>;
  /** The connections to scan, asked whenever a scan is due (they change with the user's settings). */
  connections(): readonly Connection[];
  /** The connection's PENDING and EXECUTING tasks (over FsxApi.listTasks per resource, wired by the extension). */
  listActiveTasks(connection: Connection, signal: AbortSignal): Promise<readonly Task[]>;
  /** Between scans of a connection with active tasks; the settled poll interval by default. */
  readonly intervalMs?: number;
  readonly random?: () => number;
  onError?(connection: Connection, error: FsxError): void;
}

type ScanOutcome = 'active' | 'idle' | 'failed' | 'throttled' | 'aborted';

interface ScanResult {
  readonly outcome: ScanOutcome;
  /** The active tasks the scan listed (when it succeeded). */
  readonly active?: readonly Task[];
}

interface ConnectionSchedule {
  connection: Connection;
  /** When its next scan is due (clock time). */
  dueAt: number;
  /** Scans in a row that found nothing active; 0 after one that found a task (or before any). */
  idleScans: number;
  consecutiveErrors: number;
  /** Set while its scan runs; a scanNow() joins it. */
  running?: Promise<void>;
}

export class AutoTracker implements Disposable {
  private readonly intervalMs: number;
  private readonly random: () => number;
  /** Per connection, the active task ids already seen: each is tracked at most once. */
  private readonly offered = new Map<string, ReadonlySet<string>>();
  private readonly schedules = new Map<string, ConnectionSchedule>();
  private enabled = false;
  private disposed = false;
  private timer: TimerHandle | undefined;
  private timerDueAt: number | undefined;
  /** Aborted (and replaced) when auto-tracking is turned off: the scans running stop. */
  private controller = scanController();
  /** connections() threw this many times in a row: the next try backs off like a failed scan. */
  private failedListings = 0;

  constructor(private readonly options: AutoTrackerOptions) {
    this.intervalMs = settledInterval(options.intervalMs);
    this.random = options.random ?? Math.random;
  }

  /** Enabling scans every connection at once; disabling stops the timer and aborts the scans (tracked tasks stay tracked). */
  setEnabled(enabled: boolean): void {
    if (this.disposed || enabled === this.enabled) {
      return;
    }
    this.enabled = enabled;
    if (enabled) {
      this.failedListings = 0;
      this.arm(this.options.clock.now());
    } else {
      this.stop();
    }
  }

  /**
   * Scans now and puts the scanned connections back on the settled interval's footing: the given
   * connection (a task was started on it, it was refreshed), or every connection. A scan already
   * running for a connection is joined. Does nothing while disabled.
   */
  scanNow(connection?: Connection): Promise<void> {
    if (!this.enabled || this.disposed) {
      return Promise.resolve();
    }
    const key = connection && connectionKey(connection);
    return this.run((scheduleKey) => key === undefined || scheduleKey === key, true);
  }

  /**
   * The connection list changed (settings, the sandbox started): connections not seen before are
   * scanned at once, the others keep their times.
   */
  connectionsChanged(): Promise<void> {
    if (!this.enabled || this.disposed) {
      return Promise.resolve();
    }
    return this.run(() => false, false);
  }

  /** When each connection is next due, by connection key (tests and diagnostics). */
  nextScans(): ReadonlyMap<string, number> {
    return new Map([...this.schedules].map(([key, schedule]) => [key, schedule.dueAt]));
  }

  dispose(): void {
    this.disposed = true;
    this.enabled = false;
    this.stop();
  }

  /** Scans what is due, what `pick` chooses and what is new; resolves once those scans are done. */
  private async run(pick: (key: string) => boolean, reset: boolean): Promise<void> {
    let connections: readonly Connection[];
    try {
      connections = this.options.connections();
    } catch (error) {
      // Even when the list cannot be read, a next try is scheduled (with backoff).
      this.failedListings++;
      this.arm(this.options.clock.now() + errorBackoffDelay({ baseDelayMs: this.intervalMs, consecutiveErrors: this.failedListings, throttled: false, random: this.random }));
      throw error;
    }
    this.failedListings = 0;
    const now = this.options.clock.now();
    const current = new Map<string, ConnectionSchedule>();
    for (const connection of connections) {
      const key = connectionKey(connection);
      const schedule = this.schedules.get(key) ?? { connection, dueAt: now, idleScans: 0, consecutiveErrors: 0 };
      schedule.connection = connection;
      current.set(key, schedule);
    }
    // A connection that left the list is forgotten; its running scan's answer is dropped.
    this.schedules.clear();
    for (const [key, schedule] of current) {
      this.schedules.set(key, schedule);
    }
    const scans: Promise<void>[] = [];
    for (const [key, schedule] of this.schedules) {
      const picked = pick(key);
      if (picked && reset) {
        schedule.idleScans = 0;
      }
      if (schedule.running) {
        if (picked) {
          scans.push(schedule.running);
        }
      } else if (picked || schedule.dueAt <= now) {
        scans.push(this.startScan(key, schedule));
      }
    }
    this.armNext();
    await Promise.all(scans);
  }

  private startScan(key: string, schedule: ConnectionSchedule): Promise<void> {
    const signal = this.controller.signal;
    const running = this.scanConnection(key, schedule.connection, signal).then(({ outcome, active }) => {
      if (schedule.running !== running) {
        return;
      }
      schedule.running = undefined;
      if (outcome !== 'aborted' && this.schedules.get(key) === schedule) {
        schedule.dueAt = this.options.clock.now() + this.delayAfter(schedule, outcome);
        this.armNext();
        if (active && active.length > 0) {
          this.handOver(schedule.connection, active, schedule.dueAt);
        }
      }
    });
    schedule.running = running;
    return running;
  }

  /** Gives the tracker the scan's answer, a sample like a poll's (see the top of this file). */
  private handOver(connection: Connection, active: readonly Task[], nextScanAt: number): void {
    try {
      this.options.tracker.sampled(connection, active, nextScanAt);
    } catch (error) {
      this.options.onError?.(connection, classifyError(error));
    }
  }

  /** The connection's next delay; errors never bring its scans closer than its idle delay. */
  private delayAfter(schedule: ConnectionSchedule, outcome: Exclude<ScanOutcome, 'aborted'>): number {
    if (outcome === 'active') {
      schedule.idleScans = 0;
      schedule.consecutiveErrors = 0;
      return this.intervalMs;
    }
    if (outcome === 'idle') {
      schedule.idleScans++;
      schedule.consecutiveErrors = 0;
      // Jitter, but never past the longest delay: idle connections do not all come due together.
      return Math.round(Math.min(IDLE_MAX_DELAY_MS, withJitter(idleDelay(schedule.idleScans), this.random)));
    }
    schedule.consecutiveErrors++;
    const backoff = errorBackoffDelay({ baseDelayMs: this.intervalMs, consecutiveErrors: schedule.consecutiveErrors, throttled: outcome === 'throttled', random: this.random });
    return schedule.idleScans > 0 ? Math.max(backoff, idleDelay(schedule.idleScans)) : backoff;
  }

  private async scanConnection(key: string, connection: Connection, signal: AbortSignal): Promise<ScanResult> {
    let tasks: readonly Task[];
    try {
      tasks = await this.options.listActiveTasks(connection, signal);
    } catch (error) {
      if (signal.aborted) {
        return { outcome: 'aborted' };
      }
      const fsxError = classifyError(error, 'DescribeDataRepositoryTasks');
      this.options.onError?.(connection, fsxError);
      return { outcome: fsxError.kind === 'throttled' ? 'throttled' : 'failed' };
    }
    if (signal.aborted) {
      return { outcome: 'aborted' };
    }
    const seenBefore = this.offered.get(key) ?? new Set<string>();
    const active = tasks.filter((task) => !isTerminal(task.lifecycle));
    try {
      for (const task of active) {
        if (isValidTaskId(task.taskId) && !seenBefore.has(task.taskId) && !this.options.tracker.has(task.taskId)) {
          this.options.tracker.track(connection, task, 'auto');
        }
      }
    } catch (error) {
      this.options.onError?.(connection, classifyError(error));
      return { outcome: 'failed' };
    }
    // Only ids still active are kept: an ended task never comes back, so the set stays small.
    this.offered.set(key, new Set(active.map((task) => task.taskId)));
    return active.length > 0 ? { outcome: 'active', active } : { outcome: 'idle' };
  }

  /**
   * One timer, at the earliest time a connection not being scanned is due, and at most an
   * interval away: reading the connection list costs no request, so a connection added without
   * a connectionsChanged() still gets its first scan within the interval.
   */
  private armNext(): void {
    let earliest = this.options.clock.now() + this.intervalMs;
    for (const schedule of this.schedules.values()) {
      if (!schedule.running) {
        earliest = Math.min(earliest, schedule.dueAt);
      }
    }
    this.arm(earliest);
  }

  private arm(at: number): void {
    if (!this.enabled || this.disposed || (this.timer !== undefined && this.timerDueAt === at)) {
      return;
    }
    this.clearTimer();
    this.timerDueAt = at;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerDueAt = undefined;
      this.run(() => false, false).catch(() => undefined);
    }, Math.max(0, at - this.options.clock.now()));
  }

  private stop(): void {
    this.clearTimer();
    this.controller.abort();
    this.controller = scanController();
    for (const schedule of this.schedules.values()) {
      schedule.running = undefined;
    }
    // Enabling again starts afresh: every connection is scanned at once.
    this.schedules.clear();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      this.options.clock.clearTimeout(this.timer);
      this.timer = undefined;
      this.timerDueAt = undefined;
    }
  }
}

/**
 * One signal for every connection's scan, marked as background work for the request limiter: the
 * scans wait behind what the user looks at. With many connections, more than Node's default of 10
 * listeners wait on it at once (the request limiter's queue, the SDK's requests), which is
 * expected, not a leak, so Node's warning is turned off for this signal.
 */
function scanController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  markBackground(controller.signal);
  return controller;
}
