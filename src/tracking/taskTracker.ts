// The tasks the user tracks and how their lifecycles move. Observations come from the scheduler's
// polls (and the auto-tracker's scans, which the scheduler counts as polls: sampled()) and from
// anything else that saw a task (a cancel's answer, a tree refresh); each change of
// lifecycle is announced once, and an ended task is announced once, persisted as ended so that a
// window reload does not announce it again, shown for a short while, then dropped. What is saved,
// and which saved records come back, is trackedRecords.ts.

import { Clock, TimerHandle } from './clock';
import { Disposable, DisposableStore, Emitter, Event, ListenerErrorHandler } from './events';
import { PollResult, PollScheduler, TRACKER_SOURCE_ID } from './pollScheduler';
import { Connection, connectionKey, isTerminal, isValidTaskId, Lifecycle, sameTaskState, Task } from '../fsx/types';
import { copyConnection, parseRecords, Reconnect, recordsToRestore, RecordsDropped, TrackedRecordStore, trackedRecord, TrackReason } from './trackedRecords';

export interface TrackedTask {
  readonly taskId: string;
  readonly connection: Connection;
  /** The latest observation; undefined until the first poll after track(id) or restore(). */
  readonly task?: Task;
  readonly lifecycle?: Lifecycle;
  readonly reason: TrackReason;
  readonly addedAt: number;
  /** Set once the task reached a terminal lifecycle; it is removed lingerMs later. */
  readonly endedAt?: number;
}

export interface TaskTransition {
  readonly taskId: string;
  readonly connection: Connection;
  /** Undefined on the first observation of a task tracked by id. */
  readonly from?: Lifecycle;
  readonly to: Lifecycle;
  readonly task: Task;
  readonly reason: TrackReason;
}

export interface TaskEnded {
  readonly taskId: string;
  readonly connection: Connection;
  readonly task: Task;
  readonly reason: TrackReason;
}

export interface TaskVanished {
  readonly taskId: string;
  readonly connection: Connection;
  /** The last observation, if there was one. */
  readonly lastTask?: Task;
  readonly reason: TrackReason;
}

/** The part of PollScheduler the tracker uses. */
export type TrackerScheduler = Pick<PollScheduler, 'watch' | 'unwatch' | 'nudge' | 'sample' | 'onDidPoll'>;

export interface TaskTrackerOptions {
  readonly clock: Clock;
  readonly scheduler: TrackerScheduler;
  readonly store: TrackedRecordStore;
  /** How long an ended task stays in list(); 5 s by default. */
  readonly lingerMs?: number;
  /** A failed write to the store (the in-memory state stays right). */
  onPersistError?(error: unknown): void;
  /** restore() found records it could not use (an older version's shape, a bad write): once per restore. */
  onRecordsDropped?(report: RecordsDropped): void;
  /** restore() refused records whose connection is not one of ours now (a foreign endpoint, a stopped sandbox): once per restore. */
  onRecordsRefused?(taskIds: readonly string[]): void;
  readonly onListenerError?: ListenerErrorHandler;
}

export const DEFAULT_LINGER_MS = 5_000;

interface Entry {
  readonly taskId: string;
  readonly connection: Connection;
  readonly key: string;
  reason: TrackReason;
  readonly addedAt: number;
  task?: Task;
  lifecycle?: Lifecycle;
  endedAt?: number;
  lingerTimer?: TimerHandle;
}

/** Events are queued while state changes and fired after, so listeners see a consistent tracker. */
type PendingEvent = () => void;

/** Lifecycles only move forward; an observation that goes back is stale (fetched before a newer one). */
const LIFECYCLE_RANK: Readonly<Record<Lifecycle, number>> = {
  PENDING: 0,
  EXECUTING: 1,
  CANCELING: 2,
  SUCCEEDED: 3,
  FAILED: 3,
  CANCELED: 3,
};

export class TaskTracker implements Disposable {
  private readonly clock: Clock;
  private readonly lingerMs: number;
  private readonly entries = new Map<string, Entry>();
  private readonly disposables = new DisposableStore();
  private readonly didTransition: Emitter<TaskTransition>;
  private readonly didEnd: Emitter<TaskEnded>;
  private readonly didVanish: Emitter<TaskVanished>;
  private readonly didChange: Emitter<void>;
  private writes: Promise<void> = Promise.resolve();
  private disposed = false;

  readonly onDidTransition: Event<TaskTransition>;
  readonly onDidEnd: Event<TaskEnded>;
  readonly onDidVanish: Event<TaskVanished>;
  /** Fires whenever list() would return something different. */
  readonly onDidChange: Event<void>;

