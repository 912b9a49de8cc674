// What a cancel says before it is confirmed: the task's facts and what canceling does. One
// wording for the cancel dialog (commands/cancelTask.ts) and the chat's cancel confirmation
// (viewModel/chatTools.ts). vscode-free: words through the injected L10n; outside text plain.
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { Task } from '../fsx/types';
import { createTaskText } from './presentation';

/** Paths listed in a cancel confirmation; the rest are counted. */
const PATHS_LISTED = 10;

/** Said before every cancel is confirmed (docs/ARCHITECTURE.md, cancel facts). */
export function cancelEffect(l10n: L10n): string {
  return l10n.t('Canceling stops the task. Files already processed stay as they are: exported files are not reverted. Files being processed now are still completed. Files not yet processed are skipped.');
}

/** The task's type, where it runs (`where`: its name and id, already plain), state and paths, then what canceling does. */
export function cancelDetailLines(task: Task, where: string, l10n: L10n): string[] {
  const taskText = createTaskText(l10n);
  return [
    l10n.t('Type: {0}', taskText.typeLabel(task.type)),
    l10n.t('{0}: {1}', task.resource.kind === 'fileCache' ? l10n.t('File Cache') : l10n.t('File system'), where),
    l10n.t('State: {0}', [taskText.lifecycleLook(task.lifecycle).label, taskText.progress(task)].filter(Boolean).join(', ')),
    l10n.t(
      'Paths: {0}',
      task.paths.length > 0
        ? task.paths.slice(0, PATHS_LISTED).map((path) => plainText(path)).join(', ') + (task.paths.length > PATHS_LISTED ? ` (+${task.paths.length - PATHS_LISTED})` : '')
        : l10n.t('the whole file system'),
    ),
    '',
    cancelEffect(l10n),
  ];
}
