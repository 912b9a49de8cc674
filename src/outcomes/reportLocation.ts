// Where FSx writes a task's completion report: a rule of its own, free of the S3 client and the
// CSV parser, so the task details (in the activation bundle) show the same location that Show
// Failed Files reads.
import type { Task } from '../fsx/types';

export interface ReportLocation {
  readonly bucket: string;
  readonly key: string;
  /** `s3://bucket/key`, to show and to copy. */
  readonly uri: string;
}

/**
 * Where FSx writes a task's report, `{Report.Path}/{TaskId}/failures.csv` (`report.csv` for an
 * import), plus its s3:// URI. The API reference writes the folder as `task-{id}`: the task id
 * already begins with `task-`, so the folder is the task id itself. The emulator, which writes
 * the reports, keeps its own copy of this rule (the product never imports its emulator); a unit
 * test holds the two equal. Undefined when not an s3:// path.
 */
export function reportLocation(task: Pick<Task, 'taskId' | 'type'> & { readonly report?: { readonly path?: string } }): ReportLocation | undefined {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(task.report?.path?.trim() ?? '');
  if (!match) {
    return undefined;
  }
  const prefix = (match[2] ?? '').replace(/\/+$/, '');
  const bucket = match[1];
  const key = `${prefix === '' ? '' : `${prefix}/`}${task.taskId}/${task.type === 'IMPORT_METADATA_FROM_REPOSITORY' ? 'report.csv' : 'failures.csv'}`;
  return { bucket, key, uri: `s3://${bucket}/${key}` };
}

/** The report object Show Failed Files reads, as an s3:// URI, for a task created with reports on. */
export function reportFileUri(task: Pick<Task, 'taskId' | 'type' | 'report'>): string | undefined {
  return task.report?.enabled ? reportLocation(task)?.uri : undefined;
}
