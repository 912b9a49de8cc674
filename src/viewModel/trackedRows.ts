// Task rows say "tracked": when the tracker changes, re-render the rows only if the set of
// tracked ids changed, not on every progress update of a tracked task (the poll already
// refreshes that row). vscode-free.
import type { Disposable, Event } from '../tracking/events';

export interface TrackedIdsSource {
  readonly onDidChange: Event<void>;
  list(): readonly { readonly taskId: string }[];
}

export class TrackedRows implements Disposable {
  private signature: string;
  private readonly subscription: Disposable;

  constructor(
    private readonly tracker: TrackedIdsSource,
    private readonly rerender: () => void,
  ) {
    this.signature = this.currentSignature();
    this.subscription = tracker.onDidChange(() => this.onTrackerChange());
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private onTrackerChange(): void {
    const signature = this.currentSignature();
    if (signature !== this.signature) {
      this.signature = signature;
      this.rerender();
    }
  }

  private currentSignature(): string {
    return this.tracker
      .list()
      .map((tracked) => tracked.taskId)
      .sort()
      .join(',');
  }
}
