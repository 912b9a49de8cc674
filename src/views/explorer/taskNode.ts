import * as vscode from 'vscode';
import { Task } from '../../fsx/types';
import { taskContextValue } from '../../viewModel/presentation';
import { taskText } from '../taskText';
import { taskTooltip } from '../taskTooltip';
import { ChildNode, ExplorerContext, ConnectionBoundNode, themeIcon } from './node';

export class TaskNode extends ChildNode {
  constructor(
    parent: ConnectionBoundNode,
    readonly task: Task,
    private readonly context: ExplorerContext,
  ) {
    super(parent, task.taskId);
  }

  getTreeItem(): vscode.TreeItem {
    const task = this.task;
    const look = taskText.lifecycleLook(task.lifecycle);
    const busy = this.context.busyLabel(task.taskId);
    const tracked = this.context.isTracked(task.taskId);
    // The side bar is narrow and cuts the description first: the state is the label; the full
    // id is in the tooltip, the accessible label and Copy Task ID.
    const item = this.item(busy ?? taskText.rowLabel(task, tracked));
    item.iconPath = busy ? themeIcon('loading~spin') : themeIcon(look.icon, look.color);
    item.description = taskText.rowDescription(task, this.context.now());
    item.contextValue = taskContextValue(task, tracked);
    item.accessibilityInformation = { label: taskText.accessibleLabel(task, busy) };
    return item;
  }

  hover(): vscode.MarkdownString {
    return taskTooltip(this.task, this.context.now(), this.context.estimate?.(this.task));
  }
}
