// Retry Failed Files: which files of an ended export or release a new task should retry, and as
// which tasks. Only causes a retry can fix are retried (catalog.ts explains each code); the others
// need a change first and are listed apart with what to change. FSx takes at most 100 paths per
// task and runs one task at a time per file system, so more files become several tasks (started
// one after another through the queue) or, beyond a few tasks, their common folders within the
// first task's own paths (a folder never reaches beyond what the first task covered).
//
// Paths: a report's FilePath is the file's path on the file system relative to its root
// (`dir1/myLargeFile` in the FSx user guide's example; the emulator writes the same), which is
// the form CreateDataRepositoryTask takes for export and release Paths ("relative to the mount
// point"). A leading or doubled slash is dropped so both forms compare equal.
import { randomUUID } from 'node:crypto';
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { apiTaskPaths } from '../fsx/taskRequest';
import { CreateTaskInput, MAX_TASK_PATHS, REPORT_FORMAT, REPORT_SCOPE, shortened, Task } from '../fsx/types';
import { describeErrorCode } from './catalog';
import { retryCause } from './retryable';

export { canRetryFailedFiles, RETRYABLE_CODES, RETRYABLE_TYPES, retryCause, type RetryCause } from './retryable';
import type { ReportRow, ReportSummary } from './reportCsv';

/** Up to this many tasks of exact paths; more files are retried as their folders. */
export const MAX_RETRY_TASKS = 5;
/** Distinct paths remembered while the report is read; beyond, only their folders are. */
export const MAX_COLLECTED_PATHS = 50_000;
const MAX_PATH_LENGTH = 4096;
// The API's Paths pattern refuses these; such a file cannot be named in a task.
// eslint-disable-next-line no-control-regex
const UNNAMABLE = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

