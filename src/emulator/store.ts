// The emulated account's records: file systems, File Caches, data repository associations and
// task plans, with the indexes the Describe operations need. A store and nothing more: it checks
// that what it is given is a possible record (RangeError otherwise), never FSx's rules; those
// live in taskRules.ts (create, cancel) and queries.ts (Describe). Tests and the sandbox seed and
// inspect it directly (add*, get*); the wire operations read the same records, so both see one
// truth. Every mutating method validates everything before it changes anything.

import type { EmulatorClock } from './clock';
import { systemEmulatorClock } from './clock';
import { isCancellableAt, lifecycleAt, observeTask, transitionsOf, type LifecycleTransition, type TaskStatusView } from './lifecycle';
import {
  ASSOCIATION_ID_PATTERN,
  AUTO_IMPORT_POLICY_TYPES,
  DATA_REPOSITORY_LIFECYCLES,
  EVENT_TYPES,
  FAILED_DATA_REPOSITORY_LIFECYCLES,
  FILE_CACHE_ID_PATTERN,
  FILE_SYSTEM_ID_PATTERN,
  FILE_SYSTEM_TYPES,
  MAX_ARCHIVE_PATH_LENGTH,
  MAX_NAMESPACE_LENGTH,
  MIN_ARCHIVE_PATH_LENGTH,
  PATH_CHARACTERS,
  TASK_ID_PATTERN,
  TASK_TYPES,
  TERMINAL_LIFECYCLES,
  taskArn,
  type AssociationRecord,
  type AutoImportPolicyType,
  type DataRepositoryLifecycle,
  type EventType,
  type LegacyDataRepository,
  type CompletionReport,
  type FileCacheRecord,
  type FileSystemRecord,
  type FileSystemType,
  type ReleaseConfiguration,
  type ResourceRef,
  type Tag,
  type TaskLifecycle,
  type TaskPlan,
  type TaskType,
} from './apiModel';
import { Random } from './random';
import { Timeline, mergeNewestFirst, type TaskKey } from './timeline';

export interface FileSystemSpec {
  fileSystemId?: string;
  /** Shorthand for a `Name` tag. */
  name?: string;
  type?: FileSystemType;
  lifecycle?: string;
  deploymentType?: string;
  storageCapacity?: number;
  storageType?: 'SSD' | 'HDD';
  tags?: readonly Tag[];
  createdAt?: number;
  /** LustreConfiguration.DataRepositoryConfiguration (SCRATCH and PERSISTENT_1 only). */
  dataRepository?: LegacyDataRepositorySpec;
}

export interface LegacyDataRepositorySpec {
  /** s3://bucket[/prefix]; required when exportPath is given. */
  importPath?: string;
  /** Within importPath's bucket. */
  exportPath?: string;
  /** Default AVAILABLE. */
  lifecycle?: DataRepositoryLifecycle;
  /** Default NONE. */
  autoImportPolicy?: AutoImportPolicyType;
  /** MiB, default 1024. */
  importedFileChunkSize?: number;
  /** MISCONFIGURED and FAILED only (a default one is given when absent). */
  failureMessage?: string;
}

export interface FileCacheSpec {
  fileCacheId?: string;
  lifecycle?: string;
  storageCapacity?: number;
  createdAt?: number;
}

export interface AssociationSpec {
  associationId?: string;
  /** Exactly one of fileSystemId and fileCacheId. */
  fileSystemId?: string;
  fileCacheId?: string;
  /** Path on the file system or cache, e.g. "/ns1"; no two on one resource may nest. */
  resourcePath: string;
  /** s3://bucket[/prefix]; a cache may also link nfs://host/path. */
  dataRepositoryPath: string;
  /** Default AVAILABLE. */
  lifecycle?: DataRepositoryLifecycle;
  /** MISCONFIGURED and FAILED only (a default one is given when absent). */
  failureMessage?: string;
  /** File systems only; default true. */
  batchImportMetaDataOnCreate?: boolean;
  /** File systems only; MiB, default 1024. */
  importedFileChunkSize?: number;
  /** S3 only; default NEW, CHANGED, DELETED each. */
  autoImportEvents?: readonly EventType[];
  autoExportEvents?: readonly EventType[];
  tags?: readonly Tag[];
  createdAt?: number;
}

