import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import type { AppServices } from './services';
import { requestCancel } from '../fsx/cancel';
import { classifyError, FsxError } from '../fsx/errors';
import { Connection, connectionKey, isCancellable, Task } from '../fsx/types';
import { BULK_CANCEL_CONCURRENCY, CancelResult, cancelSummary, partitionForCancel } from '../viewModel/bulkActions';
import { cancelDetailLines, cancelEffect } from '../viewModel/cancelWords';
import { mapWithConcurrency } from '../viewModel/concurrency';
import { taskText } from '../views/taskText';
import { CommandDeps, registerCommand, registerTaskCommand } from './boundary';
import { activeTaskItems, TaskTarget, TaskTargetDeps } from './taskTarget';

export type CancelDeps = CommandDeps & TaskTargetDeps & Pick<AppServices, 'explorer' | 'scheduler' | 'settings'>;

/**
 * Right-click or palette: confirm, call CancelDataRepositoryTask, then track the task to its end.
 * On a multi-selection, and from "Cancel Tasks..." (a pick of many), every task it applies to.
 */
export function registerCancelTask(deps: CancelDeps): vscode.Disposable[] {
  return [
    registerTaskCommand(
      'fsxTasks.cancelTask',
      deps,
      {
        title: vscode.l10n.t('Cancel Data Repository Task'),
        placeholder: vscode.l10n.t('Pick a pending or executing task, or type a task ID'),
        failureContext: (task) => vscode.l10n.t('Could not cancel {0}', task.taskId),
        many: (targets) => cancelMany(deps, targets),
      },
      ({ connection, task }) => cancel(deps, connection, task),
    ),
    registerCommand('fsxTasks.cancelTasks', deps, async () => {
      const picked = await deps.prompts.pickMany(activeTaskItems(deps), {
        title: vscode.l10n.t('Cancel Tasks'),
        placeholder: vscode.l10n.t('Check the pending and executing tasks to cancel'),
      });
      const targets = (picked ?? []).flatMap((item) => (item.target ? [item.target] : []));
      if (targets.length > 0) {
        await cancelMany(deps, targets);
      }
    }),
  ];
}

async function cancel(deps: CancelDeps, connection: Connection, shown: Task): Promise<void> {
  // The row may be 30 s old: confirm against what FSx says now.
  const task = await describe(deps, connection, shown.taskId);
  if (!isCancellable(task.lifecycle)) {
    const state = taskText.lifecycleLook(task.lifecycle).label;
    void deps.prompts.message('info', vscode.l10n.t('Task {0} cannot be canceled now: its state is {1}. Only pending and executing tasks can be canceled.', plainText(task.taskId), state));
    return;
  }
  const question = vscode.l10n.t('Cancel task {0}?', plainText(task.taskId));
  if (!(await confirmCancel(deps, question, confirmationDetail(deps, connection, task), task.taskId))) {
    return;
  }
  const outcome = await sendCancel(deps, connection, task);
  if (outcome.result === 'ended') {
    const state = outcome.final ? taskText.lifecycleLook(outcome.final.lifecycle).label.toLowerCase() : vscode.l10n.t('ended');
    void deps.prompts.message('info', vscode.l10n.t('Task {0} had already ended ({1}) before the cancel reached FSx. Nothing was changed.', plainText(task.taskId), state));
  }
}

/**
 * Many tasks: their state now, one confirmation listing the ones to cancel and the skipped ones
 * with why, the cancels a few at a time, each canceled task tracked, one summary at the end.
 */
async function cancelMany(deps: CancelDeps, selected: readonly TaskTarget[]): Promise<void> {
  const current = await describeAll(deps, selected);
  const { applies, skipped } = partitionForCancel(selected, (target) => current.get(target.task.taskId), vscode.l10n);
  const skippedLines = skipped.map(({ item, reason }) => vscode.l10n.t('{0}: {1}', plainText(item.task.taskId), reason));
  if (applies.length === 0) {
    void deps.prompts.message(
      'info',
      vscode.l10n.t('None of the {0} selected tasks can be canceled now ({1}). Only pending and executing tasks can be canceled.', selected.length, skippedLines.join('; ')),
    );
    return;
  }
  const targets = applies.map((target) => ({ connection: target.connection, task: current.get(target.task.taskId) ?? target.task }));
  const lines = [
    ...targets.slice(0, MAX_LISTED).map(({ connection, task }) => `${plainText(`${task.taskId} · ${taskText.typeLabel(task.type)}`)} · ${whereLabel(deps, connection, task)}`),
    ...(targets.length > MAX_LISTED ? [vscode.l10n.t('and {0} more', targets.length - MAX_LISTED)] : []),
  ];
  if (skipped.length > 0) {
    lines.push('', vscode.l10n.t('Skipped, they cannot be canceled now:'), ...skippedLines.slice(0, MAX_LISTED));
  }
  lines.push('', cancelEffect(vscode.l10n));
  const question = targets.length === 1 ? vscode.l10n.t('Cancel task {0}?', plainText(targets[0].task.taskId)) : vscode.l10n.t('Cancel {0} tasks?', targets.length);
  const typed = targets.length === 1 ? targets[0].task.taskId : vscode.l10n.t('cancel {0} tasks', targets.length);
  if (!(await confirmCancel(deps, question, lines.join('\n'), typed))) {
    return;
  }
  const results = await mapWithConcurrency(targets, BULK_CANCEL_CONCURRENCY, async ({ connection, task }): Promise<CancelResult> => {
    try {
      return (await sendCancel(deps, connection, task)).result;
    } catch (error) {
      deps.log.error(`Cancel of ${task.taskId} failed: ${classifyError(error, 'CancelDataRepositoryTask').logLine}`);
      return 'failed';
    }
  });
  const summary = cancelSummary(results, vscode.l10n);
  deps.log.info(`Bulk cancel of ${targets.length} tasks: ${summary}`);
  if (results.includes('failed')) {
    const choice = await deps.prompts.message('warning', summary, vscode.l10n.t('Show Log'));
    if (choice) {
      deps.log.show(true);
    }
  } else {
    void deps.prompts.message('info', summary);
  }
}

