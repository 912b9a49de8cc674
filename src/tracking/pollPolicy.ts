// How long to wait before the next poll. Pure functions, so the whole policy is tested as a table.
// FSx refreshes a task's Status about every 30 seconds, so a settled poll every 30 s loses nothing;
// right after a user action the lifecycle may move within seconds, so we poll fast, then settle.

/** The first poll after a user action (track, cancel, refresh). */
export const NUDGE_DELAY_MS = 1_000;
/** The delays after the 1st, 2nd, ... poll that followed a user action; then the settled interval. */
export const FAST_POLL_DELAYS_MS: readonly number[] = Object.freeze([2_000, 4_000, 8_000, 15_000]);
export const DEFAULT_SETTLED_INTERVAL_MS = 30_000;
export const MIN_SETTLED_INTERVAL_MS = 10_000;
/** Errors never push the next poll further out than this, and nor does the settled setting. */
export const MAX_BACKOFF_MS = 300_000;
/** Backoff delays vary by up to this fraction either way, so many windows do not retry in step. */
export const BACKOFF_JITTER_RATIO = 0.2;
/** Throttling backs off from at least this delay (the SDK has already retried it with its own 1 s base). */
export const THROTTLE_MIN_BACKOFF_MS = 10_000;

/** The settled interval from a user setting: default when unset or invalid, kept within [10 s, 5 min]. */
export function settledInterval(configuredMs?: number): number {
  if (configuredMs === undefined || !Number.isFinite(configuredMs)) {
    return DEFAULT_SETTLED_INTERVAL_MS;
  }
  return Math.min(MAX_BACKOFF_MS, Math.max(MIN_SETTLED_INTERVAL_MS, Math.round(configuredMs)));
}

/**
 * The delay before the next poll when nothing failed. `pollsSinceNudge` counts the polls done
 * since the last user action: 0 means none yet (poll soon), Infinity means there was no action.
 */
export function nextPollDelay(pollsSinceNudge: number, settledMs: number = DEFAULT_SETTLED_INTERVAL_MS): number {
  if (pollsSinceNudge <= 0) {
    return Math.min(NUDGE_DELAY_MS, settledMs);
  }
  const fast = FAST_POLL_DELAYS_MS[pollsSinceNudge - 1];
  return fast === undefined ? settledMs : Math.min(fast, settledMs);
}

export interface BackoffInput {
  /** The delay the schedule was using when the errors began. */
  readonly baseDelayMs: number;
  /** 1 for the first failure in a row. */
  readonly consecutiveErrors: number;
  readonly throttled: boolean;
  /** Uniform in [0, 1); injectable so tests are deterministic. */
  readonly random: () => number;
}

/**
 * The delay after `consecutiveErrors` failures in a row: the base doubled once per failure,
 * at most MAX_BACKOFF_MS, then ±20 % jitter (never above the cap). Throttling starts from at
 * least THROTTLE_MIN_BACKOFF_MS.
 */
export function errorBackoffDelay(input: BackoffInput): number {
  const start = input.throttled ? Math.max(input.baseDelayMs, THROTTLE_MIN_BACKOFF_MS) : input.baseDelayMs;
  // The exponent is bounded so 2 ** n stays finite however long an outage lasts.
  const doublings = Math.min(Math.max(1, input.consecutiveErrors), 30);
  const raw = Math.min(MAX_BACKOFF_MS, start * 2 ** doublings);
  return Math.round(Math.min(MAX_BACKOFF_MS, withJitter(raw, input.random)));
}

/** `ms` scaled by a factor in [1 - ratio, 1 + ratio] taken from `random`. */
export function withJitter(ms: number, random: () => number, ratio: number = BACKOFF_JITTER_RATIO): number {
  const unit = Math.min(1, Math.max(0, random()));
  return ms * (1 + (unit * 2 - 1) * ratio);
}
