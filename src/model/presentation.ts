// How a task reads to a person, in one place for the tree, the status bar, quick picks and the
// details document. vscode-free: icons are codicon ids, the views wrap them in ThemeIcons.
import { isTerminal, Lifecycle, StorageResource, Task, TASK_TYPE_LABELS, TASK_TYPE_SHORT_LABELS, taskProgress, TaskType } from '../fsx/model';

export interface LifecycleLook {
  readonly label: string;
  /** A codicon id; `~spin` makes it turn. */
  readonly icon: string;
  /** A theme color id, or undefined for the default foreground. */
  readonly color?: string;
}

const LIFECYCLE_LOOKS: Readonly<Record<Lifecycle, LifecycleLook>> = {
  PENDING: { label: 'Pending', icon: 'loading~spin', color: 'charts.yellow' },
  EXECUTING: { label: 'Executing', icon: 'sync~spin', color: 'charts.blue' },
  CANCELING: { label: 'Canceling', icon: 'gear~spin', color: 'charts.orange' },
  SUCCEEDED: { label: 'Succeeded', icon: 'pass', color: 'testing.iconPassed' },
  FAILED: { label: 'Failed', icon: 'error', color: 'testing.iconFailed' },
  CANCELED: { label: 'Canceled', icon: 'circle-slash', color: 'disabledForeground' },
};

export function lifecycleLook(lifecycle: Lifecycle): LifecycleLook {
  // A lifecycle the API adds later still gets a readable label and a neutral icon.
  return LIFECYCLE_LOOKS[lifecycle] ?? { label: String(lifecycle), icon: 'question' };
}

export function taskTypeLabel(type: string): string {
  return TASK_TYPE_LABELS[type as TaskType] ?? type;
}

export function taskTypeShortLabel(type: string): string {
  return TASK_TYPE_SHORT_LABELS[type as TaskType] ?? type;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** "1,204 / 5,000 files" (with ", 3 failed" when some failed), or undefined before FSx counts. */
export function progressText(task: Task): string | undefined {
  const status = task.status;
  if (!status?.totalCount) {
    return undefined;
  }
  const done = (status.succeededCount ?? 0) + (status.failedCount ?? 0);
  const failed = status.failedCount ? `, ${formatCount(status.failedCount)} failed` : '';
  return `${formatCount(done)} / ${formatCount(status.totalCount)} files${failed}`;
}

/** "42%" while a total is known and the task is not finished. */
export function percentText(task: Task): string | undefined {
  const progress = taskProgress(task);
  if (progress === undefined || isTerminal(task.lifecycle)) {
    return undefined;
  }
  return `${Math.floor(progress * 100)}%`;
}

/** "task-0123…cdef": long enough to tell tasks apart in a status bar. */
export function shortTaskId(taskId: string): string {
  const hex = taskId.replace(/^task-/, '');
  return hex.length <= 10 ? taskId : `task-${hex.slice(0, 4)}…${hex.slice(-4)}`;
}

export function resourceLabel(resource: StorageResource): string {
  return resource.name ? `${resource.name} (${resource.id})` : resource.id;
}

/** A task's one-line summary: "Export to repository · Executing · 1,204 / 5,000 files". */
export function taskSummary(task: Task): string {
  return [taskTypeLabel(task.type), lifecycleLook(task.lifecycle).label, progressText(task)].filter(Boolean).join(' · ');
}

/** "3 min ago", "2 h ago": the age of a time relative to now. */
export function relativeTime(time: Date, now: number): string {
  const seconds = Math.max(0, Math.round((now - time.getTime()) / 1000));
  if (seconds < 60) {
    return 'just now';
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.round(minutes / 60);
  if (hours < 48) {
    return `${hours} h ago`;
  }
  return `${Math.round(hours / 24)} d ago`;
}

/** "1 h 5 min", "42 s": how long something took or has been running. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ${seconds % 60} s`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The console page of a task's file system (tasks have no page of their own). */
export function consoleUrl(task: Task, region: string): string {
  const base = `https://${region}.console.aws.amazon.com/fsx/home?region=${encodeURIComponent(region)}`;
  return task.resource.kind === 'fileCache'
    ? `${base}#file-cache-details/${encodeURIComponent(task.resource.id)}`
    : `${base}#file-system-details/${encodeURIComponent(task.resource.id)}`;
}

/** Where FSx writes the failure report of a task with a report path. */
export function failureReportLocation(task: Task): string | undefined {
  if (!task.report?.enabled || !task.report.path) {
    return undefined;
  }
  return `${task.report.path.replace(/\/$/, '')}/${task.taskId}/failures.csv`;
}
