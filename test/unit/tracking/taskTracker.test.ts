import * as assert from 'node:assert/strict';
import { Connection, Lifecycle } from '../../../src/fsx/types';
import { ManualClock } from '../../../src/tracking/clock';
import { PollScheduler, TREE_SOURCE_ID } from '../../../src/tracking/pollScheduler';
import { TaskTracker } from '../../../src/tracking/taskTracker';
import { TrackedRecord, TrackedRecordStore } from '../../../src/tracking/trackedRecords';
import { FakeFsx, makeTask, taskId } from './fakeFsx';

const sandbox: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', sandbox: true };
const [a, b, c] = [taskId(0xa), taskId(0xb), taskId(0xc)];

/** Like a vscode.Memento: holds JSON, so Dates and undefined fields do not survive by accident. */
class MemoryStore implements TrackedRecordStore {
  writes = 0;
  constructor(private json: string | undefined = undefined) {}
  get(): unknown {
    return this.json === undefined ? undefined : JSON.parse(this.json);
  }
  set(records: TrackedRecord[]): Promise<void> {
    this.writes++;
    this.json = JSON.stringify(records);
    return Promise.resolve();
  }
  records(): TrackedRecord[] {
    return (this.get() as TrackedRecord[] | undefined) ?? [];
  }
}

/** One extension-host session: a scheduler and a tracker over a shared fake FSx, clock and store. */
function session(clock: ManualClock, fsx: FakeFsx, store: MemoryStore, lingerMs = 5_000) {
  const scheduler = new PollScheduler({ clock, apiFor: () => fsx, random: () => 0.5 });
  const tracker = new TaskTracker({ clock, scheduler, store, lingerMs });
  const log: string[] = [];
  let changes = 0;
  tracker.onDidTransition((event) => log.push(`${event.taskId.slice(-1)} ${event.from ?? '-'}->${event.to}`));
  tracker.onDidEnd((event) => log.push(`${event.taskId.slice(-1)} ended ${event.task.lifecycle}${event.task.failureMessage ? `: ${event.task.failureMessage}` : ''}`));
  tracker.onDidVanish((event) => log.push(`${event.taskId.slice(-1)} vanished`));
  tracker.onDidEndTogether((ended) => log.push(`together ${ended.map((event) => `${event.taskId.slice(-1)} ${event.task.lifecycle}`).join(', ')}`));
  tracker.onDidChange(() => changes++);
  return {
    scheduler,
    tracker,
    log,
    changes: () => changes,
    dispose: () => {
      tracker.dispose();
      scheduler.dispose();
    },
  };
}

function harness() {
  const clock = new ManualClock(1_700_000_000_000);
  const fsx = new FakeFsx(clock);
  const store = new MemoryStore();
  return { clock, fsx, store, ...session(clock, fsx, store) };
}

/** Moves the fake task, then lets the scheduler's next poll see it (the settled interval at most). */
async function moveAndPoll(clock: ManualClock, fsx: FakeFsx, id: string, lifecycle: Lifecycle, patch = {}): Promise<void> {
  fsx.set(id, lifecycle, patch);
  await clock.advance(30_000);
}

