import * as vscode from 'vscode';
import type { Container } from '../container';
import { requestCancel } from '../fsx/cancel';
import { FsxError } from '../fsx/errors';
import { Connection, isCancellable, Task } from '../fsx/model';
import { taskText } from '../views/taskText';
import { CommandDeps, registerTaskCommand } from './boundary';
import { TaskTargetDeps } from './taskTarget';

type CancelDeps = CommandDeps & TaskTargetDeps & Pick<Container, 'explorer' | 'scheduler' | 'settings'>;

/** Right-click or palette: confirm, call CancelDataRepositoryTask, then track the task to its end. */
export function registerCancelTask(deps: CancelDeps): vscode.Disposable {
  return registerTaskCommand(
    'fsxTasks.cancelTask',
    deps,
    {
      title: vscode.l10n.t('Cancel Data Repository Task'),
      placeholder: vscode.l10n.t('Pick a pending or executing task, or type a task ID'),
      failureContext: (task) => vscode.l10n.t('Could not cancel {0}', task.taskId),
    },
    ({ connection, task }) => cancel(deps, connection, task),
  );
}

async function cancel(deps: CancelDeps, connection: Connection, shown: Task): Promise<void> {
  // The row may be 30 s old: confirm against what FSx says now.
  const task = await describe(deps, connection, shown.taskId);
  if (!isCancellable(task.lifecycle)) {
    const state = taskText.lifecycleLook(task.lifecycle).label;
    void deps.prompts.message('info', vscode.l10n.t('Task {0} cannot be canceled now: its state is {1}. Only pending and executing tasks can be canceled.', task.taskId, state));
    return;
  }
  const question = vscode.l10n.t('Cancel task {0}?', task.taskId);
  const detail = confirmationDetail(deps, connection, task);
  const confirmed =
    deps.settings.cancelConfirmation() === 'typeTaskId'
      ? await deps.prompts.confirmByTyping(question, detail, task.taskId)
      : await deps.prompts.confirm(question, detail, vscode.l10n.t('Cancel Task'), vscode.l10n.t('Keep Running'));
  if (!confirmed) {
    return;
  }
  const outcome = await deps.explorer.tree.runWithBusyLabel(task, connection, vscode.l10n.t('Canceling...'), () =>
    requestCancel(deps.apiFor(connection), task.taskId),
  );
  if (!outcome.accepted) {
    await reportAlreadyEnded(deps, connection, task);
    return;
  }
  const canceling: Task = { ...task, lifecycle: outcome.lifecycle };
  deps.log.info(`Cancel requested for ${task.taskId}: ${outcome.lifecycle}`);
  deps.model.applyTasks(connection, [canceling]);
  deps.tracking.tracker.track(connection, canceling, 'cancel');
  deps.scheduler.nudge(connection);
}

/** The task finished first: say how it ended, and show that. */
async function reportAlreadyEnded(deps: CancelDeps, connection: Connection, task: Task): Promise<void> {
  const final = await describe(deps, connection, task.taskId).catch(() => undefined);
  if (final) {
    deps.model.applyTasks(connection, [final]);
    if (deps.tracking.tracker.has(final.taskId)) {
      deps.tracking.tracker.updateFromObservation(connection, final);
    }
  } else {
    deps.model.refresh(connection, task.resource);
  }
  const state = final ? taskText.lifecycleLook(final.lifecycle).label.toLowerCase() : vscode.l10n.t('ended');
  void deps.prompts.message('info', vscode.l10n.t('Task {0} had already ended ({1}) before the cancel reached FSx. Nothing was changed.', task.taskId, state));
}

async function describe(deps: Pick<CancelDeps, 'apiFor'>, connection: Connection, taskId: string): Promise<Task> {
  const [task] = await deps.apiFor(connection).describeTasks([taskId]);
  if (!task) {
    throw new FsxError('notFound', vscode.l10n.t('Task {0} no longer exists.', taskId));
  }
  return task;
}

function confirmationDetail(deps: Pick<CancelDeps, 'model'>, connection: Connection, task: Task): string {
  const name = deps.model.resourceName(connection, task.resource);
  const where = name ? `${name} (${task.resource.id})` : task.resource.id;
  const lines = [
    vscode.l10n.t('Type: {0}', taskText.typeLabel(task.type)),
    vscode.l10n.t('{0}: {1}', task.resource.kind === 'fileCache' ? vscode.l10n.t('File Cache') : vscode.l10n.t('File system'), where),
    vscode.l10n.t('State: {0}', [taskText.lifecycleLook(task.lifecycle).label, taskText.progress(task)].filter(Boolean).join(', ')),
    vscode.l10n.t('Paths: {0}', task.paths.length > 0 ? task.paths.slice(0, 10).join(', ') + (task.paths.length > 10 ? ` (+${task.paths.length - 10})` : '') : vscode.l10n.t('the whole file system')),
    '',
    vscode.l10n.t('Canceling stops the task. Files already processed stay as they are: exported files are not reverted. Files being processed now are still completed. Files not yet processed are skipped.'),
  ];
  return lines.join('\n');
}
