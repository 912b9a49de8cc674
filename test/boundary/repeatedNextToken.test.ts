// FSx answering a listing with a NextToken it gave before (the emulator's repeatNextToken fault
// answers with the token it was sent) would make every paging loop run forever: each listing
// stops with one clear error instead, after one repeated page.
import * as assert from 'node:assert/strict';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock } from '../../src/emulator';
import { listActiveTasks } from '../../src/fsx/activeTasks';
import { FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxError } from '../../src/fsx/errors';
import { FsxService } from '../../src/fsx/fsxService';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 5, 1, 12);
// Enough for the old loops to come out of the fault on their own, so the test fails rather than hangs.
const REPEATS = 30;

describe('A repeated NextToken stops the listing (real FSxClient against the emulator)', () => {
  let emulator: FsxEmulator;
  let factory: FsxClientFactory;
  let service: FsxService;

  beforeEach(async () => {
    emulator = await FsxEmulator.start({ clock: new ManualEmulatorClock(NOW), scenario: 'empty' });
    factory = new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(1, () => 0) });
    service = new FsxService(factory.get({ region: 'us-east-1', endpoint: emulator.url, sandbox: true }));
  });

  afterEach(async () => {
    factory.dispose();
    await emulator.close();
  });

  async function expectRepeated(promise: Promise<unknown>, operation: string): Promise<void> {
    const error = await promise.then(
      () => assert.fail('the listing ended without an error'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof FsxError, String(error));
    assert.equal(error.code, 'RepeatedNextToken');
    assert.equal(error.kind, 'service');
    assert.match(error.detail, new RegExp(`${operation} returned a NextToken it had already returned`));
  }

  it('file systems (the SDK paginator, as the tree and the region scan list them)', async () => {
    for (let i = 0; i < 230; i++) {
      emulator.state.addFileSystem({ name: `fs-${i}` });
    }
    emulator.injectFault({ kind: 'repeatNextToken', operation: 'DescribeFileSystems', count: REPEATS });
    await expectRepeated(service.listResources(), 'DescribeFileSystems');
    assert.equal(emulator.requestCounts().DescribeFileSystems, 2, 'the first page, then the page that gave its token back');
  });

  it('active tasks of a connection (collectPages)', async () => {
    const fileSystemId = emulator.state.addFileSystem({});
    emulator.state.addTasks(Array.from({ length: 120 }, () => ({ fileSystemId, type: 'EXPORT_TO_REPOSITORY' as const, createdAt: NOW - HOUR, pendingMs: 0, executingMs: 10 * HOUR })));
    emulator.injectFault({ kind: 'repeatNextToken', operation: 'DescribeDataRepositoryTasks', count: REPEATS });
    await expectRepeated(listActiveTasks(service), 'DescribeDataRepositoryTasks');
    assert.equal(emulator.requestCounts().DescribeDataRepositoryTasks, 2);
  });

  it('without the fault, the same listings page to the end', async () => {
    for (let i = 0; i < 230; i++) {
      emulator.state.addFileSystem({ name: `fs-${i}` });
    }
    assert.equal((await service.listResources()).length, 230);
  });
});
