import type { EstimateOf } from '../../viewModel/statusBarText';
import * as vscode from 'vscode';
import { Connection, ResourceRef } from '../../fsx/types';
import type { QueuedStart } from '../../tracking/startQueue';
import { ExplorerModel } from '../../viewModel/explorerModel';
import type { EventLogCounts } from '../../viewModel/eventLogCounts';

/** What every node may read; built once by the explorer controller. */
export interface ExplorerContext {
  readonly model: ExplorerModel;
  /** Is the task tracked in the status bar? */
  isTracked(taskId: string): boolean;
  /** A temporary description while an action runs on the task ("Canceling..."). */
  busyLabel(taskId: string): string | undefined;
  now(): number;
  /** Where the resource is mounted on the machine the extension runs on. */
  mountPoints(connection: Connection, resource: ResourceRef): readonly string[];
  /** A running task's throughput estimate, if polls have seen enough of it. */
  estimate?: EstimateOf;
  /** The starts queued on a file system behind its running task, in the order they go. */
  queuedStarts(connection: Connection, resource: ResourceRef): readonly QueuedStart[];
  /** Is that queued start being sent now? */
  isSendingQueued(id: string): boolean;
  /** The automatic export and import failures of the last 24 hours, per file system (association rows). */
  readonly eventLogs?: EventLogCounts;
}

/** One node of the FSx explorer. Ids are stable across refreshes so selection and expansion survive. */
export interface ExplorerNode {
  readonly id: string;
  readonly parent?: ExplorerNode;
  getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<ExplorerNode[]>;
  /**
   * The Markdown hover, built when VS Code asks for it (the pointer rests on the row): building
   * it for every row up front, and VS Code parsing each one, cost most of a page's time.
   */
  hover?(): vscode.MarkdownString;
}

/** A connection's node or one below it: every node but a connection setting's problem (settingProblemNode.ts). */
export interface ConnectionBoundNode extends ExplorerNode {
  readonly connection: Connection;
}

export function isConnectionBound(node: ExplorerNode): node is ConnectionBoundNode {
  return 'connection' in node;
}

/**
 * What most nodes share: an id below the parent's, the parent's connection, and no children
 * unless the node says otherwise (as vscode-pull-request-github's TreeNode does).
 */
export abstract class ChildNode implements ConnectionBoundNode {
  readonly id: string;

  constructor(
    readonly parent: ConnectionBoundNode,
    idSuffix: string,
  ) {
    this.id = `${parent.id}/${idSuffix}`;
  }

  get connection(): Connection {
    return this.parent.connection;
  }

  abstract getTreeItem(): vscode.TreeItem;

  async getChildren(): Promise<ExplorerNode[]> {
    return [];
  }

  /** A tree item whose id is this node's. */
  protected item(label: string, state = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
    const item = new vscode.TreeItem(label, state);
    item.id = this.id;
    return item;
  }
}

export function themeIcon(codicon: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(codicon, color ? new vscode.ThemeColor(color) : undefined);
}
