// The one poller of task lifecycles. Several sources (the tracker, the explorer tree) say which
// task ids they want watched on which connection; each cycle asks FSx once per connection for the
// union of those ids. One timer, armed only while something is watched, serves every connection;
// each connection keeps its own schedule, so an outage or throttling in one region does not slow
// the others. A list of the connection's tasks fetched by someone else (the auto-tracker's scan)
// is a sample like a poll's: sample() hands it to the same listeners, and when it carries every
// watched id the connection's poll is counted as done, so nothing is asked twice.

import { Clock, TimerHandle } from './clock';
import { Disposable, Emitter, Event, ListenerErrorHandler, rethrowLater } from './events';
import { errorBackoffDelay, nextPollDelay, settledInterval } from './pollPolicy';
import { classifyError, FsxError } from '../fsx/errors';
import { Connection, connectionKey, FsxApi, isTerminal, isValidTaskId, Task } from '../fsx/types';

/** The source id the TaskTracker watches under; by default the only one polled while the window is unfocused. */
export const TRACKER_SOURCE_ID = 'tracker';
/** The source id the explorer tree is expected to use. */
export const TREE_SOURCE_ID = 'tree';
/**
 * How long a poll waits past the time another sample of its connection is due (sample()): the
 * scan's round trip, its wait for a background slot and the SDK's retries fit in it. If the sample
 * does not come (a failed scan, auto-track turned off), the poll is that much late, no more.
 */
export const SAMPLE_GRACE_MS = 10_000;

export interface PollResult {
  readonly connection: Connection;
  /** Every task FSx returned, terminal ones included (they are then no longer watched). */
  readonly tasks: readonly Task[];
  /** Asked for but not returned: deleted or unknown. They are no longer watched either. */
  readonly missingIds: readonly string[];
}

export interface PollFailure {
  readonly connection: Connection;
  readonly error: FsxError;
  /** When the connection will be polled again, unless a nudge comes first. */
  readonly retryInMs: number;
}

export interface PollSchedulerOptions {
  readonly clock: Clock;
  apiFor(connection: Connection): FsxApi;
  /** Uniform in [0, 1), for backoff jitter; Math.random by default. */
  readonly random?: () => number;
  /** The interval once the fast polls after a user action are done; see pollPolicy.settledInterval. */
  readonly settledIntervalMs?: number;
  onError?(connection: Connection, error: FsxError): void;
  /**
   * Whether a source's ids keep being polled while the window is unfocused. A connection is
   * paused while unfocused unless one of its sources says yes. Default: only TRACKER_SOURCE_ID.
   */
  readonly keepPollingWhenUnfocused?: (sourceId: string) => boolean;
  /** The window's focus at construction; true by default. */
  readonly windowFocused?: boolean;
  readonly onListenerError?: ListenerErrorHandler;
}

interface ConnectionState {
  readonly key: string;
  readonly connection: Connection;
  dueAt: number;
  /** Polls since the last nudge; Infinity when there was none (settled from the start). */
  pollsSinceNudge: number;
  consecutiveErrors: number;
  /** While throttled, a nudge cannot bring the next poll earlier than this. */
  throttledUntil: number;
  inFlight?: AbortController;
  nudgedDuringFlight: boolean;
}

/** sourceId -> connection key -> ids */
type WatchTable = Map<string, Map<string, ReadonlySet<string>>>;

export class PollScheduler implements Disposable {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly settledMs: number;
  private readonly keepsPollingWhenUnfocused: (sourceId: string) => boolean;
  private readonly watches: WatchTable = new Map();
  private readonly states = new Map<string, ConnectionState>();
  private readonly didPoll: Emitter<PollResult>;
  private readonly didFail: Emitter<PollFailure>;
  private timer: TimerHandle | undefined;
  private focused: boolean;
  private disposed = false;

  readonly onDidPoll: Event<PollResult>;
  readonly onDidFail: Event<PollFailure>;

  constructor(private readonly options: PollSchedulerOptions) {
    this.clock = options.clock;
    this.random = options.random ?? Math.random;
    this.settledMs = settledInterval(options.settledIntervalMs);
    this.keepsPollingWhenUnfocused = options.keepPollingWhenUnfocused ?? ((sourceId) => sourceId === TRACKER_SOURCE_ID);
    this.focused = options.windowFocused ?? true;
    this.didPoll = new Emitter<PollResult>(options.onListenerError);
    this.didFail = new Emitter<PollFailure>(options.onListenerError);
    this.onDidPoll = this.didPoll.event;
    this.onDidFail = this.didFail.event;
  }

