import { FsxApi, Task } from './model';
import { collectPages } from './pages';

/** Enough for any picker; a connection with more active tasks shows the newest this many. */
export const ACTIVE_TASKS_LIMIT = 500;

/**
 * Every PENDING or EXECUTING task of a connection, newest first, with one filter on lifecycle
 * and none on file system: one call per 50 tasks instead of one per file system.
 */
export async function listActiveTasks(api: FsxApi, signal?: AbortSignal, limit = ACTIVE_TASKS_LIMIT): Promise<Task[]> {
  return collectPages(async (nextToken) => {
    const page = await api.listTasks(undefined, { lifecycles: ['PENDING', 'EXECUTING'], nextToken }, signal);
    return { items: page.tasks, nextToken: page.nextToken };
  }, limit);
}
