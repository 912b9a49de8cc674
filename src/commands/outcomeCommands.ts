import * as vscode from 'vscode';
import type { Services } from './services';
import { FsxError } from '../fsx/errors';
import { isTerminal, Task } from '../fsx/types';
import { ReportOutcome, unavailableText } from '../outcomes/reportReader';
import { abortOn } from '../views/abortOn';
import { CommandDeps, registerTaskCommand } from './boundary';
import { TaskTargetDeps } from './taskTarget';

type OutcomeDeps = CommandDeps & TaskTargetDeps & Pick<Services, 'reports' | 'failedFiles' | 'progressCharts'>;

/** "Show Failed Files" (the completion report of an ended task) and "Show Progress Chart". */
export function registerOutcomeCommands(deps: OutcomeDeps): vscode.Disposable[] {
  return [
    registerTaskCommand(
      'fsxTasks.showFailedFiles',
      deps,
      {
        title: vscode.l10n.t('Show Failed Files'),
        placeholder: vscode.l10n.t('Pick an ended task with failed files, or type the ID of an ended task'),
        offer: 'failureReports',
        failureContext: (task) => vscode.l10n.t('Could not read the report of {0}', task.taskId),
      },
      async ({ connection, task }) => {
        const outcome = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the completion report of {0}', task.taskId), cancellable: true },
          (_progress, token) => deps.reports.read(connection, task, abortOn(token)),
        );
        if (outcome.kind === 'unavailable') {
          tellNoReport(deps, 'showFailedFiles', task, outcome);
          return;
        }
        (await deps.failedFiles()).show(connection, task, outcome);
      },
    ),
    registerTaskCommand(
      'fsxTasks.showProgressChart',
      deps,
      { title: vscode.l10n.t('Show Progress Chart'), placeholder: vscode.l10n.t('Pick a task, or type a task ID') },
      async ({ task }) => {
        const charts = await deps.progressCharts();
        if (isTerminal(task.lifecycle) && charts.samplesOf(task.taskId) === 0) {
          throw new FsxError('other', vscode.l10n.t('{0} has ended; progress is charted only for tasks seen running.', task.taskId));
        }
        charts.show(task);
      },
    ),
  ];
}

/** Why a task's report could not be read, as one message with its next step (and a log line). */
export function tellNoReport(deps: CommandDeps, command: string, task: Task, outcome: Extract<ReportOutcome, { kind: 'unavailable' }>): void {
  const { message, nextStep } = unavailableText(outcome, vscode.l10n);
  deps.log.info(`${command} ${task.taskId}: no report (${outcome.reason})${outcome.error ? ` ${outcome.error.logLine}` : ''}`);
  const severity = outcome.reason === 'noFailedFiles' || outcome.reason === 'stillRunning' || outcome.reason === 'reportsOff' ? 'info' : 'warning';
  void deps.prompts.message(severity, `${message} ${nextStep}`);
}