/** The timing and outcome part of a plan: what wire-created tasks can be told to do. */
export interface TaskBehaviour {
  pendingMs?: number;
  executingMs?: number;
  outcome?: 'SUCCEEDED' | 'FAILED';
  totalCount?: number;
  failedCount?: number;
  failureMessage?: string;
  releasedCapacity?: number;
  cancelingMs?: number;
}

export interface TaskSpec extends TaskBehaviour {
  taskId?: string;
  /** Exactly one of fileSystemId and fileCacheId. */
  fileSystemId?: string;
  fileCacheId?: string;
  type?: TaskType;
  /** Defaults to the clock's now. */
  createdAt?: number;
  /** A cancel already requested at this time (must fall while the task is PENDING or EXECUTING). */
  cancelRequestedAt?: number;
  paths?: readonly string[];
  report?: CompletionReport;
  tags?: readonly Tag[];
  capacityToRelease?: number;
  releaseConfiguration?: ReleaseConfiguration;
}

/** What a task looks like at one moment: its plan's facts plus its derived state. Times in ms. */
export interface TaskSnapshot {
  readonly taskId: string;
  readonly lifecycle: TaskLifecycle;
  readonly type: TaskType;
  readonly resourceARN: string;
  readonly fileSystemId?: string;
  readonly fileCacheId?: string;
  readonly creationTime: number;
  readonly startTime?: number;
  readonly endTime?: number;
  readonly paths: readonly string[];
  readonly report: CompletionReport;
  readonly status?: TaskStatusView;
  readonly failureMessage?: string;
  readonly tags: readonly Tag[];
  readonly capacityToRelease?: number;
  readonly releaseConfiguration?: ReleaseConfiguration;
}

export interface EmulatorStoreOptions {
  clock?: EmulatorClock;
  /** Seeds generated ids. */
  seed?: number;
}

const EMPTY: readonly never[] = Object.freeze([]);
const NO_REPORT: CompletionReport = Object.freeze({ Enabled: false });
export const DEFAULT_CANCELING_MS = 15_000;
const ID_HEX_DIGITS = 17;
const MAX_CUSTOM_TASK_ID_LENGTH = 64;

/**
 * The read-only task view other parts of the emulator use (the S3 side reads ended tasks'
 * reports from it). Kept stable: add to it, do not change it.
 */
export interface TaskReader {
  now(): number;
  /** The task as observed at `now` (default the clock's now), or undefined. */
  getTask(taskId: string, now?: number): TaskSnapshot | undefined;
  /** A file system's or cache's tasks, newest first. */
  tasksOf(resourceId: string, now?: number): TaskSnapshot[];
  /** Every task that has ended (SUCCEEDED, FAILED or CANCELED) by `now`, newest first. */
  endedTasks(now?: number): TaskSnapshot[];
}

export class EmulatorStore implements TaskReader {
  readonly clock: EmulatorClock;
  private readonly seed: number;
  private random: Random;
  private readonly fileSystemList: FileSystemRecord[] = [];
  private readonly fileSystemsById = new Map<string, FileSystemRecord>();
  private readonly fileCacheList: FileCacheRecord[] = [];
  private readonly fileCachesById = new Map<string, FileCacheRecord>();
  private readonly associationList: AssociationRecord[] = [];
  private readonly associationsById = new Map<string, AssociationRecord>();
  private readonly tasksById = new Map<string, TaskPlan>();
  private readonly allTasks = new Timeline<TaskPlan>();
  private readonly tasksByResource = new Map<string, Timeline<TaskPlan>>();

  constructor(options: EmulatorStoreOptions = {}) {
    this.clock = options.clock ?? systemEmulatorClock;
    this.seed = options.seed ?? 1;
    this.random = new Random(this.seed);
  }

  /** Forgets every record and restarts the id stream, as a store made with the same options. */
  clear(): void {
    for (const collection of [this.fileSystemList, this.fileCacheList, this.associationList]) {
      collection.length = 0;
    }
    for (const index of [this.fileSystemsById, this.fileCachesById, this.associationsById, this.tasksById, this.tasksByResource]) {
      index.clear();
    }
    this.allTasks.clear();
    this.random = new Random(this.seed);
  }

