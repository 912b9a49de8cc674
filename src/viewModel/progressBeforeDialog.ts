// A progress notification that is gone before the dialog that follows it opens. VS Code keeps a
// notification progress it has shown for at least 800 ms (the workbench's progress service, for a
// notification without `delay`, which an extension cannot set), so a dialog shown as soon as quick
// work ended opened over the still-visible notification. Work that ends soon shows none; work that
// showed one is answered once the workbench has closed it. vscode-free: the view hands `show`.
import type { Clock, TimerHandle } from '../tracking/clock';

/** Work that ends within this shows no notification (VS Code's own notifications wait 150 to 500 ms). */
export const NOTIFY_AFTER_MS = 400;
/** How long the workbench keeps a notification it showed (800 ms), and the close's way back. */
export const NOTIFICATION_SHOWN_MS = 1_000;

/**
 * `work`'s result, once no notification of it remains. `show` puts up the notification while the
 * work it is handed runs (vscode.window.withProgress) and is called only if the work outlasts
 * NOTIFY_AFTER_MS; the answer then comes no sooner than NOTIFICATION_SHOWN_MS after it was shown.
 */
export async function settledBeforeDialog<T>(work: Promise<T>, show: (running: Promise<T>) => PromiseLike<unknown>, clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>): Promise<T> {
  const ended = work.then(
    () => true,
    () => true,
  );
  let timer: TimerHandle | undefined;
  const late = new Promise<false>((resolve) => {
    timer = clock.setTimeout(() => resolve(false), NOTIFY_AFTER_MS);
  });
  const endedSoon = await Promise.race([ended, late]);
  clock.clearTimeout(timer as TimerHandle);
  if (endedSoon) {
    return work;
  }
  const shownAt = clock.now();
  // Its failure is the work's, answered below.
  await Promise.resolve(show(work)).catch(() => undefined);
  await ended;
  const left = shownAt + NOTIFICATION_SHOWN_MS - clock.now();
  if (left > 0) {
    await sleep(clock, left);
  }
  return work;
}

function sleep(clock: Pick<Clock, 'setTimeout'>, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