  /**
   * Replaces the ids `sourceId` watches on `connection` (an empty set removes them). Watching
   * does not poll sooner: a newly watched connection waits the settled interval; call nudge()
   * when a user action wants an answer now.
   */
  watch(sourceId: string, connection: Connection, taskIds: Iterable<string>): void {
    if (this.disposed) {
      return;
    }
    const ids = new Set(taskIds);
    for (const id of ids) {
      // One malformed id would make FSx reject the whole batch on every cycle.
      if (!isValidTaskId(id)) {
        throw new RangeError(`Not a data repository task id: ${id}`);
      }
    }
    const key = connectionKey(connection);
    const bySource = this.watches.get(sourceId) ?? new Map<string, ReadonlySet<string>>();
    if (ids.size > 0) {
      bySource.set(key, ids);
      this.watches.set(sourceId, bySource);
      if (!this.states.has(key)) {
        this.states.set(key, this.newState(key, connection));
      }
    } else {
      bySource.delete(key);
      if (bySource.size === 0) {
        this.watches.delete(sourceId);
      }
    }
    this.pruneStates();
    this.reschedule();
  }

  /** Stops watching everything `sourceId` watches, or only on `connection`. */
  unwatch(sourceId: string, connection?: Connection): void {
    if (this.disposed) {
      return;
    }
    if (connection) {
      this.watch(sourceId, connection, []);
      return;
    }
    this.watches.delete(sourceId);
    this.pruneStates();
    this.reschedule();
  }

  /** The ids one cycle would ask `connection` for, sorted. */
  watchedIds(connection: Connection): string[] {
    return this.idsFor(connectionKey(connection));
  }

  /** When `connection` is next due, or undefined when nothing is watched there. */
  nextPollAt(connection: Connection): number | undefined {
    return this.states.get(connectionKey(connection))?.dueAt;
  }

  /**
   * A user action happened (track, cancel, refresh): poll soon and restart the fast-then-settle
   * sequence, for one connection or all. While throttled, the poll waits for the backoff.
   */
  nudge(connection?: Connection): void {
    if (this.disposed) {
      return;
    }
    const targets = connection ? [this.states.get(connectionKey(connection))] : [...this.states.values()];
    for (const state of targets) {
      if (!state) {
        continue;
      }
      if (state.inFlight) {
        // The answer on its way may predate the action, so poll again once it lands.
        state.nudgedDuringFlight = true;
      } else {
        this.applyNudge(state);
      }
    }
    this.reschedule();
  }

  /**
   * Tasks of `connection` that another request just fetched (the auto-tracker's scan of its active
   * tasks), fed to the poll's listeners as a sample of the watched ids among them. When the
   * connection is on its settled interval and they carry every id watched there, they count as its
   * poll: the next one is due as after a poll, and when `nextSampleAt` (the next scan) comes before
   * that, it waits for it too (plus SAMPLE_GRACE_MS), so a task the scans cover is not polled as
   * well. A sample that misses an id (a CANCELING task is not listed as active), or comes during
   * the fast polls after a user action, leaves the schedule alone. Ignored while the connection's
   * own poll is in flight: that answer is on its way.
   */
  sample(connection: Connection, tasks: readonly Task[], nextSampleAt?: number): void {
    const state = this.states.get(connectionKey(connection));
    if (this.disposed || !state || state.inFlight) {
      return;
    }
    const watched = new Set(this.idsFor(state.key));
    const sampled = tasks.filter((task) => watched.has(task.taskId));
    if (sampled.length === 0) {
      return;
    }
    const settled = nextPollDelay(state.pollsSinceNudge, this.settledMs) === this.settledMs;
    if (settled && new Set(sampled.map((task) => task.taskId)).size === watched.size) {
      this.counted(state, sampled);
      if (nextSampleAt !== undefined && nextSampleAt <= state.dueAt) {
        state.dueAt = Math.max(state.dueAt, nextSampleAt + SAMPLE_GRACE_MS);
      }
    } else {
      this.dropIds(state.key, sampled.filter((task) => isTerminal(task.lifecycle)).map((task) => task.taskId));
    }
    this.pruneStates();
    this.reschedule();
    this.didPoll.fire({ connection: state.connection, tasks: sampled, missingIds: [] });
  }

  /** While unfocused, connections that only sources without keepPollingWhenUnfocused watch are paused. */
  setWindowFocused(focused: boolean): void {
    if (this.disposed || focused === this.focused) {
      return;
    }
    this.focused = focused;
    // On focus, a paused connection whose poll fell due meanwhile is polled at once.
    this.reschedule();
  }

