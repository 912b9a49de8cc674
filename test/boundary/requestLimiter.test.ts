// The request limiter on the real FSxClient against the emulator: a region that FSx throttles
// keeps its requests in the SDK's retries, holding its share of the account's slots, while
// another region of the same account is answered at once.
import * as assert from 'node:assert/strict';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator } from '../../src/emulator';
import { listActiveTasks } from '../../src/fsx/activeTasks';
import { ApiCallEvent, FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxService } from '../../src/fsx/fsxService';
import { Connection } from '../../src/fsx/types';
import { RequestLimiter, REGION_SHARE } from '../../src/fsx/requestLimiter';

describe('RequestLimiter on the FSx clients', () => {
  let emulator: FsxEmulator;
  let factory: FsxClientFactory;

  beforeEach(async () => {
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    // Production's 3 attempts, 600 ms between them: a throttled request sits in retries for 1.2 s.
    factory = new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(3, () => 600) });
  });

  afterEach(async () => {
    factory.dispose();
    await emulator.close();
  });

  it('answers another region of the account while a throttled region holds only its share of the slots', async function () {
    this.timeout(15_000);
    const east: Connection = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
    const west: Connection = { region: 'us-west-2', endpoint: emulator.url, sandbox: true };
    emulator.injectFault({ kind: 'throttle', operation: '*', region: 'us-east-1' });
    const eastApi = new FsxService(factory.get(east));
    const started = Date.now();
    let eastSettled = 0;
    const eastScans = Array.from({ length: 2 * REGION_SHARE }, () =>
      listActiveTasks(eastApi).then(
        () => 'ok',
        (error: { kind?: string }) => error.kind,
      ).finally(() => eastSettled++),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(factory.limiter.load(east), { running: REGION_SHARE, waiting: REGION_SHARE, runningInRegion: REGION_SHARE });

    const westAnswers = await Promise.all(Array.from({ length: REGION_SHARE }, () => listActiveTasks(new FsxService(factory.get(west)))));
    assert.ok(westAnswers.every((tasks) => tasks.length > 0), 'the demo scenario has active tasks');
    assert.equal(eastSettled, 0, 'west was answered while every east scan was still in its retries');
    assert.equal(factory.limiter.load(east).runningInRegion, REGION_SHARE);

    assert.deepEqual(await Promise.all(eastScans), Array.from({ length: 2 * REGION_SHARE }, () => 'throttled'));
    // Every east scan made its 3 attempts, never more than REGION_SHARE at once: two rounds of 1.2 s.
    assert.equal(emulator.requestCounts().DescribeDataRepositoryTasks, 3 * 2 * REGION_SHARE + REGION_SHARE);
    assert.ok(Date.now() - started >= 2_400, 'the east scans ran in rounds of REGION_SHARE');
  });

  it("logs the wait for a slot apart from FSx's time", async () => {
    const calls: ApiCallEvent[] = [];
    const oneAtATime = new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(1, () => 0), limiter: new RequestLimiter({ perAccount: 1 }), onApiCall: (event) => calls.push(event) });
    try {
      const connection: Connection = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
      emulator.injectFault({ kind: 'latency', operation: 'DescribeFileSystems', latencyMs: 400, count: 2 });
      const api = new FsxService(oneAtATime.get(connection));
      await Promise.all([api.listResources(), api.listResources()]);
      const listings = calls.filter((call) => call.operation === 'DescribeFileSystems').sort((a, b) => a.queuedMs - b.queuedMs);
      assert.equal(listings.length, 2);
      assert.ok(listings[0].queuedMs < 100, `the first is sent at once: ${JSON.stringify(listings[0])}`);
      assert.ok(listings[1].queuedMs >= 350, `the second waits for the first's slot: ${JSON.stringify(listings[1])}`);
      for (const listing of listings) {
        assert.ok(listing.durationMs >= 350 && listing.durationMs < 1_500, `FSx's own time, without the wait: ${JSON.stringify(listing)}`);
      }
    } finally {
      oneAtATime.dispose();
    }
  });
});
