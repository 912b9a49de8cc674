import type { Connection, Task } from '../fsx/types';
import type { AutoTracker } from '../tracking/autoTracker';
import type { PollScheduler } from '../tracking/pollScheduler';
import type { TaskTracker } from '../tracking/taskTracker';
import type { ExplorerModel } from '../viewModel/explorerModel';

export interface StartedTaskDeps {
  readonly model: Pick<ExplorerModel, 'addTask'>;
  readonly tracker: Pick<TaskTracker, 'track'>;
  readonly scheduler: Pick<PollScheduler, 'nudge'>;
  readonly autoTracker: Pick<AutoTracker, 'scanNow'>;
}

/**
 * A task we just started (the start flow, a retry, a queued start): into the tree at once, into
 * the status bar, polled soon; its file system is busy now, so auto-track scans it at the settled
 * interval again (a list that cannot be read is retried by the auto-tracker's own backoff).
 */
export function followStartedTask(deps: StartedTaskDeps, connection: Connection, task: Task): void {
  deps.model.addTask(connection, task);
  deps.tracker.track(connection, task, 'user');
  deps.scheduler.nudge(connection);
  deps.autoTracker.scanNow(connection).catch(() => undefined);
}
