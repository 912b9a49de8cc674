// Creating a task and what its errors mean to the person who asked. The create call carries the
// caller's ClientRequestToken: calling createTask again with the same input (a Retry button, a
// lost response) answers with the same task instead of a second one.
import { classifyError, FsxError, isFsxError, withServiceDetail } from './errors';
import { L10n } from './l10n';
import { CreateTaskInput, FsxApi, ResourceRef, Task } from './types';
import { plainText } from './outsideText';

export type CreateOutcome =
  | { readonly kind: 'started'; readonly task: Task }
  /**
   * DataRepositoryTaskExecuting: `running` is the task in the way (offer to track or cancel it);
   * undefined when none is listed (automatic export can hold the file system as well).
   */
  | { readonly kind: 'busy'; readonly running?: Task; readonly error: FsxError };

/** CreateDataRepositoryTask; a task already running comes back as `busy`, every other error is thrown as an FsxError. */
export async function createTask(api: FsxApi, input: CreateTaskInput, signal?: AbortSignal): Promise<CreateOutcome> {
  try {
    return { kind: 'started', task: await api.createTask(input, signal) };
  } catch (error) {
    if (!isFsxError(error, 'taskExecuting')) {
      throw error;
    }
    // Which task is in the way is a courtesy: when it cannot be listed, say so without it.
    const running = await findRunningTask(api, { kind: 'fileSystem', id: input.fileSystemId }, signal).catch(() => undefined);
    return { kind: 'busy', running, error };
  }
}

/** The task that keeps a new one from starting: the EXECUTING one, else the oldest PENDING one. */
export async function findRunningTask(api: FsxApi, resource: ResourceRef, signal?: AbortSignal): Promise<Task | undefined> {
  const page = await api.listTasks(resource, { lifecycles: ['PENDING', 'EXECUTING'] }, signal);
  return page.tasks.find((task) => task.lifecycle === 'EXECUTING') ?? page.tasks.at(-1);
}

/** What a busy outcome tells the person; `canQueue` where Queue is offered beside Track and Cancel (the start flow). */
export function busyMessage(outcome: Extract<CreateOutcome, { kind: 'busy' }>, l10n: L10n, canQueue = false): string {
  if (!outcome.running) {
    return l10n.t('FSx says a task is already running on this file system, but none is listed (automatic export may be busy). Try again in a few minutes.');
  }
  const args = [plainText(outcome.running.taskId), plainText(outcome.running.type), plainText(outcome.running.lifecycle)] as const;
  return canQueue
    ? l10n.t('Task {0} ({1}) is already {2} on this file system; FSx runs one task at a time. Queue this start to run when it ends, track it, or cancel it and start again.', ...args)
    : l10n.t('Task {0} ({1}) is already {2} on this file system; FSx runs one task at a time. Track it, or cancel it and start again.', ...args);
}

/** A create error in one sentence with its next step, then what FSx said and the request id. */
export function createTaskErrorMessage(error: FsxError, l10n: L10n): string {
  const base = createErrorBase(error, l10n);
  if (base === undefined) {
    return error.userMessageIn(l10n);
  }
  // What FSx said is outside text: it may carry link or icon syntax.
  return withServiceDetail(base, error, l10n);
}

function createErrorBase(error: FsxError, l10n: L10n): string | undefined {
  switch (error.code) {
    case 'IncompatibleParameterError':
      // The model names this error for one case: a ClientRequestToken reused with other parameters.
      return l10n.t('FSx already has a request with this token and different settings, so it started nothing. Start the task again from the beginning.');
    case 'ServiceLimitExceeded':
      return l10n.t('An FSx service limit was reached (such as the number of tasks kept per file system). Wait for running tasks to end, or ask AWS for a higher quota.');
    case 'UnsupportedOperation':
      return l10n.t('FSx does not support this task on this file system (its deployment type or Lustre version may not allow it, or no S3 bucket is linked).');
    case 'FileSystemNotFound':
      return l10n.t('The file system no longer exists. Refresh the view.');
    case 'BadRequest':
      return l10n.t('FSx rejected the request as invalid. Check the paths, the report path and the file system’s state, then start again.');
    case 'DataRepositoryTaskExecuting':
      return busyMessage({ kind: 'busy', error }, l10n);
    default:
      return undefined;
  }
}

/**
 * A queued start's send (tracking/startQueue.ts): started, still behind a listed running task, or
 * refused in FSx's words (busy with no task listed counts as refused: nothing would wake it).
 */
export async function sendQueuedStart(api: FsxApi, input: CreateTaskInput, l10n: L10n): Promise<{ kind: 'started'; task: Task } | { kind: 'busy'; running: Task } | { kind: 'refused'; message: string }> {
  try {
    const outcome = await createTask(api, input);
    if (outcome.kind === 'started') {
      return outcome;
    }
    return outcome.running ? { kind: 'busy', running: outcome.running } : { kind: 'refused', message: busyMessage(outcome, l10n) };
  } catch (error) {
    return { kind: 'refused', message: createTaskErrorMessage(classifyError(error, 'CreateDataRepositoryTask'), l10n) };
  }
}
