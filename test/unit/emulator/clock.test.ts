import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualEmulatorClock, scaledClock, systemEmulatorClock } from '../../../src/emulator/clock';

describe('emulator clock', () => {
  it('ManualEmulatorClock starts where told and moves only when told, not with real time', async () => {
    const clock = new ManualEmulatorClock(1_000);
    assert.equal(clock.now(), 1_000);
    await sleep(5);
    assert.equal(clock.now(), 1_000, 'real time passed; the manual clock did not move');
    clock.advance(250);
    assert.equal(clock.now(), 1_250);
    clock.advance(0);
    assert.equal(clock.now(), 1_250);
    clock.set(50);
    assert.equal(clock.now(), 50, 'set may go back');
  });

  it('ManualEmulatorClock refuses negative or non-finite steps and times, and stays where it was', () => {
    const clock = new ManualEmulatorClock(7);
    assert.throws(() => clock.advance(-1), RangeError);
    assert.throws(() => clock.advance(Number.NaN), RangeError);
    assert.throws(() => clock.advance(Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => clock.set(Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => new ManualEmulatorClock(Number.NaN), RangeError);
    assert.equal(clock.now(), 7);
  });

  it('scaledClock runs `scale` times faster, from the base time at which it was made', () => {
    const base = new ManualEmulatorClock(10_000);
    base.advance(5_000);
    const fast = scaledClock(base, 10);
    assert.equal(fast.now(), 15_000, 'starts at the base time, not at the base origin');
    base.advance(1_000);
    assert.equal(fast.now(), 25_000);
    const slow = scaledClock(base, 0.5);
    base.advance(1_000);
    assert.equal(slow.now(), 16_500);
    assert.equal(scaledClock(base, 1), base, 'scale 1 is the base clock itself');
    for (const bad of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => scaledClock(base, bad), RangeError, String(bad));
    }
  });

  it('systemEmulatorClock reads Date.now at each call', () => {
    const realNow = Date.now;
    try {
      Date.now = () => 42;
      assert.equal(systemEmulatorClock.now(), 42);
      Date.now = () => 43;
      assert.equal(systemEmulatorClock.now(), 43);
    } finally {
      Date.now = realNow;
    }
    assert.ok(Object.isFrozen(systemEmulatorClock), 'shared, so nobody may replace its now()');
  });
});
