import * as vscode from 'vscode';
import { FsxError } from '../../fsx/errors';
import { Connection } from '../../fsx/types';
import { errorNextStep } from '../errorPresentation';
import { ChildNode, ConnectionBoundNode, themeIcon } from './node';

export interface MessageOptions {
  readonly label: string;
  readonly icon: string;
  readonly iconColor?: string;
  readonly description?: string;
  /** Plain text: a tree item's string tooltip renders no Markdown. */
  readonly tooltip?: string;
  readonly command?: vscode.Command;
  readonly contextValue: string;
}

/** A leaf that says something: an error with its next step, an empty list, a hint. */
export class MessageNode extends ChildNode {
  constructor(
    parent: ConnectionBoundNode,
    idSuffix: string,
    private readonly options: MessageOptions,
  ) {
    super(parent, idSuffix);
  }

  getTreeItem(): vscode.TreeItem {
    return messageItem(this.id, this.options);
  }
}

/** The tree item of a message row. */
export function messageItem(id: string, options: MessageOptions): vscode.TreeItem {
  const item = new vscode.TreeItem(options.label, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.iconPath = themeIcon(options.icon, options.iconColor);
  item.description = options.description;
  item.tooltip = options.tooltip;
  item.command = options.command;
  item.contextValue = options.contextValue;
  return item;
}

/** The error a parent could not load, as a node whose click is the next step. */
export function errorNode(parent: ConnectionBoundNode, error: FsxError): MessageNode {
  return new MessageNode(parent, 'error', errorMessage(error, parent.connection, parent));
}

/** An error as a message row: its click is the next step; `retryTarget` is what a Retry refreshes. */
export function errorMessage(error: FsxError, connection: Connection | undefined, retryTarget?: unknown): MessageOptions {
  const step = errorNextStep(error, connection, retryTarget);
  // Plain text: it needs no Markdown, and the detail is what the service or a setting said.
  const tooltip = [error.userMessageIn(vscode.l10n), error.detail, vscode.l10n.t('Click: {0}', step.title)].filter(Boolean).join('\n\n');
  // A setting we refused (no request id) is best named by what is wrong with it.
  const label = error.kind === 'validation' && !error.requestId && error.detail ? error.detail : step.label;
  return {
    label,
    description: step.title,
    icon: error.kind === 'throttled' ? 'watch' : 'warning',
    iconColor: error.kind === 'throttled' ? undefined : 'problemsWarningIcon.foreground',
    tooltip,
    command: step,
    contextValue: `error.${error.kind}`,
  };
}

export function emptyNode(parent: ConnectionBoundNode, label: string, tooltip?: string): MessageNode {
  return new MessageNode(parent, 'empty', { label, icon: 'info', tooltip, contextValue: 'empty' });
}