  /** Clears the timer and aborts calls in flight; their answers are ignored. */
  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.clearTimer();
    for (const state of this.states.values()) {
      state.inFlight?.abort();
    }
    this.states.clear();
    this.watches.clear();
    this.didPoll.dispose();
    this.didFail.dispose();
  }

  private newState(key: string, connection: Connection): ConnectionState {
    return {
      key,
      connection,
      dueAt: this.clock.now() + nextPollDelay(Infinity, this.settledMs),
      pollsSinceNudge: Infinity,
      consecutiveErrors: 0,
      throttledUntil: 0,
      nudgedDuringFlight: false,
    };
  }

  private applyNudge(state: ConnectionState): void {
    const now = this.clock.now();
    const throttled = state.throttledUntil > now;
    state.pollsSinceNudge = 0;
    state.nudgedDuringFlight = false;
    if (!throttled) {
      // The user may have fixed what failed (signed in again): retry from a short delay.
      state.consecutiveErrors = 0;
    }
    const soon = Math.min(state.dueAt, now + nextPollDelay(0, this.settledMs));
    state.dueAt = throttled ? Math.max(soon, state.throttledUntil) : soon;
  }

  private idsFor(key: string): string[] {
    const union = new Set<string>();
    for (const bySource of this.watches.values()) {
      for (const id of bySource.get(key) ?? []) {
        union.add(id);
      }
    }
    return [...union].sort();
  }

  private isPaused(key: string): boolean {
    if (this.focused) {
      return false;
    }
    for (const [sourceId, bySource] of this.watches) {
      if (bySource.has(key) && this.keepsPollingWhenUnfocused(sourceId)) {
        return false;
      }
    }
    return true;
  }

  private isReady(state: ConnectionState): boolean {
    return !state.inFlight && !this.isPaused(state.key) && this.idsFor(state.key).length > 0;
  }

  /** Forgets connections nothing watches any more (one with a call in flight is forgotten when it lands). */
  private pruneStates(): void {
    for (const [key, state] of this.states) {
      if (!state.inFlight && this.idsFor(key).length === 0) {
        this.states.delete(key);
      }
    }
  }

  private reschedule(): void {
    this.clearTimer();
    if (this.disposed) {
      return;
    }
    let earliest: number | undefined;
    for (const state of this.states.values()) {
      if (this.isReady(state) && (earliest === undefined || state.dueAt < earliest)) {
        earliest = state.dueAt;
      }
    }
    if (earliest !== undefined) {
      this.timer = this.clock.setTimeout(() => this.onTimer(), Math.max(0, earliest - this.clock.now()));
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private onTimer(): void {
    this.timer = undefined;
    const now = this.clock.now();
    for (const state of [...this.states.values()]) {
      if (state.dueAt <= now && this.isReady(state)) {
        void this.poll(state);
      }
    }
    this.reschedule();
  }

  private async poll(state: ConnectionState): Promise<void> {
    const ids = this.idsFor(state.key);
    const controller = new AbortController();
    state.inFlight = controller;
    state.nudgedDuringFlight = false;
    let tasks: Task[];
    try {
      tasks = await this.options.apiFor(state.connection).describeTasks(ids, controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) {
        this.onPollFailed(state, classifyError(error, 'DescribeDataRepositoryTasks'));
      }
      return;
    }
    if (!controller.signal.aborted) {
      this.onPollSucceeded(state, ids, tasks);
    }
  }

  private onPollSucceeded(state: ConnectionState, askedIds: readonly string[], tasks: Task[]): void {
    state.inFlight = undefined;
    this.counted(state, tasks);
    const returned = new Set(tasks.map((task) => task.taskId));
    const missingIds = askedIds.filter((id) => !returned.has(id));
    // Vanished tasks never change again either: report them once, then stop asking.
    this.dropIds(state.key, missingIds);
    this.pruneStates();
    this.reschedule();
    this.didPoll.fire({ connection: state.connection, tasks, missingIds });
  }

  /** A poll's answer (or a sample that stands for one) came: the next poll is due as the policy says. */
  private counted(state: ConnectionState, tasks: readonly Task[]): void {
    state.consecutiveErrors = 0;
    state.throttledUntil = 0;
    state.pollsSinceNudge += 1;
    state.dueAt = this.clock.now() + nextPollDelay(state.pollsSinceNudge, this.settledMs);
    if (state.nudgedDuringFlight) {
      this.applyNudge(state);
    }
    // Ended tasks never change again: report them once, then stop asking.
    this.dropIds(state.key, tasks.filter((task) => isTerminal(task.lifecycle)).map((task) => task.taskId));
  }

  private onPollFailed(state: ConnectionState, error: FsxError): void {
    state.inFlight = undefined;
    state.consecutiveErrors += 1;
    const throttled = error.kind === 'throttled';
    const retryInMs = errorBackoffDelay({
      baseDelayMs: nextPollDelay(state.pollsSinceNudge, this.settledMs),
      consecutiveErrors: state.consecutiveErrors,
      throttled,
      random: this.random,
    });
    const now = this.clock.now();
    state.dueAt = now + retryInMs;
    state.throttledUntil = throttled ? state.dueAt : 0;
    if (state.nudgedDuringFlight) {
      this.applyNudge(state);
    }
    this.pruneStates();
    this.reschedule();
    this.reportError(state.connection, error);
    this.didFail.fire({ connection: state.connection, error, retryInMs: state.dueAt - now });
  }

  private reportError(connection: Connection, error: FsxError): void {
    try {
      this.options.onError?.(connection, error);
    } catch (listenerError) {
      (this.options.onListenerError ?? rethrowLater)(listenerError);
    }
  }

  private dropIds(key: string, ids: readonly string[]): void {
    if (ids.length === 0) {
      return;
    }
    const dropped = new Set(ids);
    for (const [sourceId, bySource] of this.watches) {
      const current = bySource.get(key);
      if (!current) {
        continue;
      }
      const kept = new Set([...current].filter((id) => !dropped.has(id)));
      if (kept.size > 0) {
        bySource.set(key, kept);
      } else {
        bySource.delete(key);
      }
      if (bySource.size === 0) {
        this.watches.delete(sourceId);
      }
    }
  }
}
