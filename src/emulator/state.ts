// The emulated account: file systems, File Caches, data repository associations and tasks,
// with the indexes the Describe operations need. Tests and the sandbox drive it directly
// (add*, get*); the wire operations go through the same methods, so both see one truth.
// Every mutating method validates everything before it changes anything.

import type { Clock } from './clock';
import { systemClock } from './clock';
import { FsxError, badRequest } from './errors';
import { isCancellableAt, lifecycleAt, observeTask, type TaskStatusView } from './lifecycle';
import {
  ASSOCIATION_ID_PATTERN,
  FILE_CACHE_ID_PATTERN,
  FILE_SYSTEM_ID_PATTERN,
  FILE_SYSTEM_TYPES,
  RUNNING_LIFECYCLES,
  TASK_ID_PATTERN,
  TASK_TYPES,
  taskArn,
  type AssociationRecord,
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
} from './model';
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
  importPath?: string;
  exportPath?: string;
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
  /** Path on the file system or cache, e.g. "/ns1". */
  resourcePath: string;
  dataRepositoryPath: string;
  repositoryType?: 'S3' | 'NFS';
  lifecycle?: string;
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

/** CreateDataRepositoryTask's input after wire validation. */
export interface CreateTaskRequest {
  readonly Type: TaskType;
  readonly FileSystemId: string;
  readonly Report: CompletionReport;
  readonly Paths?: readonly string[];
  readonly ClientRequestToken?: string;
  readonly Tags?: readonly Tag[];
  readonly CapacityToRelease?: number;
  readonly ReleaseConfiguration?: ReleaseConfiguration;
}

export interface EmulatorStateOptions {
  clock?: Clock;
  /** Seeds generated ids and wire-created task plans. */
  seed?: number;
}

const EMPTY: readonly never[] = Object.freeze([]);
const NO_REPORT: CompletionReport = Object.freeze({ Enabled: false });
const DEFAULT_CANCELING_MS = 15_000;
const ID_HEX_DIGITS = 17;
const MAX_CUSTOM_TASK_ID_LENGTH = 64;

export class EmulatorState {
  readonly clock: Clock;
  private readonly random: Random;
  private readonly fileSystemList: FileSystemRecord[] = [];
  private readonly fileSystemsById = new Map<string, FileSystemRecord>();
  private readonly fileCacheList: FileCacheRecord[] = [];
  private readonly fileCachesById = new Map<string, FileCacheRecord>();
  private readonly associationList: AssociationRecord[] = [];
  private readonly associationsById = new Map<string, AssociationRecord>();
  private readonly tasksById = new Map<string, TaskPlan>();
  private readonly allTasks = new Timeline<TaskPlan>();
  private readonly tasksByResource = new Map<string, Timeline<TaskPlan>>();
  private readonly idempotency = new Map<string, { fingerprint: string; taskId: string }>();
  private createdTaskBehaviour: TaskBehaviour | undefined;

  constructor(options: EmulatorStateOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.random = new Random(options.seed ?? 1);
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
      deploymentType: spec.deploymentType ?? (type === 'LUSTRE' ? 'PERSISTENT_2' : 'MULTI_AZ_1'),
      tags: Object.freeze(tags),
      vpcId: `vpc-${this.random.hex(17)}`,
      subnetIds: Object.freeze([`subnet-${this.random.hex(17)}`]),
      importPath: spec.importPath,
      exportPath: spec.exportPath,
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
    const associationId = spec.associationId ?? this.newId('dra-', (id) => this.associationsById.has(id));
    requirePattern('associationId', associationId, ASSOCIATION_ID_PATTERN);
    requireUnused(this.associationsById, associationId);
    const record: AssociationRecord = {
      associationId,
      seq: this.associationList.length,
      createdAt: spec.createdAt ?? this.now(),
      resource,
      resourcePath: spec.resourcePath,
      dataRepositoryPath: spec.dataRepositoryPath,
      repositoryType: spec.repositoryType ?? (spec.dataRepositoryPath.startsWith('nfs://') ? 'NFS' : 'S3'),
      lifecycle: spec.lifecycle ?? 'AVAILABLE',
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

  /** Newest-first plans, optionally limited to some resources and started after a cursor. */
  taskPlansNewestFirst(resourceIds?: readonly string[], after?: TaskKey): Iterable<TaskPlan> {
    if (resourceIds === undefined) {
      return this.allTasks.newestFirst(after);
    }
    const unique = [...new Set(resourceIds)];
    const timelines = unique.flatMap((id) => this.tasksByResource.get(id) ?? []);
    return timelines.length === 1 ? timelines[0].newestFirst(after) : mergeNewestFirst(timelines.map((t) => t.newestFirst(after)));
  }

  /** How tasks created through CreateDataRepositoryTask behave from now on (undefined: defaults). */
  setCreatedTaskBehaviour(behaviour: TaskBehaviour | undefined): void {
    if (behaviour) {
      checkBehaviour(behaviour);
    }
    this.createdTaskBehaviour = behaviour && { ...behaviour };
  }

  /** CancelDataRepositoryTask: the lifecycle to answer with. */
  cancelTask(taskId: string, now: number = this.now()): TaskLifecycle {
    const plan = this.tasksById.get(taskId);
    if (!plan) {
      throw taskNotFound(taskId);
    }
    const lifecycle = lifecycleAt(plan, now);
    if (lifecycle === 'CANCELING') {
      return 'CANCELING';
    }
    if (!isCancellableAt(plan, now)) {
      throw new FsxError('DataRepositoryTaskEnded', `The data repository task ${taskId} has already ended (${lifecycle}).`);
    }
    plan.cancelRequestedAt = now;
    return 'CANCELING';
  }

  /** CreateDataRepositoryTask, after wire validation. */
  createTask(request: CreateTaskRequest, now: number = this.now()): TaskSnapshot {
    const { ClientRequestToken: token, ...parameters } = request;
    const fingerprint = JSON.stringify(parameters);
    if (token !== undefined) {
      const previous = this.idempotency.get(token);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw new FsxError(
            'IncompatibleParameterError',
            'The ClientRequestToken was already used with different parameters.',
            { Parameter: 'ClientRequestToken' },
          );
        }
        return snapshotOf(this.tasksById.get(previous.taskId) as TaskPlan, now);
      }
    }
    const fileSystem = this.fileSystemsById.get(request.FileSystemId);
    if (!fileSystem) {
      throw fileSystemNotFound(request.FileSystemId);
    }
    if (fileSystem.type !== 'LUSTRE') {
      throw new FsxError(
        'UnsupportedOperation',
        `Data repository tasks are supported only on Amazon FSx for Lustre file systems; ${fileSystem.fileSystemId} is ${fileSystem.type}.`,
      );
    }
    if (fileSystem.lifecycle !== 'AVAILABLE' && fileSystem.lifecycle !== 'UPDATING') {
      throw badRequest(`File system ${fileSystem.fileSystemId} is ${fileSystem.lifecycle}; it must be AVAILABLE to run a data repository task.`);
    }
    checkCreateParameters(request);
    const running = this.runningTaskOn(fileSystem.fileSystemId, now);
    if (running) {
      throw new FsxError(
        'DataRepositoryTaskExecuting',
        `Data repository task ${running.taskId} is ${lifecycleAt(running, now)} on file system ${fileSystem.fileSystemId}; only one task can run at a time.`,
      );
    }
    const behaviour = { ...this.defaultBehaviour(request.Type), ...this.createdTaskBehaviour };
    const plan = this.planTask(
      {
        ...behaviour,
        fileSystemId: fileSystem.fileSystemId,
        type: request.Type,
        createdAt: now,
        paths: request.Paths,
        report: request.Report,
        tags: request.Tags,
        capacityToRelease: request.CapacityToRelease,
        releaseConfiguration: request.ReleaseConfiguration,
      },
      new Set(),
    );
    this.insertTasks([plan]);
    if (token !== undefined) {
      this.idempotency.set(token, { fingerprint, taskId: plan.taskId });
    }
    return snapshotOf(plan, now);
  }

