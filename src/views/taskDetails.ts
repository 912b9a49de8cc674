import * as vscode from 'vscode';
import { Connection, Task } from '../fsx/model';
import { failureReportLocation, formatCount } from '../model/presentation';
import { taskText } from './taskText';

export const TASK_DETAILS_SCHEME = 'fsx-task';

/** Every field of a task as a read-only Markdown document (`fsx-task:` URIs). */
export function renderTaskDetails(task: Task, connection: Connection, resourceName: string | undefined, now: number): string {
  const look = taskText.lifecycleLook(task.lifecycle);
  const row = (label: string, value: string | number | undefined) => (value === undefined || value === '' ? [] : [`| ${label} | ${String(value).replace(/\|/g, '\\|')} |`]);
  const time = (date: Date | undefined) => date?.toISOString();
  const duration = task.startTime ? taskText.duration((task.endTime?.getTime() ?? now) - task.startTime.getTime()) : undefined;
  const where = task.resource.kind === 'fileCache' ? 'File Cache' : 'File system';
  const lines = [
    `# ${taskText.typeLabel(task.type)} · ${task.taskId}`,
    '',
    `**${look.label}**${taskText.progress(task) ? ` · ${taskText.progress(task)}` : ''}`,
    '',
    '| Field | Value |',
    '|---|---|',
    ...row(vscode.l10n.t('Task ID'), task.taskId),
    ...row(vscode.l10n.t('Type'), task.type),
    ...row(vscode.l10n.t('Lifecycle'), task.lifecycle),
    ...row(where, resourceName ? `${resourceName} (${task.resource.id})` : task.resource.id),
    ...row(vscode.l10n.t('ARN'), task.arn),
    ...row(vscode.l10n.t('Connection'), connection.sandbox ? 'local sandbox' : `${connection.profile ?? 'default'} · ${connection.region}`),
    ...row(vscode.l10n.t('Created'), time(task.creationTime)),
    ...row(vscode.l10n.t('Started'), time(task.startTime)),
    ...row(vscode.l10n.t('Ended'), time(task.endTime)),
    ...row(task.endTime ? vscode.l10n.t('Duration') : vscode.l10n.t('Running for'), duration),
    ...row(vscode.l10n.t('Total files'), task.status?.totalCount !== undefined ? formatCount(task.status.totalCount) : undefined),
    ...row(vscode.l10n.t('Succeeded'), task.status?.succeededCount !== undefined ? formatCount(task.status.succeededCount) : undefined),
    ...row(vscode.l10n.t('Failed'), task.status?.failedCount !== undefined ? formatCount(task.status.failedCount) : undefined),
    ...row(vscode.l10n.t('Released capacity'), task.status?.releasedCapacity !== undefined ? `${formatCount(task.status.releasedCapacity)} bytes` : undefined),
    ...row(vscode.l10n.t('Capacity to release'), task.capacityToRelease !== undefined ? `${formatCount(task.capacityToRelease)} bytes` : undefined),
    ...row(vscode.l10n.t('Status updated'), time(task.status?.lastUpdatedTime)),
    ...row(vscode.l10n.t('Report'), task.report ? (task.report.enabled ? 'enabled' : 'disabled') : undefined),
    ...row(vscode.l10n.t('Report path'), task.report?.path),
    ...row(vscode.l10n.t('Report format'), task.report?.format),
    ...row(vscode.l10n.t('Report scope'), task.report?.scope),
    ...row(vscode.l10n.t('Failure report'), failureReportLocation(task)),
    '',
    '## Paths',
    '',
    ...(task.paths.length > 0 ? task.paths.map((path) => `- \`${path}\``) : ['The whole file system (no paths given).']),
  ];
  if (task.failureMessage) {
    lines.push('', '## Failure', '', task.failureMessage);
  }
  return lines.join('\n') + '\n';
}

/** Serves task details documents; show() refreshes the content before opening it. */
export class TaskDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly documents = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly resourceName: (connection: Connection, task: Task) => string | undefined) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? vscode.l10n.t('This task is no longer loaded. Open its details again from the FSx view.');
  }

  async show(connection: Connection, task: Task): Promise<void> {
    const uri = this.uriFor(task);
    this.update(connection, task);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true });
  }

  /** Keeps an open details document current when a poll brings news of its task. */
  update(connection: Connection, task: Task): void {
    const uri = this.uriFor(task);
    const key = uri.toString();
    const isOpen = this.documents.has(key);
    this.documents.set(key, renderTaskDetails(task, connection, this.resourceName(connection, task), Date.now()));
    if (isOpen) {
      this.changes.fire(uri);
    }
  }

  has(taskId: string): boolean {
    return this.documents.has(this.uriFor({ taskId } as Task).toString());
  }

  dispose(): void {
    this.changes.dispose();
    this.documents.clear();
  }

  private uriFor(task: Pick<Task, 'taskId'>): vscode.Uri {
    return vscode.Uri.from({ scheme: TASK_DETAILS_SCHEME, path: `/${task.taskId}.md` });
  }
}
