// The task types a person can start, one row each: the commands that start it, how the guided
// flow titles it and names its button, whether it reports by default, and what the VS Code
// Explorer may hand it. The start-task commands (commands/startTask.ts), the Explorer's items
// (commands/mountCommands.ts) and the flow (startTaskFlow.ts) all read this table. vscode-free.
import { L10n } from '../fsx/l10n';
import { STARTABLE_TASK_TYPES, StartableTaskType } from '../fsx/taskRequest';

export interface StartableTask {
  readonly type: StartableTaskType;
  /** Starts it from the tree, the palette or a handed-over { connection, resource, paths? }. */
  readonly command: string;
  /** The VS Code Explorer's item on mounted files and folders: hands their paths to `command`. */
  readonly explorerCommand: string;
  /** What that item accepts: import maps folders to S3 prefixes, so it takes folders only. */
  readonly explorerTakes: 'filesAndFolders' | 'folders';
  /** A completion report is on by default where it tells about failed files: exports and releases. */
  readonly reportOnByDefault: boolean;
  /** The flow's title; `where` names the resource (and the association started from). */
  title(where: string, l10n: L10n): string;
  /** The button that starts the task. */
  confirmLabel(l10n: L10n): string;
}

const ROWS: Readonly<Record<StartableTaskType, Omit<StartableTask, 'type'>>> = {
  EXPORT_TO_REPOSITORY: {
    command: 'fsxTasks.startExport',
    explorerCommand: 'fsxTasks.exportFromExplorer',
    explorerTakes: 'filesAndFolders',
    reportOnByDefault: true,
    title: (where, l10n) => l10n.t('Export to S3: {0}', where),
    confirmLabel: (l10n) => l10n.t('Start Export'),
  },
  IMPORT_METADATA_FROM_REPOSITORY: {
    command: 'fsxTasks.startImport',
    explorerCommand: 'fsxTasks.importFromExplorer',
    explorerTakes: 'folders',
    reportOnByDefault: false,
    title: (where, l10n) => l10n.t('Import Metadata from S3: {0}', where),
    confirmLabel: (l10n) => l10n.t('Start Import'),
  },
  RELEASE_DATA_FROM_FILESYSTEM: {
    command: 'fsxTasks.startRelease',
    explorerCommand: 'fsxTasks.releaseFromExplorer',
    explorerTakes: 'filesAndFolders',
    reportOnByDefault: true,
    title: (where, l10n) => l10n.t('Release Files: {0}', where),
    confirmLabel: (l10n) => l10n.t('Start Release'),
  },
};

/** Every startable task type, in the order the API lists them. */
export const STARTABLE_TASKS: readonly StartableTask[] = STARTABLE_TASK_TYPES.map((type) => ({ type, ...ROWS[type] }));

export function startableTask(type: StartableTaskType): StartableTask {
  return { type, ...ROWS[type] };
}