/** Not more in a dialog: it would outgrow the screen. */
const MAX_LISTED = 15;

function confirmCancel(deps: CancelDeps, question: string, detail: string, typed: string): Promise<boolean> {
  return deps.settings.cancelConfirmation() === 'typeTaskId'
    ? deps.prompts.confirmByTyping(question, detail, typed)
    : deps.prompts.confirm(question, detail, vscode.l10n.t('Cancel Task'), vscode.l10n.t('Keep Running'));
}

/**
 * The one cancel path, for one task or each of many: the request (a spinner on the row meanwhile),
 * then the canceling task shown and tracked, or, when it had already ended, its final state.
 */
export async function sendCancel(deps: CancelDeps, connection: Connection, task: Task): Promise<{ result: 'canceled' } | { result: 'ended'; final?: Task }> {
  const outcome = await deps.explorer.tree.runWithBusyLabel(task, connection, vscode.l10n.t('Canceling...'), () =>
    requestCancel(deps.apiFor(connection), task.taskId),
  );
  if (!outcome.accepted) {
    return { result: 'ended', final: await showEnded(deps, connection, task) };
  }
  const canceling: Task = { ...task, lifecycle: outcome.lifecycle };
  deps.log.info(`Cancel requested for ${task.taskId}: ${outcome.lifecycle}`);
  deps.model.applyTasks(connection, [canceling]);
  deps.tracking.tracker.track(connection, canceling, 'cancel');
  deps.scheduler.nudge(connection);
  return { result: 'canceled' };
}

/** The task finished first: show how it ended. */
async function showEnded(deps: CancelDeps, connection: Connection, task: Task): Promise<Task | undefined> {
  const final = await describe(deps, connection, task.taskId).catch(() => undefined);
  if (final) {
    deps.model.applyTasks(connection, [final]);
    if (deps.tracking.tracker.has(final.taskId)) {
      deps.tracking.tracker.updateFromObservation(connection, final);
    }
  } else {
    deps.model.refresh(connection, task.resource);
  }
  return final;
}

/** What FSx says now about each selected task, one call per connection (unknown ids are absent). */
async function describeAll(deps: Pick<CancelDeps, 'apiFor'>, targets: readonly TaskTarget[]): Promise<Map<string, Task>> {
  const byConnection = new Map<string, { connection: Connection; taskIds: string[] }>();
  for (const { connection, task } of targets) {
    const key = connectionKey(connection);
    const group = byConnection.get(key) ?? { connection, taskIds: [] };
    group.taskIds.push(task.taskId);
    byConnection.set(key, group);
  }
  const found = await Promise.all([...byConnection.values()].map(({ connection, taskIds }) => deps.apiFor(connection).describeTasks(taskIds)));
  return new Map(found.flat().map((task) => [task.taskId, task]));
}

export async function describe(deps: Pick<CancelDeps, 'apiFor'>, connection: Connection, taskId: string): Promise<Task> {
  const [task] = await deps.apiFor(connection).describeTasks([taskId]);
  if (!task) {
    throw new FsxError('notFound', vscode.l10n.t('Task {0} no longer exists.', plainText(taskId)));
  }
  return task;
}

function confirmationDetail(deps: Pick<CancelDeps, 'model'>, connection: Connection, task: Task): string {
  return cancelDetailLines(task, whereLabel(deps, connection, task), vscode.l10n).join('\n');
}

export function whereLabel(deps: Pick<CancelDeps, 'model'>, connection: Connection, task: Task): string {
  const name = deps.model.resourceName(connection, task.resource);
  // The Name tag and id are FSx's: plain text in the confirmation (an input box renders links in its prompt).
  return name ? `${plainText(name)} (${plainText(task.resource.id)})` : plainText(task.resource.id);
}
