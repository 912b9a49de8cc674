import * as vscode from 'vscode';
import { Connection, Task } from '../fsx/types';
import { failureReportLocation, formatCount, hasFailureReport } from '../viewModel/presentation';
import type { EstimateOf } from '../viewModel/statusBarText';
import { throughputText, ThroughputEstimate } from '../outcomes/throughput';
import { Event } from '../tracking/events';
import { PollResult } from '../tracking/pollScheduler';
import { taskText } from './taskText';

import { TASK_DETAILS_SCHEME } from './schemes';

export { TASK_DETAILS_SCHEME };

/** Every field of a task as a read-only Markdown document (`fsx-task:` URIs). */
export function renderTaskDetails(task: Task, connection: Connection, resourceName: string | undefined, now: number, estimate?: ThroughputEstimate): string {
  const look = taskText.lifecycleLook(task.lifecycle);
  const row = (label: string, value: string | number | undefined) => (value === undefined || value === '' ? [] : [`| ${label} | ${String(value).replace(/\|/g, '\\|')} |`]);
  const time = (date: Date | undefined) => date?.toISOString();
  const bytes = (value: number | undefined) => (value === undefined ? undefined : vscode.l10n.t('{0} bytes', formatCount(value)));
  const duration = task.startTime ? taskText.duration((task.endTime?.getTime() ?? now) - task.startTime.getTime()) : undefined;
  const where = task.resource.kind === 'fileCache' ? vscode.l10n.t('File Cache') : vscode.l10n.t('File system');
  const lines = [
    `# ${taskText.typeLabel(task.type)} · ${task.taskId}`,
    '',
    `**${look.label}**${taskText.progress(task) ? ` · ${taskText.progress(task)}` : ''}`,
    '',
    ...actionLinks(task),
    `| ${vscode.l10n.t('Field')} | ${vscode.l10n.t('Value')} |`,
    '|---|---|',
    ...row(vscode.l10n.t('Task ID'), task.taskId),
    ...row(vscode.l10n.t('Type'), task.type),
    ...row(vscode.l10n.t('Lifecycle'), task.lifecycle),
    ...row(where, resourceName ? `${resourceName} (${task.resource.id})` : task.resource.id),
    ...row(vscode.l10n.t('ARN'), task.arn),
    ...row(vscode.l10n.t('Connection'), connection.sandbox ? vscode.l10n.t('local sandbox') : `${connection.profile ?? vscode.l10n.t('default profile')} · ${connection.region}`),
    ...row(vscode.l10n.t('Created'), time(task.creationTime)),
    ...row(vscode.l10n.t('Started'), time(task.startTime)),
    ...row(vscode.l10n.t('Ended'), time(task.endTime)),
    ...row(task.endTime ? vscode.l10n.t('Duration') : vscode.l10n.t('Running for'), duration),
    ...row(vscode.l10n.t('Total files'), task.status?.totalCount !== undefined ? formatCount(task.status.totalCount) : undefined),
    ...row(vscode.l10n.t('Succeeded'), task.status?.succeededCount !== undefined ? formatCount(task.status.succeededCount) : undefined),
    ...row(vscode.l10n.t('Failed'), task.status?.failedCount !== undefined ? formatCount(task.status.failedCount) : undefined),
    ...row(vscode.l10n.t('Released capacity'), bytes(task.status?.releasedCapacity)),
    ...row(vscode.l10n.t('Capacity to release'), bytes(task.capacityToRelease)),
    ...row(vscode.l10n.t('Status updated'), time(task.status?.lastUpdatedTime)),
    ...row(vscode.l10n.t('Throughput'), estimate && throughputText(estimate, vscode.l10n, taskText.duration)),
    ...row(vscode.l10n.t('Report'), task.report ? (task.report.enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled')) : undefined),
    ...row(vscode.l10n.t('Report path'), task.report?.path),
    ...row(vscode.l10n.t('Report format'), task.report?.format),
    ...row(vscode.l10n.t('Report scope'), task.report?.scope),
    ...row(vscode.l10n.t('Failure report'), failureReportLocation(task)),
    '',
    `## ${vscode.l10n.t('Paths')}`,
    '',
    ...(task.paths.length > 0 ? task.paths.map((path) => `- \`${path}\``) : [vscode.l10n.t('The whole file system (no paths given).')]),
  ];
  if (task.failureMessage) {
    lines.push('', `## ${vscode.l10n.t('Failure')}`, '', task.failureMessage);
  }
  return lines.join('\n') + '\n';
}

/** Command links to the task's outcome: its failed files once it has a report, its chart while it runs. */
function actionLinks(task: Task): string[] {
  const link = (title: string, command: string) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([task.taskId]))})`;
  const links = [
    ...(hasFailureReport(task) ? [link(vscode.l10n.t('Show Failed Files'), 'fsxTasks.showFailedFiles')] : []),
    ...(task.lifecycle === 'EXECUTING' ? [link(vscode.l10n.t('Show Progress Chart'), 'fsxTasks.showProgressChart')] : []),
  ];
  return links.length > 0 ? [links.join(' · '), ''] : [];
}

/**
 * Serves task details documents; show() renders before opening. Polls keep open documents
 * current; a closed document is forgotten, so nothing is re-rendered for it again.
 */
export class TaskDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly documents = new Map<string, string>();
  /** Documents between update() and their tab opening: not closed, only not shown yet. */
  private readonly opening = new Set<string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly resourceName: (connection: Connection, task: Task) => string | undefined,
    polls: Event<PollResult>,
    private readonly estimateOf?: EstimateOf,
  ) {
    this.subscriptions = [
      this.changes,
      polls(({ connection, tasks }) => {
        for (const task of tasks) {
          if (this.has(task.taskId)) {
            this.update(connection, task);
          }
        }
      }),
      // Forget a document once no tab shows it, so polls stop re-rendering it.
      vscode.window.tabGroups.onDidChangeTabs(() => this.forgetClosed()),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? vscode.l10n.t('This task is no longer loaded. Open its details again from the FSx view.');
  }

  async show(connection: Connection, task: Task): Promise<void> {
    const uri = this.uriFor(task);
    this.opening.add(uri.toString());
    try {
      this.update(connection, task);
      let document = await vscode.workspace.openTextDocument(uri);
      if (document.languageId !== 'markdown') {
        document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
      }
      await vscode.window.showTextDocument(document, { preview: true });
    } finally {
      this.opening.delete(uri.toString());
    }
  }

  /** Re-renders a task's document; fires a change when the document is open. */
  update(connection: Connection, task: Task): void {
    const uri = this.uriFor(task);
    const key = uri.toString();
    const isOpen = this.documents.has(key);
    this.documents.set(key, renderTaskDetails(task, connection, this.resourceName(connection, task), Date.now(), this.estimateOf?.(task)));
    if (isOpen) {
      this.changes.fire(uri);
    }
  }

  /** Whether a document for the task is open (or being opened). */
  has(taskId: string): boolean {
    return this.documents.has(this.uriFor({ taskId }).toString());
  }

  private forgetClosed(): void {
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === TASK_DETAILS_SCHEME) {
          shown.add(tab.input.uri.toString());
        }
      }
    }
    for (const key of [...this.documents.keys()]) {
      if (!shown.has(key) && !this.opening.has(key)) {
        this.documents.delete(key);
      }
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.documents.clear();
  }

  private uriFor(task: Pick<Task, 'taskId'>): vscode.Uri {
    return vscode.Uri.from({ scheme: TASK_DETAILS_SCHEME, path: `/${task.taskId}.md` });
  }
}
