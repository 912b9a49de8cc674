// What the start-task flow (startTaskFlow.ts) says: each step's prompt, the report choices, and
// the lines the person confirms. Outside text (paths, Name tags) is made plain. vscode-free.
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { resourceLabel, ResolvedPaths, StartableTaskType, StartTarget, TaskChoices } from '../fsx/taskRequest';
import { startableTask } from './startableTasks';

/** The report step's choices: where the task's paths report by default, a path of one's own, or none. */
export type ReportChoice = 'default' | 'elsewhere' | 'none';

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
}

/** A text step's words: what to type, and an example in the empty box. */
export interface TextWords {
  readonly prompt: string;
  readonly placeholder: string;
}

export function flowTitle(type: StartableTaskType, target: StartTarget, l10n: L10n): string {
  const where = target.association ? `${resourceLabel(target.resource)} ${plainText(target.association.fileSystemPath)}` : resourceLabel(target.resource);
  return startableTask(type).title(where, l10n);
}

export function pathsWords(target: StartTarget, type: StartableTaskType, l10n: L10n): TextWords {
  const association = target.association;
  const placeholder = l10n.t('For example: results, logs/run-7.txt');
  if (association) {
    switch (type) {
      case 'EXPORT_TO_REPOSITORY':
        return { placeholder, prompt: l10n.t('Paths to export, relative to {0}, separated by commas (up to 100). Leave empty to export all of {0} to {1}.', plainText(association.fileSystemPath), plainText(association.dataRepositoryPath)) };
      case 'IMPORT_METADATA_FROM_REPOSITORY':
        return { placeholder, prompt: l10n.t('Paths to import, relative to {0} (or s3:// paths in {1}), separated by commas (up to 100). Leave empty to import all of {1}.', plainText(association.fileSystemPath), plainText(association.dataRepositoryPath)) };
      default:
        return { placeholder, prompt: l10n.t('Paths to release, relative to {0}, separated by commas (up to 100). Leave empty to release every exported file in {0}.', plainText(association.fileSystemPath)) };
    }
  }
  switch (type) {
    case 'EXPORT_TO_REPOSITORY':
      return { placeholder, prompt: l10n.t('Paths to export, relative to the file system root (not your mount point), separated by commas (up to 100). Leave empty to export the whole file system.') };
    case 'IMPORT_METADATA_FROM_REPOSITORY':
      return { placeholder, prompt: l10n.t('Paths to import, relative to the file system root, or s3:// paths, separated by commas (up to 100). Leave empty to import from every linked S3 repository.') };
    default:
      return { placeholder, prompt: l10n.t('Paths to release, relative to the file system root (not your mount point), separated by commas (up to 100). Leave empty to release every exported file.') };
  }
}

export function daysWords(l10n: L10n): TextWords {
  return {
    prompt: l10n.t('Release only files not accessed for at least this many days (0 releases them however recently they were used). Only files already exported to S3 are released.'),
    placeholder: l10n.t('Days since last access, for example 30'),
  };
}

/** What the report pick shows: the default path, where it is linked, a path of one's own, where a report may go. */
export interface ReportPlaces {
  /** Where the report goes by default. */
  readonly defaultPath: string;
  /** The file system path of the repository the default belongs to. */
  readonly defaultFrom?: string;
  /** The path typed in the "elsewhere" step, when it checks. */
  readonly ownPath?: string;
  /** Where a report may go. */
  readonly roots: readonly string[];
}

export function reportWords({ defaultPath, defaultFrom, ownPath, roots }: ReportPlaces, l10n: L10n): { placeholder: string; items: PickItem<ReportChoice>[] } {
  const under = l10n.t('Under {0}/, in a folder named after the task', plainText(defaultPath));
  return {
    placeholder: l10n.t('Completion report'),
    items: [
      {
        label: l10n.t('Write a completion report'),
        description: l10n.t('failed files only'),
        // With more than one repository, say which one the default is (an export reports where it exports).
        detail: roots.length > 1 && defaultFrom !== undefined ? l10n.t('{0}: the S3 repository linked at {1}', under, plainText(defaultFrom)) : under,
        value: 'default',
      },
      {
        label: l10n.t('Write the report elsewhere...'),
        description: l10n.t('failed files only'),
        detail: ownPath !== undefined ? l10n.t('Under {0}/, in a folder named after the task', plainText(ownPath)) : l10n.t('An S3 path inside {0}', rootList(roots)),
        value: 'elsewhere',
      },
      { label: l10n.t('No completion report'), value: 'none' },
    ],
  };
}

export function reportPathWords(defaultPath: string, roots: readonly string[], l10n: L10n): TextWords {
  return {
    prompt: l10n.t('Where FSx writes the completion report: an S3 path inside a linked data repository ({0}). The report goes in a folder named after the task.', rootList(roots)),
    placeholder: defaultPath,
  };
}

function rootList(roots: readonly string[]): string {
  return roots.map((root) => plainText(root)).join(', ');
}

const PATHS_SHOWN = 5;

/** What the task will do, one line each; the first line is the question to confirm. */
export function describeTaskRequest(target: StartTarget, choices: TaskChoices, resolved: ResolvedPaths, l10n: L10n): string[] {
  const label = resourceLabel(target.resource);
  const lines: string[] = [];
  const repositories = resolved.repositories;
  switch (choices.type) {
    case 'EXPORT_TO_REPOSITORY':
      lines.push(l10n.t('Export from {0} to S3?', label));
      lines.push(pathsLine(choices.paths, l10n.t('the whole file system'), l10n));
      lines.push(l10n.t('Destination: {0}', repositories.map((repository) => plainText(`${repository.fileSystemPath} → ${repository.exportPath ?? repository.dataRepositoryPath}`)).join('; ')));
      lines.push(l10n.t('New and changed files are exported with their POSIX metadata.'));
      break;
    case 'IMPORT_METADATA_FROM_REPOSITORY':
      lines.push(l10n.t('Import metadata from S3 into {0}?', label));
      lines.push(pathsLine(choices.paths, l10n.t('every linked S3 repository'), l10n));
      lines.push(l10n.t('Source: {0}', repositories.map((repository) => plainText(`${repository.dataRepositoryPath} → ${repository.fileSystemPath}`)).join('; ')));
      lines.push(l10n.t('Metadata of objects created or changed since the last import is imported; file data loads when first read.'));
      break;
    default:
      lines.push(l10n.t('Release file data from {0}?', label));
      lines.push(pathsLine(choices.paths, l10n.t('the whole file system'), l10n));
      lines.push(
        choices.daysSinceLastAccess
          ? l10n.t('Releases exported files not accessed for at least {0} days.', choices.daysSinceLastAccess)
          : l10n.t('Releases every exported file, however recently it was used.'),
      );
      lines.push(l10n.t('Files not yet exported are kept. Released files keep their metadata; their data is read back from S3 when opened.'));
      break;
  }
  lines.push(
    choices.reportPath
      ? l10n.t('Completion report (failed files only): under {0}/, in a folder named after the task.', plainText(choices.reportPath))
      : l10n.t('No completion report.'),
  );
  return lines;
}

function pathsLine(paths: readonly string[], everything: string, l10n: L10n): string {
  if (paths.length === 0) {
    return l10n.t('Paths: {0}', everything);
  }
  const shown = paths.slice(0, PATHS_SHOWN).map((path) => plainText(path)).join(', ');
  return paths.length > PATHS_SHOWN ? l10n.t('Paths ({0}): {1} and {2} more', paths.length, shown, paths.length - PATHS_SHOWN) : l10n.t('Paths ({0}): {1}', paths.length, shown);
}