  // ---- lookups that answer with the service's "not found" errors ----

  requireFileSystems(ids: readonly string[]): void {
    const unknown = ids.find((id) => !this.fileSystemsById.has(id));
    if (unknown !== undefined) {
      throw fileSystemNotFound(unknown);
    }
  }

  requireFileCaches(ids: readonly string[]): void {
    const unknown = ids.find((id) => !this.fileCachesById.has(id));
    if (unknown !== undefined) {
      throw new FsxError('FileCacheNotFound', `File cache '${unknown}' does not exist.`);
    }
  }

  requireAssociations(ids: readonly string[]): void {
    const unknown = ids.find((id) => !this.associationsById.has(id));
    if (unknown !== undefined) {
      throw new FsxError('DataRepositoryAssociationNotFound', `Data repository association '${unknown}' does not exist.`);
    }
  }

  requireTasks(ids: readonly string[]): void {
    const unknown = ids.find((id) => !this.tasksById.has(id));
    if (unknown !== undefined) {
      throw taskNotFound(unknown);
    }
  }

  // ---- internals ----

  private runningTaskOn(resourceId: string, now: number): TaskPlan | undefined {
    for (const plan of this.tasksByResource.get(resourceId)?.newestFirst() ?? EMPTY) {
      if (RUNNING_LIFECYCLES.has(lifecycleAt(plan, now))) {
        return plan;
      }
    }
    return undefined;
  }

  private defaultBehaviour(type: TaskType): TaskBehaviour {
    const minutes = type === 'EXPORT_TO_REPOSITORY' ? this.random.int(2, 6) : this.random.int(1, 3);
    return {
      pendingMs: this.random.int(5, 20) * 1000,
      executingMs: minutes * 60_000,
      outcome: 'SUCCEEDED',
      totalCount: this.random.int(200, 50_000),
      failedCount: 0,
      cancelingMs: DEFAULT_CANCELING_MS,
    };
  }

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

function checkCreateParameters(request: CreateTaskRequest): void {
  if (request.Type === 'AUTO_RELEASE_DATA') {
    throw badRequest('AUTO_RELEASE_DATA tasks are started by Amazon File Cache and cannot be created on a file system.');
  }
  const report = request.Report;
  if (report.Enabled && (report.Path === undefined || report.Format === undefined || report.Scope === undefined)) {
    throw badRequest('Report Path, Format and Scope are required when Report Enabled is true.');
  }
  if (request.ReleaseConfiguration !== undefined && request.Type !== 'RELEASE_DATA_FROM_FILESYSTEM') {
    throw new FsxError('IncompatibleParameterError', 'ReleaseConfiguration applies only to RELEASE_DATA_FROM_FILESYSTEM tasks.', {
      Parameter: 'ReleaseConfiguration',
    });
  }
  if (request.CapacityToRelease !== undefined) {
    throw new FsxError('IncompatibleParameterError', 'CapacityToRelease applies only to AUTO_RELEASE_DATA tasks on a File Cache.', {
      Parameter: 'CapacityToRelease',
    });
  }
}

function checkBehaviour(behaviour: TaskBehaviour): void {
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

function fileSystemNotFound(id: string): FsxError {
  return new FsxError('FileSystemNotFound', `File system '${id}' does not exist.`);
}

function taskNotFound(id: string): FsxError {
  return new FsxError('DataRepositoryTaskNotFound', `Data repository task '${id}' does not exist.`);
}
