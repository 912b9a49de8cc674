// Time and timers for the tracking core. Polling and lingering go through a Clock so tests drive
// an hour of polling in milliseconds with ManualClock, and the extension uses systemClock.

declare const timerHandleBrand: unique symbol;
/** What setTimeout returns; only the clock that made it can clear it. */
export type TimerHandle = { readonly [timerHandleBrand]: true };

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms) as unknown as TimerHandle,
  clearTimeout: (handle: TimerHandle) => clearTimeout(handle as unknown as NodeJS.Timeout),
});

interface ManualTimer {
  readonly sequence: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/** A runaway loop of zero-delay timers is a bug in the code under test, not a reason to hang. */
const MAX_TIMERS_PER_ADVANCE = 100_000;

/** A clock whose time moves only when a test says so; timers run in due order, ties in creation order. */
export class ManualClock implements Clock {
  private current: number;
  private nextSequence = 0;
  private readonly timers = new Map<number, ManualTimer>();

  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) {
      throw new RangeError(`ManualClock start must be finite, got ${startMs}`);
    }
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const sequence = this.nextSequence++;
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.timers.set(sequence, { sequence, dueAt: this.current + delay, callback });
    return sequence as unknown as TimerHandle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as unknown as number);
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  nextDueAt(): number | undefined {
    return this.nextTimer()?.dueAt;
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due on the way, each at its own
   * time, and letting the promises its callback started settle before the next one runs.
   */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`ManualClock.advance expects a finite, non-negative number of ms, got ${ms}`);
    }
    const target = this.current + ms;
    for (let ran = 0; ; ran++) {
      const timer = this.nextTimer();
      if (!timer || timer.dueAt > target) {
        break;
      }
      if (ran >= MAX_TIMERS_PER_ADVANCE) {
        throw new Error(`ManualClock.advance ran ${ran} timers without reaching ${target}: a timer loop?`);
      }
      await this.run(timer);
    }
    this.current = target;
    await ManualClock.settle();
  }

  /** Runs the earliest timer (moving time to its due time). Resolves false when there was none. */
  async runNext(): Promise<boolean> {
    const timer = this.nextTimer();
    if (!timer) {
      return false;
    }
    await this.run(timer);
    return true;
  }

  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void> {
    return ManualClock.settle();
  }

  private async run(timer: ManualTimer): Promise<void> {
    this.timers.delete(timer.sequence);
    this.current = Math.max(this.current, timer.dueAt);
    timer.callback();
    await ManualClock.settle();
  }

  private nextTimer(): ManualTimer | undefined {
    let next: ManualTimer | undefined;
    for (const timer of this.timers.values()) {
      if (!next || timer.dueAt < next.dueAt || (timer.dueAt === next.dueAt && timer.sequence < next.sequence)) {
        next = timer;
      }
    }
    return next;
  }

  /** A macrotask turn drains the microtask queue; two turns also cover a promise that settles via setImmediate. */
  private static async settle(): Promise<void> {
    for (let turn = 0; turn < 2; turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
