import * as vscode from 'vscode';
import { registerCommand } from './boundary';
import { CommandDeps } from './deps';
import { resolveTaskTarget } from './taskTarget';

/** "Track Task" and "Stop Tracking Task": follow a task's lifecycle in the status bar. */
export function registerTrackCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerCommand('fsxTasks.trackTask', deps, async (arg) => {
      const target = await resolveTaskTarget(deps, arg, {
        title: vscode.l10n.t('Track Task'),
        placeholder: vscode.l10n.t('Pick a task to follow in the status bar, or type a task ID'),
      });
      if (target) {
        deps.tracker.track(target.connection, target.task, 'user');
        deps.tree.refreshTaskRow(target.connection, target.task.resource);
      }
    }),
    registerCommand('fsxTasks.untrackTask', deps, async (arg) => {
      const target = await resolveTaskTarget(deps, arg, {
        title: vscode.l10n.t('Stop Tracking Task'),
        placeholder: vscode.l10n.t('Pick a task'),
      });
      if (target) {
        deps.tracker.untrack(target.task.taskId);
        deps.tree.refreshTaskRow(target.connection, target.task.resource);
      }
    }),
  ];
}
