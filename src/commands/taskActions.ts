import * as vscode from 'vscode';
import { FsxError } from '../fsx/errors';
import { consoleUrl } from '../model/presentation';
import { registerCommand } from './boundary';
import { CommandDeps } from './deps';
import { resolveTaskTarget, TaskTarget } from './taskTarget';

/** Small actions on one task: details, copy id or ARN, open the console. */
export function registerTaskActions(deps: CommandDeps): vscode.Disposable[] {
  const onTask = (id: string, title: string, action: (target: TaskTarget) => Promise<unknown> | unknown) =>
    registerCommand(id, deps, async (arg) => {
      const target = await resolveTaskTarget(deps, arg, { title, placeholder: vscode.l10n.t('Pick a task, or type a task ID') });
      if (target) {
        await action(target);
      }
    });
  return [
    onTask('fsxTasks.showTaskDetails', vscode.l10n.t('Show Task Details'), (target) => deps.details.show(target.connection, target.task)),
    onTask('fsxTasks.copyTaskId', vscode.l10n.t('Copy Task ID'), async ({ task }) => {
      await vscode.env.clipboard.writeText(task.taskId);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', task.taskId), 3000);
    }),
    onTask('fsxTasks.copyTaskArn', vscode.l10n.t('Copy Task ARN'), async ({ task }) => {
      if (!task.arn) {
        throw new FsxError('other', vscode.l10n.t('FSx reported no ARN for {0}.', task.taskId));
      }
      await vscode.env.clipboard.writeText(task.arn);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', task.arn), 3000);
    }),
    onTask('fsxTasks.openInConsole', vscode.l10n.t('Open in AWS Console'), async ({ connection, task }) => {
      if (connection.sandbox) {
        void deps.prompts().message('info', vscode.l10n.t('Sandbox tasks exist only in the local emulator; there is no AWS Console page for them.'));
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(consoleUrl(task, connection.region)));
    }),
  ];
}
