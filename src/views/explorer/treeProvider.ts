import * as vscode from 'vscode';
import { classifyError } from '../../fsx/errors';
import { Connection, connectionKey, ResourceRef, StorageResource, Task } from '../../fsx/types';
import type { StartQueue } from '../../tracking/startQueue';
import { ExplorerChange, ExplorerModel, isConnection, resourceKey } from '../../viewModel/explorerModel';
import type { EstimateOf } from '../../viewModel/statusBarText';
import { ConnectionNode, connectionNodeId } from './connectionNode';
import { errorNode } from './messageNode';
import { ExplorerContext, ExplorerNode, isConnectionBound } from './node';
import type { EventLogCounts } from '../../viewModel/eventLogCounts';
import { SettingProblemNode } from './settingProblemNode';
import { ResourceNode } from './resourceNode';
import { TaskNode } from './taskNode';

export interface ExplorerTreeOptions {
  /** What the tree shows: connections, resources and tasks, cached. */
  readonly model: ExplorerModel;
  /** Is the task tracked (its row is marked and offers Untrack)? */
  isTracked(taskId: string): boolean;
  /** Is the connection one of the settings' entries (its row offers Remove and Change)? */
  isConfigured(connection: Connection): boolean;
  /** Where a resource is mounted on this machine (the "mounted" marker); nowhere when absent. */
  mountPoints?(connection: Connection, resource: ResourceRef): readonly string[];
  /** A running task's throughput and time left, for its tooltip. */
  readonly estimateOf?: EstimateOf;
  /** The time rows are described at ("started 5 min ago"); Date.now when absent. */
  now?(): number;
  /** The starts queued behind running tasks (their rows under each file system); none when absent. */
  readonly queue?: Pick<StartQueue, 'of' | 'isSending'>;
  /** The event log counts of association rows (read when an Associations row is expanded); none when absent. */
  readonly eventLogs?: EventLogCounts;
}

/**
 * Maps the explorer model to nodes. It never throws and never shows a toast: a failure becomes
 * an error node. Model changes refresh the smallest node that covers them.
 */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /** The latest node instance per id, so a change can refresh exactly that node. */
  private readonly nodes = new Map<string, ExplorerNode>();
  private readonly busy = new Map<string, string>();
  private readonly model: ExplorerModel;
  private readonly isConfigured: (connection: Connection) => boolean;
  private readonly context: ExplorerContext;

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(options: ExplorerTreeOptions) {
    const model = (this.model = options.model);
    this.isConfigured = (connection) => options.isConfigured(connection);
    this.context = {
      model,
      isTracked: (taskId) => options.isTracked(taskId),
      busyLabel: (taskId) => this.busy.get(taskId),
      now: () => options.now?.() ?? Date.now(),
      mountPoints: (connection, resource) => options.mountPoints?.(connection, resource) ?? [],
      estimate: options.estimateOf,
      queuedStarts: (connection, resource) => (resource.kind === 'fileSystem' ? (options.queue?.of(connection, resource.id) ?? []) : []),
      isSendingQueued: (id) => options.queue?.isSending(id) ?? false,
      eventLogs: options.eventLogs,
    };
    this.disposables.push({ dispose: model.onDidChange((change) => this.onModelChange(change)).dispose });
    if (options.eventLogs) {
      // A count that lands re-renders its file system's rows (the Associations group among them).
      const counts = options.eventLogs.onDidChange(({ connection, resource }) => this.refreshTaskRow(connection, resource));
      this.disposables.push({ dispose: () => counts.dispose() });
    }
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  /** Called on hover for an item without a tooltip: the row's Markdown hover (ExplorerNode.hover). */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    item.tooltip ??= node.hover?.();
    return item;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    let children: ExplorerNode[];
    try {
      children = node ? await node.getChildren() : this.roots();
    } catch (error) {
      // Nodes handle their own failures; this is the last guard so the view never breaks.
      children = node && isConnectionBound(node) ? [errorNode(node, classifyError(error))] : [];
    }
    for (const child of children) {
      this.nodes.set(child.id, child);
    }
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  /** The node chain for a task, for TreeView.reveal (ids match the ones the tree built). */
  taskNode(connection: Connection, task: Task): TaskNode | undefined {
    const resourceNode = this.resourceNode(connection, task.resource);
    return resourceNode && new TaskNode(resourceNode, task, this.context);
  }

  /** The node chain for a file system or cache, for TreeView.reveal. */
  resourceNode(connection: Connection, ref: ResourceRef): ResourceNode | undefined {
    const entry = this.model.connectionFor(connectionKey(connection));
    if (!entry) {
      return undefined;
    }
    const connectionNode = new ConnectionNode(entry, this.context, this.isConfigured(connection));
    const resource = this.model.cachedResources(connection).find((candidate) => resourceKey(candidate) === resourceKey(ref)) ?? placeholderResource(ref);
    return new ResourceNode(connectionNode, resource, this.context);
  }

  /** Shows a temporary description with a spinner on a task while an action runs on it. */
  async runWithBusyLabel<T>(task: Task, connection: Connection, label: string, action: () => Promise<T>): Promise<T> {
    this.busy.set(task.taskId, label);
    this.refreshTaskRow(connection, task.resource);
    try {
      return await action();
    } finally {
      this.busy.delete(task.taskId);
      this.refreshTaskRow(connection, task.resource);
    }
  }

  /** Re-renders the rows of a resource's tasks (tracking or busy state changed), without a call. */
  refreshTaskRow(connection: Connection, resource: ResourceRef): void {
    this.onModelChange({ scope: 'resource', connectionKey: connectionKey(connection), resource });
  }

  /** Re-renders every row from the cache (tracking state changed somewhere), without a call. */
  rerender(): void {
    this.changeEmitter.fire(undefined);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private roots(): ExplorerNode[] {
    return this.model.entries().map((entry) => (isConnection(entry) ? new ConnectionNode(entry, this.context, this.isConfigured(entry.connection)) : new SettingProblemNode(entry, this.context)));
  }

  private onModelChange(change: ExplorerChange): void {
    if (change.scope === 'all') {
      this.nodes.clear();
      this.changeEmitter.fire(undefined);
      return;
    }
    const entry = this.model.connectionFor(change.connectionKey);
    const connectionId = entry ? connectionNodeId(entry) : undefined;
    const id = change.scope === 'resource' && connectionId ? `${connectionId}/${resourceKey(change.resource)}` : connectionId;
    if (!id) {
      this.changeEmitter.fire(undefined);
      return;
    }
    // A node the tree never rendered (collapsed parent) needs no refresh.
    const node = this.nodes.get(id);
    if (node) {
      this.changeEmitter.fire(node);
    }
  }
}

function placeholderResource(resource: ResourceRef): StorageResource {
  return { ...resource, storageType: 'LUSTRE', lifecycle: 'AVAILABLE', supportsTasks: true };
}
