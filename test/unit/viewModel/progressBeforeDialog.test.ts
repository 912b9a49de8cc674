// The release preview's dialog opened over its own progress notification: VS Code keeps a
// notification progress at least 800 ms. A stand-in of the workbench below closes it as VS Code
// does, and the answer must come after that close.
import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../src/tracking/clock';
import { NOTIFICATION_SHOWN_MS, NOTIFY_AFTER_MS, settledBeforeDialog } from '../../../src/viewModel/progressBeforeDialog';

/** Work that ends (or fails) at `ms`, the notification as the workbench shows it, and when the answer came. */
function scene(clock: ManualClock, ms: number, fails = false) {
  const events: string[] = [];
  const work = new Promise<string>((resolve, reject) => clock.setTimeout(() => (fails ? reject(new Error('unreadable')) : resolve('counted')), ms));
  const show = (running: Promise<string>) => {
    const shownAt = clock.now();
    events.push(`shown at ${shownAt}`);
    // The workbench closes it once the work has ended and 800 ms have passed since it showed it.
    const closed = () => events.push(`closed at ${clock.now()}`);
    void running
      .catch(() => undefined)
      .then(() => (clock.now() >= shownAt + 800 ? closed() : clock.setTimeout(closed, shownAt + 800 - clock.now())));
    return running;
  };
  const answer = settledBeforeDialog(work, show, clock).then(
    (value) => (events.push(`dialog at ${clock.now()}`), value),
    (error: Error) => (events.push(`dialog at ${clock.now()}`), error.message),
  );
  return { events, answer };
}

describe('a progress notification gone before the dialog after it', () => {
  it('work that ends soon shows no notification and answers at once', async () => {
    const clock = new ManualClock();
    const { events, answer } = scene(clock, NOTIFY_AFTER_MS - 100);
    await clock.advance(NOTIFY_AFTER_MS - 100);
    assert.equal(await answer, 'counted');
    assert.deepEqual(events, [`dialog at ${NOTIFY_AFTER_MS - 100}`]);
    assert.equal(clock.pendingTimers(), 0, 'no timer left behind');
  });

  it('work that shows the notification answers only after the workbench has closed it', async () => {
    const clock = new ManualClock();
    const { events, answer } = scene(clock, NOTIFY_AFTER_MS + 100);
    await clock.advance(5_000);
    assert.equal(await answer, 'counted');
    assert.deepEqual(events, [`shown at ${NOTIFY_AFTER_MS}`, `closed at ${NOTIFY_AFTER_MS + 800}`, `dialog at ${NOTIFY_AFTER_MS + NOTIFICATION_SHOWN_MS}`]);
  });

  it('long work answers as it ends (the notification has been up long enough), failures too', async () => {
    const clock = new ManualClock();
    const { events, answer } = scene(clock, 3_000, true);
    await clock.advance(5_000);
    assert.equal(await answer, 'unreadable');
    assert.deepEqual(events.sort(), [`closed at 3000`, 'dialog at 3000', `shown at ${NOTIFY_AFTER_MS}`]);
  });
});
