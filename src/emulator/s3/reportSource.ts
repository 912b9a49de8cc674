// What the S3 side reads from the emulated account: ended tasks with their reports, and the
// buckets the account names. A narrow interface of its own so the S3 side does not depend on
// how the FSx records are stored; `storeReportSource` adapts the EmulatorStore (its TaskReader
// view for tasks).

import type { CompletionReport, TaskType } from '../apiModel';
import type { TaskSnapshot } from '../records';
import type { EmulatorStore } from '../store';
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
  bucketNames(): ReadonlySet<string>;
}

const ENDED: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'CANCELED']);

export function storeReportSource(store: EmulatorStore): ReportSource {
  return {
    endedTask(taskId) {
      const snapshot = store.getTask(taskId);
      return snapshot && ENDED.has(snapshot.lifecycle) ? endedTaskOf(snapshot) : undefined;
    },
    reportedTasks: () => store.endedTasks().filter((snapshot) => snapshot.report.Enabled).map(endedTaskOf),
    bucketNames: () => collectBuckets(store),
  };
}

function endedTaskOf(snapshot: TaskSnapshot): EndedTask {
  return {
    taskId: snapshot.taskId,
    type: snapshot.type,
    report: snapshot.report,
    failedCount: snapshot.status?.failedCount ?? 0,
    paths: snapshot.paths,
    failureMessage: snapshot.failureMessage,
    endTime: snapshot.endTime ?? snapshot.creationTime,
  };
}

function collectBuckets(store: EmulatorStore): ReadonlySet<string> {
  const names = new Set<string>();
  const add = (url: string | undefined): void => {
    const bucket = url === undefined ? undefined : parseS3Url(url)?.bucket;
    if (bucket !== undefined) {
      names.add(bucket);
    }
  };
  for (const fileSystem of store.fileSystems()) {
    add(fileSystem.dataRepository?.importPath);
    add(fileSystem.dataRepository?.exportPath);
  }
  for (const association of store.associations()) {
    add(association.dataRepositoryPath);
  }
  let lastReport: CompletionReport | undefined;
  for (const plan of store.taskPlansNewestFirst()) {
    // Scenarios share one report object across many tasks.
    if (plan.report !== lastReport) {
      lastReport = plan.report;
      add(plan.report.Path);
    }
  }
  return names;
}
