import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { ConnectionEntry } from '../../../src/viewModel/explorerModel';
import { connectionsToPrefetch, WARM_UP_AFTER_LISTING_MS, warmUpDelay, WarmUpSignals } from '../../../src/viewModel/warmUpPlan';

const idle: WarmUpSignals = { viewVisible: false, viewUsedBefore: false, sandboxStarted: false, trackedTasks: 0 };

describe('warmUpDelay', () => {
  it('leaves a window alone that has never shown the view, has no sandbox and tracks nothing', () => {
    assert.equal(warmUpDelay(idle), undefined);
  });

  it('warms at once a window likely to list soon: the view used here before, the sandbox started, or tasks tracked', () => {
    assert.equal(warmUpDelay({ ...idle, viewUsedBefore: true }), 0);
    assert.equal(warmUpDelay({ ...idle, sandboxStarted: true }), 0);
    assert.equal(warmUpDelay({ ...idle, trackedTasks: 2 }), 0);
  });

  it('lets the first listing of the view go first while the view shows', () => {
    assert.equal(warmUpDelay({ viewVisible: true, viewUsedBefore: true, sandboxStarted: true, trackedTasks: 3 }), WARM_UP_AFTER_LISTING_MS);
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
