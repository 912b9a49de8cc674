import * as vscode from 'vscode';
import { Task } from '../fsx/types';
import { throughputText, ThroughputEstimate } from '../outcomes/throughput';
import { taskText } from './taskText';

/** A task's hover: type, id, state, progress, times, paths and the failure message. */
export function taskTooltip(task: Task, now: number, estimate?: ThroughputEstimate): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  const look = taskText.lifecycleLook(task.lifecycle);
  tooltip.appendMarkdown(`$(${look.icon.replace('~spin', '')}) **${taskText.typeLabel(task.type)}** · ${look.label}\n\n`);
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Task ID'), task.taskId],
    [task.resource.kind === 'fileCache' ? vscode.l10n.t('File Cache') : vscode.l10n.t('File system'), task.resource.id],
    [vscode.l10n.t('Progress'), taskText.progress(task)],
    [vscode.l10n.t('Throughput'), estimate && throughputText(estimate, vscode.l10n, taskText.duration)],
    [vscode.l10n.t('Created'), task.creationTime.toLocaleString()],
    [vscode.l10n.t('Started'), task.startTime?.toLocaleString()],
    [vscode.l10n.t('Ended'), task.endTime?.toLocaleString()],
    [vscode.l10n.t('Running for'), task.startTime && !task.endTime ? taskText.duration(now - task.startTime.getTime()) : undefined],
    [vscode.l10n.t('Paths'), task.paths.length > 0 ? task.paths.slice(0, 5).join(', ') + (task.paths.length > 5 ? ` (+${task.paths.length - 5})` : '') : undefined],
  ];
  for (const [label, value] of rows) {
    if (value) {
      tooltip.appendMarkdown(`${label}: `);
      tooltip.appendText(value);
      tooltip.appendMarkdown('  \n');
    }
  }
  if (task.failureMessage) {
    tooltip.appendMarkdown(`\n$(error) `);
    tooltip.appendText(task.failureMessage);
  }
  return tooltip;
}
