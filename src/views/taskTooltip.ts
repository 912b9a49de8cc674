import * as vscode from 'vscode';
import { Task } from '../fsx/types';
import { ThroughputEstimate } from '../outcomes/throughput';
import { taskTooltipMarkdown } from '../viewModel/tooltipText';

/** A task's hover: type, id, state, progress, times, paths and the failure message. */
export function taskTooltip(task: Task, now: number, estimate?: ThroughputEstimate): vscode.MarkdownString {
  // Theme icons only: not trusted (no command links), no HTML; outside text is escaped in the Markdown.
  return new vscode.MarkdownString(taskTooltipMarkdown(task, now, vscode.l10n, estimate), true);
}