  constructor(private readonly options: TaskTrackerOptions) {
    this.clock = options.clock;
    this.lingerMs = Math.max(0, options.lingerMs ?? DEFAULT_LINGER_MS);
    this.didTransition = this.disposables.add(new Emitter<TaskTransition>(options.onListenerError));
    this.didEnd = this.disposables.add(new Emitter<TaskEnded>(options.onListenerError));
    this.didVanish = this.disposables.add(new Emitter<TaskVanished>(options.onListenerError));
    this.didChange = this.disposables.add(new Emitter<void>(options.onListenerError));
    this.onDidTransition = this.didTransition.event;
    this.onDidEnd = this.didEnd.event;
    this.onDidVanish = this.didVanish.event;
    this.onDidChange = this.didChange.event;
    this.disposables.add(options.scheduler.onDidPoll((result) => this.onPoll(result)));
  }

  /**
   * Starts tracking a task (idempotent). Given a Task, that observation counts at once: a task
   * already ended is reported ended and never polled. Tracking polls soon (a nudge), except for
   * an 'auto' track given a Task, whose state was just seen.
   */
  track(connection: Connection, task: Task | string, reason: TrackReason): void {
    const taskId = typeof task === 'string' ? task : task.taskId;
    if (!isValidTaskId(taskId)) {
      throw new RangeError(`Not a data repository task id: ${taskId}`);
    }
    if (this.disposed) {
      return;
    }
    const events: PendingEvent[] = [];
    let entry = this.entries.get(taskId);
    let changed = false;
    if (!entry) {
      entry = { taskId, connection: copyConnection(connection), key: connectionKey(connection), reason, addedAt: this.clock.now() };
      this.entries.set(taskId, entry);
      changed = true;
    } else if (reason !== 'auto' && entry.reason !== reason) {
      // A user's explicit track or cancel outranks the auto-tracker; the latest user reason wins.
      entry.reason = reason;
      changed = true;
    }
    if (typeof task !== 'string' && entry.key === connectionKey(connection)) {
      changed = this.applyObservation(entry, task, events) || changed;
    }
    if (entry.endedAt === undefined) {
      this.syncWatch(entry.connection);
      if (reason !== 'auto' || typeof task === 'string') {
        this.options.scheduler.nudge(entry.connection);
      }
    }
    this.commit(changed, events);
  }

  /** Stops tracking; returns whether the task was tracked. */
  untrack(taskId: string): boolean {
    const entry = this.entries.get(taskId);
    if (!entry || this.disposed) {
      return false;
    }
    this.remove(entry);
    this.commit(true, []);
    return true;
  }

  has(taskId: string): boolean {
    return this.entries.has(taskId);
  }

  /** Oldest first. */
  list(): TrackedTask[] {
    return [...this.entries.values()]
      .sort((a, b) => a.addedAt - b.addedAt || a.taskId.localeCompare(b.taskId))
      .map((entry) => ({
        taskId: entry.taskId,
        connection: entry.connection,
        task: entry.task,
        lifecycle: entry.lifecycle,
        reason: entry.reason,
        addedAt: entry.addedAt,
        endedAt: entry.endedAt,
      }));
  }

  /**
   * Loads what was tracked before a window reload, watches it and polls soon. Records of tasks
   * already ended (announced before the reload) are dropped, not restored. Returns how many were restored.
   *
   * `reconnect` maps a saved connection to the one to use now (the sandbox listens on a new port
   * after every window reload), or refuses it with undefined: the stored state is outside data, and
   * a record naming an endpoint that is not configured (or a sandbox that no longer runs) would
   * otherwise be polled with the user's credentials. Refused records are dropped, never polled.
   */
  restore(reconnect: Reconnect = (saved) => saved): number {
    if (this.disposed) {
      return 0;
    }
    const parsed = parseRecords(this.options.store.get());
    if (parsed.dropped > 0 || parsed.notAList) {
      this.options.onRecordsDropped?.({ kept: parsed.records.length, dropped: parsed.dropped, notAList: parsed.notAList });
    }
    const { restore, refused } = recordsToRestore(parsed.records, reconnect, (taskId) => this.entries.has(taskId));
    if (refused.length > 0) {
      this.options.onRecordsRefused?.(refused);
    }
    const restored = restore.map((record): Entry => ({
      taskId: record.taskId,
      connection: record.connection,
      key: connectionKey(record.connection),
      reason: record.reason,
      addedAt: record.addedAt,
      lifecycle: record.lastLifecycle,
    }));
    for (const entry of restored) {
      this.entries.set(entry.taskId, entry);
    }
    const connections = new Map(restored.map((entry) => [entry.key, entry.connection]));
    for (const connection of connections.values()) {
      this.syncWatch(connection);
      this.options.scheduler.nudge(connection);
    }
    // Written back even when nothing was restored, so ended and malformed records are pruned.
    this.persist();
    if (restored.length > 0) {
      this.didChange.fire();
    }
    return restored.length;
  }

