import * as assert from 'node:assert/strict';
import { ManualClock, systemClock } from '../../../src/tracking/clock';

describe('ManualClock', () => {
  it('runs due timers in time order (ties in creation order), each at its own time', async () => {
    const clock = new ManualClock(1_000);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`c@${clock.now()}`), 300);
    clock.setTimeout(() => ran.push(`a@${clock.now()}`), 100);
    clock.setTimeout(() => ran.push(`b@${clock.now()}`), 100);
    clock.setTimeout(() => ran.push(`late@${clock.now()}`), 5_000);
    assert.equal(clock.pendingTimers(), 4);
    assert.equal(clock.nextDueAt(), 1_100);
    await clock.advance(300);
    assert.deepEqual(ran, ['a@1100', 'b@1100', 'c@1300']);
    assert.equal(clock.now(), 1_300);
    assert.equal(clock.pendingTimers(), 1);
  });

  it('lets an async callback finish before the next timer runs', async () => {
    const clock = new ManualClock();
    const steps: string[] = [];
    clock.setTimeout(async () => {
      await Promise.resolve();
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      steps.push('first done');
    }, 10);
    clock.setTimeout(() => steps.push('second'), 10);
    await clock.advance(10);
    assert.deepEqual(steps, ['first done', 'second']);
  });

  it('runs timers that callbacks schedule within the window, and not a cleared one', async () => {
    const clock = new ManualClock();
    const ran: number[] = [];
    const cleared = clock.setTimeout(() => ran.push(-1), 50);
    clock.clearTimeout(cleared);
    clock.setTimeout(() => clock.setTimeout(() => ran.push(clock.now()), 20), 10);
    await clock.advance(100);
    assert.deepEqual(ran, [30]);
    assert.equal(clock.pendingTimers(), 0);
    assert.equal(clock.nextDueAt(), undefined);
    assert.equal(clock.now(), 100);
  });

  it('runNext runs the earliest timer however far away it is', async () => {
    const clock = new ManualClock();
    let ran = false;
    clock.setTimeout(() => (ran = true), 60_000);
    assert.equal(await clock.runNext(), true);
    assert.equal(ran, true);
    assert.equal(clock.now(), 60_000);
    assert.equal(await clock.runNext(), false);
  });

  it('rejects moving time backwards', async () => {
    await assert.rejects(new ManualClock().advance(-1), RangeError);
  });
});

describe('systemClock', () => {
  it('runs and clears real timers', async () => {
    let cleared = false;
    const handle = systemClock.setTimeout(() => (cleared = true), 1);
    systemClock.clearTimeout(handle);
    const start = systemClock.now();
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 5));
    assert.ok(systemClock.now() - start >= 4);
    assert.equal(cleared, false);
  });
});
