import * as vscode from 'vscode';
import { SettingProblemEntry } from '../../viewModel/explorerModel';
import { connectionNodeId } from './connectionNode';
import { errorMessage, messageItem } from './messageNode';
import { ExplorerContext, ExplorerNode, themeIcon } from './node';

/**
 * An entry of the connections setting that names no connection: a row of its own among the
 * connections, whose one child says what is wrong and opens the settings. It has no connection,
 * so nothing below it can make a request, and Refresh on it lists the connections again.
 */
export class SettingProblemNode implements ExplorerNode {
  readonly id: string;
  readonly parent = undefined;

  constructor(
    readonly entry: SettingProblemEntry,
    private readonly context: ExplorerContext,
  ) {
    this.id = connectionNodeId(entry);
  }

  getTreeItem(): vscode.TreeItem {
    // Laid out like a connection's row, so the list reads as one column.
    const state = this.context.model.connectionsStartExpanded() ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(this.entry.label, state);
    item.id = this.id;
    item.iconPath = themeIcon('cloud');
    item.tooltip = this.entry.problem.userMessageIn(vscode.l10n);
    item.contextValue = 'connection.setting';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return [new SettingProblemMessageNode(this)];
  }
}

/** What is wrong with the setting; its click opens the settings. */
class SettingProblemMessageNode implements ExplorerNode {
  readonly id: string;

  constructor(readonly parent: SettingProblemNode) {
    this.id = `${parent.id}/error`;
  }

  getTreeItem(): vscode.TreeItem {
    return messageItem(this.id, errorMessage(this.parent.entry.problem, undefined));
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return [];
  }
}
