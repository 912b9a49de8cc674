import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { Connection, Task } from '../../../src/fsx/model';
import { AutoTracker } from '../../../src/tracking/autoTracker';
import { ManualClock } from '../../../src/tracking/clock';
import { TrackReason } from '../../../src/tracking/taskTracker';
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
});
