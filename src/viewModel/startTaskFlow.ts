// The guided start of a data repository task, as steps: paths -> [release: days] -> report ->
// [report elsewhere: its path] -> confirm. vscode-free: each step is handed to an injected `ask` (quick picks and input boxes in
// the extension, a script in tests), which answers a value, BACK, or undefined when dismissed.
// Answers are kept, so Back shows the previous answer again. The ClientRequestToken is made once,
// when the person confirms, and travels in the returned input: retrying that input never starts a
// second task.
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { Association, CreateTaskInput } from '../fsx/types';
import {
  buildCreateTaskInput,
  checkReportPath,
  defaultReportPath,
  newClientRequestToken,
  parseDays,
  reportRoots,
  resolveTaskPaths,
  resourceLabel,
  ResolvedPaths,
  splitPathList,
  StartableTaskType,
  targetRefusal,
  TaskChoices,
  StartTarget,
} from '../fsx/taskRequest';

import { Answer, BACK } from './stepBack';

export { BACK, type Answer, type Back } from './stepBack';

export type StepId = 'paths' | 'days' | 'report' | 'reportPath' | 'confirm';

/** The report step's choices: where the task's paths report by default, a path of one's own, or none. */
export type ReportChoice = 'default' | 'elsewhere' | 'none';

interface StepBase {
  readonly id: StepId;
  readonly title: string;
  /** 1-based, for the QuickInput's step / totalSteps. */
  readonly step: number;
  readonly totalSteps: number;
  /** False on the first step: show no Back button there. */
  readonly canGoBack: boolean;
}

export interface TextStep extends StepBase {
  readonly kind: 'text';
  readonly id: 'paths' | 'days' | 'reportPath';
  readonly prompt: string;
  readonly placeholder: string;
  /** Prefilled: the previous answer. */
  readonly value: string;
  /** A message when the text is not acceptable (for an input box's live validation). */
  validate(value: string): string | undefined;
}

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
}

export interface PickStep<T> extends StepBase {
  readonly kind: 'pick';
  readonly id: 'report';
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
  /** The item to preselect. */
  readonly active: T;
}

export interface ConfirmStep extends StepBase {
  readonly kind: 'confirm';
  readonly id: 'confirm';
  /** The question, one line. */
  readonly message: string;
  /** What will happen, one line each. */
  readonly details: readonly string[];
  /** The button that starts the task. */
  readonly confirmLabel: string;
}

export interface StartTaskAsk {
  text(step: TextStep): Promise<Answer<string>>;
  pick<T>(step: PickStep<T>): Promise<Answer<T>>;
  /** true when the person chose confirmLabel. */
  confirm(step: ConfirmStep): Promise<Answer<true>>;
}

export type StartTaskFlowResult =
  | { readonly kind: 'confirmed'; readonly input: CreateTaskInput; readonly summary: readonly string[] }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'refused'; readonly reason: string };

export interface StartTaskFlowOptions {
  /** Makes the idempotency token (tests pass a fixed one). */
  readonly newToken?: () => string;
  /** Paths to prefill the first step with (a folder picked elsewhere); the person can still change them. */
  readonly paths?: readonly string[];
}

/** A completion report is on by default where it tells about failed files: exports and releases. */
export function reportOnByDefault(type: StartableTaskType): boolean {
  return type !== 'IMPORT_METADATA_FROM_REPOSITORY';
}

