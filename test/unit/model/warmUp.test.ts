import * as assert from 'node:assert/strict';
import { shouldWarmUp, WarmUpSignals } from '../../../src/model/warmUp';

const idle: WarmUpSignals = { viewVisible: false, viewUsedBefore: false, sandboxStarted: false, trackedTasks: 0 };

describe('shouldWarmUp', () => {
  it('leaves a window alone that has never shown the view, has no sandbox and tracks nothing', () => {
    assert.equal(shouldWarmUp(idle), false);
  });

  it('warms a window likely to list soon: the view used here before, the sandbox started, or tasks tracked', () => {
    assert.equal(shouldWarmUp({ ...idle, viewUsedBefore: true }), true);
    assert.equal(shouldWarmUp({ ...idle, sandboxStarted: true }), true);
    assert.equal(shouldWarmUp({ ...idle, trackedTasks: 2 }), true);
  });

  it('does not warm while the view shows: its own first listing is on its way', () => {
    assert.equal(shouldWarmUp({ viewVisible: true, viewUsedBefore: true, sandboxStarted: true, trackedTasks: 3 }), false);
  });
});