  now(): number {
    return this.clock.now();
  }

  // ---- file systems, caches, associations ----

  addFileSystem(spec: FileSystemSpec = {}): string {
    const fileSystemId = spec.fileSystemId ?? this.newId('fs-', (id) => this.fileSystemsById.has(id));
    requirePattern('fileSystemId', fileSystemId, FILE_SYSTEM_ID_PATTERN);
    requireUnused(this.fileSystemsById, fileSystemId);
    const type = spec.type ?? 'LUSTRE';
    if (!FILE_SYSTEM_TYPES.includes(type)) {
      throw new RangeError(`Unknown file system type ${type}`);
    }
    const deploymentType = spec.deploymentType ?? (type === 'LUSTRE' ? 'PERSISTENT_2' : 'MULTI_AZ_1');
    const dataRepository = spec.dataRepository && legacyDataRepository(spec.dataRepository, type, deploymentType);
    const tags = [...(spec.tags ?? EMPTY)];
    if (spec.name !== undefined && !tags.some((tag) => tag.Key === 'Name')) {
      tags.unshift({ Key: 'Name', Value: spec.name });
    }
    const record: FileSystemRecord = {
      fileSystemId,
      seq: this.fileSystemList.length,
      createdAt: spec.createdAt ?? this.now(),
      type,
      lifecycle: spec.lifecycle ?? 'AVAILABLE',
      storageCapacity: spec.storageCapacity ?? 1200,
      storageType: spec.storageType ?? 'SSD',
      deploymentType,
      tags: Object.freeze(tags),
      vpcId: `vpc-${this.random.hex(17)}`,
      subnetIds: Object.freeze([`subnet-${this.random.hex(17)}`]),
      dataRepository,
    };
    this.fileSystemList.push(record);
    this.fileSystemsById.set(fileSystemId, record);
    return fileSystemId;
  }

  addFileCache(spec: FileCacheSpec = {}): string {
    const fileCacheId = spec.fileCacheId ?? this.newId('fc-', (id) => this.fileCachesById.has(id));
    requirePattern('fileCacheId', fileCacheId, FILE_CACHE_ID_PATTERN);
    requireUnused(this.fileCachesById, fileCacheId);
    const record: FileCacheRecord = {
      fileCacheId,
      seq: this.fileCacheList.length,
      createdAt: spec.createdAt ?? this.now(),
      lifecycle: spec.lifecycle ?? 'AVAILABLE',
      storageCapacity: spec.storageCapacity ?? 1200,
      vpcId: `vpc-${this.random.hex(17)}`,
      subnetIds: Object.freeze([`subnet-${this.random.hex(17)}`]),
    };
    this.fileCacheList.push(record);
    this.fileCachesById.set(fileCacheId, record);
    return fileCacheId;
  }