  /** Feeds a task seen outside the scheduler (a cancel's answer, a tree refresh) through the same logic. */
  updateFromObservation(connection: Connection, task: Task): void {
    if (this.disposed) {
      return;
    }
    const entry = this.entries.get(task.taskId);
    if (!entry || entry.key !== connectionKey(connection)) {
      return;
    }
    const events: PendingEvent[] = [];
    const changed = this.applyObservation(entry, task, events);
    if (entry.endedAt !== undefined) {
      this.syncWatch(entry.connection);
    }
    this.commit(changed, events);
  }

  /**
   * A scan listed these active tasks of `connection` (the auto-tracker, after it tracked the new
   * ones), and scans it again at `nextScanAt`. They reach the tracker as the scheduler's sample, the
   * way a poll's answer does, and a poll the scan made needless is not sent (PollScheduler.sample).
   */
  sampled(connection: Connection, tasks: readonly Task[], nextScanAt?: number): void {
    if (!this.disposed) {
      this.options.scheduler.sample(connection, tasks, nextScanAt);
    }
  }

  /** Resolves when every write to the store so far has finished (failed writes go to onPersistError). */
  whenPersisted(): Promise<void> {
    return this.writes;
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const entry of this.entries.values()) {
      this.clearLinger(entry);
    }
    this.options.scheduler.unwatch(TRACKER_SOURCE_ID);
    this.disposables.dispose();
  }

  private onPoll(result: PollResult): void {
    if (this.disposed) {
      return;
    }
    const key = connectionKey(result.connection);
    const events: PendingEvent[] = [];
    let changed = false;
    for (const task of result.tasks) {
      const entry = this.entries.get(task.taskId);
      if (entry && entry.key === key) {
        changed = this.applyObservation(entry, task, events) || changed;
      }
    }
    for (const taskId of result.missingIds) {
      const entry = this.entries.get(taskId);
      if (entry && entry.key === key && entry.endedAt === undefined) {
        this.remove(entry);
        const vanished: TaskVanished = { taskId, connection: entry.connection, lastTask: entry.task, reason: entry.reason };
        events.push(() => this.didVanish.fire(vanished));
        changed = true;
      }
    }
    if (changed) {
      // The scheduler already dropped ended ids; this keeps the tracker's watch in step with it.
      this.syncWatch(result.connection);
    }
    this.commit(changed, events);
  }

  /** Updates one entry from an observation; queues its events; returns whether list() changed. */
  private applyObservation(entry: Entry, task: Task, events: PendingEvent[]): boolean {
    if (entry.endedAt !== undefined) {
      return false;
    }
    const from = entry.lifecycle;
    if (from !== undefined && LIFECYCLE_RANK[task.lifecycle] < LIFECYCLE_RANK[from]) {
      return false;
    }
    const changed = !entry.task || !sameTaskState(entry.task, task);
    entry.task = task;
    if (from !== task.lifecycle) {
      entry.lifecycle = task.lifecycle;
      const transition: TaskTransition = { taskId: entry.taskId, connection: entry.connection, from, to: task.lifecycle, task, reason: entry.reason };
      events.push(() => this.didTransition.fire(transition));
    }
    if (isTerminal(task.lifecycle)) {
      entry.endedAt = this.clock.now();
      entry.lingerTimer = this.clock.setTimeout(() => this.removeAfterLinger(entry), this.lingerMs);
      const ended: TaskEnded = { taskId: entry.taskId, connection: entry.connection, task, reason: entry.reason };
      events.push(() => this.didEnd.fire(ended));
    }
    return changed || from !== task.lifecycle;
  }

  private removeAfterLinger(entry: Entry): void {
    entry.lingerTimer = undefined;
    if (this.entries.get(entry.taskId) === entry) {
      this.remove(entry);
      this.commit(true, []);
    }
  }

  private remove(entry: Entry): void {
    this.clearLinger(entry);
    this.entries.delete(entry.taskId);
    this.syncWatch(entry.connection);
  }

  private clearLinger(entry: Entry): void {
    if (entry.lingerTimer !== undefined) {
      this.clock.clearTimeout(entry.lingerTimer);
      entry.lingerTimer = undefined;
    }
  }

  /** Tells the scheduler which of this connection's tasks still need polling (the ones not ended). */
  private syncWatch(connection: Connection): void {
    const key = connectionKey(connection);
    const ids = [...this.entries.values()].filter((entry) => entry.key === key && entry.endedAt === undefined).map((entry) => entry.taskId);
    this.options.scheduler.watch(TRACKER_SOURCE_ID, connection, ids);
  }

  /** Persists and fires onDidChange when something changed, then the queued events. */
  private commit(changed: boolean, events: readonly PendingEvent[]): void {
    if (changed) {
      this.persist();
    }
    for (const fire of events) {
      fire();
    }
    if (changed) {
      this.didChange.fire();
    }
  }

  private persist(): void {
    const records = [...this.entries.values()].map(trackedRecord);
    // Writes are chained so they land in order and the last one wins.
    this.writes = this.writes
      .then(() => this.options.store.set(records))
      .then(undefined, (error: unknown) => this.options.onPersistError?.(error));
  }
}
