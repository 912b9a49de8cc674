// The auto-tracker, the tracker and the scheduler together on the manual clock, counting requests:
// a task the auto-tracker's scans list is not polled as well, and the tracker's events are the
// same as when polls alone watched it.
import * as assert from 'node:assert/strict';
import { Connection, isTerminal } from '../../../src/fsx/types';
import { AutoTracker } from '../../../src/tracking/autoTracker';
import { ManualClock } from '../../../src/tracking/clock';
import { PollScheduler, SAMPLE_GRACE_MS } from '../../../src/tracking/pollScheduler';
import { TaskTracker } from '../../../src/tracking/taskTracker';
import { FakeFsx, taskId } from './fakeFsx';

const HOUR = 60 * 60_000;
const east: Connection = { region: 'us-east-1', profile: 'dev' };
const a = taskId(0xa);

function harness() {
  const clock = new ManualClock(0);
  const fsx = new FakeFsx(clock);
  const scheduler = new PollScheduler({ clock, apiFor: () => fsx, random: () => 0.5 });
  const tracker = new TaskTracker({ clock, scheduler, store: { get: () => undefined, set: () => undefined } });
  const scans: number[] = [];
  const auto = new AutoTracker({
    clock,
    tracker,
    connections: () => [east],
    listActiveTasks: async () => {
      scans.push(clock.now());
      return [...fsx.tasks.values()].filter((task) => !isTerminal(task.lifecycle) && task.lifecycle !== 'CANCELING');
    },
    random: () => 0.5,
  });
  const log: string[] = [];
  tracker.onDidTransition((event) => log.push(`${event.from ?? '-'}->${event.to} at ${clock.now() / 1000}`));
  tracker.onDidEnd((event) => log.push(`ended ${event.task.lifecycle} at ${clock.now() / 1000}`));
  let polls = 0;
  scheduler.onDidPoll(() => polls++);
  return { clock, fsx, tracker, auto, scans, log, polls: () => polls };
}

describe('Auto-track scans as the tracker polls', () => {
  it('an hour of a busy connection costs its scans alone: the task they list is not polled too', async () => {
    const { clock, fsx, auto, scans, log, polls } = harness();
    fsx.add(a, 'EXECUTING');
    auto.setEnabled(true);
    await clock.advance(HOUR);
    auto.dispose();
    assert.equal(scans.length, 121, 'a scan at once, then every 30 s');
    assert.equal(fsx.calls.length, 0, `describeTasks polls on top of the scans: ${fsx.calls.length}`);
    assert.equal(polls(), 121, "every scan reached the tracker's listeners as a sample");
    assert.deepEqual(log, ['-->EXECUTING at 0'], 'announced once');
  });

  it('announces the end once, from the poll the scan that no longer lists the task leaves due', async () => {
    const { clock, fsx, tracker, auto, scans, log } = harness();
    fsx.add(a, 'PENDING');
    auto.setEnabled(true);
    await clock.advance(45_000);
    fsx.set(a, 'EXECUTING', { status: { totalCount: 100, succeededCount: 10, failedCount: 0 } });
    await clock.advance(30_000);
    assert.equal(tracker.list()[0].task?.status?.succeededCount, 10, 'the scan at 60 s updated the tracked task');
    fsx.set(a, 'SUCCEEDED');
    await clock.advance(10 * 60_000);
    auto.dispose();
    // The scan at 90 s finds nothing active; the poll due after it (90 s + grace) sees the end.
    const endSeen = 90 + SAMPLE_GRACE_MS / 1000;
    assert.deepEqual(log, ['-->PENDING at 0', 'PENDING->EXECUTING at 60', `EXECUTING->SUCCEEDED at ${endSeen}`, `ended SUCCEEDED at ${endSeen}`]);
    assert.deepEqual(fsx.calls.map((call) => call.at / 1000), [endSeen], 'one poll in all');
    assert.ok(scans.length > 3);
  });

  it('keeps the fast polls after a user action, then lets the scans take over again', async () => {
    const { clock, fsx, tracker, auto } = harness();
    fsx.add(a, 'EXECUTING');
    auto.setEnabled(true);
    await clock.advance(100_000);
    assert.equal(fsx.calls.length, 0);
    tracker.track(east, a, 'user'); // tracking it by hand is a user action: poll soon
    await clock.advance(HOUR);
    auto.dispose();
    assert.deepEqual(
      fsx.calls.map((call) => call.at / 1000),
      [101, 103, 107, 115, 130],
      'the nudge sequence (1, 2, 4, 8, 15 s), then no poll while the scans list the task',
    );
  });
});
