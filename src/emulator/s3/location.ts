// Where FSx puts a task's completion report: `{Report.Path}/{TaskId}/failures.csv` (export,
// release) or `report.csv` (import). Pure, so the extension can use it to find a report too.

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

export interface ReportedTask {
  readonly taskId: string;
  readonly type: string;
  readonly report: { readonly Enabled: boolean; readonly Path?: string };
}

/** `s3://bucket/some/prefix/` -> { bucket, key: 'some/prefix' }; undefined when not an S3 URL. */
export function parseS3Url(url: string): S3Location | undefined {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!match) {
    return undefined;
  }
  return { bucket: match[1], key: (match[2] ?? '').replace(/\/+$/, '') };
}

export function reportFileName(type: string): 'report.csv' | 'failures.csv' {
  return type === 'IMPORT_METADATA_FROM_REPOSITORY' ? 'report.csv' : 'failures.csv';
}

/** The object a task's report is written to, or undefined when its report is off or not on S3. */
export function reportLocation(task: ReportedTask): S3Location | undefined {
  if (!task.report.Enabled || task.report.Path === undefined) {
    return undefined;
  }
  const base = parseS3Url(task.report.Path);
  if (!base) {
    return undefined;
  }
  const prefix = base.key === '' ? '' : `${base.key}/`;
  return { bucket: base.bucket, key: `${prefix}${task.taskId}/${reportFileName(task.type)}` };
}

/** The task id a report key names, if it has the shape of one. */
export function taskIdOfReportKey(key: string): string | undefined {
  return /(?:^|\/)(task-[0-9a-f]{17,})\/(?:failures|report)\.csv$/.exec(key)?.[1];
}
