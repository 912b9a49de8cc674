// Names, enums, limits and stored records of the emulated FSx API. Values follow the FSx API
// model (botocore fsx/2018-03-01 and @aws-sdk/client-fsx 3.1098).

export const OPERATION_NAMES = [
  'DescribeFileSystems',
  'DescribeFileCaches',
  'DescribeDataRepositoryTasks',
  'DescribeDataRepositoryAssociations',
  'CreateDataRepositoryTask',
  'CancelDataRepositoryTask',
  'CreateDataRepositoryAssociation',
  'UpdateDataRepositoryAssociation',
  'DeleteDataRepositoryAssociation',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export function isOperationName(value: string): value is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(value);
}

export const TARGET_PREFIX = 'AWSSimbaAPIService_v20180301';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export const TASK_LIFECYCLES = ['PENDING', 'EXECUTING', 'FAILED', 'SUCCEEDED', 'CANCELED', 'CANCELING'] as const;
export type TaskLifecycle = (typeof TASK_LIFECYCLES)[number];
export const TERMINAL_LIFECYCLES: ReadonlySet<TaskLifecycle> = new Set<TaskLifecycle>(['SUCCEEDED', 'FAILED', 'CANCELED']);
/** A new task on a file system is refused while another one is in one of these states. */
export const RUNNING_LIFECYCLES: ReadonlySet<TaskLifecycle> = new Set<TaskLifecycle>(['PENDING', 'EXECUTING']);

