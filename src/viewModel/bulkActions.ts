// Acting on many tasks at once: which of the selected ones an action applies to, and the one
// summary said at the end. vscode-free; words through the injected L10n.
import { L10n } from '../fsx/l10n';
import { isCancellable, isTerminal, Task } from '../fsx/types';
import { createTaskText } from './presentation';

/** How many cancels run at once: enough to be quick, few enough not to be throttled. */
export const BULK_CANCEL_CONCURRENCY = 4;

export interface Skipped<T> {
  readonly item: T;
  /** Why the action does not apply: "Succeeded", "no longer exists". */
  readonly reason: string;
}

export interface Partition<T> {
  readonly applies: T[];
  readonly skipped: Skipped<T>[];
}

/** Cancel applies to pending and executing tasks; `task` is FSx's latest word (undefined: gone). */
export function partitionForCancel<T>(items: readonly T[], task: (item: T) => Task | undefined, l10n: L10n): Partition<T> {
  return partition(items, task, isCancellable, l10n);
}

/** Track applies to every task that can still change. */
export function partitionForTrack<T>(items: readonly T[], task: (item: T) => Task | undefined, l10n: L10n): Partition<T> {
  return partition(items, task, (lifecycle) => !isTerminal(lifecycle), l10n);
}

function partition<T>(items: readonly T[], task: (item: T) => Task | undefined, applies: (lifecycle: Task['lifecycle']) => boolean, l10n: L10n): Partition<T> {
  const text = createTaskText(l10n);
  const result: Partition<T> = { applies: [], skipped: [] };
  for (const item of items) {
    const current = task(item);
    if (!current) {
      result.skipped.push({ item, reason: l10n.t('no longer exists') });
    } else if (applies(current.lifecycle)) {
      result.applies.push(item);
    } else {
      result.skipped.push({ item, reason: text.lifecycleLook(current.lifecycle).label });
    }
  }
  return result;
}

export type CancelResult = 'canceled' | 'ended' | 'failed';

/** "3 canceled, 1 had already ended, 1 failed": the one message after a bulk cancel. */
export function cancelSummary(results: readonly (CancelResult | undefined)[], l10n: L10n): string {
  const count = (kind: CancelResult) => results.filter((result) => result === kind).length;
  const parts = [
    count('canceled') > 0 ? l10n.t('{0} canceled', count('canceled')) : undefined,
    count('ended') > 0 ? l10n.t('{0} had already ended', count('ended')) : undefined,
    count('failed') > 0 ? l10n.t('{0} failed', count('failed')) : undefined,
  ].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(', ') : l10n.t('Nothing was canceled');
}
