// What the chat's FSx tools accept, checked before anything is asked of FSx. The input schemas in
// package.json say the same to the model, but a tool's input is outside text whatever VS Code
// checked: each field is checked here again, with the rules the UI uses (task ids as typed into
// a pick, resource and association ids as a handed-over command argument, paths, days and the
// report through fsx/taskRequest.ts when the task is built). vscode-free.
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { Checked, STARTABLE_TASK_TYPES, StartableTaskType } from '../fsx/taskRequest';
import { isValidTaskId, Lifecycle, MAX_TASK_PATHS, normalizeTaskId, ResourceRef, shortened, TASK_TYPES } from '../fsx/types';
import { handedAssociation, handedResource } from './handedTarget';

/** The longest text filter the task filter keeps (viewModel/taskFilter.ts normalizeFilter). */
export const CHAT_TEXT_FILTER_MAX = 200;

export interface TaskListInput {
  readonly lifecycles?: readonly Lifecycle[];
  readonly types?: readonly string[];
  readonly resource?: ResourceRef;
  readonly text?: string;
}

export interface StartInput {
  readonly type: StartableTaskType;
  readonly resource: ResourceRef;
  readonly associationId?: string;
  readonly paths: readonly string[];
  /** Release only; undefined means 0 (release however recently used), as the flow's empty box. */
  readonly days?: string;
  /** 'default', 'none', or a report path (checked against the target when the task is built). */
  readonly report?: string;
}

type Fields = Record<string, unknown>;

function fields(input: unknown): Fields {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Fields) : {};
}

function fail<T>(message: string): Checked<T> {
  return { ok: false, message };
}

/** Names an unknown field: the model misspelled one, and a silently ignored filter would mislead. */
function unknownField(input: Fields, known: readonly string[], l10n: L10n): string | undefined {
  const extra = Object.keys(input).find((key) => !known.includes(key));
  return extra === undefined ? undefined : l10n.t('Unknown input field "{0}". The fields are: {1}.', plainText(shortened(extra)), known.join(', ') || l10n.t('none'));
}

/** A task id as the task pick takes a typed one: compatibility forms folded, then its documented shape. */
export function checkTaskIdInput(input: unknown, l10n: L10n): Checked<string> {
  const value = fields(input);
  const extra = unknownField(value, ['taskId'], l10n);
  if (extra) {
    return fail(extra);
  }
  if (typeof value.taskId !== 'string') {
    return fail(l10n.t('Give taskId, a task ID such as task-0123456789abcdef0 (list tasks with the task list tool).'));
  }
  const taskId = normalizeTaskId(value.taskId);
  if (!isValidTaskId(taskId)) {
    return fail(l10n.t('"{0}" is not a task ID: expected "task-" followed by 17 to 123 hexadecimal digits.', plainText(shortened(value.taskId.trim()))));
  }
  return { ok: true, value: taskId };
}

/** A file system (`fs-`) or File Cache (`fc-`) id, checked as a handed-over resource is. */
function resourceOf(id: unknown, l10n: L10n): Checked<ResourceRef> {
  const text = typeof id === 'string' ? id.trim() : '';
  const named = handedResource({ kind: text.startsWith('fc-') ? 'fileCache' : 'fileSystem', id: text });
  return named
    ? { ok: true, value: named }
    : fail(l10n.t('"{0}" is not a file system ID (fs- followed by at least 8 hexadecimal digits) or a File Cache ID (fc-...).', plainText(shortened(String(id ?? '')))));
}

export function checkResourceInput(input: unknown, l10n: L10n): Checked<ResourceRef> {
  const value = fields(input);
  const extra = unknownField(value, ['fileSystemId'], l10n);
  return extra ? fail(extra) : resourceOf(value.fileSystemId, l10n);
}

