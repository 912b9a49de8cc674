// What the S3 side reads from the emulated account: ended tasks with their reports, and the
// buckets the account names. A narrow interface of its own so the S3 side does not depend on
// how the FSx state is stored; `stateReportSource` adapts today's EmulatorState.

import { lifecycleAt, observeTask } from '../lifecycle';
import { TERMINAL_LIFECYCLES, type CompletionReport, type TaskPlan, type TaskType } from '../model';
import type { EmulatorState } from '../state';
import { parseS3Url } from './location';

export interface EndedTask {
  readonly taskId: string;
  readonly type: TaskType;
  readonly report: CompletionReport;
  /** Final FailedCount: the report's row count. */
  readonly failedCount: number;
  readonly paths: readonly string[];
  readonly failureMessage?: string;
  /** EndTime in ms: the report object's LastModified. */
  readonly endTime: number;
}

export interface ReportSource {
  /** The task, if it exists and has ended. */
  endedTask(taskId: string): EndedTask | undefined;
  /** Every ended task whose report is enabled, in any order. */
  reportedTasks(): Iterable<EndedTask>;
  /** Buckets that exist: those the file systems, associations and task reports name. */
  bucketExists(bucket: string): boolean;
  bucketNames(): readonly string[];
}

export function stateReportSource(state: EmulatorState): ReportSource {
  let bucketCache: { stamp: string; names: ReadonlySet<string> } | undefined;
  const buckets = (): ReadonlySet<string> => {
    // Resources are only ever added, so the counts tell whether the set can have changed.
    const stamp = `${state.fileSystems().length}/${state.associations().length}/${state.taskCount()}`;
    if (bucketCache?.stamp !== stamp) {
      bucketCache = { stamp, names: collectBuckets(state) };
    }
    return bucketCache.names;
  };
  return {
    endedTask(taskId) {
      const plan = state.getTaskPlan(taskId);
      return plan && endedTaskOf(plan, state.now());
    },
    *reportedTasks() {
      const now = state.now();
      for (const plan of state.taskPlansNewestFirst()) {
        if (plan.report.Enabled) {
          const task = endedTaskOf(plan, now);
          if (task) {
            yield task;
          }
        }
      }
    },
    bucketExists: (bucket) => buckets().has(bucket),
    bucketNames: () => [...buckets()].sort(),
  };
}

function endedTaskOf(plan: Readonly<TaskPlan>, now: number): EndedTask | undefined {
  if (!TERMINAL_LIFECYCLES.has(lifecycleAt(plan, now))) {
    return undefined;
  }
  const observed = observeTask(plan, now);
  return {
    taskId: plan.taskId,
    type: plan.type,
    report: plan.report,
    failedCount: observed.status?.failedCount ?? 0,
    paths: plan.paths,
    failureMessage: observed.failureMessage,
    endTime: observed.endTime ?? plan.createdAt,
  };
}

function collectBuckets(state: EmulatorState): ReadonlySet<string> {
  const names = new Set<string>();
  const add = (url: string | undefined): void => {
    const bucket = url === undefined ? undefined : parseS3Url(url)?.bucket;
    if (bucket !== undefined) {
      names.add(bucket);
    }
  };
  for (const fileSystem of state.fileSystems()) {
    add(fileSystem.importPath);
    add(fileSystem.exportPath);
  }
  for (const association of state.associations()) {
    add(association.dataRepositoryPath);
  }
  let lastReport: CompletionReport | undefined;
  for (const plan of state.taskPlansNewestFirst()) {
    // Scenarios share one report object across many tasks.
    if (plan.report !== lastReport) {
      lastReport = plan.report;
      add(plan.report.Path);
    }
  }
  return names;
}
