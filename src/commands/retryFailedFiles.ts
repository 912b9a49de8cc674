// "Retry Failed Files..." on an ended export or release whose report lists failed files: reads
// the report once, plans the new task(s) (outcomes/retryPlan.ts: only causes a retry can fix;
// more than 100 paths become several tasks or their folders), confirms in a modal whose default
// keeps things as they are, then starts the first task and queues the others behind it.
import * as vscode from 'vscode';
import type { Services } from './services';
import { createTask } from '../fsx/createTask';
import { plainText } from '../fsx/outsideText';
import { canRetryFailedFiles } from '../outcomes/retryable';
import { abortOn } from '../views/abortOn';
import { taskText } from '../views/taskText';
import { CommandDeps, registerTaskCommand } from './boundary';
import { tellNoReport } from './outcomeCommands';
import { followStartedTask, offerRunningTask } from './startTask';
import { TaskTargetDeps } from './taskTarget';

type RetryDeps = CommandDeps & TaskTargetDeps & Pick<Services, 'reports' | 'queue' | 'scheduler'> & { readonly tracking: Pick<Services['tracking'], 'tracker' | 'autoTracker'> };

export function registerRetryFailedFiles(deps: RetryDeps): vscode.Disposable {
  return registerTaskCommand(
    'fsxTasks.retryFailedFiles',
    deps,
    {
      title: vscode.l10n.t('Retry Failed Files'),
      placeholder: vscode.l10n.t('Pick an ended export or release with failed files, or type its ID'),
      offer: 'failureReports',
      failureContext: (task) => vscode.l10n.t('Could not retry the failed files of {0}', task.taskId),
    },
    async ({ connection, task }) => {
      if (!canRetryFailedFiles(task)) {
        void deps.prompts.message(
          'info',
          vscode.l10n.t('{0} is {1}: Retry Failed Files retries exports and releases. The failures of an import need their S3 objects fixed first; Show Failed Files says how.', plainText(task.taskId), taskText.typeLabel(task.type)),
        );
        return;
      }
      // The planning and its words load on first use (dist/onDemand.js, esbuild.js).
      const { nothingToRetryText, planRetry, RetryCollector, retryPlanText, retryTaskInput } = await import('../outcomes/retryPlan.js');
      const collector = new RetryCollector(task.paths);
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the completion report of {0}', task.taskId), cancellable: true },
        (_progress, token) => deps.reports.read(connection, task, abortOn(token), (row) => collector.add(row)),
      );
      if (outcome.kind === 'unavailable') {
        tellNoReport(deps, 'retryFailedFiles', task, outcome);
        return;
      }
      const plan = planRetry(collector.collected());
      deps.log.info(`retryFailedFiles ${task.taskId}: ${plan.files} to retry as ${plan.tasks.length} task(s) of ${plan.form}; apart ${plan.apart.map((entry) => `${entry.code}=${entry.count}`).join(' ') || 'none'}`);
      if (plan.tasks.length === 0) {
        void deps.prompts.message('info', nothingToRetryText(plan, task, vscode.l10n));
        return;
      }
      const text = retryPlanText(plan, task, outcome.summary, vscode.l10n);
      if (!(await deps.prompts.confirm(text.message, text.detail, text.confirmLabel, vscode.l10n.t('Do Not Retry')))) {
        return;
      }
      const [first, ...rest] = plan.tasks.map((paths) => retryTaskInput(task, paths));
      const started = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the retry of {0}...', task.taskId) }, () =>
        createTask(deps.apiFor(connection), first),
      );
      if (started.kind === 'busy') {
        await offerRunningTask(deps, connection, started, { inputs: [first, ...rest], resource: task.resource.id });
        return;
      }
      followStartedTask(deps, connection, started.task);
      if (rest.length > 0) {
        deps.queue.add(connection, rest, started.task, plainText(task.resource.id), false);
      }
      void deps.prompts.message(
        'info',
        rest.length > 0
          ? vscode.l10n.t('{0} started to retry the failed files of {1}; {2} more tasks are queued behind it in this VS Code window.', plainText(started.task.taskId), plainText(task.taskId), rest.length)
          : vscode.l10n.t('{0} started to retry the failed files of {1}. The status bar follows it.', plainText(started.task.taskId), plainText(task.taskId)),
      );
    },
  );
}
