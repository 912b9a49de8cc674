// The domain model every layer above the FSx boundary works with. It is ours, not the SDK's:
// the SDK's optional-everything shapes are narrowed once, in fsxService.ts.

export const LIFECYCLES = ['PENDING', 'EXECUTING', 'CANCELING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** CancelDataRepositoryTask is accepted only in these states. */
export const CANCELLABLE_LIFECYCLES: ReadonlySet<Lifecycle> = new Set<Lifecycle>(['PENDING', 'EXECUTING']);
/** A task in one of these states never changes again. */
export const TERMINAL_LIFECYCLES: ReadonlySet<Lifecycle> = new Set<Lifecycle>(['SUCCEEDED', 'FAILED', 'CANCELED']);

export function isCancellable(lifecycle: Lifecycle): boolean {
  return CANCELLABLE_LIFECYCLES.has(lifecycle);
}

export function isTerminal(lifecycle: Lifecycle): boolean {
  return TERMINAL_LIFECYCLES.has(lifecycle);
}

export function isLifecycle(value: unknown): value is Lifecycle {
  return typeof value === 'string' && (LIFECYCLES as readonly string[]).includes(value);
}

/** Wire values (the JS SDK's enum keys differ from these; always compare with the values). */
export const TASK_TYPES = [
  'EXPORT_TO_REPOSITORY',
  'IMPORT_METADATA_FROM_REPOSITORY',
  'RELEASE_DATA_FROM_FILESYSTEM',
  'AUTO_RELEASE_DATA',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** Task ids as FSx validates them (TaskId is at most 128 characters long). */
export const TASK_ID_PATTERN = /^task-[0-9a-f]{17,123}$/;
export const FILE_SYSTEM_ID_PATTERN = /^fs-[0-9a-f]{8,}$/;
export const FILE_CACHE_ID_PATTERN = /^fc-[0-9a-f]{8,}$/;

export function isValidTaskId(value: string): boolean {
  return TASK_ID_PATTERN.test(value);
}

/**
 * A typed or pasted task id as FSx spells it: compatibility forms folded (full-width letters and
 * digits become ASCII), surrounding white space dropped, upper case lowered. Look-alikes from
 * other scripts (a Cyrillic "а") stay as they are, so the id check refuses them.
 */
export function normalizeTaskId(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** At most `max` characters of a value for a message, marked when cut (a pasted page stays readable). */
export function shortened(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}

/** What owns data repository tasks: a Lustre file system or a File Cache. */
export type ResourceKind = 'fileSystem' | 'fileCache';

export interface ResourceRef {
  readonly kind: ResourceKind;
  readonly id: string;
}

export interface StorageResource extends ResourceRef {
  /** The `Name` tag, when there is one. */
  readonly name?: string;
  /** LUSTRE, WINDOWS, ONTAP, OPENZFS for file systems; LUSTRE for caches. */
  readonly storageType: string;
  /**
   * FileSystem.StorageType: SSD, HDD or INTELLIGENT_TIERING (which cannot link to S3, so has no
   * associations and no tasks); undefined for caches.
   */
  readonly storageClass?: string;
  /** AVAILABLE, CREATING, ... as FSx reports it. */
  readonly lifecycle: string;
  readonly deploymentType?: string;
  readonly storageCapacityGiB?: number;
  readonly arn?: string;
  readonly dnsName?: string;
  /** Only Lustre file systems and File Caches have data repository tasks. */
  readonly supportsTasks: boolean;
  /** LustreConfiguration.MountName: the name clients mount (`dnsName@tcp:/mountName`). */
  readonly mountName?: string;
  /** FileSystemTypeVersion (Lustre `2.10`, `2.12`, `2.15`, ...). */
  readonly fileSystemTypeVersion?: string;
  /**
   * The S3 link of an older file system (Scratch, Persistent 1) from its own
   * `LustreConfiguration.DataRepositoryConfiguration`, shaped like an association so the views
   * show it the same way. Undefined when the file system has no such link.
   */
  readonly dataRepositoryLink?: Association;
  /**
   * LustreConfiguration.LogConfiguration of a Lustre file system (where the data repository
   * event log goes); undefined when FSx gives none.
   */
  readonly logConfiguration?: { readonly level: string; readonly destination?: string };
}

export const ASSOCIATION_LIFECYCLES = ['CREATING', 'AVAILABLE', 'MISCONFIGURED', 'UPDATING', 'DELETING', 'FAILED'] as const;
export type AssociationLifecycle = (typeof ASSOCIATION_LIFECYCLES)[number];

/**
 * A data repository association (DescribeDataRepositoryAssociations), or an older file system's
 * own S3 link (`source: 'fileSystem'`, which has no id and maps the whole file system).
 */
export interface Association {
  readonly source: 'association' | 'fileSystem';
  /** `dra-...`; undefined for a file system's own link. */
  readonly associationId?: string;
  readonly resource: ResourceRef;
  /** Where the repository appears in the file system or cache namespace: `/ns1`, or `/`. */
  readonly fileSystemPath: string;
  /** `s3://bucket/prefix/` (or `nfs://...` on a cache); a file system link's ImportPath. */
  readonly dataRepositoryPath: string;
  /** Where exports and completion reports go: the DataRepositoryPath, or a link's ExportPath. */
  readonly exportPath?: string;
  readonly lifecycle: AssociationLifecycle | string;
  /** FailureDetails.Message (MISCONFIGURED, FAILED). */
  readonly failureMessage?: string;
  /** Events imported automatically (NEW, CHANGED, DELETED); empty when automatic import is off. */
  readonly autoImportEvents?: readonly string[];
  /** Events exported automatically; empty when off; undefined for a link, which has none. */
  readonly autoExportEvents?: readonly string[];
  readonly batchImportMetaDataOnCreate?: boolean;
  /** MiB per OST stripe for imported files. */
  readonly importedFileChunkSize?: number;
  readonly arn?: string;
  readonly creationTime?: Date;
}

/** The file events automatic import and export can act on. */
export const ASSOCIATION_EVENTS = ['NEW', 'CHANGED', 'DELETED'] as const;
export type AssociationEvent = (typeof ASSOCIATION_EVENTS)[number];

/** CreateDataRepositoryAssociation on a file system (File Caches take theirs when created). */
export interface CreateAssociationInput {
  readonly fileSystemId: string;
  /** Leading `/`: `/ns1/`, or `/` for the first association only. */
  readonly fileSystemPath: string;
  /** `s3://bucket/prefix/`. */
  readonly dataRepositoryPath: string;
  readonly batchImportMetaDataOnCreate: boolean;
  /** MiB; FSx's default (1,024) when undefined. */
  readonly importedFileChunkSize?: number;
  /** Empty: automatic import off. */
  readonly autoImportEvents: readonly AssociationEvent[];
  /** Empty: automatic export off. */
  readonly autoExportEvents: readonly AssociationEvent[];
  /** One per confirmation, sent on every retry of it (see CreateTaskInput). */
  readonly clientRequestToken?: string;
}

/** UpdateDataRepositoryAssociation: what is given changes, what is undefined stays. */
export interface UpdateAssociationInput {
  readonly associationId: string;
  readonly importedFileChunkSize?: number;
  /** Empty turns automatic import off. */
  readonly autoImportEvents?: readonly AssociationEvent[];
  readonly autoExportEvents?: readonly AssociationEvent[];
  readonly clientRequestToken?: string;
}

export interface DeleteAssociationInput {
  readonly associationId: string;
  /** True also deletes the file system's files under the association's path. */
  readonly deleteDataInFileSystem: boolean;
  readonly clientRequestToken?: string;
}

export interface AssociationPage {
  readonly associations: readonly Association[];
  readonly nextToken?: string;
}

export interface ListAssociationsOptions {
  readonly nextToken?: string;
  /** At most 25 (the API's MaxResults for associations). */
  readonly pageSize?: number;
}

export interface TaskStatus {
  readonly totalCount?: number;
  readonly succeededCount?: number;
  readonly failedCount?: number;
  readonly lastUpdatedTime?: Date;
  readonly releasedCapacity?: number;
}

export interface TaskReport {
  readonly enabled: boolean;
  readonly path?: string;
  readonly format?: string;
  readonly scope?: string;
}

export interface Task {
  readonly taskId: string;
  readonly lifecycle: Lifecycle;
  readonly type: TaskType | string;
  readonly creationTime: Date;
  readonly startTime?: Date;
  readonly endTime?: Date;
  readonly arn?: string;
  /** The file system or cache the task runs on. */
  readonly resource: ResourceRef;
  readonly paths: readonly string[];
  readonly failureMessage?: string;
  readonly status?: TaskStatus;
  readonly report?: TaskReport;
  readonly capacityToRelease?: number;
  /** Release tasks: ReleaseConfiguration.DurationSinceLastAccess, in days. */
  readonly daysSinceLastAccess?: number;
}

export interface TaskPage {
  readonly tasks: readonly Task[];
  /** Present when more tasks follow; pass it back to get the next page. */
  readonly nextToken?: string;
}

export interface ListTasksOptions {
  readonly lifecycles?: readonly Lifecycle[];
  readonly nextToken?: string;
  /** At most 50 (the API's page size for tasks). */
  readonly pageSize?: number;
}

/** CreateDataRepositoryTask takes at most this many paths (the API model). */
export const MAX_TASK_PATHS = 100;

/** Report members the API requires once a report is enabled; each has one value today. */
export const REPORT_FORMAT = 'REPORT_CSV_20191124';
export const REPORT_SCOPE = 'FAILED_FILES_ONLY';

export interface CreateTaskInput {
  /** CreateDataRepositoryTask takes a file system only (File Caches release data on their own). */
  readonly fileSystemId: string;
  readonly type: TaskType;
  /** As the API takes them (see taskRequest.ts); none means the whole file system. */
  readonly paths?: readonly string[];
  /** Enabled with a path: Format and Scope default to the only values the API has. */
  readonly report?: TaskReport;
  /**
   * Idempotency token: make one per user confirmation and send it on every retry of that
   * request, so FSx starts at most one task for it. The SDK fills a fresh one when absent.
   */
  readonly clientRequestToken?: string;
  /** Release only: ReleaseConfiguration.DurationSinceLastAccess in days (0: regardless of age). */
  readonly daysSinceLastAccess?: number;
}

/** Where and as whom to call FSx. */
export interface Connection {
  /** Named profile of the shared AWS config; undefined means the default credential chain. */
  readonly profile?: string;
  readonly region: string;
  /** Custom endpoint (the sandbox, a VPC endpoint); undefined means the public one. */
  readonly endpoint?: string;
  readonly useFipsEndpoint?: boolean;
  /** The built-in emulator: fixed fake credentials instead of the credential chain. */
  readonly sandbox?: boolean;
}

export function connectionKey(connection: Connection): string {
  return JSON.stringify([connection.profile ?? '', connection.region, connection.endpoint ?? '', !!connection.useFipsEndpoint, !!connection.sandbox]);
}

/**
 * Whether two observations of one task look the same to a person: the one rule the tracker and
 * the explorer use to decide that a poll brought news.
 */
export function sameTaskState(a: Task, b: Task): boolean {
  const time = (date: Date | undefined) => date?.getTime();
  return (
    a.lifecycle === b.lifecycle &&
    a.status?.totalCount === b.status?.totalCount &&
    a.status?.succeededCount === b.status?.succeededCount &&
    a.status?.failedCount === b.status?.failedCount &&
    a.status?.releasedCapacity === b.status?.releasedCapacity &&
    time(a.status?.lastUpdatedTime) === time(b.status?.lastUpdatedTime) &&
    time(a.startTime) === time(b.startTime) &&
    time(a.endTime) === time(b.endTime) &&
    a.failureMessage === b.failureMessage
  );
}

/** Progress as a fraction 0..1 when FSx reports a total, otherwise undefined. */
export function taskProgress(task: Task): number | undefined {
  const total = task.status?.totalCount;
  if (!total) {
    return undefined;
  }
  const done = (task.status?.succeededCount ?? 0) + (task.status?.failedCount ?? 0);
  return Math.min(1, done / total);
}

/** The operations everything above the boundary needs; implemented over FSxClient by FsxService. */
export interface FsxApi {
  /** Every file system (Lustre and others, flagged) and File Cache, all pages. */
  listResources(signal?: AbortSignal): Promise<StorageResource[]>;
  /** One page of tasks, newest first: of one file system or cache, or of the whole connection. */
  listTasks(resource: ResourceRef | undefined, options?: ListTasksOptions, signal?: AbortSignal): Promise<TaskPage>;
  /** Any number of tasks by id, in batches of at most 50 per call; unknown ids are left out. */
  describeTasks(taskIds: readonly string[], signal?: AbortSignal): Promise<Task[]>;
  /** Returns the lifecycle FSx answers with (normally CANCELING). */
  cancelTask(taskId: string, signal?: AbortSignal): Promise<Lifecycle>;
  createTask(input: CreateTaskInput, signal?: AbortSignal): Promise<Task>;
  /** One page of the data repository associations of a file system or cache. */
  listAssociations(resource: ResourceRef, options?: ListAssociationsOptions, signal?: AbortSignal): Promise<AssociationPage>;
  /** The new association, normally CREATING. */
  createAssociation(input: CreateAssociationInput, signal?: AbortSignal): Promise<Association>;
  /** The changed association, normally UPDATING. */
  updateAssociation(input: UpdateAssociationInput, signal?: AbortSignal): Promise<Association>;
  /** The lifecycle FSx answers with (normally DELETING). */
  deleteAssociation(input: DeleteAssociationInput, signal?: AbortSignal): Promise<string>;
}
