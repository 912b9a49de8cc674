import * as vscode from 'vscode';
import { classifyError, FsxError } from '../fsx/errors';
import { Connection, isCancellable, Task } from '../fsx/model';
import { taskText } from '../views/taskText';
import { showError } from '../views/errorPresentation';
import { registerCommand } from './boundary';
import { CommandDeps } from './deps';
import { resolveTaskTarget } from './taskTarget';

/** Right-click or palette: confirm, call CancelDataRepositoryTask, then track the task to its end. */
export function registerCancelTask(deps: CommandDeps): vscode.Disposable {
  return registerCommand('fsxTasks.cancelTask', deps, async (arg) => {
    const target = await resolveTaskTarget(deps, arg, {
      title: vscode.l10n.t('Cancel Data Repository Task'),
      placeholder: vscode.l10n.t('Pick a pending or executing task, or type a task ID'),
    });
    if (target) {
      await cancel(deps, target.connection, target.task);
    }
  });
}

async function cancel(deps: CommandDeps, connection: Connection, shown: Task): Promise<void> {
  // The row may be 30 s old: confirm against what FSx says now.
  const task = await describe(deps, connection, shown.taskId);
  if (!isCancellable(task.lifecycle)) {
    const state = taskText.lifecycleLook(task.lifecycle).label;
    void deps.prompts().message('info', vscode.l10n.t('Task {0} cannot be canceled now: its state is {1}. Only pending and executing tasks can be canceled.', task.taskId, state));
    return;
  }
  const confirmed = await deps.prompts().confirm(
    vscode.l10n.t('Cancel the {0} task {1}?', taskText.typeLabel(task.type).toLowerCase(), task.taskId),
    confirmationDetail(deps, connection, task),
    vscode.l10n.t('Cancel Task'),
    vscode.l10n.t('Keep Running'),
  );
  if (!confirmed) {
    return;
  }
  try {
    const lifecycle = await deps.tree.runWithBusyLabel(task, connection, vscode.l10n.t('Canceling...'), () =>
      deps.apiFor(connection).cancelTask(task.taskId),
    );
    const canceling: Task = { ...task, lifecycle };
    deps.log.info(`Cancel requested for ${task.taskId}: ${lifecycle}`);
    deps.model.applyTasks(connection, [canceling]);
    deps.tracker.track(connection, canceling, 'cancel');
    deps.scheduler.nudge(connection);
  } catch (error) {
    const classified = classifyError(error, 'CancelDataRepositoryTask');
    if (classified.kind === 'taskEnded') {
      await reportAlreadyEnded(deps, connection, task);
      return;
    }
    deps.log.error(`Cancel of ${task.taskId} failed: ${classified.kind} ${classified.code ?? ''} ${classified.detail} requestId=${classified.requestId ?? '-'}`);
    await showError(deps.prompts(), classified, connection, vscode.l10n.t('Could not cancel {0}', task.taskId));
  }
}

/** DataRepositoryTaskEnded is not a failure: the task finished first. Say how, and refresh. */
async function reportAlreadyEnded(deps: CommandDeps, connection: Connection, task: Task): Promise<void> {
  const final = await describe(deps, connection, task.taskId).catch(() => undefined);
  if (final) {
    deps.model.applyTasks(connection, [final]);
    if (deps.tracker.has(final.taskId)) {
      deps.tracker.updateFromObservation(connection, final);
    }
  } else {
    deps.model.refresh(connection, task.resource);
  }
  const state = final ? taskText.lifecycleLook(final.lifecycle).label.toLowerCase() : vscode.l10n.t('ended');
  void deps.prompts().message('info', vscode.l10n.t('Task {0} had already ended ({1}) before the cancel reached FSx. Nothing was changed.', task.taskId, state));
}

async function describe(deps: CommandDeps, connection: Connection, taskId: string): Promise<Task> {
  const [task] = await deps.apiFor(connection).describeTasks([taskId]);
  if (!task) {
    throw new FsxError('notFound', vscode.l10n.t('Task {0} no longer exists.', taskId));
  }
  return task;
}

function confirmationDetail(deps: CommandDeps, connection: Connection, task: Task): string {
  const resource = deps.model.cachedResources(connection).find((candidate) => candidate.id === task.resource.id);
  const where = resource?.name ? `${resource.name} (${task.resource.id})` : task.resource.id;
  const lines = [
    vscode.l10n.t('{0}: {1}', task.resource.kind === 'fileCache' ? vscode.l10n.t('File Cache') : vscode.l10n.t('File system'), where),
    vscode.l10n.t('State: {0}', [taskText.lifecycleLook(task.lifecycle).label, taskText.progress(task)].filter(Boolean).join(', ')),
    vscode.l10n.t('Paths: {0}', task.paths.length > 0 ? task.paths.slice(0, 10).join(', ') + (task.paths.length > 10 ? ` (+${task.paths.length - 10})` : '') : vscode.l10n.t('the whole file system')),
    '',
    vscode.l10n.t('Canceling stops the task. Files already processed stay as they are: exported files are not reverted. Files being processed now are still completed. Files not yet processed are skipped.'),
  ];
  return lines.join('\n');
}
