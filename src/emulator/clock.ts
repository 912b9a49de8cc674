// Time for the emulator. Everything that moves (task lifecycles, progress, cancel delays) is
// computed from an EmulatorClock, so tests drive it with ManualEmulatorClock and demos can speed it up.

export interface EmulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemEmulatorClock: EmulatorClock = Object.freeze({ now: () => Date.now() });

/** A clock that moves only when told to. */
export class ManualEmulatorClock implements EmulatorClock {
  private current: number;

  constructor(startMs: number = Date.UTC(2025, 0, 15, 12, 0, 0)) {
    assertFiniteTime(startMs);
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`ManualEmulatorClock.advance expects a finite, non-negative number of ms, got ${ms}`);
    }
    this.current += ms;
  }

  set(ms: number): void {
    assertFiniteTime(ms);
    this.current = ms;
  }
}

/**
 * A clock that runs `scale` times faster than `base`, starting from base's time at creation, so
 * a demo can watch an hour-long task finish in minutes.
 */
export function scaledClock(base: EmulatorClock, scale: number): EmulatorClock {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`timeScale must be a positive finite number, got ${scale}`);
  }
  if (scale === 1) {
    return base;
  }
  const origin = base.now();
  return { now: () => origin + (base.now() - origin) * scale };
}

function assertFiniteTime(ms: number): void {
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Clock time must be a finite number of ms, got ${ms}`);
  }
}
