import * as vscode from 'vscode';
import type { Container } from '../container';
import { CommandDeps, registerTaskCommand } from './boundary';
import { TaskTargetDeps } from './taskTarget';

type TrackDeps = CommandDeps & TaskTargetDeps & Pick<Container, 'explorer'>;

/** "Track Task" and "Stop Tracking Task": follow a task's lifecycle in the status bar. */
export function registerTrackCommands(deps: TrackDeps): vscode.Disposable[] {
  const tracker = deps.tracking.tracker;
  return [
    registerTaskCommand(
      'fsxTasks.trackTask',
      deps,
      { title: vscode.l10n.t('Track Task'), placeholder: vscode.l10n.t('Pick a task to follow in the status bar, or type a task ID') },
      ({ connection, task }) => tracker.track(connection, task, 'user'),
    ),
    registerTaskCommand('fsxTasks.untrackTask', deps, { title: vscode.l10n.t('Stop Tracking Task'), placeholder: vscode.l10n.t('Pick a task') }, ({ task }) =>
      tracker.untrack(task.taskId),
    ),
  ];
}
