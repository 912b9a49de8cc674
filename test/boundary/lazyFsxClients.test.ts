// The lazily loaded FSx side (LazyFsxClients over the real backend module) against the emulator:
// nothing loads before the first call, one load serves every connection, calls behave as the
// synchronous factory's did, and a close before the load ends builds no clients.
import * as assert from 'node:assert/strict';
import { FsxEmulator } from '../../src/emulator';
import { ApiCallEvent } from '../../src/fsx/clientFactory';
import { FsxBackend, LazyFsxClients, loadFsxBackend } from '../../src/fsx/loadFsxBackend';
import { Connection } from '../../src/fsx/types';

describe('LazyFsxClients against the emulator', () => {
  let emulator: FsxEmulator;
  let connection: Connection;
  let loads: number;
  let calls: ApiCallEvent[];
  const countingLoad = (): Promise<FsxBackend> => {
    loads++;
    return loadFsxBackend();
  };

  beforeEach(async () => {
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    connection = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
    loads = 0;
    calls = [];
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('loads the backend on the first call only, and answers like FsxService', async () => {
    const clients = new LazyFsxClients({ onApiCall: (event) => calls.push(event) }, countingLoad);
    const api = clients.apiFor(connection);
    clients.forget(connection); // before the load: nothing to drop, nothing loaded
    assert.equal(loads, 0);
    const [resources, again] = await Promise.all([api.listResources(), clients.apiFor(connection).listResources()]);
    assert.equal(loads, 1);
    assert.ok(resources.some((resource) => resource.name === 'genomics-scratch'), resources.map((resource) => resource.name).join(', '));
    assert.deepEqual(again, resources);
    assert.deepEqual(
      calls.map((call) => `${call.operation} ${call.outcome}`).sort(),
      ['DescribeFileCaches ok', 'DescribeFileCaches ok', 'DescribeFileSystems ok', 'DescribeFileSystems ok'],
      'four calls (two listings of two paginators)',
    );
    const page = await api.listTasks(undefined, { pageSize: 5 });
    assert.ok(page.tasks.length > 0 && page.tasks.length <= 5);
    assert.equal(loads, 1);
    clients.dispose();
  });

  it('dropClients() destroys the clients and a later call builds new ones, without loading again', async () => {
    const clients = new LazyFsxClients({}, countingLoad);
    const before = await clients.apiFor(connection).listResources();
    clients.dropClients();
    assert.deepEqual(await clients.apiFor(connection).listResources(), before);
    assert.equal(loads, 1);
    clients.dispose();
  });

  it('preload() loads once; a call after dispose() fails instead of building a client', async () => {
    const clients = new LazyFsxClients({}, countingLoad);
    const preloading = clients.preload();
    clients.dispose();
    await assert.rejects(preloading, /disposed/);
    await assert.rejects(clients.apiFor(connection).listResources(), /disposed/);
    assert.equal(loads, 1);
    assert.equal(Object.values(emulator.requestCounts()).reduce((sum, count) => sum + count, 0), 0);
  });
});
