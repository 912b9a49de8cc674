// What the emulated account's records are made from, and the checks that make each one a possible
// record: the specs tests and scenarios seed with (file systems, File Caches, associations,
// tasks), the records built from them with the API model's defaults, and what a task looks like
// at one moment (TaskSnapshot). Checks throw RangeError; they are about possible records, never
// FSx's rules (taskRules.ts, queries.ts). What needs the other records (ids in use, nesting with
// the resource's other associations) is handed in by the store (store.ts).

import { isCancellableAt, observeTask, type TaskStatusView } from './lifecycle';
import {
  AUTO_IMPORT_POLICY_TYPES,
  ASSOCIATION_ID_PATTERN,
  DATA_REPOSITORY_LIFECYCLES,
  EVENT_TYPES,
  FAILED_DATA_REPOSITORY_LIFECYCLES,
  FILE_CACHE_ID_PATTERN,
  FILE_SYSTEM_ID_PATTERN,
  FILE_SYSTEM_TYPES,
  LUSTRE_VERSIONS,
  LOG_LEVELS,
  DEFAULT_LUSTRE_LOG_GROUP,
  logGroupArn,
  MAX_ARCHIVE_PATH_LENGTH,
  MAX_CHUNK_SIZE_MIB,
  DEFAULT_CHUNK_SIZE_MIB,
  STORAGE_TYPES,
  MAX_NAMESPACE_LENGTH,
  MIN_ARCHIVE_PATH_LENGTH,
  PATH_CHARACTERS,
  TASK_ID_PATTERN,
  TASK_TYPES,
  taskArn,
  type AssociationRecord,
  type AssociationStep,
  type AutoImportPolicyType,
  type CompletionReport,
  type DataRepositoryLifecycle,
  type EventType,
  type FileCacheRecord,
  type FileSystemRecord,
  type FileSystemType,
  type LegacyDataRepository,
  type LustreVersion,
  type LogLevel,
  type LogConfiguration,
  type ReleaseConfiguration,
  type StorageType,
  type ResourceRef,
  type Tag,
  type TaskLifecycle,
  type TaskPlan,
  type TaskType,
} from './apiModel';
import type { Random } from './random';

