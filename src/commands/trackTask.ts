import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import type { AppServices } from './services';
import { partitionForTrack } from '../viewModel/bulkActions';
import { CommandDeps, registerTaskCommand } from './boundary';
import { TaskTarget, TaskTargetDeps } from './taskTarget';

type TrackDeps = CommandDeps & TaskTargetDeps & Pick<AppServices, 'explorer'>;

/** "Track Task" (one, or every selected task that can still change) and "Stop Tracking Task". */
export function registerTrackCommands(deps: TrackDeps): vscode.Disposable[] {
  const tracker = deps.tracking.tracker;
  return [
    registerTaskCommand(
      'fsxTasks.trackTask',
      deps,
      {
        title: vscode.l10n.t('Track Task'),
        placeholder: vscode.l10n.t('Pick a task to follow in the status bar, or type a task ID'),
        many: (targets) => trackMany(deps, targets),
      },
      ({ connection, task }) => tracker.track(connection, task, 'user'),
    ),
    registerTaskCommand('fsxTasks.untrackTask', deps, { title: vscode.l10n.t('Stop Tracking Task'), placeholder: vscode.l10n.t('Pick a task') }, ({ task }) =>
      tracker.untrack(task.taskId),
    ),
  ];
}

/** Tracks the selected tasks that can still change; says which ended ones were left out. */
function trackMany(deps: TrackDeps, targets: readonly TaskTarget[]): void {
  const { applies, skipped } = partitionForTrack(targets, (target) => target.task, vscode.l10n);
  for (const { connection, task } of applies) {
    deps.tracking.tracker.track(connection, task, 'user');
  }
  if (skipped.length > 0) {
    const reasons = skipped.map(({ item, reason }) => vscode.l10n.t('{0}: {1}', plainText(item.task.taskId), reason)).join('; ');
    void deps.prompts.message('info', vscode.l10n.t('Tracking {0} tasks. Skipped {1} that had ended ({2}).', applies.length, skipped.length, reasons));
  }
}
