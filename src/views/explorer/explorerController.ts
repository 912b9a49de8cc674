import * as vscode from 'vscode';
import { ExplorerModel } from '../../viewModel/explorerModel';
import { filterMessage, isFiltering, normalizeFilter, TaskFilter, viewDescription } from '../../viewModel/taskFilter';
import { TrackedRows } from '../../viewModel/trackedRows';
import type { EstimateOf } from '../../viewModel/statusBarText';
import type { EventLogCounts } from '../../viewModel/eventLogCounts';
import { TreeWatch } from '../../viewModel/treeWatch';
import { PollScheduler, TREE_SOURCE_ID } from '../../tracking/pollScheduler';
import type { StartQueue } from '../../tracking/startQueue';
import { TaskTracker } from '../../tracking/taskTracker';
import { setContext } from '../contextKeys';
import type { MountsController } from '../mountsController';
import { Settings } from '../settings';
import { VIEW_USED_STATE_KEY } from '../stateKeys';
import { ExplorerNode } from './node';
import { ExplorerTreeProvider } from './treeProvider';

/** Where the filter is kept: per workspace, as a person set it up for this project. */
export const FILTER_STATE_KEY = 'fsxTasks.filter';

export interface ExplorerControllerOptions {
  /** The view, created at activation (views/extensionShell.ts), whose provider delegates to this controller's tree. */
  readonly view: vscode.TreeView<ExplorerNode>;
  /** What the view lists; the controller keeps its filter. */
  readonly model: ExplorerModel;
  /** Which tasks are tracked: their rows are marked, and re-rendered when that changes. */
  readonly tracker: Pick<TaskTracker, 'has' | 'list' | 'onDidChange'>;
  /** Polls what the tree shows; its results go into the model. */
  readonly scheduler: PollScheduler;
  /** The page size, and which connections are the settings' own. */
  readonly settings: Settings;
  /** Where the filter and "the view was shown here" are kept: the workspace's state. */
  readonly state: vscode.Memento;
  /** The Lustre mounts of this machine (the "mounted" marker). */
  readonly mounts: Pick<MountsController, 'mountPointsOf' | 'onDidChange'>;
  /** A running task's throughput and time left, for its tooltip. */
  readonly estimateOf?: EstimateOf;
  /** The starts queued behind running tasks: rows under their file systems, re-rendered when it changes. */
  readonly queue: Pick<StartQueue, 'of' | 'isSending' | 'onDidChange'>;
  /** The association rows' event log counts. */
  readonly eventLogs?: EventLogCounts;
}

/**
 * The FSx view: its tree provider and TreeView, what the tree asks to be polled, the "tracked"
 * markers, the task filter (kept per workspace) and the view's description, and the settings
 * that change what it shows.
 */
export class ExplorerController implements vscode.Disposable {
  readonly tree: ExplorerTreeProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly watch: TreeWatch;
  /** Whether the view had been shown in this workspace before this window. */
  readonly usedBefore: boolean;
  private readonly model: ExplorerModel;
  private readonly state: vscode.Memento;
  private readonly disposables: vscode.Disposable[];
  private sandboxShown = false;

  constructor(options: ExplorerControllerOptions) {
    const { view, model, tracker, scheduler, settings, state, mounts } = options;
    this.model = model;
    this.state = state;
    this.tree = new ExplorerTreeProvider({
      model,
      isTracked: (taskId) => tracker.has(taskId),
      isConfigured: (connection) => settings.hasConnection(connection),
      mountPoints: (connection, resource) => mounts.mountPointsOf(connection, resource),
      estimateOf: options.estimateOf,
      queue: options.queue,
      eventLogs: options.eventLogs,
    });
    this.view = view;
    this.watch = new TreeWatch(model, scheduler, this.view, TREE_SOURCE_ID);
    this.usedBefore = state.get(VIEW_USED_STATE_KEY) === true;
    const markUsed = (): void => {
      if (this.view.visible && state.get(VIEW_USED_STATE_KEY) !== true) {
        void state.update(VIEW_USED_STATE_KEY, true);
      }
    };
    markUsed();
    this.disposables = [
      this.view.onDidChangeVisibility(markUsed),
      this.tree,
      this.watch,
      new TrackedRows(tracker, () => this.tree.rerender()),
      // Polls bring news of the rows: the model applies it and the tree re-renders what changed.
      scheduler.onDidPoll(({ connection, tasks }) => model.applyTasks(connection, tasks)),
      settings.onDidChange(['tasks.pageSize'], () => model.refresh()),
      // The "mounted" markers come from the mount table, read after the tree may have rendered.
      mounts.onDidChange(() => this.tree.rerender()),
      options.queue.onDidChange(() => this.tree.rerender()),
    ];
    // Before the first listing, so the first requests already carry the lifecycle filter.
    model.setFilter(normalizeFilter(state.get(FILTER_STATE_KEY)));
    void this.render();
  }

  filter(): TaskFilter {
    return this.model.filter();
  }

  /** Applies a filter, keeps it for this workspace, and shows it in the view's description. */
  async setFilter(filter: TaskFilter): Promise<void> {
    const normalized = normalizeFilter(filter);
    this.model.setFilter(normalized);
    await this.state.update(FILTER_STATE_KEY, isFiltering(normalized) ? normalized : undefined);
    await this.render();
  }

  /** The sandbox is what the view lists (or no longer): the description says so. */
  showSandbox(shown: boolean): void {
    this.sandboxShown = shown;
    void this.render();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.reverse()).dispose();
  }

  private async render(): Promise<void> {
    const filter = this.model.filter();
    this.view.description = viewDescription(this.sandboxShown, filter, vscode.l10n);
    // With the view alone in its container VS Code hides the description (the title is the
    // container's): the message above the rows says it wherever the view is.
    this.view.message = filterMessage(filter, vscode.l10n);
    await setContext('fsxTasks.filtered', isFiltering(filter));
  }
}
