// How a queued start reads in the tree (tracking/startQueue.ts keeps them): the row's label,
// description, tooltip and context value, and the words said when a start is queued. Plain text:
// the paths and FSx's reason are outside text.
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { namesWholeFileSystem } from '../fsx/taskRequest';
import { shortened } from '../fsx/types';
import type { QueuedStart } from '../tracking/startQueue';
import { createTaskText } from './presentation';

export interface QueuedStartRow {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: string;
  readonly iconColor?: string;
  /** `queuedStart`, or `queuedStart.refused` once FSx refused it: package.json menus match these. */
  readonly contextValue: string;
}

/** Where the queue lives, said on the row and when a start is queued. */
export function queueLivesHere(l10n: L10n): string {
  return l10n.t('The queue lives in this VS Code window: while the window is closed, nothing is started, and the task waits until the window is open again.');
}

export function queuedStartRow(item: QueuedStart, sending: boolean, now: number, l10n: L10n): QueuedStartRow {
  const text = createTaskText(l10n);
  const type = text.typeShortLabel(item.input.type);
  const paths = item.input.paths ?? [];
  const scope =
    namesWholeFileSystem(paths)
      ? l10n.t('the whole file system')
      : paths.length === 1
        ? plainText(shortened(paths[0]))
        : l10n.t('{0} and {1} more paths', plainText(shortened(paths[0])), paths.length - 1);
  const waits = item.behind ? l10n.t('Starts when {0} ends.', item.behind) : l10n.t('Starts when the running task ends.');
  const lines = [l10n.t('{0} of {1}, queued {2}.', text.typeLabel(item.input.type), scope, text.relativeTime(new Date(item.queuedAt), now))];
  if (item.refusal) {
    lines.push(l10n.t('FSx refused it: {0}', plainText(item.refusal)), l10n.t('It is not sent again by itself: Start Now sends it again, Remove drops it.'));
  } else {
    lines.push(waits, queueLivesHere(l10n));
  }
  return {
    label: item.refusal ? l10n.t('Queued {0}: refused', type) : l10n.t('Queued {0}', type),
    description: sending ? l10n.t('starting...') : item.refusal ? plainText(shortened(item.refusal, 80)) : item.behind ? l10n.t('after {0}', item.behind) : l10n.t('waiting'),
    tooltip: lines.join('\n\n'),
    icon: sending ? 'loading~spin' : item.refusal ? 'warning' : 'watch',
    iconColor: item.refusal && !sending ? 'problemsWarningIcon.foreground' : undefined,
    contextValue: item.refusal ? 'queuedStart.refused' : 'queuedStart',
  };
}

/** Said once starts are queued (`count` of them, `item` the first). `resource` is plain text. */
export function queuedMessage(item: QueuedStart, resource: string, count: number, l10n: L10n): string {
  const type = createTaskText(l10n).typeLabel(item.input.type);
  const what = count > 1 ? l10n.t('{0} tasks of {1}', count, type) : type;
  return item.behind
    ? l10n.t('{0} on {1}: queued, starts when {2} ends. {3}', what, resource, item.behind, queueLivesHere(l10n))
    : l10n.t('{0} on {1}: queued, starts when the running task ends. {2}', what, resource, queueLivesHere(l10n));
}
