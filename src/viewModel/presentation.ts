// How a task reads to a person, in one place for the tree, the status bar, quick picks and the
// details document. vscode-free: icons are codicon ids (the views wrap them in ThemeIcons), and
// words go through an injected L10n, `vscode.l10n` in the extension, English in plain-Node tests.
// Every word is a literal string in an `l10n.t` call, so the l10n tools can extract them.
import { ENGLISH, L10n } from '../fsx/l10n';
import { isPlausibleRegion, Partition, partitionOf } from '../fsx/regions';
import { canRetryFailedFiles } from '../outcomes/retryable';
import { FILE_CACHE_ID_PATTERN, FILE_SYSTEM_ID_PATTERN, isTerminal, Lifecycle, Task, taskProgress } from '../fsx/types';

export { ENGLISH, type L10n };

export interface LifecycleLook {
  readonly label: string;
  /** A codicon id; `~spin` makes it turn. */
  readonly icon: string;
  /** A theme color id, or undefined for the default foreground. */
  readonly color?: string;
}

const LIFECYCLE_ICONS: Readonly<Record<Lifecycle, Omit<LifecycleLook, 'label'>>> = {
  PENDING: { icon: 'loading~spin', color: 'charts.yellow' },
  EXECUTING: { icon: 'sync~spin', color: 'charts.blue' },
  CANCELING: { icon: 'gear~spin', color: 'charts.orange' },
  SUCCEEDED: { icon: 'pass', color: 'testing.iconPassed' },
  FAILED: { icon: 'error', color: 'testing.iconFailed' },
  CANCELED: { icon: 'circle-slash', color: 'disabledForeground' },
};

/** The words for tasks in one language; built once by the views with `vscode.l10n`. */
export type TaskText = ReturnType<typeof createTaskText>;

export function createTaskText(l10n: L10n) {
  const lifecycleLabel = (lifecycle: Lifecycle): string => {
    switch (lifecycle) {
      case 'PENDING':
        return l10n.t('Pending');
      case 'EXECUTING':
        return l10n.t('Executing');
      case 'CANCELING':
        return l10n.t('Canceling');
      case 'SUCCEEDED':
        return l10n.t('Succeeded');
      case 'FAILED':
        return l10n.t('Failed');
      case 'CANCELED':
        return l10n.t('Canceled');
      default:
        // A lifecycle the API adds later still reads as itself.
        return String(lifecycle);
    }
  };
  const typeLabel = (type: string): string => {
    switch (type) {
      case 'EXPORT_TO_REPOSITORY':
        return l10n.t('Export to repository');
      case 'IMPORT_METADATA_FROM_REPOSITORY':
        return l10n.t('Import metadata');
      case 'RELEASE_DATA_FROM_FILESYSTEM':
        return l10n.t('Release data');
      case 'AUTO_RELEASE_DATA':
        return l10n.t('Auto release data');
      default:
        return type;
    }
  };
  /** For the tree and the status bar, where width is scarce. */
  const typeShortLabel = (type: string): string => {
    switch (type) {
      case 'EXPORT_TO_REPOSITORY':
        return l10n.t('Export');
      case 'IMPORT_METADATA_FROM_REPOSITORY':
        return l10n.t('Import');
      case 'RELEASE_DATA_FROM_FILESYSTEM':
        return l10n.t('Release');
      case 'AUTO_RELEASE_DATA':
        return l10n.t('Auto-release');
      default:
        return type;
    }
  };
  /** "1,204 / 5,000 files" (with ", 3 failed" when some failed), or undefined before FSx counts. */
  const progress = (task: Task): string | undefined => {
    const status = task.status;
    if (!status?.totalCount) {
      return undefined;
    }
    const done = formatCount((status.succeededCount ?? 0) + (status.failedCount ?? 0));
    const total = formatCount(status.totalCount);
    return status.failedCount
      ? l10n.t('{0} / {1} files, {2} failed', done, total, formatCount(status.failedCount))
      : l10n.t('{0} / {1} files', done, total);
  };
  /** "3 min ago", "2 h ago": the age of a time relative to now. */
  const relativeTime = (time: Date, now: number): string => {
    const seconds = Math.max(0, Math.round((now - time.getTime()) / 1000));
    if (seconds < 60) {
      return l10n.t('just now');
    }
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) {
      return l10n.t('{0} min ago', minutes);
    }
    const hours = Math.round(minutes / 60);
    return hours < 48 ? l10n.t('{0} h ago', hours) : l10n.t('{0} d ago', Math.round(hours / 24));
  };
  return {
    lifecycleLabel,
    relativeTime,
    typeLabel,
    typeShortLabel,
    progress,
    // An own-property lookup: a lifecycle from the API such as `__proto__` or `constructor` is unknown, not Object's.
    lifecycleLook: (lifecycle: Lifecycle): LifecycleLook => ({ label: lifecycleLabel(lifecycle), ...(Object.hasOwn(LIFECYCLE_ICONS, lifecycle) ? LIFECYCLE_ICONS[lifecycle] : { icon: 'question' }) }),
    /** "Export to repository task-0123…, Executing, 1,204 / 5,000 files": a row for a screen reader. */
    accessibleLabel: (task: Task, state = lifecycleLabel(task.lifecycle)): string =>
      [`${typeLabel(task.type)} ${task.taskId}`, state, progress(task)].filter(Boolean).join(', '),
    /**
     * A task row's label: what a person scans for, kept short so the side bar never cuts it:
     * the state, the percent while it runs, failed files once it ended, and "tracked".
     */
    rowLabel: (task: Task, tracked: boolean): string => {
      const failed = task.status?.failedCount ?? 0;
      const running = percentText(task);
      const state = lifecycleLabel(task.lifecycle);
      const shown = running
        ? `${state} ${running}`
        : isTerminal(task.lifecycle) && failed > 0
          ? task.lifecycle === 'FAILED'
            ? l10n.t('{0}: {1} files', state, formatCount(failed))
            : l10n.t('{0}, {1} failed', state, formatCount(failed))
          : state;
      return tracked ? l10n.t('{0} · tracked', shown) : shown;
    },
    /** The rest of the row, which may be cut: type, age, short id (the tooltip has it all). */
    rowDescription: (task: Task, now: number): string => [typeShortLabel(task.type), relativeTime(task.creationTime, now), shortTaskId(task.taskId)].join(' · '),
    /** "1 h 5 min", "42 s": how long something took or has been running. */
    duration: (ms: number): string => {
      const seconds = Math.max(0, Math.round(ms / 1000));
      if (seconds < 60) {
        return l10n.t('{0} s', seconds);
      }
      const minutes = Math.floor(seconds / 60);
      return minutes < 60 ? l10n.t('{0} min {1} s', minutes, seconds % 60) : l10n.t('{0} h {1} min', Math.floor(minutes / 60), minutes % 60);
    },
  };
}

