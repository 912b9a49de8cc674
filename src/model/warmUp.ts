// Whether to warm the SDK up while the window is idle (Container.start): only a window likely to
// list something soon pays for it, since loading the SDK costs every other window CPU and memory.
// vscode-free.
import type { Connection } from '../fsx/model';
import type { ConnectionEntry } from './explorerModel';

export interface WarmUpSignals {
  /** The view is showing now: its first listing is already on its way and warms the SDK itself. */
  readonly viewVisible: boolean;
  /** The view has been shown in this workspace before (kept in the workspace's state). */
  readonly viewUsedBefore: boolean;
  /** The sandbox started with the window (FSX_SANDBOX or fsxTasks.sandbox.startOnActivation). */
  readonly sandboxStarted: boolean;
  /** Tracked tasks restored from the last session: their polls will need the SDK anyway. */
  readonly trackedTasks: number;
}

export function shouldWarmUp(signals: WarmUpSignals): boolean {
  if (signals.viewVisible) {
    return false;
  }
  return signals.viewUsedBefore || signals.sandboxStarted || signals.trackedTasks > 0;
}

/**
 * The connections whose file systems the warm-up lists, so that the view opens on rows already
 * loaded: the ones whose rows start expanded (a few connections), without a known problem.
 * Collapsed ones are listed only when opened, so many connections cost nothing.
 */
export function connectionsToPrefetch(entries: readonly ConnectionEntry[], startExpanded: boolean): Connection[] {
  return startExpanded ? entries.filter((entry) => !entry.problem && !entry.id).map((entry) => entry.connection) : [];
}