export const TASK_TYPES = [
  'EXPORT_TO_REPOSITORY',
  'IMPORT_METADATA_FROM_REPOSITORY',
  'RELEASE_DATA_FROM_FILESYSTEM',
  'AUTO_RELEASE_DATA',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const FILE_SYSTEM_TYPES = ['LUSTRE', 'WINDOWS', 'ONTAP', 'OPENZFS'] as const;
export type FileSystemType = (typeof FILE_SYSTEM_TYPES)[number];
/** FileSystem.StorageType. Intelligent-Tiering file systems cannot link to S3. */
export const STORAGE_TYPES = ['SSD', 'HDD', 'INTELLIGENT_TIERING'] as const;
export type StorageType = (typeof STORAGE_TYPES)[number];
/** FileSystemTypeVersion values of Lustre file systems. */
export const LUSTRE_VERSIONS = ['2.10', '2.12', '2.15'] as const;
export type LustreVersion = (typeof LUSTRE_VERSIONS)[number];

/** DataRepositoryLifecycle: associations and the legacy DataRepositoryConfiguration. */
export const DATA_REPOSITORY_LIFECYCLES = ['CREATING', 'AVAILABLE', 'MISCONFIGURED', 'UPDATING', 'DELETING', 'FAILED'] as const;
export type DataRepositoryLifecycle = (typeof DATA_REPOSITORY_LIFECYCLES)[number];
/** The lifecycles in which the model says FailureDetails is populated. */
export const FAILED_DATA_REPOSITORY_LIFECYCLES: ReadonlySet<DataRepositoryLifecycle> = new Set<DataRepositoryLifecycle>(['MISCONFIGURED', 'FAILED']);
export const EVENT_TYPES = ['NEW', 'CHANGED', 'DELETED'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const AUTO_IMPORT_POLICY_TYPES = ['NONE', 'NEW', 'NEW_CHANGED', 'NEW_CHANGED_DELETED'] as const;
export type AutoImportPolicyType = (typeof AUTO_IMPORT_POLICY_TYPES)[number];

export const TASK_FILTER_NAMES = ['file-system-id', 'task-lifecycle', 'data-repository-association-id', 'file-cache-id'] as const;
export const ASSOCIATION_FILTER_NAMES = [
  'file-system-id',
  'backup-type',
  'file-system-type',
  'volume-id',
  'data-repository-type',
  'file-cache-id',
  'file-cache-type',
] as const;

export const TASK_ID_PATTERN = /^task-[0-9a-f]{17,}$/;
export const FILE_SYSTEM_ID_PATTERN = /^fs-[0-9a-f]{8,}$/;
export const FILE_CACHE_ID_PATTERN = /^fc-[0-9a-f]{8,}$/;
export const ASSOCIATION_ID_PATTERN = /^dra-[0-9a-f]{8,}$/;

// eslint-disable-next-line no-control-regex -- the model's path patterns forbid NUL and line breaks.
export const PATH_CHARACTERS = /^[^\u0000\u0085\u2028\u2029\r\n]*$/u;
/** CreateDataRepositoryAssociation: at most this many associations on one file system. */
export const MAX_ASSOCIATIONS_PER_FILE_SYSTEM = 8;
/** The model's Megabytes shape (ImportedFileChunkSize), and FSx's default. */
export const MAX_CHUNK_SIZE_MIB = 512_000;
export const DEFAULT_CHUNK_SIZE_MIB = 1024;

/** The model's path lengths: Namespace (FileSystemPath) and ArchivePath (S3 paths, Report.Path). */
export const MAX_NAMESPACE_LENGTH = 4096;
export const MIN_ARCHIVE_PATH_LENGTH = 3;
export const MAX_ARCHIVE_PATH_LENGTH = 4357;
/** DataRepositoryTaskPaths: at most 100, each at most 4,096 characters. */
export const MAX_TASK_PATHS = 100;
export const MAX_TASK_PATH_LENGTH = 4096;

/** Largest page each Describe operation returns, whatever MaxResults asks for. */
export const MAX_PAGE_FILE_SYSTEMS = 100;
export const MAX_PAGE_FILE_CACHES = 100;
export const MAX_PAGE_TASKS = 50;
export const MAX_PAGE_ASSOCIATIONS = 25;

/** FSx refreshes a running task's Status counts about this often. */
export const STATUS_UPDATE_INTERVAL_MS = 30_000;

export const ACCOUNT_ID = '123456789012';
export const REGION = 'us-east-1';

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export type ResourceKind = 'fileSystem' | 'fileCache';

export interface ResourceRef {
  readonly kind: ResourceKind;
  readonly id: string;
}

export interface FileSystemRecord {
  readonly fileSystemId: string;
  /** Creation order; DescribeFileSystems lists and pages by it. */
  readonly seq: number;
  readonly createdAt: number;
  readonly type: FileSystemType;
  readonly lifecycle: string;
  readonly storageCapacity: number;
  readonly storageType: StorageType;
  /** Lustre: SCRATCH_1/2, PERSISTENT_1/2; Windows/ONTAP: SINGLE_AZ_1, MULTI_AZ_1, ... */
  readonly deploymentType: string;
  /** Lustre only: FileSystemTypeVersion. */
  readonly lustreVersion?: LustreVersion;
  /** Lustre only: LustreConfiguration.MountName (always `fsx` on Scratch 1). */
  readonly mountName?: string;
  readonly tags: readonly Tag[];
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  /** Lustre file systems linked to S3 without associations (SCRATCH, PERSISTENT_1). */
  readonly dataRepository?: LegacyDataRepository;
  /** Lustre only: LustreConfiguration.LogConfiguration (the data repository event log). */
  readonly logConfiguration?: LogConfiguration;
}

export const LOG_LEVELS = ['DISABLED', 'WARN_ONLY', 'ERROR_ONLY', 'WARN_ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LustreLogConfiguration: Level, and the log group's ARN (none while DISABLED). */
export interface LogConfiguration {
  readonly level: LogLevel;
  readonly destination?: string;
}

/** The log group FSx for Lustre uses when no destination is given (LustreLogCreateConfiguration). */
export const DEFAULT_LUSTRE_LOG_GROUP = '/aws/fsx/lustre';

export function logGroupArn(groupName: string): string {
  return `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${groupName}`;
}

/** LustreConfiguration.DataRepositoryConfiguration: the link of file systems without associations. */
export interface LegacyDataRepository {
  readonly importPath?: string;
  readonly exportPath?: string;
  readonly lifecycle: DataRepositoryLifecycle;
  readonly autoImportPolicy: AutoImportPolicyType;
  readonly importedFileChunkSize: number;
  /** Set exactly when the lifecycle is MISCONFIGURED or FAILED. */
  readonly failureMessage?: string;
}

export interface FileCacheRecord {
  readonly fileCacheId: string;
  readonly seq: number;
  readonly createdAt: number;
  readonly lifecycle: string;
  readonly storageCapacity: number;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
}

export interface AssociationRecord {
  readonly associationId: string;
  readonly seq: number;
  readonly createdAt: number;
  readonly resource: ResourceRef;
  /** Path on the file system or cache, e.g. /ns1/. */
  readonly resourcePath: string;
  readonly dataRepositoryPath: string;
  readonly repositoryType: 'S3' | 'NFS';
  readonly lifecycle: DataRepositoryLifecycle;
  /** Set exactly when the lifecycle is MISCONFIGURED or FAILED. */
  readonly failureMessage?: string;
  /** File systems only (caches have neither). */
  readonly batchImportMetaDataOnCreate?: boolean;
  readonly importedFileChunkSize?: number;
  /** S3 repositories: which S3 events are imported, and which file system events exported. */
  readonly autoImportEvents: readonly EventType[];
  readonly autoExportEvents: readonly EventType[];
  readonly tags: readonly Tag[];
  /** What the association becomes, and when, without anyone asking (CREATING -> AVAILABLE, DELETING -> gone). */
  readonly next?: AssociationStep;
}

/** A change of an association's lifecycle the clock brings; GONE: it is deleted and no longer listed. */
export interface AssociationStep {
  readonly at: number;
  readonly lifecycle: DataRepositoryLifecycle | 'GONE';
  /** MISCONFIGURED and FAILED only. */
  readonly failureMessage?: string;
}

export interface CompletionReport {
  readonly Enabled: boolean;
  readonly Path?: string;
  readonly Format?: string;
  readonly Scope?: string;
}

export interface ReleaseConfiguration {
  readonly DurationSinceLastAccess?: { readonly Unit?: string; readonly Value?: number };
}

/**
 * Everything about a task that is decided when it is created. Its observed state at any time is
 * derived from this plan and the clock (see lifecycle.ts); only a cancel changes a plan.
 */
export interface TaskPlan {
  readonly taskId: string;
  readonly type: TaskType;
  readonly resource: ResourceRef;
  readonly createdAt: number;
  /** Time spent PENDING before EXECUTING starts. */
  readonly pendingMs: number;
  /** Time spent EXECUTING before the outcome. */
  readonly executingMs: number;
  readonly outcome: 'SUCCEEDED' | 'FAILED';
  readonly totalCount: number;
  /** Files that fail (part of totalCount). */
  readonly failedCount: number;
  readonly failureMessage?: string;
  /** GiB released by the end (AUTO_RELEASE_DATA and release tasks). */
  readonly releasedCapacity?: number;
  /** Time spent CANCELING after a cancel request, before CANCELED. */
  readonly cancelingMs: number;
  /** Set once, by CancelDataRepositoryTask (or a scenario). */
  cancelRequestedAt?: number;
  readonly paths: readonly string[];
  readonly report: CompletionReport;
  readonly tags: readonly Tag[];
  readonly capacityToRelease?: number;
  readonly releaseConfiguration?: ReleaseConfiguration;
}

export function taskArn(taskId: string): string {
  return `arn:aws:fsx:${REGION}:${ACCOUNT_ID}:task/${taskId}`;
}

export function fileSystemArn(fileSystemId: string): string {
  return `arn:aws:fsx:${REGION}:${ACCOUNT_ID}:file-system/${fileSystemId}`;
}

export function fileCacheArn(fileCacheId: string): string {
  return `arn:aws:fsx:${REGION}:${ACCOUNT_ID}:file-cache/${fileCacheId}`;
}

export function associationArn(resourceId: string, associationId: string): string {
  return `arn:aws:fsx:${REGION}:${ACCOUNT_ID}:association/${resourceId}/${associationId}`;
}