/**
 * `task.<LIFECYCLE>`, then `.tracked` when tracked, then `.report` when it has a failure report, then
 * `.retry` when its failed files can be retried: package.json menus match these exactly.
 */
export function taskContextValue(task: Pick<Task, 'lifecycle'> & Partial<Pick<Task, 'report' | 'status' | 'type'>>, tracked: boolean): string {
  const report = hasFailureReport(task);
  // `.retry`: an export or release whose failed files a new task can retry (outcomes/retryable.ts).
  const retry = report && task.type !== undefined && canRetryFailedFiles({ type: task.type });
  return `task.${task.lifecycle}${tracked ? '.tracked' : ''}${report ? '.report' : ''}${retry ? '.retry' : ''}`;
}

/**
 * Has the task ended with a report that lists failed files? FSx writes the report when a task
 * ends, so only ended tasks qualify: with failed files, or FAILED (whose count may be missing).
 */
export function hasFailureReport(task: Pick<Task, 'lifecycle'> & Partial<Pick<Task, 'report' | 'status'>>): boolean {
  return !!task.report?.enabled && isTerminal(task.lifecycle) && (task.lifecycle === 'FAILED' || (task.status?.failedCount ?? 0) > 0);
}

/** Text without its `$(codicon)` icons, for titles and accessible labels. */
export function stripCodicons(text: string): string {
  return text.replace(/\$\([^)]*\)\s*/g, '').trim();
}

// Made on first use, for what is not a whole number: constructing an Intl formatter loads ICU data.
let numberFormat: Intl.NumberFormat | undefined;

/**
 * "12,345", as Intl.NumberFormat('en-US') writes it. Whole numbers are grouped here: the first
 * formatter built in the extension host took 20-30 ms, paid by the first task row drawn.
 */
export function formatCount(value: number): string {
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
    return (value < 0 ? '-' : '') + String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
  }
  numberFormat ??= new Intl.NumberFormat('en-US');
  return numberFormat.format(value);
}

/**
 * "42%" while a total is known and the task runs. Not while it cancels: "Canceling 11%" would
 * read as if the cancel were 11% done.
 */
export function percentText(task: Task): string | undefined {
  const progress = taskProgress(task);
  if (progress === undefined || isTerminal(task.lifecycle) || task.lifecycle === 'CANCELING') {
    return undefined;
  }
  return `${Math.floor(progress * 100)}%`;
}

/** "task-0123…cdef": long enough to tell tasks apart in a status bar. */
export function shortTaskId(taskId: string): string {
  const hex = taskId.replace(/^task-/, '');
  return hex.length <= 10 ? taskId : `task-${hex.slice(0, 4)}…${hex.slice(-4)}`;
}

/** The console's host in each partition: a region becomes part of the commercial one, so only a region name is used. */
const CONSOLE_HOSTS: Readonly<Record<Partition, (region: string) => string>> = {
  aws: (region) => `${region}.console.aws.amazon.com`,
  'aws-us-gov': () => 'console.amazonaws-us-gov.com',
  'aws-cn': () => 'console.amazonaws.cn',
};

/**
 * The AWS Console page of a task's file system or cache (tasks have no page of their own), or
 * undefined when the region is no region name or the resource id is malformed (both come from
 * outside: a connection, an answer).
 */
export function consoleUrl(task: Task, region: string): string | undefined {
  const resourcePattern = task.resource.kind === 'fileCache' ? FILE_CACHE_ID_PATTERN : FILE_SYSTEM_ID_PATTERN;
  if (!isPlausibleRegion(region) || !resourcePattern.test(task.resource.id)) {
    return undefined;
  }
  const base = `https://${CONSOLE_HOSTS[partitionOf(region)](region)}/fsx/home?region=${region}`;
  return task.resource.kind === 'fileCache' ? `${base}#file-cache-details/${task.resource.id}` : `${base}#file-system-details/${task.resource.id}`;
}
