import * as vscode from 'vscode';
import { Connection } from '../../fsx/model';
import { ExplorerModel } from '../../model/explorerModel';

/** What every node may read; built once in activate(). */
export interface ExplorerContext {
  readonly model: ExplorerModel;
  /** Is the task tracked in the status bar? */
  isTracked(taskId: string): boolean;
  /** A temporary description while an action runs on the task ("Canceling..."). */
  busyLabel(taskId: string): string | undefined;
  now(): number;
}

/** One node of the FSx explorer. Ids are stable across refreshes so selection and expansion survive. */
export interface ExplorerNode {
  readonly id: string;
  readonly parent?: ExplorerNode;
  /** The connection the node belongs to (every node has one). */
  readonly connection: Connection;
  getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<ExplorerNode[]>;
}

export function themeIcon(codicon: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(codicon, color ? new vscode.ThemeColor(color) : undefined);
}