describe('TaskTracker', () => {
  it('reports PENDING -> EXECUTING -> SUCCEEDED once each, and ends once', async () => {
    const { clock, fsx, tracker, log } = harness();
    fsx.add(a, 'PENDING');
    tracker.track(sandbox, a, 'user');
    await clock.advance(1_000);
    await moveAndPoll(clock, fsx, a, 'EXECUTING');
    await clock.advance(60_000);
    await moveAndPoll(clock, fsx, a, 'SUCCEEDED');
    await clock.advance(10 * 60_000);
    assert.deepEqual(log, ['a -->PENDING', 'a PENDING->EXECUTING', 'a EXECUTING->SUCCEEDED', 'a ended SUCCEEDED']);
  });

  it('reports EXECUTING -> CANCELING -> CANCELED, taking the cancel answer as an observation', async () => {
    const { clock, fsx, tracker, log } = harness();
    const executing = fsx.add(a, 'EXECUTING');
    tracker.track(sandbox, executing, 'cancel');
    fsx.set(a, 'CANCELING');
    tracker.updateFromObservation(sandbox, { ...executing, lifecycle: 'CANCELING' });
    await clock.advance(3_000);
    assert.deepEqual(tracker.list().map((task) => [task.lifecycle, task.reason]), [['CANCELING', 'cancel']]);
    await moveAndPoll(clock, fsx, a, 'CANCELED');
    assert.deepEqual(log, ['a -->EXECUTING', 'a EXECUTING->CANCELING', 'a CANCELING->CANCELED', 'a ended CANCELED']);
  });

  it('reports EXECUTING -> FAILED with the failure message', async () => {
    const { clock, fsx, tracker, log } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    await moveAndPoll(clock, fsx, a, 'FAILED', { failureMessage: 'Access denied to s3://bucket/prefix' });
    assert.deepEqual(log, ['a -->EXECUTING', 'a EXECUTING->FAILED', 'a ended FAILED: Access denied to s3://bucket/prefix']);
  });

  it('reports a skipped state as one transition from the last seen lifecycle', async () => {
    const { clock, fsx, tracker, log } = harness();
    tracker.track(sandbox, fsx.add(a, 'PENDING'), 'user');
    fsx.set(a, 'EXECUTING');
    await moveAndPoll(clock, fsx, a, 'SUCCEEDED');
    assert.deepEqual(log, ['a -->PENDING', 'a PENDING->SUCCEEDED', 'a ended SUCCEEDED']);
  });

  it('ignores a stale observation that would move a lifecycle backwards', async () => {
    const { clock, fsx, tracker, log } = harness();
    const executing = fsx.add(a, 'EXECUTING');
    tracker.track(sandbox, executing, 'cancel');
    tracker.updateFromObservation(sandbox, { ...executing, lifecycle: 'CANCELING' });
    tracker.updateFromObservation(sandbox, executing);
    fsx.set(a, 'CANCELING');
    await clock.advance(30_000);
    assert.deepEqual(log, ['a -->EXECUTING', 'a EXECUTING->CANCELING']);
    assert.equal(tracker.list()[0].lifecycle, 'CANCELING');
  });

  it('never announces an end twice, whichever way the ended task is seen again', async () => {
    const { clock, fsx, tracker, log } = harness();
    const executing = fsx.add(a, 'EXECUTING');
    tracker.track(sandbox, executing, 'user');
    fsx.set(a, 'SUCCEEDED');
    await clock.advance(1_000);
    const ended = { ...executing, lifecycle: 'SUCCEEDED' as const };
    tracker.updateFromObservation(sandbox, ended);
    tracker.track(sandbox, ended, 'user');
    tracker.updateFromObservation(sandbox, { ...executing, lifecycle: 'FAILED' });
    assert.deepEqual(log, ['a -->EXECUTING', 'a EXECUTING->SUCCEEDED', 'a ended SUCCEEDED']);
  });

  it('reports a task tracked after it ended as ended at once, without polling', async () => {
    const { clock, fsx, tracker, log } = harness();
    tracker.track(sandbox, makeTask(a, 'SUCCEEDED'), 'user');
    assert.deepEqual(log, ['a -->SUCCEEDED', 'a ended SUCCEEDED']);
    await clock.advance(60 * 60_000);
    assert.equal(fsx.calls.length, 0);
    assert.equal(tracker.has(a), false, 'gone after the linger');
  });

  it('keeps an ended task listed for lingerMs, then removes and persists the removal', async () => {
    const { clock, fsx, store, tracker, changes } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    fsx.set(a, 'SUCCEEDED');
    await clock.advance(1_000);
    const ended = tracker.list()[0];
    assert.equal(ended.lifecycle, 'SUCCEEDED');
    assert.equal(ended.endedAt, clock.now());
    const changesBefore = changes();
    await clock.advance(4_999);
    assert.equal(tracker.has(a), true);
    await clock.advance(1);
    assert.equal(tracker.has(a), false);
    assert.equal(changes(), changesBefore + 1);
    await tracker.whenPersisted();
    assert.deepEqual(store.records(), []);
    assert.equal(clock.pendingTimers(), 0);
  });

  it('is idempotent, and an explicit track outranks an auto one', async () => {
    const { clock, fsx, tracker } = harness();
    const task = fsx.add(a, 'EXECUTING');
    tracker.track(sandbox, task, 'auto');
    tracker.track(sandbox, a, 'auto');
    assert.equal(tracker.list().length, 1);
    assert.equal(tracker.list()[0].reason, 'auto');
    tracker.track(sandbox, a, 'user');
    assert.equal(tracker.list()[0].reason, 'user');
    await clock.advance(1_000);
    assert.deepEqual(fsx.calls.map((call) => call.ids), [[a]]);
    assert.throws(() => tracker.track(sandbox, 'not-a-task', 'user'), RangeError);
  });

  it('does not nudge for an auto-tracked task it was given (its state was just seen)', async () => {
    const { clock, fsx, tracker } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'auto');
    await clock.advance(29_999);
    assert.equal(fsx.calls.length, 0);
    await clock.advance(1);
    assert.equal(fsx.calls.length, 1);
  });

  it('persists what it tracks and restores it after a reload without repeating transitions', async () => {
    const { clock, fsx, store, tracker, dispose } = harness();
    fsx.add(a, 'PENDING');
    fsx.add(b, 'EXECUTING');
    tracker.track(sandbox, a, 'user');
    tracker.track(sandbox, b, 'cancel');
    await clock.advance(1_000);
    await moveAndPoll(clock, fsx, a, 'EXECUTING');
    await tracker.whenPersisted();
    const before = tracker.list().map(({ taskId: id, reason, addedAt, lifecycle, connection }) => ({ id, reason, addedAt, lifecycle, connection }));
    dispose();

    const reloaded = session(clock, fsx, store);
    assert.equal(reloaded.tracker.restore(), 2);
    const after = reloaded.tracker.list().map(({ taskId: id, reason, addedAt, lifecycle, connection }) => ({ id, reason, addedAt, lifecycle, connection }));
    assert.deepEqual(after, before);
    await clock.advance(60_000);
    assert.deepEqual(reloaded.log, [], 'no transition when nothing changed across the reload');
    await moveAndPoll(clock, fsx, b, 'CANCELED');
    assert.deepEqual(reloaded.log, ['b EXECUTING->CANCELED', 'b ended CANCELED']);
  });

  it('moves restored sandbox tasks to the port the sandbox listens on after the reload', async () => {
    const { clock, fsx, store, tracker, dispose } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    await clock.advance(1_000);
    await tracker.whenPersisted();
    dispose();
    const restarted: Connection = { ...sandbox, endpoint: 'http://127.0.0.1:4600' };
    const reloaded = session(clock, fsx, store);
    assert.equal(reloaded.tracker.restore((saved) => (saved.sandbox ? restarted : saved)), 1);
    assert.deepEqual(reloaded.tracker.list()[0].connection, restarted);
    const polled = new Promise<Connection>((resolve) => reloaded.scheduler.onDidPoll((result) => resolve(result.connection)));
    await clock.advance(30_000);
    assert.deepEqual(await polled, restarted, 'polled on the new port, not the old one');
  });

  it('announces an end exactly once, even when the window reloads during the linger', async () => {
    const { clock, fsx, store, tracker, log, dispose } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    fsx.set(a, 'SUCCEEDED');
    await clock.advance(1_000);
    assert.deepEqual(log, ['a -->EXECUTING', 'a EXECUTING->SUCCEEDED', 'a ended SUCCEEDED']);
    assert.equal(tracker.has(a), true, 'still lingering');
    await tracker.whenPersisted();
    assert.equal(store.records()[0].lastLifecycle, 'SUCCEEDED');
    dispose();

    const callsBefore = fsx.calls.length;
    const reloaded = session(clock, fsx, store);
    assert.equal(reloaded.tracker.restore(), 0);
    await clock.advance(60 * 60_000);
    assert.deepEqual(reloaded.log, []);
    assert.equal(fsx.calls.length, callsBefore);
    await reloaded.tracker.whenPersisted();
    assert.deepEqual(store.records(), [], 'restore prunes the ended record');
  });

  describe('tasks tracked together (a bulk cancel)', () => {
    it('announces their ends together once the last has ended, each end still fired at once', async () => {
      const { clock, fsx, tracker, log } = harness();
      tracker.trackTogether([{ connection: sandbox, task: fsx.add(a, 'CANCELING') }, { connection: sandbox, task: fsx.add(b, 'CANCELING') }], 'cancel');
      fsx.set(a, 'CANCELED');
      await clock.advance(2_000);
      assert.deepEqual(log.filter((line) => !line.includes('->')), ['a ended CANCELED'], 'held: b still runs');
      assert.equal(tracker.has(a), true, 'held, not lingering away');
      await clock.advance(60_000);
      assert.equal(tracker.has(a), true);
      fsx.set(b, 'SUCCEEDED');
      await clock.advance(30_000);
      assert.deepEqual(log.filter((line) => !line.includes('->')), ['a ended CANCELED', 'b ended SUCCEEDED', 'together a CANCELED, b SUCCEEDED']);
      await clock.advance(10_000);
      assert.equal(tracker.list().length, 0, 'both linger, then go');
    });

    it('a held end survives a window reload: polled again and announced with its group, once', async () => {
      const { clock, fsx, store, tracker, dispose } = harness();
      tracker.trackTogether([{ connection: sandbox, task: fsx.add(a, 'CANCELING') }, { connection: sandbox, task: fsx.add(b, 'CANCELING') }], 'cancel');
      fsx.set(a, 'CANCELED');
      await clock.advance(2_000);
      await tracker.whenPersisted();
      assert.deepEqual(store.records().map((record) => record.lastLifecycle), ['CANCELING', 'CANCELING'], 'the held end is saved as not announced');
      assert.equal(new Set(store.records().map((record) => record.together)).size, 1);
      dispose();
      fsx.set(b, 'CANCELED');
      const reloaded = session(clock, fsx, store);
      assert.equal(reloaded.tracker.restore(), 2);
      await clock.advance(60_000);
      assert.deepEqual(reloaded.log.filter((line) => line.startsWith('together')), ['together a CANCELED, b CANCELED']);
    });

    it('a member untracked or gone no longer holds the others back', async () => {
      const { clock, fsx, tracker, log } = harness();
      tracker.trackTogether([a, b, c].map((id) => ({ connection: sandbox, task: fsx.add(id, 'CANCELING') })), 'cancel');
      fsx.set(a, 'CANCELED');
      await clock.advance(2_000);
      fsx.delete(b);
      await clock.advance(30_000);
      assert.equal(log.filter((line) => line.startsWith('together')).length, 0, 'c still runs');
      tracker.untrack(c);
      assert.deepEqual(log.filter((line) => line.startsWith('together')), ['together a CANCELED']);
    });

    it('a restored record with a group that does not read as one is tracked on its own', () => {
      const store = new MemoryStore(JSON.stringify([{ taskId: a, connection: sandbox, lastLifecycle: 'CANCELING', reason: 'cancel', addedAt: 0, together: '<script>' }]));
      const clock = new ManualClock(0);
      const { tracker } = session(clock, new FakeFsx(clock), store);
      assert.equal(tracker.restore(), 1);
      return tracker.whenPersisted().then(() => assert.equal(store.records()[0].together, undefined));
    });
  });

  it('announces a task that ended while the window was closed, once', async () => {
    const clock = new ManualClock(0);
    const fsx = new FakeFsx(clock);
    fsx.add(a, 'SUCCEEDED');
    const store = new MemoryStore(JSON.stringify([{ taskId: a, connection: sandbox, lastLifecycle: 'EXECUTING', reason: 'user', addedAt: 0 }]));
    const { tracker, log } = session(clock, fsx, store);
    tracker.restore();
    tracker.restore();
    await clock.advance(60 * 60_000);
    assert.deepEqual(log, ['a EXECUTING->SUCCEEDED', 'a ended SUCCEEDED']);
    assert.equal(fsx.calls.length, 1);
  });

  it('drops, never polls, a record the reconnect refuses (a foreign endpoint), and says so once', async () => {
    const clock = new ManualClock(0);
    const fsx = new FakeFsx(clock);
    fsx.add(a, 'EXECUTING');
    fsx.add(b, 'EXECUTING');
    const foreign: Connection = { region: 'us-east-1', profile: 'dev', endpoint: 'http://127.0.0.1:9' };
    const configured: Connection = { region: 'us-east-1', profile: 'dev' };
    const store = new MemoryStore(
      JSON.stringify([
        { taskId: a, connection: foreign, lastLifecycle: 'EXECUTING', reason: 'user', addedAt: 0 },
        { taskId: b, connection: configured, lastLifecycle: 'EXECUTING', reason: 'user', addedAt: 0 },
      ]),
    );
    const scheduler = new PollScheduler({ clock, apiFor: () => fsx, random: () => 0.5 });
    const refusedReports: (readonly string[])[] = [];
    const tracker = new TaskTracker({ clock, scheduler, store, onRecordsRefused: (taskIds) => refusedReports.push(taskIds) });
    const polled: Connection[] = [];
    scheduler.onDidPoll((result) => polled.push(result.connection));
    assert.equal(
      tracker.restore((saved) => (saved.endpoint === undefined ? saved : undefined)),
      1,
    );
    assert.deepEqual(tracker.list().map((task) => task.taskId), [b]);
    assert.deepEqual(refusedReports, [[a]], 'one report naming the dropped task');
    await clock.advance(60 * 60_000);
    assert.ok(polled.length > 0 && polled.every((connection) => connection.endpoint === undefined), 'only the configured connection is polled');
    assert.ok(fsx.calls.every((call) => !call.ids.includes(a)), 'the refused task is never asked for');
    await tracker.whenPersisted();
    assert.deepEqual(store.records().map((record) => record.taskId), [b], 'and it is pruned from the store');
    tracker.dispose();
    scheduler.dispose();
  });

  it('restores only the records it can read, says once what it dropped, and prunes the rest', async () => {
    // Which records are readable is trackedRecords.test.ts; this is the tracker's use of the rule.
    const clock = new ManualClock(0);
    const valid = { taskId: a, connection: sandbox, reason: 'user', addedAt: 5 };
    const store = new MemoryStore(
      JSON.stringify([
        null,
        { ...valid, reason: 'whim' },
        { ...valid, connection: { region: 'evil.example.com#' } },
        { ...valid, taskId: b, connection: { ...sandbox, extra: 'dropped' } },
      ]),
    );
    const scheduler = new PollScheduler({ clock, apiFor: () => new FakeFsx(clock), random: () => 0.5 });
    const reports: unknown[] = [];
    const tracker = new TaskTracker({ clock, scheduler, store, onRecordsDropped: (report) => reports.push(report) });
    assert.equal(tracker.restore(), 1);
    assert.deepEqual(tracker.list().map((task) => [task.taskId, task.connection]), [[b, sandbox]]);
    assert.deepEqual(reports, [{ kept: 1, dropped: 3, notAList: false }], 'one report');
    await tracker.whenPersisted();
    assert.deepEqual(store.records(), [{ taskId: b, connection: sandbox, reason: 'user', addedAt: 5 }], 'only the readable record is written back');
    tracker.dispose();

    const notAList = new TaskTracker({ clock, scheduler, store: new MemoryStore('{"not":"a list"}'), onRecordsDropped: (report) => reports.push(report) });
    assert.equal(notAList.restore(), 0);
    assert.deepEqual(reports.at(-1), { kept: 0, dropped: 0, notAList: true });
    notAList.dispose();
    scheduler.dispose();
  });

  it('stops polling once the last tracked task is untracked', async () => {
    const { clock, fsx, store, tracker, scheduler } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    await clock.advance(1_000);
    assert.equal(tracker.untrack(a), true);
    assert.equal(tracker.untrack(a), false);
    assert.deepEqual(scheduler.watchedIds(sandbox), []);
    assert.equal(clock.pendingTimers(), 0);
    await clock.advance(60 * 60_000);
    assert.equal(fsx.calls.length, 1);
    await tracker.whenPersisted();
    assert.deepEqual(store.records(), []);
  });

  it('leaves the tree\'s ids alone when it untracks', async () => {
    const { fsx, tracker, scheduler } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    scheduler.watch(TREE_SOURCE_ID, sandbox, [a, b]);
    tracker.untrack(a);
    assert.deepEqual(scheduler.watchedIds(sandbox), [a, b]);
  });

  it('untracks a task FSx no longer knows, with onDidVanish', async () => {
    const { clock, fsx, tracker, log } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    fsx.delete(a);
    await clock.advance(1_000);
    assert.deepEqual(log, ['a -->EXECUTING', 'a vanished']);
    assert.equal(tracker.has(a), false);
    assert.equal(clock.pendingTimers(), 0);
  });

  it('fires onDidChange when progress moves, not when a poll brings nothing new', async () => {
    const { clock, fsx, tracker, changes } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING', { status: { totalCount: 10, succeededCount: 1 } }), 'auto');
    const afterTrack = changes();
    await clock.advance(30_000);
    assert.equal(changes(), afterTrack);
    fsx.set(a, 'EXECUTING', { status: { totalCount: 10, succeededCount: 4 } });
    await clock.advance(30_000);
    assert.equal(changes(), afterTrack + 1);
    assert.equal(tracker.list()[0].task?.status?.succeededCount, 4);
  });

  it('ignores observations of untracked tasks or of another connection', () => {
    const { tracker, log } = harness();
    tracker.track(sandbox, makeTask(a, 'EXECUTING'), 'user');
    tracker.updateFromObservation({ region: 'eu-west-1' }, makeTask(a, 'SUCCEEDED'));
    tracker.updateFromObservation(sandbox, makeTask(b, 'SUCCEEDED'));
    assert.deepEqual(log, ['a -->EXECUTING']);
  });

  it('on dispose stops watching and clears its linger timers', async () => {
    const { clock, fsx, tracker, scheduler } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    tracker.track(sandbox, makeTask(b, 'FAILED'), 'user');
    tracker.dispose();
    assert.deepEqual(scheduler.watchedIds(sandbox), []);
    assert.equal(clock.pendingTimers(), 0);
  });

  it('makes at most 130 calls in an hour of tracking one EXECUTING task', async () => {
    const { clock, fsx, tracker, log } = harness();
    tracker.track(sandbox, fsx.add(a, 'EXECUTING'), 'user');
    await clock.advance(60 * 60_000);
    console.log(`      describeTasks calls in one simulated hour: ${fsx.calls.length}`);
    assert.ok(fsx.calls.length <= 130, `${fsx.calls.length} calls`);
    assert.ok(fsx.calls.length >= 120, 'it kept polling all hour');
    assert.deepEqual(log, ['a -->EXECUTING']);
  });
});
