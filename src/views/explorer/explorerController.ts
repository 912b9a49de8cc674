import * as vscode from 'vscode';
import { Connection } from '../../fsx/model';
import { ExplorerModel } from '../../model/explorerModel';
import { TrackedRows } from '../../model/trackedRows';
import { TreeWatch } from '../../model/treeWatch';
import { PollScheduler, TREE_SOURCE_ID } from '../../tracking/pollScheduler';
import { TaskTracker } from '../../tracking/taskTracker';
import type { MountsController } from '../mountsController';
import { Settings } from '../settings';
import { ExplorerNode } from './node';
import { ExplorerTreeProvider } from './treeProvider';

/**
 * The FSx view: its tree provider and TreeView, what the tree asks to be polled, the "tracked"
 * markers, and the settings that change what it shows.
 */
export class ExplorerController implements vscode.Disposable {
  readonly tree: ExplorerTreeProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly watch: TreeWatch;
  private readonly disposables: vscode.Disposable[];

  constructor(
    model: ExplorerModel,
    tracker: Pick<TaskTracker, 'has' | 'list' | 'onDidChange'>,
    scheduler: PollScheduler,
    settings: Settings,
    isConfigured: (connection: Connection) => boolean,
    mounts: Pick<MountsController, 'mountPointsOf' | 'onDidChange'>,
  ) {
    this.tree = new ExplorerTreeProvider(model, (taskId) => tracker.has(taskId), isConfigured, (connection, resource) => mounts.mountPointsOf(connection, resource));
    this.view = vscode.window.createTreeView<ExplorerNode>('fsxTasks.explorer', { treeDataProvider: this.tree, showCollapseAll: true });
    this.watch = new TreeWatch(model, scheduler, this.view, TREE_SOURCE_ID);
    this.disposables = [
      this.tree,
      this.view,
      this.watch,
      new TrackedRows(tracker, () => this.tree.rerender()),
      // Polls bring news of the rows: the model applies it and the tree re-renders what changed.
      scheduler.onDidPoll(({ connection, tasks }) => model.applyTasks(connection, tasks)),
      settings.onDidChange(['tasks.pageSize'], () => model.refresh()),
      // The "mounted" markers come from the mount table, read after the tree may have rendered.
      mounts.onDidChange(() => this.tree.rerender()),
    ];
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.reverse()).dispose();
  }
}
