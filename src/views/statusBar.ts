import * as vscode from 'vscode';
import { isTerminal, Lifecycle } from '../fsx/model';
import { percentText, shortTaskId } from '../model/presentation';
import { taskText } from './taskText';
import { FsxError } from '../fsx/errors';
import { PollScheduler } from '../tracking/pollScheduler';
import { TaskTracker, TrackedTask } from '../tracking/taskTracker';

export const STATUS_BAR_ITEM_ID = 'fsxTasks.status';

/** The text, tooltip and colour of the status bar item, derived from the tracked tasks alone. */
export interface StatusBarView {
  readonly text: string;
  readonly tooltip: string;
  readonly tone: 'normal' | 'error' | 'warning';
}

function lifecycleOf(tracked: TrackedTask): Lifecycle | undefined {
  return tracked.task?.lifecycle ?? tracked.lifecycle;
}

/**
 * Pure: what the item shows for these tracked tasks, or undefined to hide it. After a failed
 * refresh the shown state may be stale: a warning icon and the reason say so, no toast.
 */
export function renderStatusBar(tracked: readonly TrackedTask[], lastFailure?: FsxError): StatusBarView | undefined {
  const view = renderTracked(tracked);
  if (!view || !lastFailure) {
    return view;
  }
  return {
    text: `$(warning) ${view.text.replace(/^\$\([^)]*\)\s*/, '')}`,
    tooltip: vscode.l10n.t('{0}\nThe last refresh failed, so this may be out of date: {1}', view.tooltip, lastFailure.userMessageIn(vscode.l10n)),
    tone: view.tone === 'error' ? 'error' : 'warning',
  };
}

function renderTracked(tracked: readonly TrackedTask[]): StatusBarView | undefined {
  if (tracked.length === 0) {
    return undefined;
  }
  if (tracked.length === 1) {
    const [only] = tracked;
    const lifecycle = lifecycleOf(only);
    const look = lifecycle ? taskText.lifecycleLook(lifecycle) : { label: vscode.l10n.t('Checking'), icon: 'loading~spin' };
    const percent = only.task ? percentText(only.task) : undefined;
    const type = only.task ? taskText.typeLabel(only.task.type) : vscode.l10n.t('Task');
    return {
      text: `$(${look.icon}) ${shortTaskId(only.taskId)} ${look.label}${percent ? ` ${percent}` : ''}`,
      tooltip: vscode.l10n.t('{0} {1}: {2}. Click to see tracked tasks.', type, only.taskId, look.label),
      tone: lifecycle === 'FAILED' ? 'error' : 'normal',
    };
  }
  const counts = new Map<Lifecycle | undefined, number>();
  for (const task of tracked) {
    const lifecycle = lifecycleOf(task);
    counts.set(lifecycle, (counts.get(lifecycle) ?? 0) + 1);
  }
  const active = tracked.filter((task) => !isTerminal(lifecycleOf(task) ?? 'PENDING')).length;
  const parts = (['EXECUTING', 'PENDING', 'CANCELING', 'FAILED', 'SUCCEEDED', 'CANCELED'] as const)
    .filter((lifecycle) => counts.get(lifecycle))
    .map((lifecycle) => `${counts.get(lifecycle)} ${taskText.lifecycleLook(lifecycle).label.toLowerCase()}`);
  return {
    text: `$(${active > 0 ? 'sync~spin' : 'check-all'}) ${vscode.l10n.t('FSx: {0} tasks', tracked.length)}${parts.length > 0 ? `, ${parts.join(', ')}` : ''}`,
    tooltip: vscode.l10n.t('{0} tracked FSx data repository tasks. Click to see them.', tracked.length),
    tone: counts.get('FAILED') ? 'error' : 'normal',
  };
}

/**
 * Owns the one status bar item; renders whenever the tracker changes, hides when it is empty,
 * and says so when the last refresh failed (the shown state may be stale) instead of a toast.
 */
export class StatusBarController implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: { dispose(): void }[];
  private lastFailure: FsxError | undefined;

  constructor(
    private readonly tracker: TaskTracker,
    scheduler: Pick<PollScheduler, 'onDidPoll' | 'onDidFail'>,
  ) {
    this.item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('FSx Task Tracking');
    this.item.command = 'fsxTasks.showTrackedTasks';
    this.subscriptions = [
      tracker.onDidChange(() => this.render()),
      scheduler.onDidFail(({ error }) => {
        this.lastFailure = error;
        this.render();
      }),
      scheduler.onDidPoll(() => {
        if (this.lastFailure) {
          this.lastFailure = undefined;
          this.render();
        }
      }),
    ];
    this.render();
  }

  render(): void {
    const view = renderStatusBar(this.tracker.list(), this.lastFailure);
    if (!view) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.tone === 'normal' ? undefined : new vscode.ThemeColor(view.tone === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    this.item.accessibilityInformation = { label: view.text.replace(/\$\([^)]*\)\s*/g, '') };
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.item.dispose();
  }
}
