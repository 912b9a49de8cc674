// The request limiter on the real FSxClient against the emulator: a region that FSx throttles
// keeps its requests in the SDK's retries, holding its share of the account's slots, while
// another region of the same account is answered at once; and across 50 accounts, what is on the
// wire at once stays within the global bound, with the user's requests ahead of the scans.
import * as assert from 'node:assert/strict';
import { setMaxListeners } from 'node:events';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator } from '../../src/emulator';
import { listActiveTasks } from '../../src/fsx/activeTasks';
import { ApiCallEvent, FsxClientFactory, SANDBOX_CREDENTIALS } from '../../src/fsx/clientFactory';
import { FsxService } from '../../src/fsx/fsxService';
import { Connection } from '../../src/fsx/types';
import { BACKGROUND_SHARE, GLOBAL_LIMIT, markBackground, RequestLimiter, REGION_SHARE } from '../../src/fsx/requestLimiter';

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

  it('keeps what 200 connections have on the wire within the global bound, and answers the view and a poll ahead of the scans', async function () {
    this.timeout(20_000);
    const many = new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(1, () => 0), credentialsFor: () => async () => SANDBOX_CREDENTIALS });
    // Counted on the wire, inside the limiter and the SDK's retries: each HTTP attempt while it is out.
    let onWire = 0;
    let peak = 0;
    let backgroundPeak = 0;
    const hooked = new Set<string>();
    const apiOf = (connection: Connection) => {
      const client = many.get(connection);
      if (!hooked.has(`${connection.profile}/${connection.region}`)) {
        hooked.add(`${connection.profile}/${connection.region}`);
        client.middlewareStack.add(
          (next) => async (args) => {
            onWire++;
            peak = Math.max(peak, onWire);
            backgroundPeak = Math.max(backgroundPeak, many.limiter.stats().runningInBackground);
            try {
              return await next(args);
            } finally {
              onWire--;
            }
          },
          { step: 'finalizeRequest', name: 'countOnWire' },
        );
      }
      return new FsxService(client);
    };
    try {
      const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
      const connections: Connection[] = Array.from({ length: 200 }, (_, index) => ({ profile: `profile-${Math.floor(index / 4)}`, region: regions[index % 4], endpoint: emulator.url }));
      emulator.injectFault({ kind: 'latency', operation: 'DescribeDataRepositoryTasks', latencyMs: 100 });
      const scanSignal = markBackground(new AbortController().signal);
      setMaxListeners(0, scanSignal);
      const started = Date.now();
      let scansDone = 0;
      const scans = connections.map((connection) => listActiveTasks(apiOf(connection), scanSignal).finally(() => scansDone++));
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.ok(many.limiter.stats().waiting > 100, `most scans wait: ${JSON.stringify(many.limiter.stats())}`);

      // What the user looks at meanwhile: a connection's tree listing and the poll of a tracked task.
      const viewStarted = Date.now();
      const [resources, tasks] = await Promise.all([apiOf(connections[199]).listResources(), listActiveTasks(apiOf(connections[198]))]);
      const poll = await apiOf(connections[197]).describeTasks([tasks[0].taskId]);
      const viewMs = Date.now() - viewStarted;
      const scansDoneBeforeView = scansDone;
      assert.ok(resources.length > 0 && poll.length === 1);
      // Behind the scans in a plain queue, the view would have waited for about 180 of them.
      assert.ok(scansDoneBeforeView < 100, `the view and the poll went ahead of the waiting scans (${scansDoneBeforeView} of 200 done, ${viewMs} ms)`);
      console.log(`      view and poll answered in ${viewMs} ms, with ${scansDoneBeforeView} of 200 scans done`);

      await Promise.all(scans);
      const scansMs = Date.now() - started;
      assert.ok(peak <= GLOBAL_LIMIT, `peak on the wire ${peak} <= ${GLOBAL_LIMIT}`);
      assert.ok(backgroundPeak <= BACKGROUND_SHARE, `scans held at most ${backgroundPeak} slots`);
      assert.ok(peak >= BACKGROUND_SHARE, `the bound was reached, so the test could fail: ${peak}`);
      // 200 scans of 100 ms, BACKGROUND_SHARE at a time.
      assert.ok(scansMs >= (200 / BACKGROUND_SHARE) * 100 * 0.9, `the scans ran in rounds: ${scansMs} ms`);
      assert.deepEqual(many.limiter.stats(), { running: 0, runningInBackground: 0, waiting: 0, peak: many.limiter.stats().peak });
    } finally {
      many.dispose();
    }
  });
});
