// The explorer's task filter: what it keeps, what part of it FSx can apply, how it reads, and how
// it is stored. vscode-free, tested in plain Node.
//
// Only the lifecycle can be sent to FSx (the `task-lifecycle` filter); there is no filter by type
// or text, so those filter the pages already loaded. The `task-lifecycle` filter documents no
// CANCELING value (docs/ARCHITECTURE.md), so a filter that includes Canceling is applied to the
// loaded pages only: sending the other values would drop the canceling tasks.
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { isLifecycle, Lifecycle, LIFECYCLES, ResourceRef, Task } from '../fsx/types';
import { createTaskText } from './presentation';

export interface TaskFilter {
  /** Keep tasks in these lifecycles; undefined or empty keeps every lifecycle. */
  readonly lifecycles?: readonly Lifecycle[];
  /** Keep tasks of these types (wire values); undefined or empty keeps every type. */
  readonly types?: readonly string[];
  /** Keep tasks whose id or a path contains this, or whose file system's id or name does (any case). */
  readonly text?: string;
}

export const NO_FILTER: TaskFilter = Object.freeze({});

/** The filter text is quoted in the view's message up to this length. */
const FILTER_TEXT_SHOWN = 100;

/** "Active only": the tasks that can still be canceled, and the ones FSx can filter on. */
export const ACTIVE_LIFECYCLES: readonly Lifecycle[] = ['PENDING', 'EXECUTING'];

export function isFiltering(filter: TaskFilter): boolean {
  return !!filter.lifecycles?.length || !!filter.types?.length || !!filter.text?.trim();
}

export function isActiveOnly(filter: TaskFilter): boolean {
  return sameSet(filter.lifecycles ?? [], ACTIVE_LIFECYCLES);
}

/** The lifecycles to send as the `task-lifecycle` filter, or undefined to send none. */
export function apiLifecycles(filter: TaskFilter): readonly Lifecycle[] | undefined {
  const lifecycles = filter.lifecycles ?? [];
  if (lifecycles.length === 0 || lifecycles.length === LIFECYCLES.length || lifecycles.includes('CANCELING')) {
    return undefined;
  }
  return [...lifecycles].sort();
}

/** Caches of task pages are valid for one value of this: pages fetched under another differ. */
export function apiFilterKey(filter: TaskFilter): string {
  return (apiLifecycles(filter) ?? []).join(',');
}

/** The file system or cache a task belongs to, as far as the text filter looks at it. */
export interface ResourceNaming extends ResourceRef {
  readonly name?: string;
}

export function matchesFilter(filter: TaskFilter, task: Task, resource?: ResourceNaming): boolean {
  if (filter.lifecycles?.length && !filter.lifecycles.includes(task.lifecycle)) {
    return false;
  }
  if (filter.types?.length && !filter.types.includes(task.type)) {
    return false;
  }
  const text = filter.text?.trim().toLowerCase();
  if (!text) {
    return true;
  }
  const haystack = [task.taskId, ...task.paths, task.resource.id, resource?.name ?? ''];
  return haystack.some((value) => value.toLowerCase().includes(text));
}

/** What the view's description says about the filter: "Active · Export to repository · "logs"". */
export function describeFilter(filter: TaskFilter, l10n: L10n): string | undefined {
  if (!isFiltering(filter)) {
    return undefined;
  }
  const text = createTaskText(l10n);
  const parts: string[] = [];
  if (isActiveOnly(filter)) {
    parts.push(l10n.t('Active'));
  } else if (filter.lifecycles?.length) {
    parts.push(filter.lifecycles.map((lifecycle) => text.lifecycleLook(lifecycle).label).join(', '));
  }
  if (filter.types?.length) {
    parts.push(filter.types.map((type) => text.typeLabel(type)).join(', '));
  }
  if (filter.text?.trim()) {
    // Typed, or restored from the workspace's state: plain text in the view's message and description.
    parts.push(`"${plainText(filter.text.trim(), FILTER_TEXT_SHOWN)}"`);
  }
  return l10n.t('Filter: {0}', parts.join(' · '));
}

/** The view's description: the sandbox and the filter in force, in one place. */
export function viewDescription(sandbox: boolean, filter: TaskFilter, l10n: L10n): string | undefined {
  const parts = [sandbox ? l10n.t('Sandbox') : undefined, describeFilter(filter, l10n)].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The line above the rows while a filter hides some: what it keeps and how to undo it. */
export function filterMessage(filter: TaskFilter, l10n: L10n): string | undefined {
  const described = describeFilter(filter, l10n);
  return described && l10n.t('{0}. Clear Filter is on the view title.', described);
}

/** A filter read back from storage (another version may have written it): anything odd is dropped. */
export function normalizeFilter(value: unknown): TaskFilter {
  if (typeof value !== 'object' || value === null) {
    return NO_FILTER;
  }
  const raw = value as Record<string, unknown>;
  const lifecycles = Array.isArray(raw.lifecycles) ? [...new Set(raw.lifecycles.filter(isLifecycle))] : [];
  const types = Array.isArray(raw.types) ? [...new Set(raw.types.filter((type): type is string => typeof type === 'string' && /^[A-Z_]+$/.test(type)))] : [];
  const text = typeof raw.text === 'string' ? raw.text.trim().slice(0, 200) : '';
  return {
    ...(lifecycles.length > 0 ? { lifecycles } : {}),
    ...(types.length > 0 ? { types } : {}),
    ...(text ? { text } : {}),
  };
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && b.every((value) => a.includes(value));
}
