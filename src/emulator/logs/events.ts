// What the emulator writes as FSx for Lustre's data repository events. The stream name
// (`datarepo_<file system id>`), the error codes and their log levels are the FSx for Lustre user
// guide's ("Logging with Amazon CloudWatch Logs", "Data repository event logs"); the guide shows
// no event's JSON, so these field names are the emulator's (docs/ARCHITECTURE.md, "Data
// repository event log": unverified), and the extension reads them tolerantly.

export interface DataRepositoryEventSpec {
  readonly timestamp: number;
  readonly fileSystemId: string;
  readonly associationId?: string;
  /** AUTO_EXPORT, AUTO_IMPORT or a task's type. */
  readonly operation: string;
  readonly level: 'ERROR' | 'WARN';
  /** The guide's code, e.g. S3ExportAccessDenied. */
  readonly errorCode: string;
  readonly message: string;
  /** The file's path on the file system (leading slash). */
  readonly path?: string;
  readonly s3Path?: string;
}

export function dataRepositoryStream(fileSystemId: string): string {
  return `datarepo_${fileSystemId}`;
}

/** One event as the message of a log event: a JSON object. */
export function dataRepositoryEvent(spec: DataRepositoryEventSpec): { timestamp: number; message: string } {
  const body = {
    version: 'V1',
    timestamp: new Date(spec.timestamp).toISOString(),
    fileSystemId: spec.fileSystemId,
    dataRepositoryAssociationId: spec.associationId,
    operation: spec.operation,
    logLevel: spec.level,
    errorCode: spec.errorCode,
    message: spec.message,
    filePath: spec.path,
    s3Path: spec.s3Path,
  };
  return { timestamp: spec.timestamp, message: JSON.stringify(body) };
}
