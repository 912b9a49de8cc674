import * as vscode from 'vscode';
import { FsxError } from '../../fsx/errors';
import { errorNextStep } from '../errorPresentation';
import { ChildNode, ExplorerNode, themeIcon } from './node';

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
    parent: ExplorerNode,
    idSuffix: string,
    private readonly options: MessageOptions,
  ) {
    super(parent, idSuffix);
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(this.options.label);
    item.iconPath = themeIcon(this.options.icon, this.options.iconColor);
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    item.command = this.options.command;
    item.contextValue = this.options.contextValue;
    return item;
  }
}

/** The error a parent could not load, as a node whose click is the next step. */
export function errorNode(parent: ExplorerNode, error: FsxError): MessageNode {
  const step = errorNextStep(error, parent.connection, parent);
  // Plain text: it needs no Markdown, and the detail is what the service or a setting said.
  const tooltip = [error.userMessageIn(vscode.l10n), error.detail, vscode.l10n.t('Click: {0}', step.title)].filter(Boolean).join('\n\n');
  // A setting we refused (no request id) is best named by what is wrong with it.
  const label = error.kind === 'validation' && !error.requestId && error.detail ? error.detail : step.label;
  return new MessageNode(parent, 'error', {
    label,
    description: step.title,
    icon: error.kind === 'throttled' ? 'watch' : 'warning',
    iconColor: error.kind === 'throttled' ? undefined : 'problemsWarningIcon.foreground',
    tooltip,
    command: step,
    contextValue: `error.${error.kind}`,
  });
}

export function emptyNode(parent: ExplorerNode, label: string, tooltip?: string): MessageNode {
  return new MessageNode(parent, 'empty', { label, icon: 'info', tooltip, contextValue: 'empty' });
}
