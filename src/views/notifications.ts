import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import { endedTogetherSummary } from '../viewModel/endedTogether';
import { formatCount, hasFailureReport } from '../viewModel/presentation';
import { taskText } from './taskText';
import { TaskEnded, TaskVanished } from '../tracking/taskTracker';
import { Prompts } from './prompts';

/** A failure message is shown whole up to this length (FSx's are a sentence or two). */
const FAILURE_MESSAGE_MAX = 1000;

/**
 * One notification per tracked task that ends (the tracker fires onDidEnd once per task, reloads
 * included): a failure as an error with its FSx message and a "Show Details" action.
 */
export function notifyTaskEnded(prompts: Prompts, ended: TaskEnded): void {
  const { task } = ended;
  // The type, id and failure message come from FSx: plain text, no link or icon syntax.
  const what = plainText(`${taskText.typeLabel(task.type)} ${task.taskId}`);
  const showDetails = vscode.l10n.t('Show Details');
  const showFailedFiles = vscode.l10n.t('Show Failed Files');
  const actions = hasFailureReport(task) ? [showDetails, showFailedFiles] : [showDetails];
  const counts = task.status?.totalCount !== undefined ? vscode.l10n.t(' ({0} of {1} files)', formatCount(task.status.succeededCount ?? 0), formatCount(task.status.totalCount)) : '';
  const open = (choice: string | undefined) => {
    if (choice === showDetails || choice === showFailedFiles) {
      void vscode.commands.executeCommand(choice === showDetails ? 'fsxTasks.showTaskDetails' : 'fsxTasks.showFailedFiles', { connection: ended.connection, task });
    }
  };
  switch (task.lifecycle) {
    case 'FAILED':
      void prompts.message('error', vscode.l10n.t('{0} failed: {1}', what, task.failureMessage ? plainText(task.failureMessage, FAILURE_MESSAGE_MAX) : vscode.l10n.t('FSx gave no reason.')), ...actions).then(open);
      break;
    case 'CANCELED':
      void prompts.message('info', vscode.l10n.t('{0} was canceled{1}.', what, counts), ...actions).then(open);
      break;
    default:
      void prompts.message('info', vscode.l10n.t('{0} succeeded{1}.', what, counts), ...actions).then(open);
  }
}

/**
 * Tasks canceled together end in one notification (the tracker fires onDidEndTogether once per
 * group); an error when one of them failed. Tracked Tasks lists them while they linger.
 */
export function notifyTasksEndedTogether(prompts: Prompts, ended: readonly TaskEnded[]): void {
  if (ended.length === 1) {
    notifyTaskEnded(prompts, ended[0]);
    return;
  }
  const tasks = ended.map(({ task }) => task);
  void prompts.message(tasks.some((task) => task.lifecycle === 'FAILED') ? 'error' : 'info', endedTogetherSummary(tasks, vscode.l10n));
}

export function notifyTaskVanished(prompts: Prompts, vanished: TaskVanished): void {
  void prompts.message(
    'warning',
    vscode.l10n.t('Task {0} no longer exists in FSx (its file system may have been deleted); it is no longer tracked.', plainText(vanished.taskId)),
  );
}
