// The task details document: every field of a task as Markdown, opened as a `markdown` text
// document, so both the editor (Ctrl+click follows links) and the preview (markdown-it) read it.
// Every string from FSx (paths, failure message, report path, ARN, ids, the `Name` tag) and from
// the settings (profile, region) goes through markdownText or markdownCode: none can open a link,
// show an image or close a code span. The only links are our own commands, for a valid task id.
// vscode-free: words through the injected L10n.
import { L10n } from '../fsx/l10n';
import { markdownCode, markdownText } from '../fsx/outsideText';
import { Connection, isValidTaskId, Task } from '../fsx/types';
import { reportFileUri } from '../outcomes/reportLocation';
import { throughputText, ThroughputEstimate } from '../outcomes/throughput';
import { createTaskText, formatCount, hasFailureReport } from './presentation';

/** A path or a failure message is shown whole up to this length (FSx paths reach 4,096 characters). */
const DOCUMENT_TEXT_MAX = 4096;

export function renderTaskDetails(task: Task, connection: Connection, resourceName: string | undefined, now: number, l10n: L10n, estimate?: ThroughputEstimate): string {
  const taskText = createTaskText(l10n);
  const look = taskText.lifecycleLook(task.lifecycle);
  // Identifiers and paths as code spans (they read as written in the editor, where the document
  // opens as text), free text escaped. In a table a `|` is escaped even inside a code span: GFM
  // splits cells before it parses code spans, and takes `\|` back as `|` inside them.
  const code = (value: string | undefined) => (value === undefined || value === '' ? undefined : markdownCode(value, DOCUMENT_TEXT_MAX).replace(/\|/g, '\\|'));
  const text = (value: string | number | undefined) => (value === undefined || value === '' ? undefined : markdownText(value, DOCUMENT_TEXT_MAX));
  const row = (label: string, cell: string | undefined) => (cell === undefined ? [] : [`| ${label} | ${cell} |`]);
  const time = (date: Date | undefined) => text(date?.toISOString());
  const bytes = (value: number | undefined) => (value === undefined ? undefined : text(l10n.t('{0} bytes', formatCount(value))));
  const count = (value: number | undefined) => (value === undefined ? undefined : text(formatCount(value)));
  const duration = task.startTime ? taskText.duration((task.endTime?.getTime() ?? now) - task.startTime.getTime()) : undefined;
  const where = task.resource.kind === 'fileCache' ? l10n.t('File Cache') : l10n.t('File system');
  const progress = taskText.progress(task);
  const lines = [
    `# ${markdownText(taskText.typeLabel(task.type))} · ${markdownCode(task.taskId)}`,
    '',
    `**${markdownText(look.label)}**${progress ? ` · ${markdownText(progress)}` : ''}`,
    '',
    ...actionLinks(task, l10n),
    `| ${l10n.t('Field')} | ${l10n.t('Value')} |`,
    '|---|---|',
    ...row(l10n.t('Task ID'), code(task.taskId)),
    ...row(l10n.t('Type'), code(task.type)),
    ...row(l10n.t('Lifecycle'), code(task.lifecycle)),
    ...row(where, resourceName ? `${text(resourceName)} (${code(task.resource.id)})` : code(task.resource.id)),
    ...row(l10n.t('ARN'), code(task.arn)),
    ...row(l10n.t('Connection'), connection.sandbox ? text(l10n.t('local sandbox')) : `${connection.profile ? code(connection.profile) : text(l10n.t('default profile'))} · ${code(connection.region) ?? ''}`),
    ...row(l10n.t('Created'), time(task.creationTime)),
    ...row(l10n.t('Started'), time(task.startTime)),
    ...row(l10n.t('Ended'), time(task.endTime)),
    ...row(task.endTime ? l10n.t('Duration') : l10n.t('Running for'), text(duration)),
    ...row(l10n.t('Total files'), count(task.status?.totalCount)),
    ...row(l10n.t('Succeeded'), count(task.status?.succeededCount)),
    ...row(l10n.t('Failed'), count(task.status?.failedCount)),
    ...row(l10n.t('Released capacity'), bytes(task.status?.releasedCapacity)),
    ...row(l10n.t('Capacity to release'), bytes(task.capacityToRelease)),
    ...row(l10n.t('Status updated'), time(task.status?.lastUpdatedTime)),
    ...row(l10n.t('Throughput'), text(estimate && throughputText(estimate, l10n, taskText.duration))),
    ...row(l10n.t('Report'), task.report ? text(task.report.enabled ? l10n.t('enabled') : l10n.t('disabled')) : undefined),
    ...row(l10n.t('Report path'), code(task.report?.path)),
    ...row(l10n.t('Report format'), code(task.report?.format)),
    ...row(l10n.t('Report scope'), code(task.report?.scope)),
    // The object Show Failed Files reads: failures.csv, or report.csv for an import.
    ...row(l10n.t('Report file'), code(reportFileUri(task))),
    '',
    `## ${l10n.t('Paths')}`,
    '',
    ...(task.paths.length > 0 ? task.paths.map((path) => `- ${markdownCode(path, DOCUMENT_TEXT_MAX)}`) : [l10n.t('The whole file system (no paths given).')]),
  ];
  if (task.failureMessage) {
    lines.push('', `## ${l10n.t('Failure')}`, '', markdownText(task.failureMessage, DOCUMENT_TEXT_MAX));
  }
  return lines.join('\n') + '\n';
}

/**
 * Command links to the task's outcome: its failed files once it has a report, its chart while it
 * runs. Only for a task id of the documented shape, the one outside string a link carries.
 */
function actionLinks(task: Task, l10n: L10n): string[] {
  if (!isValidTaskId(task.taskId)) {
    return [];
  }
  const link = (title: string, command: string) => `[${markdownText(title)}](command:${command}?${encodeURIComponent(JSON.stringify([task.taskId]))})`;
  const links = [
    ...(hasFailureReport(task) ? [link(l10n.t('Show Failed Files'), 'fsxTasks.showFailedFiles')] : []),
    ...(task.lifecycle === 'EXECUTING' ? [link(l10n.t('Show Progress Chart'), 'fsxTasks.showProgressChart')] : []),
  ];
  return links.length > 0 ? [links.join(' · '), ''] : [];
}
