import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { isBackground } from '../../../src/fsx/requestLimiter';
import { Connection, connectionKey, Task } from '../../../src/fsx/types';
import { AutoTracker, IDLE_FIRST_DELAY_MS, IDLE_MAX_DELAY_MS, idleDelay } from '../../../src/tracking/autoTracker';
import { ManualClock } from '../../../src/tracking/clock';
import { TrackReason } from '../../../src/tracking/trackedRecords';
import { makeTask, taskId } from './fakeFsx';

const east: Connection = { region: 'us-east-1' };
const west: Connection = { region: 'us-west-2' };
const [a, b, c] = [taskId(0xa), taskId(0xb), taskId(0xc)];

/** Records what the auto-tracker asks a tracker to do; the real tracker is tested on its own. */
class RecordingTracker {
  readonly tracked = new Map<string, { region: string; lifecycle: string; reason: TrackReason }>();
  track(connection: Connection, task: Task | string, reason: TrackReason): void {
    if (typeof task === 'string') {
      throw new Error('the auto-tracker always has the task');
    }
    this.tracked.set(task.taskId, { region: connection.region, lifecycle: task.lifecycle, reason });
  }
  has(id: string): boolean {
    return this.tracked.has(id);
  }
  readonly samples: { region: string; ids: string[]; nextScanAt?: number }[] = [];
  sampled(connection: Connection, tasks: readonly Task[], nextScanAt?: number): void {
    this.samples.push({ region: connection.region, ids: tasks.map((task) => task.taskId), nextScanAt });
  }
}

function harness() {
  const clock = new ManualClock(0);
  const tracker = new RecordingTracker();
  const active = new Map<string, Task[]>([
    ['us-east-1', [makeTask(a, 'EXECUTING'), makeTask(b, 'SUCCEEDED')]],
    ['us-west-2', [makeTask(c, 'PENDING')]],
  ]);
  const scans: { region: string; at: number; signal: AbortSignal }[] = [];
  const failures: unknown[] = [];
  let gate: Promise<void> | undefined;
  const errors: FsxError[] = [];
  const auto = new AutoTracker({
    clock,
    tracker,
    connections: () => [east, west],
    listActiveTasks: async (connection, signal) => {
      scans.push({ region: connection.region, at: clock.now(), signal });
      if (gate) {
        await gate;
      }
      if (connection === east && failures.length > 0) {
        throw failures.shift();
      }
      return active.get(connection.region) ?? [];
    },
    random: () => 0.5,
    onError: (_connection, error) => errors.push(error),
  });
  const hold = () => {
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    return release;
  };
  return { clock, tracker, active, scans, failures, errors, auto, hold };
}