/** `/a//b/` -> `a/b`: a report's or a task's path in the form the API takes; the root is ''. */
export function taskPathForm(path: string): string {
  return path.split('/').filter((segment) => segment.length > 0).join('/');
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

function depthOf(path: string): number {
  return path === '' ? 0 : path.split('/').length;
}

function isUnder(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
}

export interface CodeCount {
  readonly code: string;
  readonly count: number;
}

/**
 * The folder a retried file is folded into first: its parent, unless that lies above the scope
 * path holding the file (a file named itself in the first task's Paths), then that scope path; a
 * file outside every scope path (FSx reports none, but a report is outside data) stays itself.
 */
export function folderWithin(path: string, scope: readonly string[]): string {
  const parent = parentOf(path);
  if (scope.length === 0 || scope.some((root) => isUnder(parent, root))) {
    return parent;
  }
  return scope.find((root) => isUnder(path, root)) ?? path;
}

/** Reads a report's rows once and keeps what a retry needs, bounded whatever the report's size. */
export class RetryCollector {
  /** Distinct retryable paths, up to `maxPaths`. */
  private readonly paths = new Set<string>();
  /** Folders (folderWithin) of the retryable paths beyond `maxPaths`. */
  private readonly overflowFolders = new Set<string>();
  private readonly retried = new Map<string, number>();
  private readonly apart = new Map<string, number>();
  private readonly scope: readonly string[];
  private unnamable = 0;
  private overflowFiles = 0;

  /** `scope`: the first task's Paths (empty: the whole file system). */
  constructor(scope: readonly string[], private readonly maxPaths = MAX_COLLECTED_PATHS) {
    this.scope = scope.map(taskPathForm).filter((path) => path !== '');
  }

  add(row: Pick<ReportRow, 'filePath' | 'errorCode'>): void {
    const path = taskPathForm(row.filePath);
    if (retryCause(row.errorCode) !== 'retry') {
      this.apart.set(row.errorCode, (this.apart.get(row.errorCode) ?? 0) + 1);
      return;
    }
    if (path === '' || path.length > MAX_PATH_LENGTH || UNNAMABLE.test(path)) {
      this.unnamable++;
      return;
    }
    this.retried.set(row.errorCode, (this.retried.get(row.errorCode) ?? 0) + 1);
    if (this.paths.has(path)) {
      return;
    }
    if (this.paths.size < this.maxPaths) {
      this.paths.add(path);
      return;
    }
    this.overflowFiles++;
    if (this.overflowFolders.size < this.maxPaths) {
      this.overflowFolders.add(folderWithin(path, this.scope));
    } else {
      // Past both bounds: the rest is retried as the whole scope of the first task.
      for (const root of this.scope.length > 0 ? this.scope : ['']) {
        this.overflowFolders.add(root);
      }
    }
  }

  collected(): CollectedFailures {
    const sorted = (counts: Map<string, number>) => [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    return {
      scope: this.scope,
      paths: [...this.paths],
      overflowFolders: [...this.overflowFolders],
      overflowFiles: this.overflowFiles,
      retried: sorted(this.retried),
      apart: sorted(this.apart),
      unnamable: this.unnamable,
    };
  }
}

export interface CollectedFailures {
  /** The first task's Paths in the API's form (empty: the whole file system). */
  readonly scope: readonly string[];
  readonly paths: readonly string[];
  readonly overflowFolders: readonly string[];
  readonly overflowFiles: number;
  /** Rows to retry, by code. */
  readonly retried: readonly CodeCount[];
  /** Rows that need a change first, by code. */
  readonly apart: readonly CodeCount[];
  /** Retryable rows whose path no task can name (empty, too long, control characters). */
  readonly unnamable: number;
}

export interface RetryPlan {
  /** Files to retry (rows of a retryable cause). */
  readonly files: number;
  /** `paths`: the files themselves; `folders`: their common folders (too many files for MAX_RETRY_TASKS tasks). */
  readonly form: 'paths' | 'folders';
  /** The Paths of each task to create, in order; empty when there is nothing to retry. */
  readonly tasks: readonly (readonly string[])[];
  readonly retried: readonly CodeCount[];
  readonly apart: readonly CodeCount[];
  readonly unnamable: number;
  /** Folders (or files outside the first task's paths) that did not fit in MAX_RETRY_TASKS tasks: not retried. */
  readonly leftOut: number;
}

/** The tasks that retry the collected files; folders never reach beyond the first task's Paths. */
export function planRetry(collected: CollectedFailures): RetryPlan {
  const base = { retried: collected.retried, apart: collected.apart, unnamable: collected.unnamable, leftOut: 0 };
  const files = collected.retried.reduce((sum, entry) => sum + entry.count, 0);
  const paths = [...collected.paths].sort();
  if (paths.length === 0) {
    return { ...base, files, form: 'paths', tasks: [] };
  }
  if (collected.overflowFiles === 0 && paths.length <= MAX_RETRY_TASKS * MAX_TASK_PATHS) {
    return { ...base, files, form: 'paths', tasks: chunk(paths, MAX_TASK_PATHS) };
  }
  const folders = foldFolders([...paths.map((path) => folderWithin(path, collected.scope)), ...collected.overflowFolders], collected.scope, MAX_TASK_PATHS);
  const tasks = chunk(folders, MAX_TASK_PATHS).slice(0, MAX_RETRY_TASKS);
  return { ...base, files, form: 'folders', tasks, leftOut: folders.length - tasks.reduce((sum, paths) => sum + paths.length, 0) };
}

/**
 * Folders to at most `max`: the deepest ones are replaced by their parents, level by level, but a
 * folder stops at the scope path that holds it (or where it is when none does).
 */
export function foldFolders(folders: readonly string[], scope: readonly string[], max: number): string[] {
  const floorOf = (folder: string): string | undefined => (scope.length === 0 ? '' : scope.filter((root) => isUnder(folder, root)).sort((a, b) => a.length - b.length)[0]);
  let current = withoutNested(folders);
  while (current.length > max) {
    const rising = current.filter((folder) => canRise(folder, floorOf(folder)));
    if (rising.length === 0) {
      break;
    }
    const deepest = rising.reduce((most, folder) => Math.max(most, depthOf(folder)), 0);
    current = withoutNested(current.map((folder) => (depthOf(folder) === deepest && canRise(folder, floorOf(folder)) ? parentOf(folder) : folder)));
  }
  return current;
}

function canRise(folder: string, floor: string | undefined): boolean {
  return floor !== undefined && folder !== floor && folder !== '';
}

/** Sorted, with every folder inside another one left out (by ancestors: linear in the folders). */
function withoutNested(folders: readonly string[]): string[] {
  const all = new Set(folders);
  if (all.has('')) {
    return [''];
  }
  const outermost = [...all].filter((folder) => {
    for (let parent = parentOf(folder); parent !== ''; parent = parentOf(parent)) {
      if (all.has(parent)) {
        return false;
      }
    }
    return true;
  });
  return outermost.sort();
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** The CreateDataRepositoryTask input of one retry task: the first task's type, report and release age. */
export function retryTaskInput(task: Pick<Task, 'type' | 'resource' | 'report' | 'daysSinceLastAccess'>, paths: readonly string[]): CreateTaskInput {
  const type = task.type === 'RELEASE_DATA_FROM_FILESYSTEM' ? 'RELEASE_DATA_FROM_FILESYSTEM' : 'EXPORT_TO_REPOSITORY';
  return {
    fileSystemId: task.resource.id,
    type,
    paths: apiTaskPaths(type, paths.length === 1 && paths[0] === '' ? [] : paths),
    report: task.report?.enabled && task.report.path ? { enabled: true, path: task.report.path, format: REPORT_FORMAT, scope: REPORT_SCOPE } : { enabled: false },
    clientRequestToken: randomUUID(),
    daysSinceLastAccess: type === 'RELEASE_DATA_FROM_FILESYSTEM' ? (task.daysSinceLastAccess ?? 0) : undefined,
  };
}

export interface RetryText {
  readonly message: string;
  readonly detail: string;
  readonly confirmLabel: string;
}

/** The confirmation: what is sent, why it takes this form, and what is left apart with what to change. */
export function retryPlanText(plan: RetryPlan, task: Pick<Task, 'taskId' | 'type' | 'report' | 'daysSinceLastAccess'>, summary: Pick<ReportSummary, 'cut'>, l10n: L10n): RetryText {
  const release = task.type === 'RELEASE_DATA_FROM_FILESYSTEM';
  const count = (value: number) => value.toLocaleString('en-US');
  const codes = (entries: readonly CodeCount[]) => entries.map((entry) => l10n.t('{0} {1}', plainText(entry.code), count(entry.count))).join(', ');
  const lines: string[] = [];
  lines.push(l10n.t('Retried: {0} files whose cause a retry can fix ({1}).', count(plan.files), codes(plan.retried)));
  const tasks = plan.tasks.length;
  if (plan.form === 'paths') {
    if (tasks > 1) {
      lines.push(
        l10n.t(
          'FSx takes at most {0} paths per task and runs one task at a time on a file system, so the files go in {1} tasks: the first starts now, the others are queued in this VS Code window and start one after another (while the window is closed they wait).',
          MAX_TASK_PATHS,
          tasks,
        ),
      );
    }
  } else {
    const folders = plan.tasks.reduce((sum, paths) => sum + paths.length, 0);
    lines.push(
      release
        ? l10n.t(
            'More files than {0} tasks of {1} paths hold: the retry names their {2} common folders, inside the paths of {3}. A release of a folder releases its files not accessed for the same number of days, as {3} would have; files already released stay released.',
            MAX_RETRY_TASKS,
            MAX_TASK_PATHS,
            count(folders),
            task.taskId,
          )
        : l10n.t(
            'More files than {0} tasks of {1} paths hold: the retry names their {2} common folders, inside the paths of {3}. An export of a folder exports only its new and changed files, so files exported before are not copied again.',
            MAX_RETRY_TASKS,
            MAX_TASK_PATHS,
            count(folders),
            task.taskId,
          ),
    );
    if (tasks > 1) {
      lines.push(l10n.t('The folders go in {0} tasks: the first starts now, the others are queued in this VS Code window.', tasks));
    }
  }
  lines.push(
    task.report?.enabled && task.report.path
      ? l10n.t('The completion report goes to {0}, as for {1}.', plainText(task.report.path), task.taskId)
      : l10n.t('No completion report, as for {0}.', task.taskId),
  );
  if (release) {
    lines.push(l10n.t('Files not accessed for {0} days are released, as by {1}.', task.daysSinceLastAccess ?? 0, task.taskId));
  }
  if (plan.apart.length > 0 || plan.unnamable > 0) {
    lines.push(l10n.t('Not retried: these need a change first, or they would fail again.'));
    for (const entry of plan.apart) {
      const info = describeErrorCode(entry.code, l10n, task.type);
      lines.push(l10n.t('{0} × {1}: {2}', count(entry.count), plainText(shortened(entry.code, 40)), info.action));
    }
    if (plan.unnamable > 0) {
      lines.push(l10n.t('{0} × a path no task can name (over 4,096 characters, or with a control character): rename the file, then export it.', count(plan.unnamable)));
    }
  }
  if (plan.leftOut > 0) {
    lines.push(l10n.t('{0} more paths did not fit in {1} tasks and are not retried: Show Failed Files lists every failed file.', count(plan.leftOut), MAX_RETRY_TASKS));
  }
  if (summary.cut) {
    lines.push(l10n.t('The report was not read to its end: only the failed files in the part read are retried. Run Retry Failed Files on the new task once it has ended for the rest.'));
  }
  const label = plan.form === 'paths' ? l10n.t('Retry {0} Files', count(plan.files)) : l10n.t('Retry {0} Folders', count(plan.tasks.reduce((sum, paths) => sum + paths.length, 0)));
  return {
    message: release ? l10n.t('Release again the failed files of {0}?', task.taskId) : l10n.t('Export again the failed files of {0}?', task.taskId),
    detail: lines.join('\n'),
    confirmLabel: label,
  };
}

/** Nothing a retry can fix: what each cause needs instead. */
export function nothingToRetryText(plan: RetryPlan, task: Pick<Task, 'taskId' | 'type'>, l10n: L10n): string {
  const parts = plan.apart.map((entry) => l10n.t('{0} ({1} files): {2}', plainText(shortened(entry.code, 40)), entry.count.toLocaleString('en-US'), describeErrorCode(entry.code, l10n, task.type).action));
  if (plan.unnamable > 0) {
    parts.push(l10n.t('{0} files have a path no task can name: rename them first.', plan.unnamable.toLocaleString('en-US')));
  }
  return l10n.t('No failed file of {0} has a cause a retry can fix. {1}', task.taskId, parts.join(' '));
}