  addAssociation(spec: AssociationSpec): string {
    const resource = this.resolveResource(spec.fileSystemId, spec.fileCacheId);
    if (spec.associationId !== undefined) {
      requirePattern('associationId', spec.associationId, ASSOCIATION_ID_PATTERN);
      requireUnused(this.associationsById, spec.associationId);
    }
    const onFileSystem = resource.kind === 'fileSystem';
    if (onFileSystem) {
      const fileSystem = this.fileSystemsById.get(resource.id) as FileSystemRecord;
      if (fileSystem.type !== 'LUSTRE' || fileSystem.dataRepository !== undefined) {
        throw new RangeError(`${resource.id} cannot have data repository associations (not Lustre, or linked through DataRepositoryConfiguration)`);
      }
    }
    checkNamespace('resourcePath', spec.resourcePath);
    const nested = this.associationsOf(resource.id).find((other) => pathsNest(other.resourcePath, spec.resourcePath));
    if (nested) {
      throw new RangeError(`resourcePath ${spec.resourcePath} overlaps ${nested.associationId}'s ${nested.resourcePath}`);
    }
    const repositoryType = spec.dataRepositoryPath.startsWith('nfs://') ? 'NFS' : 'S3';
    checkArchivePath('dataRepositoryPath', spec.dataRepositoryPath, onFileSystem ? ['s3://'] : ['s3://', 'nfs://']);
    const lifecycle = spec.lifecycle ?? 'AVAILABLE';
    const failureMessage = failureMessageFor(lifecycle, spec.failureMessage);
    const s3 = repositoryType === 'S3';
    const autoImportEvents = s3 ? checkEvents(spec.autoImportEvents ?? EVENT_TYPES) : EMPTY;
    const autoExportEvents = s3 ? checkEvents(spec.autoExportEvents ?? EVENT_TYPES) : EMPTY;
    if (!onFileSystem && (spec.batchImportMetaDataOnCreate !== undefined || spec.importedFileChunkSize !== undefined)) {
      throw new RangeError('batchImportMetaDataOnCreate and importedFileChunkSize apply to file systems only');
    }
    const associationId = spec.associationId ?? this.newId('dra-', (id) => this.associationsById.has(id));
    const record: AssociationRecord = {
      associationId,
      seq: this.associationList.length,
      createdAt: spec.createdAt ?? this.now(),
      resource,
      resourcePath: spec.resourcePath,
      dataRepositoryPath: spec.dataRepositoryPath,
      repositoryType,
      lifecycle,
      failureMessage,
      batchImportMetaDataOnCreate: onFileSystem ? (spec.batchImportMetaDataOnCreate ?? true) : undefined,
      importedFileChunkSize: onFileSystem ? checkChunkSize(spec.importedFileChunkSize ?? DEFAULT_CHUNK_SIZE_MIB) : undefined,
      autoImportEvents,
      autoExportEvents,
      tags: Object.freeze([...(spec.tags ?? EMPTY)]),
    };
    this.associationList.push(record);
    this.associationsById.set(associationId, record);
    return associationId;
  }

  getFileSystem(fileSystemId: string): FileSystemRecord | undefined {
    return this.fileSystemsById.get(fileSystemId);
  }

  getFileCache(fileCacheId: string): FileCacheRecord | undefined {
    return this.fileCachesById.get(fileCacheId);
  }

  getAssociation(associationId: string): AssociationRecord | undefined {
    return this.associationsById.get(associationId);
  }

  /** In creation order. */
  fileSystems(): readonly FileSystemRecord[] {
    return this.fileSystemList;
  }

  fileCaches(): readonly FileCacheRecord[] {
    return this.fileCacheList;
  }

  associations(): readonly AssociationRecord[] {
    return this.associationList;
  }

  associationsOf(resourceId: string): AssociationRecord[] {
    return this.associationList.filter((association) => association.resource.id === resourceId);
  }

  // ---- tasks ----

  /** Adds a task with a precise plan; returns its id. Throws RangeError for an impossible plan. */
  addTask(spec: TaskSpec): string {
    const plan = this.planTask(spec, new Set());
    this.insertTasks([plan]);
    return plan.taskId;
  }

  /** Adds many tasks at once (one sort per timeline); all or nothing. */
  addTasks(specs: readonly TaskSpec[]): string[] {
    const batchIds = new Set<string>();
    const plans = specs.map((spec) => {
      const plan = this.planTask(spec, batchIds);
      batchIds.add(plan.taskId);
      return plan;
    });
    this.insertTasks(plans);
    return plans.map((plan) => plan.taskId);
  }

  /** The task as observed now, or undefined. */
  getTask(taskId: string, now: number = this.now()): TaskSnapshot | undefined {
    const plan = this.tasksById.get(taskId);
    return plan && snapshotOf(plan, now);
  }

  /** The stored plan (read-only view). */
  getTaskPlan(taskId: string): Readonly<TaskPlan> | undefined {
    return this.tasksById.get(taskId);
  }

  taskCount(): number {
    return this.tasksById.size;
  }

  /** A file system's or cache's tasks, newest first, as observed now. */
  tasksOf(resourceId: string, now: number = this.now()): TaskSnapshot[] {
    const timeline = this.tasksByResource.get(resourceId);
    return timeline ? [...timeline.newestFirst()].map((plan) => snapshotOf(plan, now)) : [];
  }

  /** The lifecycles the task has been in up to `now`, with when it entered each. */
  transitionsOf(taskId: string, now: number = this.now()): LifecycleTransition[] | undefined {
    const plan = this.tasksById.get(taskId);
    return plan && transitionsOf(plan, now);
  }

