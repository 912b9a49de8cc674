import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { ConnectionEntry, ExplorerModel } from '../../../src/viewModel/explorerModel';
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
  const entry = (region: string, problem?: FsxError): ConnectionEntry => ({ connection: { region, profile: 'dev' }, label: `dev · ${region}`, sandbox: false, problem });
  const settingProblem: ConnectionEntry = { kind: 'settingProblem', id: '2.0', label: 'Connection setting 2', problem: new FsxError('validation', 'entry 2 has no region') };
  const modelOf = (entries: readonly ConnectionEntry[]) => {
    const model = new ExplorerModel(() => {
      throw new Error('no call');
    });
    model.setConnections(entries);
    return model;
  };

  it('lists the connections whose rows start expanded, leaving out known problems', () => {
    const model = modelOf([entry('us-east-1'), entry('eu-west-1', new FsxError('region', 'no region')), settingProblem]);
    assert.deepEqual(connectionsToPrefetch(model), [{ region: 'us-east-1', profile: 'dev' }]);
  });

  it('lists nothing when the rows start collapsed (many connections)', () => {
    const model = modelOf(['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1'].map((region) => entry(region)));
    assert.equal(model.connectionsStartExpanded(), false);
    assert.deepEqual(connectionsToPrefetch(model), []);
  });
});
