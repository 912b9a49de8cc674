import * as assert from 'node:assert/strict';
import {
  DEFAULT_SETTLED_INTERVAL_MS,
  errorBackoffDelay,
  FAST_POLL_DELAYS_MS,
  MAX_BACKOFF_MS,
  MIN_SETTLED_INTERVAL_MS,
  NUDGE_DELAY_MS,
  nextPollDelay,
  settledInterval,
  THROTTLE_MIN_BACKOFF_MS,
  withJitter,
} from '../../../src/tracking/pollPolicy';

const noJitter = () => 0.5;

describe('pollPolicy', () => {
  it('has the documented constants', () => {
    assert.deepEqual(
      { NUDGE_DELAY_MS, FAST_POLL_DELAYS_MS, DEFAULT_SETTLED_INTERVAL_MS, MIN_SETTLED_INTERVAL_MS, MAX_BACKOFF_MS, THROTTLE_MIN_BACKOFF_MS },
      {
        NUDGE_DELAY_MS: 1_000,
        FAST_POLL_DELAYS_MS: [2_000, 4_000, 8_000, 15_000],
        DEFAULT_SETTLED_INTERVAL_MS: 30_000,
        MIN_SETTLED_INTERVAL_MS: 10_000,
        MAX_BACKOFF_MS: 300_000,
        THROTTLE_MIN_BACKOFF_MS: 10_000,
      },
    );
  });

  it('polls fast after a nudge, then settles', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((polls) => nextPollDelay(polls));
    assert.deepEqual(delays, [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 30_000]);
  });

  it('is settled from the start when there was no nudge', () => {
    assert.equal(nextPollDelay(Infinity), 30_000);
    assert.equal(nextPollDelay(Infinity, 45_000), 45_000);
  });

  it('never waits longer than the settled interval during the fast phase', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((polls) => nextPollDelay(polls, 10_000)),
      [2_000, 4_000, 8_000, 10_000, 10_000],
    );
  });

  it('clamps the settled interval setting to [10 s, 5 min] and defaults to 30 s', () => {
    assert.deepEqual(
      [undefined, Number.NaN, 1_000, 10_000, 45_000, 60 * 60_000].map((value) => settledInterval(value)),
      [30_000, 30_000, 10_000, 10_000, 45_000, 300_000],
    );
  });

  it('doubles the delay per consecutive error, up to the 5 minute cap', () => {
    const delays = [1, 2, 3, 4, 5, 1000].map((consecutiveErrors) =>
      errorBackoffDelay({ baseDelayMs: 30_000, consecutiveErrors, throttled: false, random: noJitter }),
    );
    assert.deepEqual(delays, [60_000, 120_000, 240_000, 300_000, 300_000, 300_000]);
  });

  it('backs off from the current delay, so an error in the fast phase retries sooner', () => {
    assert.equal(errorBackoffDelay({ baseDelayMs: 2_000, consecutiveErrors: 1, throttled: false, random: noJitter }), 4_000);
  });

  it('adds ±20 % jitter from the injected random source', () => {
    const at = (random: number) => errorBackoffDelay({ baseDelayMs: 30_000, consecutiveErrors: 1, throttled: false, random: () => random });
    assert.equal(at(0), 48_000);
    assert.equal(at(0.25), 54_000);
    assert.equal(at(0.75), 66_000);
    assert.equal(at(1), 72_000);
    assert.equal(at(0.3), at(0.3), 'same random, same delay');
  });

  it('keeps jitter under the cap', () => {
    const high = errorBackoffDelay({ baseDelayMs: 30_000, consecutiveErrors: 4, throttled: false, random: () => 0.999 });
    const low = errorBackoffDelay({ baseDelayMs: 30_000, consecutiveErrors: 4, throttled: false, random: () => 0 });
    assert.equal(high, MAX_BACKOFF_MS);
    assert.equal(low, 240_000);
  });

  it('starts throttling backoff from at least 10 s', () => {
    const throttled = errorBackoffDelay({ baseDelayMs: 2_000, consecutiveErrors: 1, throttled: true, random: noJitter });
    const plain = errorBackoffDelay({ baseDelayMs: 2_000, consecutiveErrors: 1, throttled: false, random: noJitter });
    assert.equal(throttled, 20_000);
    assert.equal(plain, 4_000);
    assert.ok(errorBackoffDelay({ baseDelayMs: 1_000, consecutiveErrors: 1, throttled: true, random: () => 0 }) >= THROTTLE_MIN_BACKOFF_MS);
    assert.equal(errorBackoffDelay({ baseDelayMs: 30_000, consecutiveErrors: 2, throttled: true, random: noJitter }), 120_000);
  });

  it('scales by a factor in [0.8, 1.2] and tolerates a random source out of range', () => {
    assert.equal(withJitter(100, () => -5), 80);
    assert.equal(withJitter(100, () => 7), 120);
  });
});