  endedTasks(now: number = this.now()): TaskSnapshot[] {
    const ended: TaskSnapshot[] = [];
    for (const plan of this.allTasks.newestFirst()) {
      if (TERMINAL_LIFECYCLES.has(lifecycleAt(plan, now))) {
        ended.push(snapshotOf(plan, now));
      }
    }
    return ended;
  }

  /** Newest-first plans, optionally limited to some resources and started after a cursor. */
  taskPlansNewestFirst(resourceIds?: readonly string[], after?: TaskKey): Iterable<TaskPlan> {
    if (resourceIds === undefined) {
      return this.allTasks.newestFirst(after);
    }
    const unique = [...new Set(resourceIds)];
    const timelines = unique.flatMap((id) => this.tasksByResource.get(id) ?? []);
    return timelines.length === 1 ? timelines[0].newestFirst(after) : mergeNewestFirst(timelines.map((t) => t.newestFirst(after)));
  }

  /** Records a cancel request at `at`; the caller has checked that the task may be canceled. */
  markCancelRequested(taskId: string, at: number): void {
    const plan = this.tasksById.get(taskId);
    if (!plan || plan.cancelRequestedAt !== undefined) {
      throw new RangeError(`Task ${taskId} is unknown or already has a cancel request`);
    }
    plan.cancelRequestedAt = at;
  }

  // ---- internals ----

  private resolveResource(fileSystemId: string | undefined, fileCacheId: string | undefined): ResourceRef {
    if ((fileSystemId === undefined) === (fileCacheId === undefined)) {
      throw new RangeError('Give exactly one of fileSystemId and fileCacheId');
    }
    if (fileSystemId !== undefined) {
      if (!this.fileSystemsById.has(fileSystemId)) {
        throw new RangeError(`No file system ${fileSystemId}`);
      }
      return { kind: 'fileSystem', id: fileSystemId };
    }
    if (!this.fileCachesById.has(fileCacheId as string)) {
      throw new RangeError(`No file cache ${fileCacheId}`);
    }
    return { kind: 'fileCache', id: fileCacheId as string };
  }

  private planTask(spec: TaskSpec, reserved: ReadonlySet<string>): TaskPlan {
    const resource = this.resolveResource(spec.fileSystemId, spec.fileCacheId);
    const taskId =
      spec.taskId ?? this.newId('task-', (id) => this.tasksById.has(id) || reserved.has(id));
    requirePattern('taskId', taskId, TASK_ID_PATTERN);
    if (taskId.length > MAX_CUSTOM_TASK_ID_LENGTH) {
      throw new RangeError(`taskId longer than ${MAX_CUSTOM_TASK_ID_LENGTH} characters`);
    }
    if (this.tasksById.has(taskId) || reserved.has(taskId)) {
      throw new RangeError(`Task ${taskId} already exists`);
    }
    const type = spec.type ?? (resource.kind === 'fileCache' ? 'AUTO_RELEASE_DATA' : 'EXPORT_TO_REPOSITORY');
    if (!TASK_TYPES.includes(type)) {
      throw new RangeError(`Unknown task type ${type}`);
    }
    checkBehaviour(spec);
    const outcome = spec.outcome ?? 'SUCCEEDED';
    const totalCount = spec.totalCount ?? 1000;
    const plan: TaskPlan = {
      taskId,
      type,
      resource,
      createdAt: spec.createdAt ?? this.now(),
      pendingMs: spec.pendingMs ?? 0,
      executingMs: spec.executingMs ?? 10 * 60_000,
      outcome,
      totalCount,
      failedCount: spec.failedCount ?? 0,
      failureMessage: spec.failureMessage ?? (outcome === 'FAILED' ? 'The data repository task failed.' : undefined),
      releasedCapacity: spec.releasedCapacity,
      cancelingMs: spec.cancelingMs ?? DEFAULT_CANCELING_MS,
      cancelRequestedAt: undefined,
      paths: spec.paths ? frozenCopy(spec.paths) : EMPTY,
      report: spec.report ?? NO_REPORT,
      tags: spec.tags ? frozenCopy(spec.tags) : EMPTY,
      capacityToRelease: spec.capacityToRelease,
      releaseConfiguration: spec.releaseConfiguration,
    };
    if (plan.failedCount > plan.totalCount) {
      throw new RangeError('failedCount cannot exceed totalCount');
    }
    if (spec.cancelRequestedAt !== undefined) {
      if (!Number.isFinite(spec.cancelRequestedAt) || !isCancellableAt(plan, spec.cancelRequestedAt)) {
        throw new RangeError('cancelRequestedAt must fall while the task is PENDING or EXECUTING');
      }
      plan.cancelRequestedAt = spec.cancelRequestedAt;
    }
    return plan;
  }