export interface FileSystemSpec {
  fileSystemId?: string;
  /** Shorthand for a `Name` tag. */
  name?: string;
  type?: FileSystemType;
  lifecycle?: string;
  deploymentType?: string;
  storageCapacity?: number;
  storageType?: StorageType;
  /** Lustre only; default 2.15. */
  lustreVersion?: LustreVersion;
  /** Lustre only; default derived from the id (`fsx` on Scratch 1, as FSx always names it). */
  mountName?: string;
  tags?: readonly Tag[];
  createdAt?: number;
  /** LustreConfiguration.DataRepositoryConfiguration (SCRATCH and PERSISTENT_1 only). */
  dataRepository?: LegacyDataRepositorySpec;
  /** Lustre only; default WARN_ERROR to /aws/fsx/lustre. A log group name, not an ARN; DISABLED has none. */
  logging?: { readonly level: LogLevel; readonly logGroup?: string };
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
  /** A lifecycle change the clock brings later (at > createdAt). */
  next?: AssociationStep;
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

const EMPTY: readonly never[] = Object.freeze([]);
const NO_REPORT: CompletionReport = Object.freeze({ Enabled: false });
export const DEFAULT_CANCELING_MS = 15_000;
const MAX_CUSTOM_TASK_ID_LENGTH = 64;

/** What a new record takes from the store: its place in creation order, the time, the seeded random ids. */
export interface RecordContext {
  readonly seq: number;
  readonly now: number;
  readonly random: Random;
}

export function fileSystemRecord(spec: FileSystemSpec, fileSystemId: string, context: RecordContext): FileSystemRecord {
  requirePattern('fileSystemId', fileSystemId, FILE_SYSTEM_ID_PATTERN);
  const type = spec.type ?? 'LUSTRE';
  if (!FILE_SYSTEM_TYPES.includes(type)) {
    throw new RangeError(`Unknown file system type ${type}`);
  }
  const deploymentType = spec.deploymentType ?? (type === 'LUSTRE' ? 'PERSISTENT_2' : 'MULTI_AZ_1');
  const dataRepository = spec.dataRepository && legacyDataRepository(spec.dataRepository, type, deploymentType);
  const storageType = spec.storageType ?? 'SSD';
  if (!STORAGE_TYPES.includes(storageType)) {
    throw new RangeError(`Unknown storage type ${String(storageType)}`);
  }
  const lustre = type === 'LUSTRE';
  if (!lustre && (spec.lustreVersion !== undefined || spec.mountName !== undefined || spec.logging !== undefined)) {
    throw new RangeError('lustreVersion, mountName and logging apply to Lustre file systems only');
  }
  const lustreVersion = lustre ? (spec.lustreVersion ?? '2.15') : undefined;
  if (lustreVersion !== undefined && !LUSTRE_VERSIONS.includes(lustreVersion)) {
    throw new RangeError(`Unknown Lustre version ${String(lustreVersion)}`);
  }
  if (dataRepository && storageType === 'INTELLIGENT_TIERING') {
    throw new RangeError('An Intelligent-Tiering file system cannot link to S3');
  }
  const tags = [...(spec.tags ?? EMPTY)];
  if (spec.name !== undefined && !tags.some((tag) => tag.Key === 'Name')) {
    tags.unshift({ Key: 'Name', Value: spec.name });
  }
  return {
    fileSystemId,
    seq: context.seq,
    createdAt: spec.createdAt ?? context.now,
    type,
    lifecycle: spec.lifecycle ?? 'AVAILABLE',
    storageCapacity: spec.storageCapacity ?? 1200,
    storageType,
    deploymentType,
    lustreVersion,
    mountName: lustre ? (spec.mountName ?? (deploymentType === 'SCRATCH_1' ? 'fsx' : fileSystemId.slice(-8))) : undefined,
    tags: Object.freeze(tags),
    vpcId: `vpc-${context.random.hex(17)}`,
    subnetIds: Object.freeze([`subnet-${context.random.hex(17)}`]),
    dataRepository,
    logConfiguration: lustre ? logConfigurationOf(spec.logging) : undefined,
  };
}

function logConfigurationOf(logging: FileSystemSpec['logging']): LogConfiguration {
  const level = logging?.level ?? 'WARN_ERROR';
  if (!LOG_LEVELS.includes(level)) {
    throw new RangeError(`Unknown log level ${String(level)}`);
  }
  if (level === 'DISABLED') {
    if (logging?.logGroup !== undefined) {
      throw new RangeError('A DISABLED log configuration has no destination');
    }
    return { level };
  }
  const group = logging?.logGroup ?? DEFAULT_LUSTRE_LOG_GROUP;
  if (!group.startsWith('/aws/fsx/')) {
    throw new RangeError('FSx log groups begin with /aws/fsx/');
  }
  return { level, destination: logGroupArn(group) };
}

export function fileCacheRecord(spec: FileCacheSpec, fileCacheId: string, context: RecordContext): FileCacheRecord {
  requirePattern('fileCacheId', fileCacheId, FILE_CACHE_ID_PATTERN);
  return {
    fileCacheId,
    seq: context.seq,
    createdAt: spec.createdAt ?? context.now,
    lifecycle: spec.lifecycle ?? 'AVAILABLE',
    storageCapacity: spec.storageCapacity ?? 1200,
    vpcId: `vpc-${context.random.hex(17)}`,
    subnetIds: Object.freeze([`subnet-${context.random.hex(17)}`]),
  };
}

/** Where an association goes: its resource, that resource's record if a file system, and its other associations. */
export interface AssociationPlace {
  readonly resource: ResourceRef;
  readonly fileSystem?: FileSystemRecord;
  readonly siblings: readonly AssociationRecord[];
}

/** Checks the spec against its place, then takes an id (`newId` only once the spec is possible). */
export function associationRecord(spec: AssociationSpec, place: AssociationPlace, newId: () => string, context: Omit<RecordContext, 'random'>): AssociationRecord {
  const { resource, fileSystem } = place;
  if (spec.associationId !== undefined) {
    requirePattern('associationId', spec.associationId, ASSOCIATION_ID_PATTERN);
  }
  const onFileSystem = resource.kind === 'fileSystem';
  const refusal = fileSystem && associationRefusal(fileSystem);
  if (refusal) {
    throw new RangeError(`${resource.id} cannot have data repository associations: ${refusal}`);
  }
  checkNamespace('resourcePath', spec.resourcePath);
  const nested = place.siblings.find((other) => pathsNest(other.resourcePath, spec.resourcePath));
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
  return {
    associationId: spec.associationId ?? newId(),
    seq: context.seq,
    createdAt: spec.createdAt ?? context.now,
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
    next: spec.next && checkStep(spec.next, spec.createdAt ?? context.now),
  };
}

/**
 * Why a file system can have no data repository associations, or undefined when it can. The API
 * reference: "supported on all FSx for Lustre 2.12 and 2.15 file systems, excluding scratch_1";
 * a file system linked through its own DataRepositoryConfiguration keeps that link instead, and an
 * Intelligent-Tiering one cannot link to S3 at all.
 */
export function associationRefusal(fileSystem: FileSystemRecord): string | undefined {
  if (fileSystem.type !== 'LUSTRE') {
    return `it is an FSx for ${fileSystem.type} file system; only FSx for Lustre file systems have data repository associations`;
  }
  if (fileSystem.storageType === 'INTELLIGENT_TIERING') {
    return 'Intelligent-Tiering file systems cannot be linked to an S3 data repository';
  }
  if (fileSystem.deploymentType === 'SCRATCH_1') {
    return 'SCRATCH_1 file systems do not support data repository associations';
  }
  if (fileSystem.lustreVersion === '2.10') {
    return 'Lustre 2.10 file systems do not support data repository associations';
  }
  if (fileSystem.dataRepository !== undefined) {
    return 'it is linked to S3 through its own DataRepositoryConfiguration (ImportPath and ExportPath)';
  }
  return undefined;
}

function checkStep(step: AssociationStep, after: number): AssociationStep {
  if (!Number.isFinite(step.at) || step.at < after) {
    throw new RangeError('next.at must be a time at or after the association was created');
  }
  if (step.lifecycle !== 'GONE') {
    const failureMessage = failureMessageFor(step.lifecycle, step.failureMessage);
    return Object.freeze({ at: step.at, lifecycle: step.lifecycle, failureMessage });
  }
  if (step.failureMessage !== undefined) {
    throw new RangeError('A deletion carries no failure message');
  }
  return Object.freeze({ ...step });
}

/** The association as observed at `now`: its next step applied once due; undefined once it is gone. */
export function observeAssociation(record: AssociationRecord, now: number): AssociationRecord | undefined {
  const next = record.next;
  if (next === undefined || now < next.at) {
    return record;
  }
  if (next.lifecycle === 'GONE') {
    return undefined;
  }
  return { ...record, lifecycle: next.lifecycle, failureMessage: next.failureMessage, next: undefined };
}

/** A task's plan from its spec, with the defaults (a ten-minute export of 1,000 files that succeeds). */
export function taskPlan(spec: TaskSpec, resource: ResourceRef, taskId: string, now: number): TaskPlan {
  requirePattern('taskId', taskId, TASK_ID_PATTERN);
  if (taskId.length > MAX_CUSTOM_TASK_ID_LENGTH) {
    throw new RangeError(`taskId longer than ${MAX_CUSTOM_TASK_ID_LENGTH} characters`);
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
    createdAt: spec.createdAt ?? now,
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

// ---- data repository links, checked against the API model's shapes ----

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
