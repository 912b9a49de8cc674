import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { Connection, connectionKey } from '../../../src/fsx/types';
import { ManualClock } from '../../../src/tracking/clock';
import { PollFailure, PollResult, PollScheduler, PollSchedulerOptions, SAMPLE_GRACE_MS, TREE_SOURCE_ID, TRACKER_SOURCE_ID } from '../../../src/tracking/pollScheduler';
import { FakeFsx, makeTask, taskId } from './fakeFsx';

const east: Connection = { region: 'us-east-1', profile: 'dev' };
const west: Connection = { region: 'us-west-2', profile: 'dev' };
const [a, b, c] = [taskId(0xa), taskId(0xb), taskId(0xc)];

function harness(options: Partial<PollSchedulerOptions> = {}) {
  const clock = new ManualClock(0);
  const fakes = new Map<string, FakeFsx>();
  const fake = (connection: Connection): FakeFsx => {
    const key = connectionKey(connection);
    let api = fakes.get(key);
    if (!api) {
      api = new FakeFsx(clock);
      fakes.set(key, api);
    }
    return api;
  };
  const errors: FsxError[] = [];
  const scheduler = new PollScheduler({
    clock,
    apiFor: fake,
    random: () => 0.5,
    onError: (_connection, error) => errors.push(error),
    ...options,
  });
  const polls: PollResult[] = [];
  const failures: PollFailure[] = [];
  scheduler.onDidPoll((result) => polls.push(result));
  scheduler.onDidFail((failure) => failures.push(failure));
  return { clock, scheduler, fake, polls, failures, errors };
}

function callTimes(api: FakeFsx): number[] {
  return api.calls.map((call) => call.at);
}

