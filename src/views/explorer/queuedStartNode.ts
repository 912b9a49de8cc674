import * as vscode from 'vscode';
import type { QueuedStart } from '../../tracking/startQueue';
import { queuedStartRow } from '../../viewModel/queuedStartText';
import { ChildNode, ConnectionBoundNode, ExplorerContext, themeIcon } from './node';

/** A start waiting under its file system for the running task to end (tracking/startQueue.ts): Remove, Start Now. */
export class QueuedStartNode extends ChildNode {
  constructor(
    parent: ConnectionBoundNode,
    readonly queued: QueuedStart,
    private readonly context: ExplorerContext,
  ) {
    super(parent, queued.id);
  }

  getTreeItem(): vscode.TreeItem {
    const row = queuedStartRow(this.queued, this.context.isSendingQueued(this.queued.id), this.context.now(), vscode.l10n);
    const item = this.item(row.label);
    item.iconPath = themeIcon(row.icon, row.iconColor);
    item.description = row.description;
    // Plain text: the paths and FSx's reason are outside text, and it needs no Markdown.
    item.tooltip = row.tooltip;
    item.contextValue = row.contextValue;
    item.accessibilityInformation = { label: `${row.label}, ${row.description}` };
    return item;
  }
}
