import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { Lifecycle, Task } from '../../../src/fsx/types';
import { ENGLISH, L10n } from '../../../src/viewModel/presentation';
import { renderStatusBar } from '../../../src/viewModel/statusBarText';
import type { TrackedTask } from '../../../src/tracking/taskTracker';

const connection = { region: 'us-east-1' };

function tracked(n: number, lifecycle: Lifecycle | undefined, status?: Task['status']): TrackedTask {
  const taskId = `task-${String(n).repeat(17).slice(0, 17)}`;
  const task: Task | undefined = lifecycle && {
    taskId,
    lifecycle,
    type: 'EXPORT_TO_REPOSITORY',
    creationTime: new Date(0),
    resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
    paths: [],
    status,
  };
  return { taskId, connection, task, lifecycle, reason: 'user', addedAt: 0 };
}

describe('status bar text', () => {
  it('is hidden with nothing tracked', () => {
    assert.equal(renderStatusBar(ENGLISH, []), undefined);
  });

  it('shows one task by short id, state and percent, and says "Checking" before the first poll', () => {
    const view = renderStatusBar(ENGLISH, [tracked(1, 'EXECUTING', { totalCount: 200, succeededCount: 50 })]);
    assert.equal(view?.text, '$(sync~spin) task-1111…1111 Executing 25%');
    assert.equal(view?.tooltip, 'Export to repository task-11111111111111111: Executing. Click to see tracked tasks.');
    assert.equal(view?.tone, 'normal');
    assert.match(renderStatusBar(ENGLISH, [tracked(2, undefined)])?.text ?? '', /^\$\(loading~spin\) task-2222…2222 Checking$/);
    assert.equal(renderStatusBar(ENGLISH, [tracked(3, 'FAILED')])?.tone, 'error');
  });

  it('summarises several tasks by state, spinning while any is active', () => {
    const view = renderStatusBar(ENGLISH, [tracked(1, 'EXECUTING'), tracked(2, 'PENDING'), tracked(3, 'SUCCEEDED')]);
    assert.equal(view?.text, '$(sync~spin) FSx: 3 tasks, 1 executing, 1 pending, 1 succeeded');
    assert.equal(renderStatusBar(ENGLISH, [tracked(1, 'SUCCEEDED'), tracked(2, 'CANCELED')])?.text, '$(check-all) FSx: 2 tasks, 1 succeeded, 1 canceled');
  });

  it('marks a stale view after a failed refresh with the reason, as a warning', () => {
    const view = renderStatusBar(ENGLISH, [tracked(1, 'EXECUTING')], new FsxError('accessDenied', 'denied'));
    assert.match(view?.text ?? '', /^\$\(warning\) task-1111…1111 Executing$/);
    assert.match(view?.tooltip ?? '', /The last refresh failed, so this may be out of date: Access denied/);
    assert.equal(view?.tone, 'warning');
    assert.equal(renderStatusBar(ENGLISH, [tracked(1, 'FAILED')], new FsxError('network', ''))?.tone, 'error', 'a failure stays red');
  });

  it('says every word through the l10n it is given', () => {
    const upper: L10n = { t: (message, ...args) => ENGLISH.t(message, ...args).toUpperCase() };
    assert.match(renderStatusBar(upper, [tracked(1, 'PENDING'), tracked(2, 'PENDING')])?.text ?? '', /FSX: 2 TASKS, 2 pending/);
  });
});

describe('status bar text with a throughput estimate', () => {
  const moving = { state: 'moving', filesPerSecond: 2.5, done: 50, total: 200, progress: 0.25, remaining: 150, etaMs: 60_000, finishAt: 60_000 } as const;

  it('adds files/s and the time left to the tooltip of one executing task', () => {
    const seen: string[] = [];
    const view = renderStatusBar(ENGLISH, [tracked(1, 'EXECUTING', { totalCount: 200, succeededCount: 50 })], undefined, (task) => {
      seen.push(task.taskId);
      return moving;
    });
    assert.deepEqual(seen, ['task-11111111111111111']);
    assert.match(view?.tooltip ?? '', /\n2\.5 files\/s, about 1 min 0 s left\.$/);
  });

  it('says so while there are not enough samples', () => {
    const view = renderStatusBar(ENGLISH, [tracked(1, 'EXECUTING', { totalCount: 200, succeededCount: 50 })], undefined, () => ({ state: 'notEnoughSamples', samples: 1, needed: 3 }));
    assert.match(view?.tooltip ?? '', /Not enough progress samples yet/);
  });

  it('asks for no estimate of a task that is not executing', () => {
    const view = renderStatusBar(ENGLISH, [tracked(1, 'PENDING')], undefined, () => assert.fail('no estimate for a pending task'));
    assert.doesNotMatch(view?.tooltip ?? '', /files\/s/);
  });
});