/** Runs the steps until the person confirms, dismisses a step, or the target cannot have the task. */
export async function runStartTaskFlow(target: StartTarget, type: StartableTaskType, ask: StartTaskAsk, l10n: L10n, options: StartTaskFlowOptions = {}): Promise<StartTaskFlowResult> {
  const refusal = targetRefusal(target, type, l10n);
  if (refusal) {
    return { kind: 'refused', reason: refusal };
  }
  const canReport = reportRoots(target).length > 0;
  const title = flowTitle(type, target, l10n);
  const state: FlowState = { pathsText: (options.paths ?? []).join(', '), daysText: '', report: canReport && reportOnByDefault(type) ? 'default' : 'none', reportPathText: '' };
  let index = 0;
  for (;;) {
    // The report path step is there only while "elsewhere" is chosen.
    const steps: StepId[] = [
      'paths',
      ...(type === 'RELEASE_DATA_FROM_FILESYSTEM' ? (['days'] as const) : []),
      ...(canReport ? (['report'] as const) : []),
      ...(canReport && state.report === 'elsewhere' ? (['reportPath'] as const) : []),
      'confirm',
    ];
    const position = { title, step: index + 1, totalSteps: steps.length, canGoBack: index > 0 };
    const id = steps[index];
    if (id === undefined) {
      return { kind: 'cancelled' };
    }
    // Follows the paths: the repository the first path belongs to.
    const reportPath = defaultReportPath(target, resolvedOrNone(target, type, state.pathsText, l10n));
    let answer: Answer<unknown>;
    if (id === 'paths' || id === 'days' || id === 'reportPath') {
      const field = id === 'paths' ? 'pathsText' : id === 'days' ? 'daysText' : 'reportPathText';
      const error =
        id === 'paths'
          ? (text: string) => pathsError(target, type, text, l10n)
          : id === 'days'
            ? (text: string) => daysError(text, l10n)
            : (text: string) => reportPathError(target, text, l10n);
      const prompt = id === 'paths' ? pathsPrompt(target, type, l10n) : id === 'days' ? daysPrompt(l10n) : reportPathPrompt(target, reportPath ?? '', l10n);
      // The report path starts as the default, one edit away.
      const value = id === 'reportPath' && state.reportPathText === '' ? (reportPath ?? '') : state[field];
      answer = await ask.text({ ...position, kind: 'text', id, ...prompt, value, validate: error });
      if (typeof answer === 'string') {
        if (error(answer) !== undefined) {
          // The input box let an invalid answer through: ask again.
          continue;
        }
        state[field] = answer;
      }
    } else if (id === 'report') {
      answer = await ask.pick<ReportChoice>({ ...position, kind: 'pick', id, ...reportItems(target, reportPath ?? '', state, l10n), active: state.report });
      if (answer === 'default' || answer === 'elsewhere' || answer === 'none') {
        state.report = answer;
      }
    } else {
      const choices = choicesOf(target, type, state, reportPath, l10n);
      const summary = describeTaskRequest(target, choices.choices, choices.resolved, l10n);
      answer = await ask.confirm({ ...position, kind: 'confirm', id, message: summary[0], details: summary.slice(1), confirmLabel: confirmLabel(type, l10n) });
      if (answer === true) {
        return { kind: 'confirmed', input: buildCreateTaskInput(target, choices.choices, (options.newToken ?? newClientRequestToken)()), summary };
      }
    }
    if (answer === undefined) {
      return { kind: 'cancelled' };
    }
    // Back on the first step stays there (it shows no Back button).
    index = answer === BACK ? Math.max(0, index - 1) : index + 1;
  }
}

interface FlowState {
  pathsText: string;
  daysText: string;
  report: ReportChoice;
  /** The report path typed in the "elsewhere" step; empty until then. */
  reportPathText: string;
}

/** The repositories the paths reach, or none while they do not resolve. */
function resolvedOrNone(target: StartTarget, type: StartableTaskType, pathsText: string, l10n: L10n): readonly Association[] {
  const resolved = resolveTaskPaths(target, type, splitPathList(pathsText), l10n);
  return resolved.ok ? resolved.value.repositories : [];
}

function reportPathError(target: StartTarget, text: string, l10n: L10n): string | undefined {
  const checked = checkReportPath(target, text, l10n);
  return checked.ok ? undefined : checked.message;
}

function pathsError(target: StartTarget, type: StartableTaskType, text: string, l10n: L10n): string | undefined {
  const checked = resolveTaskPaths(target, type, splitPathList(text), l10n);
  return checked.ok ? undefined : checked.message;
}

function daysError(text: string, l10n: L10n): string | undefined {
  const checked = parseDays(text, l10n);
  return checked.ok ? undefined : checked.message;
}

