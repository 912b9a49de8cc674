import { FsxApi, Task, Lifecycle } from './types';
import { collectPages } from './pages';

/** Enough for any picker; a connection with more active tasks shows the newest this many. */
export const ACTIVE_TASKS_LIMIT = 500;

/** How far back a pick of ended tasks looks: the newest this many per connection. */
export const ENDED_TASKS_LIMIT = 100;

const ENDED: readonly Lifecycle[] = ['SUCCEEDED', 'FAILED', 'CANCELED'];

/**
 * Every PENDING or EXECUTING task of a connection, newest first, with one filter on lifecycle
 * and none on file system: one call per 50 tasks instead of one per file system.
 */
export async function listActiveTasks(api: FsxApi, signal?: AbortSignal, limit = ACTIVE_TASKS_LIMIT): Promise<Task[]> {
  return listTasksIn(api, ['PENDING', 'EXECUTING'], limit, signal);
}

/** The newest ended (SUCCEEDED, FAILED, CANCELED) tasks of a connection, the same way. */
export async function listEndedTasks(api: FsxApi, signal?: AbortSignal, limit = ENDED_TASKS_LIMIT): Promise<Task[]> {
  return listTasksIn(api, ENDED, limit, signal);
}

function listTasksIn(api: FsxApi, lifecycles: readonly Lifecycle[], limit: number, signal?: AbortSignal): Promise<Task[]> {
  return collectPages('DescribeDataRepositoryTasks', async (nextToken) => {
    const page = await api.listTasks(undefined, { lifecycles, nextToken }, signal);
    return { items: page.tasks, nextToken: page.nextToken };
  }, limit);
}
