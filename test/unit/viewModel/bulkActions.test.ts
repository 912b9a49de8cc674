import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Lifecycle, Task } from '../../../src/fsx/types';
import { cancelSummary, partitionForCancel, partitionForTrack } from '../../../src/viewModel/bulkActions';
import { endedTogetherSummary } from '../../../src/viewModel/endedTogether';
import { mapWithConcurrency } from '../../../src/viewModel/concurrency';

function task(id: string, lifecycle: Lifecycle): Task {
  return { taskId: id, lifecycle, type: 'EXPORT_TO_REPOSITORY', creationTime: new Date(0), resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' }, paths: [] };
}

describe('bulk actions', () => {
  const tasks = new Map([
    ['a', task('a', 'EXECUTING')],
    ['b', task('b', 'SUCCEEDED')],
    ['c', task('c', 'PENDING')],
    ['d', task('d', 'CANCELING')],
  ]);

  it('cancels pending and executing tasks and says why the others are skipped', () => {
    const { applies, skipped } = partitionForCancel(['a', 'b', 'c', 'd', 'gone'], (id) => tasks.get(id), ENGLISH);
    assert.deepEqual(applies, ['a', 'c']);
    assert.deepEqual(skipped, [
      { item: 'b', reason: 'Succeeded' },
      { item: 'd', reason: 'Canceling' },
      { item: 'gone', reason: 'no longer exists' },
    ]);
  });

  it('tracks every task that can still change', () => {
    const { applies, skipped } = partitionForTrack(['a', 'b', 'd'], (id) => tasks.get(id), ENGLISH);
    assert.deepEqual(applies, ['a', 'd']);
    assert.deepEqual(skipped, [{ item: 'b', reason: 'Succeeded' }]);
  });

  it('sums up a bulk cancel in one line', () => {
    assert.equal(cancelSummary(['canceled', 'canceled', 'ended', 'canceled'], ENGLISH), '3 canceled, 1 had already ended');
    assert.equal(cancelSummary(['failed', 'canceled', undefined], ENGLISH), '1 canceled, 1 failed');
    assert.equal(cancelSummary([], ENGLISH), 'Nothing was canceled');
  });

  it('announces the ends of tasks canceled together in one line, naming each (the rest counted)', () => {
    assert.equal(
      endedTogetherSummary([task('a', 'CANCELED'), task('b', 'SUCCEEDED'), task('c', 'CANCELED'), task('d', 'FAILED')], ENGLISH),
      'The 4 tasks canceled together have ended: 2 canceled (a, c); 1 succeeded before the cancel took effect (b); 1 failed (d).',
    );
    const many = Array.from({ length: 7 }, (_, n) => task(`t${n}`, 'CANCELED'));
    assert.equal(endedTogetherSummary(many, ENGLISH), 'The 7 tasks canceled together have ended: 7 canceled (t0, t1, t2, t3, t4 and 2 more).');
    assert.doesNotMatch(endedTogetherSummary([task('[x](command:y)', 'CANCELED'), task('b', 'CANCELED')], ENGLISH), /\]\(/);
  });
});

describe('mapWithConcurrency', () => {
  it('runs at most `limit` at once and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      running--;
      return n * 10;
    });
    assert.deepEqual(results, [50, 10, 40, 20, 30, 0, 60]);
    assert.equal(most, 3);
  });

  it('starts nothing more once aborted; the items never started are undefined', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const results = await mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) {
        controller.abort();
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
      return n;
    }, controller.signal);
    assert.deepEqual(started, [0, 1]);
    assert.deepEqual(results, [0, 1, undefined, undefined, undefined, undefined]);
  });

  it('handles an empty list', async () => {
    assert.deepEqual(await mapWithConcurrency([], 4, async () => 1), []);
  });
});
