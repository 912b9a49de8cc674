import * as assert from 'node:assert/strict';
import { ManualClock, scaledClock, systemClock } from '../../../src/emulator/clock';

describe('emulator clock', () => {
  it('ManualClock starts where told and moves only when told', () => {
    const clock = new ManualClock(1_000);
    assert.equal(clock.now(), 1_000);
    assert.equal(clock.now(), 1_000);
    clock.advance(250);
    assert.equal(clock.now(), 1_250);
    clock.set(50);
    assert.equal(clock.now(), 50);
  });

  it('ManualClock refuses negative or non-finite steps', () => {
    const clock = new ManualClock(0);
    assert.throws(() => clock.advance(-1), RangeError);
    assert.throws(() => clock.advance(Number.NaN), RangeError);
    assert.throws(() => clock.set(Number.POSITIVE_INFINITY), RangeError);
    assert.equal(clock.now(), 0);
  });

  it('scaledClock runs faster from the moment it is made', () => {
    const base = new ManualClock(10_000);
    const fast = scaledClock(base, 10);
    assert.equal(fast.now(), 10_000);
    base.advance(1_000);
    assert.equal(fast.now(), 20_000);
    assert.equal(scaledClock(base, 1), base, 'scale 1 is the base clock itself');
    assert.throws(() => scaledClock(base, 0), RangeError);
    assert.throws(() => scaledClock(base, -2), RangeError);
  });

  it('systemClock follows Date.now', () => {
    const before = Date.now();
    const now = systemClock.now();
    assert.ok(now >= before && now <= Date.now());
  });
});
