import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { ConnectionEntry } from '../../../src/model/explorerModel';
import { connectionsToPrefetch, shouldWarmUp, WarmUpSignals } from '../../../src/model/warmUp';

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

describe('connectionsToPrefetch', () => {
  const entry = (region: string, extra: Partial<ConnectionEntry> = {}): ConnectionEntry => ({ connection: { region, profile: 'dev' }, label: `dev · ${region}`, sandbox: false, ...extra });
  const entries = [entry('us-east-1'), entry('eu-west-1', { problem: new FsxError('region', 'no region') }), entry('us-west-2', { id: 'bad-setting' })];

  it('lists the connections whose rows start expanded, leaving out known problems', () => {
    assert.deepEqual(connectionsToPrefetch(entries, true), [{ region: 'us-east-1', profile: 'dev' }]);
  });

  it('lists nothing when the rows start collapsed (many connections)', () => {
    assert.deepEqual(connectionsToPrefetch(entries, false), []);
  });
});