describe('AutoTracker', () => {
  it('does nothing until enabled', async () => {
    const { clock, scans } = harness();
    await clock.advance(60 * 60_000);
    assert.equal(scans.length, 0);
    assert.equal(clock.pendingTimers(), 0);
  });

  it('when enabled, scans at once and then every interval, tracking active tasks with reason auto', async () => {
    const { clock, tracker, scans, auto, active } = harness();
    auto.setEnabled(true);
    await clock.advance(0);
    assert.deepEqual([...tracker.tracked], [
      [a, { region: 'us-east-1', lifecycle: 'EXECUTING', reason: 'auto' }],
      [c, { region: 'us-west-2', lifecycle: 'PENDING', reason: 'auto' }],
    ]);
    active.get('us-east-1')?.push(makeTask(taskId(0xd), 'PENDING'));
    await clock.advance(30_000);
    assert.deepEqual(scans.map((scan) => scan.at), [0, 0, 30_000, 30_000]);
    assert.equal(tracker.has(taskId(0xd)), true);
  });

  it("hands each scan's active tasks to the tracker as a sample, with when it scans the connection next", async () => {
    const { clock, tracker, auto, active } = harness();
    auto.setEnabled(true);
    await clock.advance(30_000);
    active.set('us-west-2', []);
    await clock.advance(30_000);
    assert.deepEqual(tracker.samples, [
      { region: 'us-east-1', ids: [a], nextScanAt: 30_000 },
      { region: 'us-west-2', ids: [c], nextScanAt: 30_000 },
      { region: 'us-east-1', ids: [a], nextScanAt: 60_000 },
      { region: 'us-west-2', ids: [c], nextScanAt: 60_000 },
      { region: 'us-east-1', ids: [a], nextScanAt: 90_000 },
    ], 'the ended task b is not in it, and a scan that found nothing active hands nothing');
  });

  it('marks its scans as background work for the request limiter', async () => {
    const { clock, scans, auto } = harness();
    auto.setEnabled(true);
    await clock.advance(0);
    auto.setEnabled(false);
    auto.setEnabled(true);
    await clock.advance(0);
    assert.equal(scans.length, 4);
    assert.ok(scans.every((scan) => isBackground(scan.signal)), 'every scan, after a restart too');
  });

  it('does not track again a task the user untracked', async () => {
    const { clock, tracker, auto } = harness();
    auto.setEnabled(true);
    await clock.advance(0);
    tracker.tracked.delete(a);
    await clock.advance(90_000);
    assert.equal(tracker.has(a), false);
    assert.equal(tracker.has(c), true);
  });

  it('stops its timer and aborts a running scan when disabled or disposed', async () => {
    const { clock, scans, auto, hold } = harness();
    auto.setEnabled(true);
    await clock.advance(0);
    assert.equal(clock.pendingTimers(), 1);
    auto.setEnabled(false);
    assert.equal(clock.pendingTimers(), 0);

    hold();
    auto.setEnabled(true);
    await clock.advance(0);
    const running = scans.slice(-2);
    auto.dispose();
    assert.deepEqual(running.map((scan) => scan.signal.aborted), [true, true]);
    assert.equal(clock.pendingTimers(), 0);
    auto.setEnabled(true);
    await clock.advance(60 * 60_000);
    assert.equal(scans.length, 4);
  });

  it('backs off after a failed scan, reports the error, and recovers', async () => {
    const { clock, scans, failures, errors, auto } = harness();
    failures.push(new FsxError('network', 'down'), new FsxError('throttled', 'slow down'));
    auto.setEnabled(true);
    await clock.advance(0 + 60_000 + 120_000 + 30_000);
    assert.deepEqual(scans.filter((scan) => scan.region === 'us-east-1').map((scan) => scan.at), [0, 60_000, 180_000, 210_000]);
    assert.deepEqual(errors.map((error) => error.kind), ['network', 'throttled']);
  });

  it('keeps scanning, with backoff, after the connection list throws', async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    const auto = new AutoTracker({
      clock,
      tracker: new RecordingTracker(),
      connections: () => {
        calls++;
        if (calls === 1) {
          throw new Error('settings unreadable');
        }
        return [];
      },
      listActiveTasks: async () => [],
      random: () => 0.5,
    });
    auto.setEnabled(true);
    await assert.rejects(auto.scanNow(), /settings unreadable/);
    assert.equal(clock.nextDueAt(), 60_000);
    await clock.advance(60_000);
    assert.equal(calls, 2);
    auto.dispose();
  });

  it('joins a scan already running instead of starting another', async () => {
    const { clock, scans, auto, hold } = harness();
    auto.setEnabled(true);
    const release = hold();
    await clock.advance(0);
    const joined = auto.scanNow();
    release();
    await joined;
    assert.equal(scans.length, 2);
  });

  describe('per connection', () => {
    const MIN = 60_000;
    const idle: Connection = { region: 'eu-west-1' };
    const busy: Connection = { region: 'us-east-1' };

    /** Two connections: `busy` with one executing task, `idle` with none; every scan's time by region. */
    function perConnection(connections: () => readonly Connection[] = () => [busy, idle], random = () => 0.5) {
      const clock = new ManualClock(0);
      const tracker = new RecordingTracker();
      const active = new Map<string, Task[]>([['us-east-1', [makeTask(a, 'EXECUTING')]]]);
      const failing = new Map<string, FsxError>();
      const times = new Map<string, number[]>();
      const auto = new AutoTracker({
        clock,
        tracker,
        connections,
        listActiveTasks: async (connection) => {
          times.set(connection.region, [...(times.get(connection.region) ?? []), clock.now()]);
          const failure = failing.get(connection.region);
          if (failure) {
            throw failure;
          }
          return active.get(connection.region) ?? [];
        },
        random,
      });
      return { clock, tracker, active, failing, times, auto, at: (region: string) => times.get(region) ?? [] };
    }

    it('scans a connection with active tasks every interval and an idle one after 5, 10, 20, then every 30 minutes', async () => {
      const { clock, at, auto } = perConnection();
      auto.setEnabled(true);
      await clock.advance(125 * MIN);
      assert.deepEqual(at('eu-west-1'), [0, 5 * MIN, 15 * MIN, 35 * MIN, 65 * MIN, 95 * MIN, 125 * MIN]);
      assert.equal(at('us-east-1').length, 125 * 2 + 1);
      assert.deepEqual(at('us-east-1').slice(0, 4), [0, 30_000, 60_000, 90_000]);
      auto.dispose();
    });

    it('finds a task started on an idle connection at its next scan, then scans it every interval', async () => {
      const { clock, at, auto, active, tracker } = perConnection();
      auto.setEnabled(true);
      await clock.advance(6 * MIN);
      active.set('eu-west-1', [makeTask(c, 'PENDING')]);
      await clock.advance(9 * MIN - 1);
      assert.equal(tracker.has(c), false, 'not before the scan due at 15 minutes');
      await clock.advance(1);
      assert.equal(tracker.tracked.get(c)?.reason, 'auto');
      await clock.advance(MIN);
      assert.deepEqual(at('eu-west-1'), [0, 5 * MIN, 15 * MIN, 15 * MIN + 30_000, 16 * MIN]);
      active.set('eu-west-1', []);
      await clock.advance(10 * MIN);
      assert.deepEqual(at('eu-west-1').slice(5), [16 * MIN + 30_000, 21 * MIN + 30_000], 'idle again: back to 5 minutes');
      auto.dispose();
    });

    it('scanNow(connection) scans that connection at once and restarts its idle backoff; the others keep their times', async () => {
      const { clock, at, auto } = perConnection();
      auto.setEnabled(true);
      await clock.advance(20 * MIN);
      assert.deepEqual(at('eu-west-1'), [0, 5 * MIN, 15 * MIN]);
      const busyBefore = at('us-east-1').length;
      await auto.scanNow(idle);
      assert.deepEqual(at('eu-west-1'), [0, 5 * MIN, 15 * MIN, 20 * MIN]);
      assert.equal(at('us-east-1').length, busyBefore, 'the other connection was not scanned by it');
      await clock.advance(5 * MIN);
      assert.deepEqual(at('eu-west-1').slice(4), [25 * MIN]);
      auto.dispose();
    });

    it('scanNow() with no connection scans every connection and restarts every idle backoff', async () => {
      const { clock, at, auto } = perConnection();
      auto.setEnabled(true);
      await clock.advance(40 * MIN);
      assert.equal(auto.nextScans().get(connectionKey(idle)), 65 * MIN);
      await auto.scanNow();
      assert.equal(at('eu-west-1').at(-1), 40 * MIN);
      assert.equal(auto.nextScans().get(connectionKey(idle)), 45 * MIN);
      auto.dispose();
    });

    it('backs off a failing connection on its own: the others are scanned on time', async () => {
      const { clock, at, auto, failing } = perConnection(() => [busy, idle, west]);
      failing.set('us-west-2', new FsxError('network', 'down'));
      auto.setEnabled(true);
      await clock.advance(10 * MIN);
      // 30 s doubled per failure: 60, 120, 240 s, then the 300 s cap.
      assert.deepEqual(at('us-west-2'), [0, 60_000, 180_000, 420_000]);
      assert.deepEqual(at('eu-west-1'), [0, 5 * MIN]);
      assert.equal(at('us-east-1').length, 21);
      failing.delete('us-west-2');
      await clock.advance(2 * MIN);
      assert.deepEqual(at('us-west-2').slice(4), [720_000], 'recovered at its next try');
      auto.dispose();
    });

    it('an idle connection that fails is not scanned sooner than its idle delay', async () => {
      const { clock, at, auto, failing } = perConnection();
      auto.setEnabled(true);
      await clock.advance(15 * MIN);
      failing.set('eu-west-1', new FsxError('throttled', 'slow down'));
      await clock.advance(45 * MIN);
      // Throttled at 35 minutes: the error backoff alone would try again at 36; its idle delay is 20.
      assert.deepEqual(at('eu-west-1'), [0, 5 * MIN, 15 * MIN, 35 * MIN, 55 * MIN]);
      auto.dispose();
    });

    it('scans a connection added to the list at once when told, and within the interval when not; a removed one no more', async () => {
      let list: Connection[] = [busy];
      const { clock, at, auto } = perConnection(() => list);
      auto.setEnabled(true);
      await clock.advance(MIN);
      list = [busy, idle];
      await auto.connectionsChanged();
      assert.deepEqual(at('eu-west-1'), [MIN]);
      assert.equal(at('us-east-1').length, 3, 'the connection already known is not scanned again by it');
      list = [idle];
      await clock.advance(10 * MIN);
      assert.equal(at('us-east-1').length, 3);
      list = [idle, west];
      await clock.advance(30_000);
      assert.deepEqual(at('us-west-2'), [11 * MIN + 30_000]);
      auto.dispose();
    });

    it('spreads idle delays with jitter but never past the longest', async () => {
      const low = perConnection(() => [idle], () => 0);
      low.auto.setEnabled(true);
      await low.clock.advance(5 * MIN);
      assert.deepEqual(low.at('eu-west-1'), [0, 4 * MIN]);
      low.auto.dispose();
      assert.equal(idleDelay(1), IDLE_FIRST_DELAY_MS);
      assert.equal(idleDelay(4), IDLE_MAX_DELAY_MS);
      const high = perConnection(() => [idle], () => 0.999);
      high.auto.setEnabled(true);
      await high.clock.advance(4 * 60 * MIN);
      const gaps = high.at('eu-west-1').slice(1).map((time, index) => time - high.at('eu-west-1')[index]);
      assert.equal(Math.max(...gaps), IDLE_MAX_DELAY_MS);
      high.auto.dispose();
    });
  });
});