describe('PollScheduler', () => {
  it('makes no call and holds no timer while nothing is watched', async () => {
    const { clock, scheduler, fake } = harness();
    scheduler.nudge();
    await clock.advance(60 * 60_000);
    assert.equal(clock.pendingTimers(), 0);
    assert.equal(fake(east).calls.length, 0);
  });

  it('polls a watched connection at the settled interval, and stops its timer once nothing is watched', async () => {
    const { clock, scheduler, fake, polls } = harness();
    fake(east).add(a, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    await clock.advance(29_999);
    assert.equal(fake(east).calls.length, 0, 'watching alone does not poll sooner than the settled interval');
    await clock.advance(60_001);
    assert.deepEqual(callTimes(fake(east)), [30_000, 60_000, 90_000]);
    assert.equal(polls.length, 3);
    assert.deepEqual(polls[0].tasks.map((task) => task.lifecycle), ['EXECUTING']);
    assert.equal(scheduler.nextPollAt(east), 120_000);
    scheduler.unwatch(TRACKER_SOURCE_ID);
    assert.equal(clock.pendingTimers(), 0);
    assert.equal(scheduler.nextPollAt(east), undefined, 'the connection is forgotten');
    await clock.advance(60 * 60_000);
    assert.equal(fake(east).calls.length, 3);
  });

  it('asks once per cycle for the union of every source, without duplicates', async () => {
    const { clock, scheduler, fake } = harness();
    for (const id of [a, b, c]) {
      fake(east).add(id, 'EXECUTING');
    }
    scheduler.watch(TRACKER_SOURCE_ID, east, [b, a, a]);
    scheduler.watch(TREE_SOURCE_ID, { profile: 'dev', region: 'us-east-1' }, [c, b]);
    await clock.advance(30_000);
    assert.deepEqual(fake(east).calls.map((call) => call.ids), [[a, b, c]]);
    assert.deepEqual(scheduler.watchedIds(east), [a, b, c]);

    scheduler.watch(TREE_SOURCE_ID, east, [c]);
    scheduler.unwatch(TRACKER_SOURCE_ID, east);
    await clock.advance(30_000);
    assert.deepEqual(fake(east).calls.map((call) => call.ids), [[a, b, c], [c]]);
  });

  it('calls each connection once per cycle with its own ids, concurrently', async () => {
    const { clock, scheduler, fake, polls } = harness();
    fake(east).add(a, 'EXECUTING');
    fake(west).add(b, 'PENDING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.watch(TRACKER_SOURCE_ID, west, [b]);
    const release = fake(east).hold();
    await clock.advance(30_000);
    assert.deepEqual(fake(east).calls.map((call) => call.ids), [[a]]);
    assert.deepEqual(fake(west).calls.map((call) => call.ids), [[b]]);
    assert.deepEqual(polls.map((poll) => poll.connection.region), ['us-west-2'], 'a slow region does not hold up another');

    await clock.advance(30_000);
    assert.equal(fake(east).calls.length, 1, 'no second call while the first is in flight');
    assert.equal(fake(west).calls.length, 2);
    release();
    await clock.flush();
    assert.deepEqual(polls.map((poll) => poll.connection.region), ['us-west-2', 'us-west-2', 'us-east-1']);
  });

  it('reports a terminal task once, then stops asking for it, and stops entirely when nothing is left', async () => {
    const { clock, scheduler, fake, polls } = harness();
    fake(east).add(a, 'EXECUTING');
    fake(east).add(b, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.watch(TREE_SOURCE_ID, east, [a, b]);
    await clock.advance(30_000);
    fake(east).set(a, 'SUCCEEDED');
    await clock.advance(30_000);
    assert.deepEqual(polls[1].tasks.map((task) => [task.taskId, task.lifecycle]), [[a, 'SUCCEEDED'], [b, 'EXECUTING']]);
    await clock.advance(30_000);
    assert.deepEqual(fake(east).calls.map((call) => call.ids), [[a, b], [a, b], [b]]);

    fake(east).set(b, 'CANCELED');
    await clock.advance(30_000);
    assert.equal(clock.pendingTimers(), 0);
    await clock.advance(60 * 60_000);
    assert.equal(fake(east).calls.length, 4);
  });

  it('reports ids FSx no longer knows as missing, once', async () => {
    const { clock, scheduler, fake, polls } = harness();
    fake(east).add(a, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a, b]);
    await clock.advance(30_000);
    assert.deepEqual(polls[0].missingIds, [b]);
    await clock.advance(30_000);
    assert.deepEqual(fake(east).calls.map((call) => call.ids), [[a, b], [a]]);
    assert.deepEqual(polls[1].missingIds, []);
  });

  it('does not count an id watched after the call started as missing', async () => {
    const { clock, scheduler, fake, polls } = harness();
    fake(east).add(a, 'EXECUTING');
    fake(east).add(b, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    const release = fake(east).hold();
    await clock.advance(30_000);
    scheduler.watch(TRACKER_SOURCE_ID, east, [a, b]);
    release();
    await clock.flush();
    assert.deepEqual(polls[0].missingIds, []);
    assert.deepEqual(scheduler.watchedIds(east), [a, b]);
  });

  it('after a nudge polls in 1 s, then fast, then settles', async () => {
    const { clock, scheduler, fake } = harness();
    fake(east).add(a, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    await clock.advance(30_000);
    scheduler.nudge(east);
    await clock.advance(120_000);
    assert.deepEqual(callTimes(fake(east)), [30_000, 31_000, 33_000, 37_000, 45_000, 60_000, 90_000, 120_000, 150_000]);
  });

  it('a nudge for one connection does not speed up another', async () => {
    const { clock, scheduler, fake } = harness();
    fake(east).add(a, 'EXECUTING');
    fake(west).add(b, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.watch(TRACKER_SOURCE_ID, west, [b]);
    scheduler.nudge(west);
    await clock.advance(30_000);
    assert.deepEqual(callTimes(fake(east)), [30_000]);
    assert.deepEqual(callTimes(fake(west)), [1_000, 3_000, 7_000, 15_000, 30_000]);
  });

  it('polls again soon after an answer when a nudge came while the call was in flight', async () => {
    const { clock, scheduler, fake } = harness();
    fake(east).add(a, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    const release = fake(east).hold();
    await clock.advance(30_000);
    await clock.advance(5_000);
    scheduler.nudge(east);
    release();
    await clock.flush();
    await clock.advance(1_000);
    assert.deepEqual(callTimes(fake(east)), [30_000, 36_000]);
  });

  it('backs off one connection after errors while the others keep their pace, then recovers', async () => {
    const { clock, scheduler, fake, failures, errors } = harness();
    fake(east).add(a, 'EXECUTING');
    fake(west).add(b, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.watch(TRACKER_SOURCE_ID, west, [b]);
    fake(east).failNext(new FsxError('network', 'ECONNRESET'), new FsxError('service', '500'), Object.assign(new Error('boom'), { name: 'InternalServerError' }));
    await clock.advance(30_000 + 60_000 + 120_000 + 240_000 + 30_000);
    assert.deepEqual(callTimes(fake(east)), [30_000, 90_000, 210_000, 450_000, 480_000]);
    assert.equal(fake(west).calls.length, 16, 'west polled every 30 s throughout');
    assert.deepEqual(failures.map((failure) => [failure.connection.region, failure.error.kind, failure.retryInMs]), [
      ['us-east-1', 'network', 60_000],
      ['us-east-1', 'service', 120_000],
      ['us-east-1', 'service', 240_000],
    ]);
    assert.deepEqual(errors.map((error) => error.kind), ['network', 'service', 'service']);
  });

  it('caps the backoff at 5 minutes', async () => {
    const { clock, scheduler, fake, failures } = harness();
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    fake(east).failNext(...Array.from({ length: 8 }, () => new FsxError('network', 'down')));
    await clock.advance(60 * 60_000);
    assert.deepEqual(failures.map((failure) => failure.retryInMs), [60_000, 120_000, 240_000, 300_000, 300_000, 300_000, 300_000, 300_000]);
  });

  it('lets a nudge retry a failed connection at once, but not a throttled one', async () => {
    const failing = harness();
    failing.scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    failing.fake(east).failNext(new FsxError('credentials', 'expired'), new FsxError('credentials', 'still expired'));
    await failing.clock.advance(35_000);
    failing.scheduler.nudge(east);
    await failing.clock.advance(1_000);
    assert.deepEqual(callTimes(failing.fake(east)), [30_000, 36_000]);
    assert.deepEqual(
      failing.failures.map((failure) => failure.retryInMs),
      [60_000, 2_000],
      'the nudge restarted the backoff from its own 1 s delay',
    );

    const throttled = harness();
    throttled.scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    throttled.fake(east).failNext(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await throttled.clock.advance(35_000);
    assert.equal(throttled.failures[0].error.kind, 'throttled');
    throttled.scheduler.nudge(east);
    await throttled.clock.advance(54_999);
    assert.deepEqual(callTimes(throttled.fake(east)), [30_000], 'the nudge did not cut the throttling backoff short');
    await throttled.clock.advance(1);
    assert.deepEqual(callTimes(throttled.fake(east)), [30_000, 90_000]);
  });

  it('backs off throttling from at least 10 s even in the fast phase', async () => {
    const { clock, scheduler, fake, failures } = harness();
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.nudge(east);
    fake(east).failNext(new FsxError('throttled', 'slow down'));
    await clock.advance(1_000);
    assert.equal(failures[0].retryInMs, 20_000);
  });

  it('pauses while unfocused when only the tree watches, and polls at once on focus if a poll fell due', async () => {
    const { clock, scheduler, fake } = harness();
    fake(east).add(a, 'EXECUTING');
    scheduler.watch(TREE_SOURCE_ID, east, [a]);
    scheduler.setWindowFocused(false);
    assert.equal(clock.pendingTimers(), 0);
    await clock.advance(60 * 60_000);
    assert.equal(fake(east).calls.length, 0);
    scheduler.setWindowFocused(true);
    await clock.advance(0);
    assert.deepEqual(callTimes(fake(east)), [60 * 60_000]);
  });

  it('on focus waits for a poll that is not yet due', async () => {
    const { clock, scheduler, fake } = harness();
    scheduler.watch(TREE_SOURCE_ID, east, [a]);
    scheduler.setWindowFocused(false);
    await clock.advance(10_000);
    scheduler.setWindowFocused(true);
    await clock.advance(19_999);
    assert.equal(fake(east).calls.length, 0);
    await clock.advance(1);
    assert.equal(fake(east).calls.length, 1);
  });

  it('keeps polling while unfocused the connections where something is tracked, with all their ids', async () => {
    const { clock, scheduler, fake } = harness({ windowFocused: false });
    fake(east).add(a, 'EXECUTING');
    fake(east).add(b, 'PENDING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.watch(TREE_SOURCE_ID, east, [b]);
    scheduler.watch(TREE_SOURCE_ID, west, [c]);
    await clock.advance(60_000);
    assert.deepEqual(fake(east).calls.map((call) => call.ids), [[a, b], [a, b]]);
    assert.equal(fake(west).calls.length, 0, 'a connection only the tree watches is paused');
  });

  it('lets the extension choose which sources keep polling while unfocused', async () => {
    const { clock, scheduler, fake } = harness({ windowFocused: false, keepPollingWhenUnfocused: (source) => source === 'pinned' });
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.watch('pinned', west, [b]);
    await clock.advance(30_000);
    assert.equal(fake(east).calls.length, 0);
    assert.equal(fake(west).calls.length, 1);
  });

  it('on dispose clears its timer, aborts the call in flight and ignores its answer', async () => {
    const { clock, scheduler, fake, polls } = harness();
    fake(east).add(a, 'EXECUTING');
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.watch(TRACKER_SOURCE_ID, west, [b]);
    const release = fake(east).hold();
    await clock.advance(30_000);
    assert.equal(fake(east).calls[0].signal?.aborted, false);
    scheduler.dispose();
    assert.equal(fake(east).calls[0].signal?.aborted, true);
    assert.equal(clock.pendingTimers(), 0);
    release();
    await clock.flush();
    assert.deepEqual(polls.map((poll) => poll.connection.region), ['us-west-2']);
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    scheduler.nudge();
    assert.equal(clock.pendingTimers(), 0);
  });

  it('refuses an id FSx would reject, which would fail every batch', () => {
    const { scheduler, clock } = harness();
    assert.throws(() => scheduler.watch(TRACKER_SOURCE_ID, east, [a, 'task-nope']), RangeError);
    assert.equal(clock.pendingTimers(), 0);
  });

  it('treats an exception from apiFor as a failed poll', async () => {
    const { clock, scheduler, failures } = harness({
      apiFor: () => {
        throw new Error('Region is missing');
      },
    });
    scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
    await clock.advance(30_000);
    assert.deepEqual(failures.map((failure) => failure.error.kind), ['region']);
    assert.equal(clock.pendingTimers(), 1);
  });

  describe('sample()', () => {
    it('counts a sample that carries every watched id as the poll, and waits for the next sample instead of polling', async () => {
      const { clock, scheduler, fake, polls } = harness();
      fake(east).add(a, 'EXECUTING');
      scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
      scheduler.watch(TREE_SOURCE_ID, east, [b]);
      // Every 30 s a scan lists the connection's active tasks (and one nobody watches).
      for (let at = 20_000; at <= 120_000; at += 30_000) {
        await clock.advance(at - clock.now());
        scheduler.sample(east, [makeTask(a, 'EXECUTING'), makeTask(b, 'PENDING'), makeTask(c, 'EXECUTING')], at + 30_000);
        assert.equal(scheduler.nextPollAt(east), at + 30_000 + SAMPLE_GRACE_MS, 'the poll waits for the next scan');
      }
      assert.equal(fake(east).calls.length, 0, 'nothing polled while the scans covered every id');
      assert.equal(polls.length, 4);
      assert.deepEqual(polls[0].tasks.map((task) => task.taskId), [a, b], 'only the watched ids reach the listeners');
      assert.deepEqual(polls[0].missingIds, []);
      // The scans stop (auto-track turned off): the poll comes SAMPLE_GRACE_MS after the scan that did not.
      await clock.advance(60_000);
      assert.deepEqual(callTimes(fake(east)), [110_000 + 30_000 + SAMPLE_GRACE_MS]);
    });

    it('leaves the schedule alone for a sample that misses a watched id or comes during the fast polls, but still hands it on', async () => {
      const { clock, scheduler, fake, polls } = harness();
      fake(east).add(a, 'EXECUTING');
      fake(east).add(b, 'CANCELING');
      scheduler.watch(TRACKER_SOURCE_ID, east, [a, b]);
      await clock.advance(10_000);
      scheduler.sample(east, [makeTask(a, 'EXECUTING')], 40_000);
      assert.equal(scheduler.nextPollAt(east), 30_000, 'b (CANCELING) is not in a scan of active tasks: the poll stays');
      assert.deepEqual(polls.map((poll) => poll.tasks.map((task) => task.taskId)), [[a]]);
      scheduler.unwatch(TRACKER_SOURCE_ID);
      scheduler.watch(TRACKER_SOURCE_ID, east, [a]);
      scheduler.nudge(east);
      await clock.advance(1_000);
      assert.equal(fake(east).calls.length, 1);
      scheduler.sample(east, [makeTask(a, 'EXECUTING')], 41_000);
      assert.equal(scheduler.nextPollAt(east), 13_000, 'the fast polls after a user action go on');
      assert.equal(polls.length, 3);
    });

    it('drops a watched id the sample shows ended, and ignores a sample while its own poll is in flight or nothing is watched', async () => {
      const { clock, scheduler, fake, polls } = harness();
      scheduler.sample(east, [makeTask(a, 'EXECUTING')], 30_000);
      assert.equal(polls.length, 0);
      fake(east).add(a, 'EXECUTING');
      scheduler.watch(TRACKER_SOURCE_ID, east, [a, b]);
      scheduler.sample(east, [makeTask(a, 'SUCCEEDED')]);
      assert.deepEqual(scheduler.watchedIds(east), [b]);
      const release = fake(east).hold();
      await clock.advance(30_000);
      scheduler.sample(east, [makeTask(b, 'EXECUTING')], 60_000);
      assert.equal(polls.length, 1, 'the poll in flight brings its own answer');
      release();
      await clock.advance(0);
      assert.equal(polls.length, 2);
    });
  });
});
