import * as vscode from 'vscode';
import { Task } from '../../fsx/model';
import { shortTaskId } from '../../model/presentation';
import { taskText } from '../taskText';
import { taskTooltip } from '../taskTooltip';
import { ExplorerContext, ExplorerNode, themeIcon } from './node';

/** `task.<LIFECYCLE>` plus `.tracked` when tracked: package.json menus match these exactly. */
export function taskContextValue(task: Task, tracked: boolean): string {
  return `task.${task.lifecycle}${tracked ? '.tracked' : ''}`;
}

export class TaskNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    readonly task: Task,
    private readonly context: ExplorerContext,
  ) {
    this.id = `${parent.id}/${task.taskId}`;
  }

  get connection() {
    return this.parent.connection;
  }

  getTreeItem(): vscode.TreeItem {
    const task = this.task;
    const look = taskText.lifecycleLook(task.lifecycle);
    const busy = this.context.busyLabel(task.taskId);
    const tracked = this.context.isTracked(task.taskId);
    // The sidebar is narrow: a short type and id first, the state next; the full id is in the
    // tooltip, the accessible label and Copy Task ID.
    const item = new vscode.TreeItem(`${taskText.typeShortLabel(task.type)} ${shortTaskId(task.taskId)}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = busy ? themeIcon('loading~spin') : themeIcon(look.icon, look.color);
    item.description = busy ?? [look.label, taskText.progress(task), taskText.relativeTime(task.creationTime, this.context.now()), tracked ? vscode.l10n.t('tracked') : undefined]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = taskTooltip(task, this.context.now());
    item.contextValue = taskContextValue(task, tracked);
    item.accessibilityInformation = { label: `${taskText.typeLabel(task.type)} ${task.taskId}, ${busy ?? look.label}${taskText.progress(task) ? `, ${taskText.progress(task)}` : ''}` };
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return [];
  }
}

