// The one announcement of tasks canceled together (bulkActions.ts cancels them; the tracker holds
// their ends until the last one, tracking/taskTracker.ts). Loaded at activation with the
// notifications, apart from the commands' bulk logic. vscode-free; words through the injected L10n.
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { Task } from '../fsx/types';

/** Task ids named in a summary; the rest are counted. */
const IDS_NAMED = 5;

/**
 * The one announcement of tasks canceled together, once the last has ended: how many ended each
 * way, naming them ("2 canceled (task-…, task-…), 1 succeeded before the cancel took effect (task-…)").
 */
export function endedTogetherSummary(tasks: readonly Task[], l10n: L10n): string {
  const named = (ids: readonly string[]) =>
    ids.length > IDS_NAMED ? l10n.t('{0} and {1} more', ids.slice(0, IDS_NAMED).map((id) => plainText(id)).join(', '), ids.length - IDS_NAMED) : ids.map((id) => plainText(id)).join(', ');
  const of = (lifecycle: Task['lifecycle']) => tasks.filter((task) => task.lifecycle === lifecycle).map((task) => task.taskId);
  const canceled = of('CANCELED');
  const succeeded = of('SUCCEEDED');
  const failed = of('FAILED');
  const parts = [
    canceled.length > 0 ? l10n.t('{0} canceled ({1})', canceled.length, named(canceled)) : undefined,
    succeeded.length > 0 ? l10n.t('{0} succeeded before the cancel took effect ({1})', succeeded.length, named(succeeded)) : undefined,
    failed.length > 0 ? l10n.t('{0} failed ({1})', failed.length, named(failed)) : undefined,
  ].filter((part): part is string => !!part);
  return l10n.t('The {0} tasks canceled together have ended: {1}.', tasks.length, parts.join('; '));
}
