import * as assert from 'node:assert/strict';
import { TrackedRows } from '../../../src/viewModel/trackedRows';
import { Emitter } from '../../../src/tracking/events';

describe('TrackedRows', () => {
  it('re-renders only when the set of tracked ids changes', () => {
    const changes = new Emitter<void>();
    let tracked = [{ taskId: 'task-a' }];
    let renders = 0;
    const rows = new TrackedRows({ onDidChange: changes.event, list: () => tracked }, () => renders++);
    changes.fire();
    assert.equal(renders, 0, 'a progress update of a tracked task re-renders nothing');
    tracked = [{ taskId: 'task-a' }, { taskId: 'task-b' }];
    changes.fire();
    assert.equal(renders, 1);
    tracked = [{ taskId: 'task-b' }, { taskId: 'task-a' }];
    changes.fire();
    assert.equal(renders, 1, 'order does not matter');
    tracked = [];
    changes.fire();
    assert.equal(renders, 2);
    rows.dispose();
    tracked = [{ taskId: 'task-c' }];
    changes.fire();
    assert.equal(renders, 2, 'disposed');
  });
});
