import * as vscode from 'vscode';
import { FsxError } from '../fsx/errors';
import { stripCodicons } from '../viewModel/presentation';
import { EstimateOf, renderStatusBar } from '../viewModel/statusBarText';
import { PollResult } from '../tracking/pollScheduler';
import { Event } from '../tracking/events';
import { TaskTracker } from '../tracking/taskTracker';

export const STATUS_BAR_ITEM_ID = 'fsxTasks.status';

/** What the item shows right now, read off the item itself. */
export interface StatusBarSnapshot {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly backgroundColor?: string;
}

/**
 * Owns the one status bar item; renders whenever the tracker changes, hides when it is empty,
 * and says so when the last refresh failed (the shown state may be stale) instead of a toast.
 */
export class StatusBarController implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];
  private lastFailure: FsxError | undefined;
  /** StatusBarItem has no visibility getter: remember what we asked for. */
  private visible = false;

  constructor(
    private readonly tracker: Pick<TaskTracker, 'list' | 'onDidChange'>,
    polls: { readonly onDidPoll: Event<PollResult>; readonly onDidFail: Event<{ readonly error: FsxError }> },
    private readonly estimateOf?: EstimateOf,
  ) {
    this.item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('FSx Task Tracking');
    this.item.command = 'fsxTasks.showTrackedTasks';
    this.subscriptions = [
      tracker.onDidChange(() => this.render()),
      polls.onDidFail(({ error }) => {
        this.lastFailure = error;
        this.render();
      }),
      polls.onDidPoll(() => {
        // A poll clears a failure and may bring a new sample for the time left.
        this.lastFailure = undefined;
        this.render();
      }),
    ];
    this.render();
  }

  /** The item as the extension set it (the host tests read this, not a re-rendered copy). */
  snapshot(): StatusBarSnapshot {
    const tooltip = this.item.tooltip;
    const background = this.item.backgroundColor;
    return {
      visible: this.visible,
      text: this.item.text,
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      backgroundColor: background instanceof vscode.ThemeColor ? background.id : undefined,
    };
  }

  render(): void {
    const view = renderStatusBar(vscode.l10n, this.tracker.list(), this.lastFailure, this.estimateOf);
    if (!view) {
      this.visible = false;
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.tone === 'normal' ? undefined : new vscode.ThemeColor(view.tone === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    this.item.accessibilityInformation = { label: stripCodicons(view.text) };
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.item.dispose();
  }
}