  private insertTasks(plans: readonly TaskPlan[]): void {
    const byResource = new Map<string, TaskPlan[]>();
    for (const plan of plans) {
      this.tasksById.set(plan.taskId, plan);
      const group = byResource.get(plan.resource.id);
      if (group) {
        group.push(plan);
      } else {
        byResource.set(plan.resource.id, [plan]);
      }
    }
    insertInto(this.allTasks, plans);
    for (const [resourceId, group] of byResource) {
      let timeline = this.tasksByResource.get(resourceId);
      if (!timeline) {
        timeline = new Timeline<TaskPlan>();
        this.tasksByResource.set(resourceId, timeline);
      }
      insertInto(timeline, group);
    }
  }

  private newId(prefix: string, taken: (id: string) => boolean): string {
    for (;;) {
      const id = prefix + this.random.hex(ID_HEX_DIGITS);
      if (!taken(id)) {
        return id;
      }
    }
  }
}

export function snapshotOf(plan: TaskPlan, now: number): TaskSnapshot {
  const observed = observeTask(plan, now);
  return {
    taskId: plan.taskId,
    lifecycle: observed.lifecycle,
    type: plan.type,
    resourceARN: taskArn(plan.taskId),
    fileSystemId: plan.resource.kind === 'fileSystem' ? plan.resource.id : undefined,
    fileCacheId: plan.resource.kind === 'fileCache' ? plan.resource.id : undefined,
    creationTime: plan.createdAt,
    startTime: observed.startTime,
    endTime: observed.endTime,
    paths: plan.paths,
    report: plan.report,
    status: observed.status,
    failureMessage: observed.failureMessage,
    tags: plan.tags,
    capacityToRelease: plan.capacityToRelease,
    releaseConfiguration: plan.releaseConfiguration,
  };
}

/** Frozen lists are shared as they are (scenarios share them across many tasks to save memory). */
function frozenCopy<T>(items: readonly T[]): readonly T[] {
  return Object.isFrozen(items) ? items : Object.freeze([...items]);
}

function insertInto(timeline: Timeline<TaskPlan>, plans: readonly TaskPlan[]): void {
  if (plans.length === 1) {
    timeline.add(plans[0]);
  } else if (plans.length > 1) {
    timeline.addAll(plans);
  }
}

export function checkBehaviour(behaviour: TaskBehaviour): void {
  for (const key of ['pendingMs', 'executingMs', 'cancelingMs', 'totalCount', 'failedCount', 'releasedCapacity'] as const) {
    const value = behaviour[key];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`${key} must be a finite number >= 0, got ${value}`);
    }
  }
  if (behaviour.outcome !== undefined && behaviour.outcome !== 'SUCCEEDED' && behaviour.outcome !== 'FAILED') {
    throw new RangeError(`outcome must be SUCCEEDED or FAILED, got ${behaviour.outcome}`);
  }
}

function requirePattern(what: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) {
    throw new RangeError(`${what} ${value} does not match ${pattern.source}`);
  }
}

function requireUnused(map: ReadonlyMap<string, unknown>, id: string): void {
  if (map.has(id)) {
    throw new RangeError(`${id} already exists`);
  }
}

// ---- data repository links, checked against the API model's shapes ----

const DEFAULT_CHUNK_SIZE_MIB = 1024;
/** The model's Megabytes shape (ImportedFileChunkSize). */
const MAX_CHUNK_SIZE_MIB = 512_000;
const LEGACY_DEPLOYMENT_TYPES: ReadonlySet<string> = new Set(['SCRATCH_1', 'SCRATCH_2', 'PERSISTENT_1']);

function checkNamespace(what: string, path: string): void {
  if (!path.startsWith('/') || path.length > MAX_NAMESPACE_LENGTH || !PATH_CHARACTERS.test(path)) {
    throw new RangeError(`${what} ${path} must be an absolute path of at most ${MAX_NAMESPACE_LENGTH} characters`);
  }
}

