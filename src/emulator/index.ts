// The emulator's public surface (used by the sandbox, the CLI and tests).

// The S3 side (completion reports) and the instance metadata service, served beside FSx.
export * from './s3';
// CloudWatch Logs: the data repository event logs.
export * from './logs';
export { IMDS_MODES, InstanceMetadata, InstanceMetadataService, type ImdsMode, type ImdsOptions, type ImdsServerOptions, type ImdsRequestCounts, type ImdsRequestLogEntry } from './imds';

export { ManualEmulatorClock, scaledClock, systemEmulatorClock, type EmulatorClock } from './clock';
export { ServiceError, type ServiceErrorCode } from './errors';
export { FAULT_KINDS, type FaultKind, type FaultSpec } from './faults';
export { observeTask, lifecycleAt, progressAt, transitionsOf, type LifecycleTransition, type TaskObservation, type TaskStatusView } from './lifecycle';
export {
  DATA_REPOSITORY_LIFECYCLES,
  DEFAULT_LUSTRE_LOG_GROUP,
  LOG_LEVELS,
  logGroupArn,
  type LogConfiguration,
  type LogLevel,
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
  type DataRepositoryLifecycle,
  type EventType,
  type FileCacheRecord,
  type FileSystemRecord,
  type FileSystemType,
  type LegacyDataRepository,
  type StorageType,
  type OperationName,
  type ReleaseConfiguration,
  type Tag,
  type TaskLifecycle,
  type TaskPlan,
  type TaskType,
} from './apiModel';
export { SCENARIO_NAMES, isScenarioName, seedScenario, type ScenarioName } from './scenarios';
export { CONTROL_METHODS, ControlServer, type ControlHealth, type ControlServerOptions } from './control';
export { FsxEmulator, MAX_BODY_BYTES, type EmulatorOptions, type RequestLogEntry } from './server';
export type { Route } from './route';
export type { AssociationSpec, FileCacheSpec, FileSystemSpec, LegacyDataRepositorySpec, TaskBehaviour, TaskSnapshot, TaskSpec } from './records';
export { EmulatorStore, type EmulatorStoreOptions, type RepositoryProblem, type TaskReader } from './store';
export { AssociationRules, DEFAULT_ASSOCIATION_TIMING, type AssociationTiming, type CreateAssociationRequest, type DeleteAssociationRequest, type UpdateAssociationRequest } from './associationRules';
export { TaskRules, exportPathsOf, type CreateTaskRequest, type CreatedTaskBehaviour } from './taskRules';
export { SANDBOX_HSM_PREFIX, SANDBOX_MOUNT_FILE_SYSTEM, SANDBOX_SEED_FILES, SandboxFiles, type SandboxFileState, type SandboxMountDescription, type SeedState } from './hsm';