function choicesOf(target: StartTarget, type: StartableTaskType, state: Readonly<FlowState>, reportPath: string | undefined, l10n: L10n): { choices: TaskChoices; resolved: ResolvedPaths } {
  const resolved = resolveTaskPaths(target, type, splitPathList(state.pathsText), l10n);
  const days = parseDays(state.daysText, l10n);
  if (!resolved.ok) {
    // The paths step accepts only paths that resolve.
    throw new Error(resolved.message);
  }
  return {
    resolved: resolved.value,
    choices: {
      type,
      paths: resolved.value.paths,
      daysSinceLastAccess: type === 'RELEASE_DATA_FROM_FILESYSTEM' && days.ok ? days.value : undefined,
      reportPath: chosenReportPath(target, state, reportPath, l10n),
    },
  };
}

function flowTitle(type: StartableTaskType, target: StartTarget, l10n: L10n): string {
  const where = target.association ? `${resourceLabel(target.resource)} ${plainText(target.association.fileSystemPath)}` : resourceLabel(target.resource);
  switch (type) {
    case 'EXPORT_TO_REPOSITORY':
      return l10n.t('Export to S3: {0}', where);
    case 'IMPORT_METADATA_FROM_REPOSITORY':
      return l10n.t('Import Metadata from S3: {0}', where);
    default:
      return l10n.t('Release Files: {0}', where);
  }
}

function confirmLabel(type: StartableTaskType, l10n: L10n): string {
  switch (type) {
    case 'EXPORT_TO_REPOSITORY':
      return l10n.t('Start Export');
    case 'IMPORT_METADATA_FROM_REPOSITORY':
      return l10n.t('Start Import');
    default:
      return l10n.t('Start Release');
  }
}

function pathsPrompt(target: StartTarget, type: StartableTaskType, l10n: L10n): { prompt: string; placeholder: string } {
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

function daysPrompt(l10n: L10n): { prompt: string; placeholder: string } {
  return {
    prompt: l10n.t('Release only files not accessed for at least this many days (0 releases them however recently they were used). Only files already exported to S3 are released.'),
    placeholder: l10n.t('Days since last access, for example 30'),
  };
}

function chosenReportPath(target: StartTarget, state: Readonly<FlowState>, reportPath: string | undefined, l10n: L10n): string | undefined {
  if (state.report === 'none') {
    return undefined;
  }
  // The report path step accepts only a path that checks; the default when it was never asked.
  const own = state.report === 'elsewhere' ? checkReportPath(target, state.reportPathText, l10n) : undefined;
  return own?.ok ? own.value : reportPath;
}

function reportItems(target: StartTarget, reportPath: string, state: Readonly<FlowState>, l10n: L10n): { placeholder: string; items: PickItem<ReportChoice>[] } {
  const own = state.reportPathText !== '' ? checkReportPath(target, state.reportPathText, l10n) : undefined;
  return {
    placeholder: l10n.t('Completion report'),
    items: [
      { label: l10n.t('Write a completion report'), description: l10n.t('failed files only'), detail: l10n.t('Under {0}/, in a folder named after the task', plainText(reportPath)), value: 'default' },
      {
        label: l10n.t('Write the report elsewhere...'),
        description: l10n.t('failed files only'),
        detail: own?.ok ? l10n.t('Under {0}/, in a folder named after the task', plainText(own.value)) : l10n.t('An S3 path inside {0}', reportRoots(target).map((root) => plainText(root)).join(', ')),
        value: 'elsewhere',
      },
      { label: l10n.t('No completion report'), value: 'none' },
    ],
  };
}

function reportPathPrompt(target: StartTarget, reportPath: string, l10n: L10n): { prompt: string; placeholder: string } {
  return {
    prompt: l10n.t('Where FSx writes the completion report: an S3 path inside a linked data repository ({0}). The report goes in a folder named after the task.', reportRoots(target).map((root) => plainText(root)).join(', ')),
    placeholder: reportPath,
  };
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
