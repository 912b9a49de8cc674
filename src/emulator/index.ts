// The emulator's public surface (used by the sandbox, the CLI and tests).

export { ManualClock, scaledClock, systemClock, type Clock } from './clock';
export { FsxError, type ErrorCode } from './errors';
export { FAULT_KINDS, type FaultKind, type FaultSpec } from './faults';
export { observeTask, lifecycleAt, progressAt, type TaskObservation, type TaskStatusView } from './lifecycle';
export {
  MAX_PAGE_ASSOCIATIONS,
  MAX_PAGE_FILE_CACHES,
  MAX_PAGE_FILE_SYSTEMS,
  MAX_PAGE_TASKS,
  OPERATION_NAMES,
  STATUS_UPDATE_INTERVAL_MS,
  TASK_LIFECYCLES,
  TASK_TYPES,
  type AssociationRecord,
  type CompletionReport,
  type FileCacheRecord,
  type FileSystemRecord,
  type FileSystemType,
  type OperationName,
  type ReleaseConfiguration,
  type Tag,
  type TaskLifecycle,
  type TaskPlan,
  type TaskType,
} from './model';
export { SCENARIO_NAMES, isScenarioName, seedScenario, type ScenarioName } from './scenarios';
export { FsxEmulator, MAX_BODY_BYTES, type EmulatorOptions, type RequestLogEntry } from './server';
export {
  EmulatorState,
  type AssociationSpec,
  type EmulatorStateOptions,
  type FileCacheSpec,
  type FileSystemSpec,
  type TaskBehaviour,
  type TaskSnapshot,
  type TaskSpec,
} from './state';
export * from './s3';
export { IMDS_MODES, InstanceMetadataService, type ImdsMode, type ImdsOptions, type ImdsRequestCounts, type ImdsRequestLogEntry } from './imds';