function checkArchivePath(what: string, path: string, schemes: readonly string[]): void {
  const scheme = schemes.find((candidate) => path.startsWith(candidate));
  const length = path.length;
  if (!scheme || length <= scheme.length || length < MIN_ARCHIVE_PATH_LENGTH || length > MAX_ARCHIVE_PATH_LENGTH || !PATH_CHARACTERS.test(path)) {
    throw new RangeError(`${what} ${path} must be ${schemes.join(' or ')}... of at most ${MAX_ARCHIVE_PATH_LENGTH} characters`);
  }
}

function checkChunkSize(mib: number): number {
  if (!Number.isInteger(mib) || mib < 1 || mib > MAX_CHUNK_SIZE_MIB) {
    throw new RangeError(`importedFileChunkSize must be 1..${MAX_CHUNK_SIZE_MIB} MiB, got ${mib}`);
  }
  return mib;
}

function checkEvents(events: readonly EventType[]): readonly EventType[] {
  const unknown = events.find((event) => !EVENT_TYPES.includes(event));
  if (unknown !== undefined || new Set(events).size !== events.length) {
    throw new RangeError(`Events must be distinct values of ${EVENT_TYPES.join(', ')}`);
  }
  return frozenCopy(events);
}

/** FailureDetails exactly when the model populates it (MISCONFIGURED, FAILED). */
function failureMessageFor(lifecycle: DataRepositoryLifecycle, message: string | undefined): string | undefined {
  if (!DATA_REPOSITORY_LIFECYCLES.includes(lifecycle)) {
    throw new RangeError(`Unknown data repository lifecycle ${String(lifecycle)}`);
  }
  if (!FAILED_DATA_REPOSITORY_LIFECYCLES.has(lifecycle)) {
    if (message !== undefined) {
      throw new RangeError(`A ${lifecycle} data repository has no failure message`);
    }
    return undefined;
  }
  return message ?? `The data repository is ${lifecycle}: Amazon FSx cannot reach the linked bucket.`;
}

function legacyDataRepository(spec: LegacyDataRepositorySpec, type: FileSystemType, deploymentType: string): LegacyDataRepository {
  if (type !== 'LUSTRE' || !LEGACY_DEPLOYMENT_TYPES.has(deploymentType)) {
    throw new RangeError(`DataRepositoryConfiguration applies to Lustre ${[...LEGACY_DEPLOYMENT_TYPES].join(', ')} file systems only`);
  }
  if (spec.importPath === undefined) {
    throw new RangeError('A DataRepositoryConfiguration needs an importPath');
  }
  checkArchivePath('importPath', spec.importPath, ['s3://']);
  if (spec.exportPath !== undefined) {
    checkArchivePath('exportPath', spec.exportPath, ['s3://']);
    if (bucketOf(spec.exportPath) !== bucketOf(spec.importPath)) {
      throw new RangeError('exportPath must be in the same bucket as importPath');
    }
  }
  const autoImportPolicy = spec.autoImportPolicy ?? 'NONE';
  if (!AUTO_IMPORT_POLICY_TYPES.includes(autoImportPolicy)) {
    throw new RangeError(`Unknown autoImportPolicy ${String(autoImportPolicy)}`);
  }
  const lifecycle = spec.lifecycle ?? 'AVAILABLE';
  return Object.freeze({
    importPath: spec.importPath,
    exportPath: spec.exportPath,
    lifecycle,
    autoImportPolicy,
    importedFileChunkSize: checkChunkSize(spec.importedFileChunkSize ?? DEFAULT_CHUNK_SIZE_MIB),
    failureMessage: failureMessageFor(lifecycle, spec.failureMessage),
  });
}

function bucketOf(s3Path: string): string {
  return s3Path.slice('s3://'.length).split('/')[0];
}

/** Whether one absolute path is the other or lies under it ("/a" and "/a/b" nest; "/a" and "/ab" do not). */
export function pathsNest(a: string, b: string): boolean {
  const slash = (path: string): string => (path.endsWith('/') ? path : `${path}/`);
  return slash(a).startsWith(slash(b)) || slash(b).startsWith(slash(a));
}
