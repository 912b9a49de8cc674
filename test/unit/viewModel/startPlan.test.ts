import * as assert from 'node:assert/strict';
import { StartFacts, startReason } from '../../../src/viewModel/startPlan';

const idle: StartFacts = { savedTrackedTasks: undefined, savedQueuedStarts: undefined, sandboxOnStart: false, autoTrack: false, viewUsedBefore: false, viewVisible: false, lustreMounted: false };

describe('startReason', () => {
  it('lets a window that never used the extension stay dormant', () => {
    assert.equal(startReason(idle), undefined);
    assert.equal(startReason({ ...idle, savedTrackedTasks: [] }), undefined, 'every task untracked since');
    assert.equal(startReason({ ...idle, savedTrackedTasks: null }), undefined);
  });

  it('loads the main code for each fact that needs it at once', () => {
    assert.equal(startReason({ ...idle, viewVisible: true }), 'viewVisible');
    assert.equal(startReason({ ...idle, sandboxOnStart: true }), 'sandbox');
    assert.equal(startReason({ ...idle, savedTrackedTasks: [{ taskId: 'task-0123456789abcdef0' }] }), 'trackedTasks');
    assert.equal(startReason({ ...idle, savedQueuedStarts: [{ taskType: 'EXPORT_TO_REPOSITORY' }] }), 'queuedStarts', 'a start waiting for its file system');
    assert.equal(startReason({ ...idle, autoTrack: true }), 'autoTrack');
    assert.equal(startReason({ ...idle, lustreMounted: true }), 'lustreMount', "the Explorer's export-state badges");
    assert.equal(startReason({ ...idle, viewUsedBefore: true }), 'viewUsedBefore');
  });

  it('hands a saved value that is no list to the tracker, which reports it', () => {
    assert.equal(startReason({ ...idle, savedTrackedTasks: 'garbage' }), 'trackedTasks');
    assert.equal(startReason({ ...idle, savedTrackedTasks: {} }), 'trackedTasks');
  });

  it('names the view first when it shows, so the log says what the person sees', () => {
    assert.equal(startReason({ savedTrackedTasks: [1], savedQueuedStarts: [1], sandboxOnStart: true, autoTrack: true, viewUsedBefore: true, viewVisible: true, lustreMounted: true }), 'viewVisible');
  });

  it('reads the mount table (a file) only when no fact before it needs the main code', () => {
    let reads = 0;
    const counted = (facts: Omit<StartFacts, 'lustreMounted'>): StartFacts => ({
      ...facts,
      get lustreMounted() {
        reads++;
        return false;
      },
    });
    assert.equal(startReason(counted({ ...idle, sandboxOnStart: true })), 'sandbox');
    assert.equal(startReason(counted({ ...idle, savedTrackedTasks: [1] })), 'trackedTasks');
    assert.equal(reads, 0);
    assert.equal(startReason(counted(idle)), undefined);
    assert.equal(reads, 1);
  });
});
