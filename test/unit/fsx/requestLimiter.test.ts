import * as assert from 'node:assert/strict';
import { Connection } from '../../../src/fsx/types';
import { accountKey, ACCOUNT_LIMIT, BACKGROUND_SHARE, GLOBAL_LIMIT, isBackground, markBackground, REGION_SHARE, RequestLimiter } from '../../../src/fsx/requestLimiter';

/** A request that settles when the test says so. */
function held<T = string>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RequestLimiter', () => {
  const east: Connection = { profile: 'prod', region: 'us-east-1' };
  const west: Connection = { profile: 'prod', region: 'us-west-2' };
  const eu: Connection = { profile: 'prod', region: 'eu-west-1' };

  it('counts a profile as one account, and the sandbox and each endpoint as accounts of their own', () => {
    assert.equal(accountKey(east), accountKey(west));
    assert.notEqual(accountKey(east), accountKey({ profile: 'dev', region: 'us-east-1' }));
    assert.notEqual(accountKey(east), accountKey({ ...east, endpoint: 'https://vpce.example' }));
    assert.notEqual(accountKey({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1' }), accountKey({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1', sandbox: true }));
    assert.ok(REGION_SHARE < ACCOUNT_LIMIT, 'a region never holds every slot of its account');
  });

  it('keeps a throttled region to its share: another region of the account still completes while it holds its slots', async () => {
    const limiter = new RequestLimiter({ perAccount: 4, perRegion: 2 });
    const throttled = Array.from({ length: 5 }, () => held());
    const started: string[] = [];
    const eastCalls = throttled.map((request, index) =>
      limiter.run(east, () => {
        started.push(`east${index}`);
        return request.promise;
      }),
    );
    await flush();
    assert.deepEqual(started, ['east0', 'east1'], 'east holds its share of 2, the rest wait');
    assert.deepEqual(limiter.load(east), { running: 2, waiting: 3, runningInRegion: 2 });
    const westAnswer = await limiter.run(west, async () => {
      started.push('west');
      return 'west done';
    });
    assert.equal(westAnswer, 'west done');
    const [eu1, eu2, eu3] = [held(), held(), held()];
    const euCalls = [eu1, eu2, eu3].map((request) => limiter.run(eu, () => request.promise));
    await flush();
    assert.deepEqual(limiter.load(eu), { running: 4, waiting: 4, runningInRegion: 2 }, 'account full at 4: the third eu request waits');
    eu1.resolve('eu');
    await flush();
    assert.equal(limiter.load(eu).runningInRegion, 2, 'the freed slot went to eu, not to the east requests queued before it');
    assert.deepEqual(started, ['east0', 'east1', 'west']);
    throttled[0].reject(new Error('ThrottlingException'));
    await assert.rejects(eastCalls[0], /ThrottlingException/);
    await flush();
    assert.deepEqual(started, ['east0', 'east1', 'west', 'east2'], 'a failure frees its slot too');
    for (const request of [...throttled.slice(1), eu2, eu3]) {
      request.resolve('ok');
      await flush();
    }
    await Promise.all([...eastCalls.slice(1), ...euCalls]);
    assert.deepEqual(limiter.load(east), { running: 0, waiting: 0, runningInRegion: 0 });
  });

  it('bounds each account on its own', async () => {
    const limiter = new RequestLimiter({ perAccount: 2, perRegion: 2 });
    const prod = [held(), held(), held()];
    let devRan = 0;
    const prodCalls = prod.map((request) => limiter.run(east, () => request.promise));
    await Promise.all([1, 2].map(() => limiter.run({ profile: 'dev', region: 'us-east-1' }, async () => devRan++)));
    assert.equal(devRan, 2);
    assert.equal(limiter.load(east).waiting, 1);
    prod.forEach((request) => request.resolve('ok'));
    assert.deepEqual(await Promise.all(prodCalls), ['ok', 'ok', 'ok']);
  });

  it('drops a waiting request whose signal aborts, without running it', async () => {
    const limiter = new RequestLimiter({ perAccount: 1, perRegion: 1 });
    const first = held();
    const running = limiter.run(east, () => first.promise);
    const controller = new AbortController();
    let ran = false;
    const waiting = limiter.run(east, async () => (ran = true), controller.signal);
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    await assert.rejects(limiter.run(east, async () => (ran = true), controller.signal), { name: 'AbortError' });
    first.resolve('ok');
    await running;
    assert.equal(ran, false);
    assert.deepEqual(limiter.load(east), { running: 0, waiting: 0, runningInRegion: 0 });
  });

  it('keeps the region share within the account limit and at least 1', async () => {
    const limiter = new RequestLimiter({ perAccount: 2, perRegion: 10 });
    const requests = [held(), held(), held()];
    const calls = requests.map((request) => limiter.run(east, () => request.promise));
    await flush();
    assert.equal(limiter.load(east).running, 2);
    requests.forEach((request) => request.resolve('ok'));
    await Promise.all(calls);
    const tiny = new RequestLimiter({ perAccount: 0, perRegion: 0 });
    assert.equal(await tiny.run(east, async () => 'ran'), 'ran');
  });

  it('bounds the requests in flight across accounts, and gives a freed slot to the oldest waiter that fits', async () => {
    assert.ok(GLOBAL_LIMIT >= 2 * ACCOUNT_LIMIT, 'two accounts at full speed fit in the global bound');
    const limiter = new RequestLimiter({ global: 3 });
    const requests = Array.from({ length: 5 }, () => held());
    const started: number[] = [];
    const calls = requests.map((request, index) =>
      limiter.run({ profile: `p${index}`, region: 'us-east-1' }, () => {
        started.push(index);
        return request.promise;
      }),
    );
    await flush();
    assert.deepEqual(started, [0, 1, 2]);
    assert.deepEqual(limiter.stats(), { running: 3, runningInBackground: 0, waiting: 2, peak: 3 });
    requests[1].resolve('ok');
    await flush();
    assert.deepEqual(started, [0, 1, 2, 3], 'another account got the slot');
    requests.forEach((request) => request.resolve('ok'));
    await Promise.all(calls);
    assert.deepEqual(limiter.stats(), { running: 0, runningInBackground: 0, waiting: 0, peak: 3 });
  });

  it('lets background work hold only its share, and starts every other waiting request before it', async () => {
    assert.ok(BACKGROUND_SHARE < GLOBAL_LIMIT, 'background work never holds every slot');
    const limiter = new RequestLimiter({ global: 4, background: 2 });
    const scanSignal = markBackground(new AbortController().signal);
    assert.equal(isBackground(scanSignal), true);
    assert.equal(isBackground(new AbortController().signal), false);
    const started: string[] = [];
    const run = (name: string, signal?: AbortSignal) => {
      const request = held();
      const call = limiter.run({ profile: name, region: 'us-east-1' }, () => {
        started.push(name);
        return request.promise;
      }, signal);
      return { request, call };
    };
    const scans = ['scan1', 'scan2', 'scan3', 'scan4'].map((name) => run(name, scanSignal));
    await flush();
    assert.deepEqual(started, ['scan1', 'scan2'], 'two background slots of four');
    const views = ['view1', 'view2', 'view3'].map((name) => run(name));
    await flush();
    assert.deepEqual(started, ['scan1', 'scan2', 'view1', 'view2'], 'foreground starts at once in the slots background may not take');
    scans[0].request.resolve('ok');
    await flush();
    assert.deepEqual(started.slice(4), ['view3'], 'a freed slot goes to the waiting foreground request, not to the older scans');
    scans[1].request.resolve('ok');
    await flush();
    assert.deepEqual(started.slice(5), ['scan3']);
    for (const { request } of [...scans, ...views]) {
      request.resolve('ok');
      await flush();
    }
    await Promise.all([...scans, ...views].map(({ call }) => call));
    assert.deepEqual(started.slice(6), ['scan4']);
    assert.deepEqual(limiter.stats(), { running: 0, runningInBackground: 0, waiting: 0, peak: 4 });
  });
});
