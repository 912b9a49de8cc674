// Whether a window needs the extension's main code as it starts, from facts activation's entry
// reads without loading it (src/extension.ts). A window that needs none of it stops there and
// loads the rest on first use (views/extensionShell.ts). vscode-free.

export interface StartFacts {
  /** What the workspace keeps under the tracked-tasks key, as stored: undefined when never set. */
  readonly savedTrackedTasks: unknown;
  /** What the workspace keeps under the queued-starts key: starts waiting for a running task to end. */
  readonly savedQueuedStarts: unknown;
  /** The sandbox starts with the window (FSX_SANDBOX, or fsxTasks.sandbox.startOnActivation). */
  readonly sandboxOnStart: boolean;
  /** fsxTasks.tracking.autoTrackActiveTasks: running tasks are looked for from the start. */
  readonly autoTrack: boolean;
  /** The view has been shown in this workspace before: it is likely to be opened again soon. */
  readonly viewUsedBefore: boolean;
  /** The view is showing now. */
  readonly viewVisible: boolean;
  /** The mount table lists a Lustre file system: the Explorer shows its files' export state. */
  readonly lustreMounted: boolean;
}

/** Why the main code loads at activation. */
export type StartReason = 'viewVisible' | 'sandbox' | 'trackedTasks' | 'queuedStarts' | 'autoTrack' | 'lustreMount' | 'viewUsedBefore';

/**
 * The first reason this window needs the main code at activation, or undefined: it needs none of it
 * yet. Each fact is read only if none before it holds (the mount table is a file read).
 */
export function startReason(facts: StartFacts): StartReason | undefined {
  if (facts.viewVisible) {
    return 'viewVisible';
  }
  if (facts.sandboxOnStart) {
    return 'sandbox';
  }
  if (hasSavedRecords(facts.savedTrackedTasks)) {
    return 'trackedTasks';
  }
  if (hasSavedRecords(facts.savedQueuedStarts)) {
    return 'queuedStarts';
  }
  if (facts.autoTrack) {
    return 'autoTrack';
  }
  if (facts.lustreMounted) {
    return 'lustreMount';
  }
  return facts.viewUsedBefore ? 'viewUsedBefore' : undefined;
}

/**
 * Anything kept but an empty list: the tracker reads it (and says what it could not use), so a
 * stored value that is no list at all is reported as it was before, not hidden by a dormant window.
 */
function hasSavedRecords(saved: unknown): boolean {
  return saved !== undefined && saved !== null && !(Array.isArray(saved) && saved.length === 0);
}
