// The holder of one lazily loaded SDK client factory (outcomes/lazyClients.ts), used by the S3
// reports and the CloudWatch Logs event log: one load, a failed load tried again, dispose once.
import * as assert from 'node:assert/strict';
import { LazyClients } from '../../../src/outcomes/lazyClients';

describe('LazyClients', () => {
  it('loads the module once and keeps one factory; a failed load is tried again; dispose disposes it once', async () => {
    let loads = 0;
    let disposed = 0;
    const clients = new LazyClients(
      async () => {
        loads++;
        if (loads === 1) {
          throw new Error('the bundle could not be read');
        }
        return { name: 'module' };
      },
      (module) => ({ module, dispose: () => disposed++ }),
    );
    await assert.rejects(clients.get(), /could not be read/);
    const [first, second] = await Promise.all([clients.get(), clients.get()]);
    assert.equal(loads, 2, 'tried again after the failure, once for both callers');
    assert.equal(first.factory, second.factory);
    clients.dispose();
    clients.dispose();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(disposed, 1);
  });

  it('dispose before any use loads nothing', async () => {
    let loads = 0;
    const clients = new LazyClients(async () => (loads++, {}), () => ({ dispose: () => undefined }));
    clients.dispose();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(loads, 0);
  });
});