/** An optional list of strings, each one of `allowed`. */
function listOf<T extends string>(value: unknown, name: string, allowed: readonly T[], l10n: L10n): Checked<readonly T[] | undefined> {
  if (value === undefined) {
    return { ok: true, value: undefined };
  }
  const wrong = Array.isArray(value) ? value.find((item) => typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) : value;
  if (!Array.isArray(value) || wrong !== undefined) {
    return fail(l10n.t('{0} takes a list of these values: {1}. "{2}" is not one.', name, allowed.join(', '), plainText(shortened(String(wrong)))));
  }
  return { ok: true, value: [...new Set(value as T[])] };
}

export function checkTaskListInput(input: unknown, l10n: L10n): Checked<TaskListInput> {
  const value = fields(input);
  const extra = unknownField(value, ['lifecycles', 'types', 'fileSystemId', 'text'], l10n);
  if (extra) {
    return fail(extra);
  }
  const lifecycles = listOf(value.lifecycles, 'lifecycles', LIFECYCLE_VALUES, l10n);
  if (!lifecycles.ok) {
    return lifecycles;
  }
  const types = listOf(value.types, 'types', TASK_TYPES, l10n);
  if (!types.ok) {
    return types;
  }
  const resource = value.fileSystemId === undefined ? undefined : resourceOf(value.fileSystemId, l10n);
  if (resource && !resource.ok) {
    return resource;
  }
  if (value.text !== undefined && (typeof value.text !== 'string' || value.text.length > CHAT_TEXT_FILTER_MAX)) {
    return fail(l10n.t('text is a string of at most {0} characters.', CHAT_TEXT_FILTER_MAX));
  }
  const text = typeof value.text === 'string' && value.text.trim() !== '' ? value.text.trim() : undefined;
  return { ok: true, value: { lifecycles: lifecycles.value, types: types.value, resource: resource?.value, text } };
}

const LIFECYCLE_VALUES: readonly Lifecycle[] = ['PENDING', 'EXECUTING', 'CANCELING', 'SUCCEEDED', 'FAILED', 'CANCELED'];

/** Only what a person can start (File Caches start their own AUTO_RELEASE_DATA). */
export function checkStartInput(input: unknown, l10n: L10n): Checked<StartInput> {
  const value = fields(input);
  const extra = unknownField(value, ['type', 'fileSystemId', 'associationId', 'paths', 'releaseDaysSinceLastAccess', 'report'], l10n);
  if (extra) {
    return fail(extra);
  }
  if (typeof value.type !== 'string' || !(STARTABLE_TASK_TYPES as readonly string[]).includes(value.type)) {
    return fail(l10n.t('type is one of {0}.', STARTABLE_TASK_TYPES.join(', ')));
  }
  const type = value.type as StartableTaskType;
  const resource = resourceOf(value.fileSystemId, l10n);
  if (!resource.ok) {
    return resource;
  }
  let associationId: string | undefined;
  if (value.associationId !== undefined) {
    const named = handedAssociation({ associationId: value.associationId });
    if (!named || !('associationId' in named)) {
      return fail(l10n.t('"{0}" is not an association ID (dra- followed by at least 8 hexadecimal digits).', plainText(shortened(String(value.associationId)))));
    }
    associationId = named.associationId;
  }
  const paths = value.paths ?? [];
  if (!Array.isArray(paths) || paths.some((path) => typeof path !== 'string')) {
    return fail(l10n.t('paths is a list of strings (at most {0}); leave it out for all of the file system.', MAX_TASK_PATHS));
  }
  const days = value.releaseDaysSinceLastAccess;
  if (days !== undefined && type !== 'RELEASE_DATA_FROM_FILESYSTEM') {
    return fail(l10n.t('releaseDaysSinceLastAccess applies to RELEASE_DATA_FROM_FILESYSTEM only.'));
  }
  if (days !== undefined && typeof days !== 'number' && typeof days !== 'string') {
    return fail(l10n.t('releaseDaysSinceLastAccess is a whole number of days, 0 or more.'));
  }
  if (value.report !== undefined && typeof value.report !== 'string') {
    return fail(l10n.t('report is "default", "none" or an s3:// path inside the export path.'));
  }
  return {
    ok: true,
    value: { type, resource: resource.value, associationId, paths: paths as string[], days: days === undefined ? undefined : String(days), report: value.report as string | undefined },
  };
}
