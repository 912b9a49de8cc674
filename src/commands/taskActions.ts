import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import type { Services } from './services';
import { FsxError } from '../fsx/errors';
import { cancelTaskArgv, describeTaskArgv } from '../fsx/cliCommand';
import { isCancellable } from '../fsx/types';
import { consoleUrl } from '../viewModel/presentation';
import { CliChoice, copyCliCommand } from '../views/cliCopy';
import { CommandDeps, registerTaskCommand } from './boundary';
import { TaskTargetDeps } from './taskTarget';

type TaskActionDeps = CommandDeps & TaskTargetDeps & Pick<Services, 'details'>;

/** Small actions on one task: details, copy id, ARN or an AWS CLI command, open the console. */
export function registerTaskActions(deps: TaskActionDeps): vscode.Disposable[] {
  const placeholder = vscode.l10n.t('Pick a task, or type a task ID');
  const copy = async (text: string) => {
    await vscode.env.clipboard.writeText(text);
    // A status bar message renders $(icon): the id or ARN is FSx's text.
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', plainText(text)), 3000);
  };
  return [
    registerTaskCommand('fsxTasks.showTaskDetails', deps, { title: vscode.l10n.t('Show Task Details'), placeholder }, ({ connection, task }) =>
      deps.details.show(connection, task),
    ),
    registerTaskCommand('fsxTasks.copyTaskId', deps, { title: vscode.l10n.t('Copy Task ID'), placeholder }, ({ task }) => copy(task.taskId)),
    registerTaskCommand('fsxTasks.copyTaskArn', deps, { title: vscode.l10n.t('Copy Task ARN'), placeholder }, ({ task }) => {
      if (!task.arn) {
        throw new FsxError('other', vscode.l10n.t('FSx reported no ARN for {0}.', plainText(task.taskId)));
      }
      return copy(task.arn);
    }),
    // The CLI commands that act on the task as the extension would: describe it; cancel it while it can be.
    registerTaskCommand('fsxTasks.copyAsCliCommand', deps, { title: vscode.l10n.t('Copy as AWS CLI Command'), placeholder, offer: 'recent' }, async ({ connection, task }) => {
      const choices: CliChoice[] = [{ label: vscode.l10n.t('Describe {0} (describe-data-repository-tasks)', plainText(task.taskId)), argv: describeTaskArgv(task.taskId, connection) }];
      if (isCancellable(task.lifecycle)) {
        choices.push({ label: vscode.l10n.t('Cancel {0} (cancel-data-repository-task)', plainText(task.taskId)), argv: cancelTaskArgv(task.taskId, connection) });
      }
      await copyCliCommand(deps.prompts, choices, vscode.l10n.t('Copy as AWS CLI Command'));
    }),
    registerTaskCommand('fsxTasks.openInConsole', deps, { title: vscode.l10n.t('Open in AWS Console'), placeholder }, async ({ connection, task }) => {
      if (connection.sandbox) {
        void deps.prompts.message('info', vscode.l10n.t('Sandbox tasks exist only in the local emulator; there is no AWS Console page for them.'));
        return;
      }
      // The connection is ours (registerTaskCommand resolved it), never the argument's; its region is checked again here.
      const url = consoleUrl(task, connection.region);
      if (!url) {
        throw new FsxError('validation', vscode.l10n.t('There is no AWS Console page for {0}: its region or file system ID is not one AWS uses.', task.taskId));
      }
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }),
  ];
}
