// Which failed files a retry can fix, apart from the plan (retryPlan.ts) so the tree's context
// values can say "retryable" without loading the planner at activation.
import type { Task } from '../fsx/types';

/**
 * What a retry can fix, from the FSx user guide ("Troubleshooting data repository task failures",
 * "Data repository event logs"): a file another client was writing (ResourceBusy), an internal
 * error (InternalError; the event log's table spells it INTERNAL_ERROR), an S3 error other than
 * access denied (S3Error, such as throttling). Everything else needs a change first.
 */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['ResourceBusy', 'InternalError', 'INTERNAL_ERROR', 'S3Error']);

/** The task types whose failed files a new task can retry: their Paths are file system paths. */
export const RETRYABLE_TYPES: ReadonlySet<string> = new Set(['EXPORT_TO_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM']);

export type RetryCause = 'retry' | 'change';

export function retryCause(code: string): RetryCause {
  return RETRYABLE_CODES.has(code) ? 'retry' : 'change';
}

/** Can this task's failed files be retried (an export or release that ended with a report of failures)? */
export function canRetryFailedFiles(task: Pick<Task, 'type'>): boolean {
  return RETRYABLE_TYPES.has(task.type);
}

