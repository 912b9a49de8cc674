// The S3 side of the emulator: completion reports of ended tasks, read-only.

export { S3Error } from './errors';
export { S3_OPERATION_NAMES, type S3FaultSpec, type S3OperationName } from './faults';
export { parseS3Url, reportFileName, reportLocation, taskIdOfReportKey, type ReportedTask, type S3Location } from './location';
export { REPORT_ERROR_CODES, encodeReportField, reportChunks, reportLine, reportRows, type ReportErrorCode, type ReportInput, type ReportRow } from './reports';
export { storeReportSource, type EndedTask, type ReportSource } from './reportSource';
export { S3Service, type S3RequestLogEntry } from './service';
