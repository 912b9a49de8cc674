// What the status bar item says for the tracked tasks: pure, in the injected language, so it is
// unit-tested in plain Node and the controller in views/ only copies it onto the item.
import type { FsxError } from '../fsx/errors';
import { isTerminal, Lifecycle } from '../fsx/types';
import type { TrackedTask } from '../tracking/taskTracker';
import { throughputText, ThroughputEstimate } from '../outcomes/throughput';
import type { Task } from '../fsx/types';
import { createTaskText, L10n, percentText, shortTaskId, stripCodicons } from './presentation';

/** The text, tooltip and colour of the status bar item, derived from the tracked tasks alone. */
export interface StatusBarView {
  readonly text: string;
  readonly tooltip: string;
  readonly tone: 'normal' | 'error' | 'warning';
}

function lifecycleOf(tracked: TrackedTask): Lifecycle | undefined {
  return tracked.task?.lifecycle ?? tracked.lifecycle;
}

/** A running task's throughput estimate, when there is one (see outcomes/throughput.ts). */
export type EstimateOf = (task: Pick<Task, 'taskId' | 'lifecycle'>) => ThroughputEstimate | undefined;

/**
 * What the item shows for these tracked tasks, or undefined to hide it. After a failed refresh
 * the shown state may be stale: a warning icon and the reason say so, never a toast.
 */
export function renderStatusBar(l10n: L10n, tracked: readonly TrackedTask[], lastFailure?: FsxError, estimateOf?: EstimateOf): StatusBarView | undefined {
  const view = renderTracked(l10n, tracked, estimateOf);
  if (!view || !lastFailure) {
    return view;
  }
  return {
    text: `$(warning) ${stripCodicons(view.text)}`,
    tooltip: l10n.t('{0}\nThe last refresh failed, so this may be out of date: {1}', view.tooltip, lastFailure.userMessageIn(l10n)),
    tone: view.tone === 'error' ? 'error' : 'warning',
  };
}

function renderTracked(l10n: L10n, tracked: readonly TrackedTask[], estimateOf?: EstimateOf): StatusBarView | undefined {
  const text = createTaskText(l10n);
  if (tracked.length === 0) {
    return undefined;
  }
  if (tracked.length === 1) {
    const [only] = tracked;
    const lifecycle = lifecycleOf(only);
    const look = lifecycle ? text.lifecycleLook(lifecycle) : { label: l10n.t('Checking'), icon: 'loading~spin' };
    const percent = only.task ? percentText(only.task) : undefined;
    const type = only.task ? text.typeLabel(only.task.type) : l10n.t('Task');
    const estimate = only.task && lifecycle === 'EXECUTING' ? estimateOf?.(only.task) : undefined;
    const tooltip = l10n.t('{0} {1}: {2}. Click to see tracked tasks.', type, only.taskId, look.label);
    return {
      text: `$(${look.icon}) ${shortTaskId(only.taskId)} ${look.label}${percent ? ` ${percent}` : ''}`,
      tooltip: estimate ? `${tooltip}\n${throughputText(estimate, l10n, text.duration)}` : tooltip,
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
    .map((lifecycle) => `${counts.get(lifecycle)} ${text.lifecycleLook(lifecycle).label.toLowerCase()}`);
  return {
    text: `$(${active > 0 ? 'sync~spin' : 'check-all'}) ${l10n.t('FSx: {0} tasks', tracked.length)}${parts.length > 0 ? `, ${parts.join(', ')}` : ''}`,
    tooltip: l10n.t('{0} tracked FSx data repository tasks. Click to see them.', tracked.length),
    tone: counts.get('FAILED') ? 'error' : 'normal',
  };
}
