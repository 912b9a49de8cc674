import * as assert from 'node:assert/strict';
import { lifecycleAt, observeTask, progressAt, transitionsOf } from '../../../src/emulator/lifecycle';
import { STATUS_UPDATE_INTERVAL_MS, type TaskPlan } from '../../../src/emulator/apiModel';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 0, 1);
const HOUR_MS = 60 * MINUTE;

function plan(overrides: Partial<TaskPlan> = {}): TaskPlan {
  return {
    taskId: 'task-0123456789abcdef0',
    type: 'EXPORT_TO_REPOSITORY',
    resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
    createdAt: T0,
    pendingMs: MINUTE,
    executingMs: 10 * MINUTE,
    outcome: 'SUCCEEDED',
    totalCount: 1000,
    failedCount: 0,
    cancelingMs: 30_000,
    paths: [],
    report: { Enabled: false },
    tags: [],
    ...overrides,
  };
}

describe('emulator task lifecycle (pure function of plan and time)', () => {
  it('goes PENDING -> EXECUTING -> SUCCEEDED at the planned instants', () => {
    const p = plan();
    assert.equal(lifecycleAt(p, T0), 'PENDING');
    assert.equal(lifecycleAt(p, T0 + MINUTE - 1), 'PENDING');
    assert.equal(lifecycleAt(p, T0 + MINUTE), 'EXECUTING');
    assert.equal(lifecycleAt(p, T0 + 11 * MINUTE - 1), 'EXECUTING');
    assert.equal(lifecycleAt(p, T0 + 11 * MINUTE), 'SUCCEEDED');
    assert.equal(lifecycleAt(p, T0 + 1000 * MINUTE), 'SUCCEEDED');
  });

  it('a PENDING task has no StartTime and no Status', () => {
    const observed = observeTask(plan(), T0 + 1);
    assert.equal(observed.lifecycle, 'PENDING');
    assert.equal(observed.startTime, undefined);
    assert.equal(observed.status, undefined);
    assert.equal(observed.endTime, undefined);
  });

  it('counts grow on the 30 s status cadence and reach the total at the end', () => {
    const p = plan({ totalCount: 1000, failedCount: 100 });
    const start = T0 + MINUTE;
    const early = observeTask(p, start + STATUS_UPDATE_INTERVAL_MS - 1);
    assert.equal(early.lifecycle, 'EXECUTING');
    assert.equal(early.startTime, start);
    assert.deepEqual(
      { s: early.status?.succeededCount, f: early.status?.failedCount, t: early.status?.lastUpdatedTime },
      { s: 0, f: 0, t: start },
    );
    // Half way: 5 minutes in, exactly on a tick.
    const half = observeTask(p, start + 5 * MINUTE + 10_000);
    assert.equal(half.status?.succeededCount, 450);
    assert.equal(half.status?.failedCount, 50);
    assert.equal(half.status?.totalCount, 1000);
    assert.equal(half.status?.lastUpdatedTime, start + 5 * MINUTE);
    const done = observeTask(p, start + 10 * MINUTE);
    assert.equal(done.lifecycle, 'SUCCEEDED');
    assert.equal(done.endTime, start + 10 * MINUTE);
    assert.equal((done.status?.succeededCount ?? 0) + (done.status?.failedCount ?? 0), done.status?.totalCount);
  });

  it('progress never decreases while executing', () => {
    const p = plan({ totalCount: 12345, failedCount: 17, executingMs: 7 * MINUTE + 3 });
    let previous = -1;
    for (let t = T0 + MINUTE; t < T0 + 9 * MINUTE; t += 7_000) {
      const status = progressAt(p, t);
      const done = status.succeededCount + status.failedCount;
      assert.ok(done >= previous, `at ${t - T0}: ${done} < ${previous}`);
      assert.ok(done <= status.totalCount);
      previous = done;
    }
    assert.equal(previous, 12345);
  });

  it('FAILED carries the failure message and the end time', () => {
    const observed = observeTask(plan({ outcome: 'FAILED', failureMessage: 'disk on fire', failedCount: 3 }), T0 + 60 * MINUTE);
    assert.equal(observed.lifecycle, 'FAILED');
    assert.equal(observed.failureMessage, 'disk on fire');
    assert.equal(observed.endTime, T0 + 11 * MINUTE);
    assert.equal(observed.status?.failedCount, 3);
    assert.equal(observed.status?.succeededCount, 997);
  });

  it('a cancel moves through CANCELING to CANCELED and freezes the counts', () => {
    const cancelAt = T0 + MINUTE + 4 * MINUTE + 15_000;
    const p = plan({ cancelRequestedAt: cancelAt, cancelingMs: 30_000 });
    assert.equal(lifecycleAt(p, cancelAt - 1), 'EXECUTING');
    const canceling = observeTask(p, cancelAt + 29_999);
    assert.equal(canceling.lifecycle, 'CANCELING');
    assert.equal(canceling.endTime, undefined);
    assert.equal(canceling.status?.succeededCount, 400);
    const canceled = observeTask(p, cancelAt + 30_000);
    assert.equal(canceled.lifecycle, 'CANCELED');
    assert.equal(canceled.endTime, cancelAt + 30_000);
    assert.equal(canceled.status?.succeededCount, 400, 'files not yet processed are skipped');
    assert.equal(canceled.failureMessage, undefined);
    assert.equal(lifecycleAt(p, T0 + 999 * MINUTE), 'CANCELED', 'the outcome never overrides a cancel');
  });

  it('a task canceled while PENDING never gets a StartTime', () => {
    const p = plan({ cancelRequestedAt: T0 + 1_000 });
    const canceled = observeTask(p, T0 + 10 * MINUTE);
    assert.equal(canceled.lifecycle, 'CANCELED');
    assert.equal(canceled.startTime, undefined);
    assert.equal(canceled.status, undefined);
    assert.equal(canceled.endTime, T0 + 31_000);
  });

  describe("transitionsOf: the record a client's polling is checked against", () => {
    const states = (p: TaskPlan, now: number) => transitionsOf(p, now).map((t) => `${t.lifecycle}@${(t.at - T0) / 1000}`);

    it('lists each state entered up to now, with its instant, agreeing with lifecycleAt', () => {
      const p = plan();
      assert.deepEqual(states(p, T0), ['PENDING@0']);
      assert.deepEqual(states(p, T0 + 11 * MINUTE), ['PENDING@0', 'EXECUTING@60', 'SUCCEEDED@660']);
      const failed = plan({ outcome: 'FAILED' });
      assert.deepEqual(states(failed, T0 + HOUR_MS), ['PENDING@0', 'EXECUTING@60', 'FAILED@660']);
      for (const at of [0, 59_999, 60_000, 659_999, 660_000]) {
        const last = transitionsOf(p, T0 + at).at(-1);
        assert.equal(last?.lifecycle, lifecycleAt(p, T0 + at), `at ${at}`);
      }
    });

    it('a cancel ends in CANCELING then CANCELED; a cancel while PENDING never shows EXECUTING', () => {
      assert.deepEqual(states(plan({ cancelRequestedAt: T0 + 2 * MINUTE }), T0 + HOUR_MS), ['PENDING@0', 'EXECUTING@60', 'CANCELING@120', 'CANCELED@150']);
      assert.deepEqual(states(plan({ cancelRequestedAt: T0 + 30_000 }), T0 + HOUR_MS), ['PENDING@0', 'CANCELING@30', 'CANCELED@60']);
      assert.deepEqual(states(plan({ cancelRequestedAt: T0 + 2 * MINUTE }), T0 + 2 * MINUTE + 1), ['PENDING@0', 'EXECUTING@60', 'CANCELING@120']);
    });

    it('states that last no time are left out', () => {
      assert.deepEqual(states(plan({ pendingMs: 0 }), T0 + HOUR_MS), ['EXECUTING@0', 'SUCCEEDED@600']);
      assert.deepEqual(states(plan({ pendingMs: 0, executingMs: 0 }), T0), ['SUCCEEDED@0']);
      assert.deepEqual(states(plan({ cancelRequestedAt: T0 + MINUTE, cancelingMs: 0 }), T0 + HOUR_MS), ['PENDING@0', 'CANCELED@60']);
    });
  });
});
