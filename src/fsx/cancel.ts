// CancelDataRepositoryTask, with its one answer that is not a failure: DataRepositoryTaskEnded
// means the task finished before the cancel reached FSx (docs/ARCHITECTURE.md, cancel facts).
import { classifyError } from './errors';
import { FsxApi, Lifecycle } from './types';

export type CancelOutcome =
  /** FSx took the cancel; normally it answers CANCELING. */
  | { readonly accepted: true; readonly lifecycle: Lifecycle }
  /** The task had already ended: nothing was changed. */
  | { readonly accepted: false };

export async function requestCancel(api: Pick<FsxApi, 'cancelTask'>, taskId: string, signal?: AbortSignal): Promise<CancelOutcome> {
  try {
    return { accepted: true, lifecycle: await api.cancelTask(taskId, signal) };
  } catch (error) {
    if (classifyError(error, 'CancelDataRepositoryTask').kind === 'taskEnded') {
      return { accepted: false };
    }
    throw error;
  }
}
