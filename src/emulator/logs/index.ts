// The CloudWatch Logs side of the emulator: the data repository event log FSx for Lustre writes.

export { LogGroups, MAX_FILTER_EVENTS, patternTerms, type FilterQuery, type LogEventSpec, type LogStreamInfo, type StoredLogEvent } from './logGroups';
export { DEFAULT_LOGS_PAGE_EVENTS, LOGS_OPERATION_NAMES, LOGS_TARGET_PREFIX, LogsService, type LogsFaultSpec, type LogsOperationName, type LogsRequestLogEntry } from './service';
export { dataRepositoryEvent, dataRepositoryStream, type DataRepositoryEventSpec } from './events';
