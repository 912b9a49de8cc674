// When to warm the SDK up while the window is idle (Container.start): only a window likely to
// list something soon pays for it, since loading the SDK costs every other window CPU and memory.
// vscode-free.
import type { Connection } from '../fsx/types';
import type { ExplorerModel } from './explorerModel';

export interface WarmUpSignals {
  /** The view is showing now: its first listing is on its way, and goes first. */
  readonly viewVisible: boolean;
  /** The view has been shown in this workspace before (kept in the workspace's state). */
  readonly viewUsedBefore: boolean;
  /** The sandbox started with the window (FSX_SANDBOX or fsxTasks.sandbox.startOnActivation). */
  readonly sandboxStarted: boolean;
  /** Tracked tasks restored from the last session: their polls will need the SDK anyway. */
  readonly trackedTasks: number;
}

/** How long after start-up to give the view's own first listing before warming up. */
export const WARM_UP_AFTER_LISTING_MS = 1000;

/**
 * When to warm up, in ms after start-up, or undefined for a window that has shown nothing of
 * ours and tracks nothing: it pays nothing. With the view showing, the warm-up still readies what
 * its listing did not use (a task page), after the listing had its turn.
 */
export function warmUpDelay(signals: WarmUpSignals): number | undefined {
  if (signals.viewVisible) {
    return WARM_UP_AFTER_LISTING_MS;
  }
  return signals.viewUsedBefore || signals.sandboxStarted || signals.trackedTasks > 0 ? 0 : undefined;
}

/**
 * The connections whose file systems the warm-up lists, so that the view opens on rows already
 * loaded: the ones whose rows start expanded (a few connections), without a known problem.
 * Collapsed ones are listed only when opened, so many connections cost nothing.
 */
export function connectionsToPrefetch(model: Pick<ExplorerModel, 'usableConnections' | 'connectionsStartExpanded'>): Connection[] {
  return model.connectionsStartExpanded() ? model.usableConnections().map((entry) => entry.connection) : [];
}
