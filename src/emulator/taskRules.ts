// FSx's rules for starting and stopping data repository tasks, over the store: which requests
// CreateDataRepositoryTask accepts, idempotency by ClientRequestToken, one running task per file
// system, and what CancelDataRepositoryTask answers in each lifecycle. The store keeps records;
// this decides what the service would say.

import { ServiceError, badRequest } from './errors';
import { isCancellableAt, lifecycleAt } from './lifecycle';
import { fileSystemNotFound, taskNotFound } from './lookups';
import {
  RUNNING_LIFECYCLES,
  type CompletionReport,
  type FileSystemRecord,
  type ReleaseConfiguration,
  type Tag,
  type TaskLifecycle,
  type TaskPlan,
  type TaskType,
} from './apiModel';
import { Random } from './random';
import { DEFAULT_CANCELING_MS, checkBehaviour, snapshotOf, type TaskBehaviour, type TaskSnapshot } from './records';
import type { EmulatorStore } from './store';

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

/** How a task created through the wire behaves: fixed, or decided per request (a soak varies outcomes). */
export type CreatedTaskBehaviour = TaskBehaviour | ((request: CreateTaskRequest) => TaskBehaviour | undefined);

/** Keeps the plans of wire-created tasks apart from the store's id stream under one seed. */
const BEHAVIOUR_SEED_MIX = 0x7a5c0de;

export class TaskRules {
  private readonly seed: number;
  private random: Random;
  private readonly idempotency = new Map<string, { fingerprint: string; taskId: string }>();
  private createdTaskBehaviour: CreatedTaskBehaviour | undefined;

  constructor(
    private readonly store: EmulatorStore,
    seed = 1,
  ) {
    this.seed = seed;
    this.random = new Random(seed ^ BEHAVIOUR_SEED_MIX);
  }

  /** Forgets client request tokens and any behaviour set for created tasks. */
  reset(): void {
    this.idempotency.clear();
    this.createdTaskBehaviour = undefined;
    this.random = new Random(this.seed ^ BEHAVIOUR_SEED_MIX);
  }

  /** How tasks created through CreateDataRepositoryTask behave from now on (undefined: defaults). */
  setCreatedTaskBehaviour(behaviour: CreatedTaskBehaviour | undefined): void {
    if (typeof behaviour === 'function') {
      this.createdTaskBehaviour = behaviour;
      return;
    }
    if (behaviour) {
      checkBehaviour(behaviour);
    }
    this.createdTaskBehaviour = behaviour && { ...behaviour };
  }

  /** CancelDataRepositoryTask: the lifecycle to answer with. */
  cancelTask(taskId: string, now: number = this.store.now()): TaskLifecycle {
    const plan = this.store.getTaskPlan(taskId);
    if (!plan) {
      throw taskNotFound(taskId);
    }
    const lifecycle = lifecycleAt(plan, now);
    if (lifecycle === 'CANCELING') {
      return 'CANCELING';
    }
    if (!isCancellableAt(plan, now)) {
      throw new ServiceError('DataRepositoryTaskEnded', `The data repository task ${taskId} has already ended (${lifecycle}).`);
    }
    this.store.markCancelRequested(taskId, now);
    return 'CANCELING';
  }

  /** CreateDataRepositoryTask, after wire validation. */
  createTask(request: CreateTaskRequest, now: number = this.store.now()): TaskSnapshot {
    const { ClientRequestToken: token, ...parameters } = request;
    const fingerprint = JSON.stringify(parameters);
    if (token !== undefined) {
      const previous = this.idempotency.get(token);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw new ServiceError(
            'IncompatibleParameterError',
            'The ClientRequestToken was already used with different parameters.',
            { Parameter: 'ClientRequestToken' },
          );
        }
        return snapshotOf(this.store.getTaskPlan(previous.taskId) as TaskPlan, now);
      }
    }
    const fileSystem = this.store.getFileSystem(request.FileSystemId);
    if (!fileSystem) {
      throw fileSystemNotFound(request.FileSystemId);
    }
    checkFileSystem(fileSystem);
    checkCreateParameters(request);
    checkReportPath(this.store, fileSystem, request.Report);
    const running = this.runningTaskOn(fileSystem.fileSystemId, now);
    if (running) {
      throw new ServiceError(
        'DataRepositoryTaskExecuting',
        `Data repository task ${running.taskId} is ${lifecycleAt(running, now)} on file system ${fileSystem.fileSystemId}; only one task can run at a time.`,
      );
    }
    const custom = typeof this.createdTaskBehaviour === 'function' ? this.createdTaskBehaviour(request) : this.createdTaskBehaviour;
    const behaviour = { ...this.defaultBehaviour(request.Type), ...custom };
    if (request.Type === 'RELEASE_DATA_FROM_FILESYSTEM' && behaviour.releasedCapacity === undefined) {
      behaviour.releasedCapacity = releasedGiB((behaviour.totalCount ?? 0) - (behaviour.failedCount ?? 0));
    }
    const taskId = this.store.addTask({
      ...behaviour,
      fileSystemId: fileSystem.fileSystemId,
      type: request.Type,
      createdAt: now,
      paths: request.Paths,
      report: request.Report,
      tags: request.Tags,
      capacityToRelease: request.CapacityToRelease,
      releaseConfiguration: request.ReleaseConfiguration,
    });
    if (token !== undefined) {
      this.idempotency.set(token, { fingerprint, taskId });
    }
    return this.store.getTask(taskId, now) as TaskSnapshot;
  }

  private runningTaskOn(resourceId: string, now: number): TaskPlan | undefined {
    for (const plan of this.store.taskPlansNewestFirst([resourceId])) {
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
}

function checkFileSystem(fileSystem: FileSystemRecord): void {
  if (fileSystem.type !== 'LUSTRE') {
    throw new ServiceError(
      'UnsupportedOperation',
      `Data repository tasks are supported only on Amazon FSx for Lustre file systems; ${fileSystem.fileSystemId} is ${fileSystem.type}.`,
    );
  }
  if (fileSystem.lifecycle !== 'AVAILABLE' && fileSystem.lifecycle !== 'UPDATING') {
    throw badRequest(`File system ${fileSystem.fileSystemId} is ${fileSystem.lifecycle}; it must be AVAILABLE to run a data repository task.`);
  }
}

function checkCreateParameters(request: CreateTaskRequest): void {
  if (request.Type === 'AUTO_RELEASE_DATA') {
    throw badRequest('AUTO_RELEASE_DATA tasks are started by Amazon File Cache and cannot be created on a file system.');
  }
  // The model names IncompatibleParameterError only for a reused ClientRequestToken; a member
  // that does not belong to the task type is a plain bad request.
  if (request.ReleaseConfiguration !== undefined && request.Type !== 'RELEASE_DATA_FROM_FILESYSTEM') {
    throw badRequest(`ReleaseConfiguration applies only to RELEASE_DATA_FROM_FILESYSTEM tasks, not ${request.Type}.`);
  }
  if (request.CapacityToRelease !== undefined) {
    throw badRequest('CapacityToRelease applies only to AUTO_RELEASE_DATA tasks, which Amazon File Cache starts itself.');
  }
  const report = request.Report;
  if (report.Enabled && (report.Path === undefined || report.Format === undefined || report.Scope === undefined)) {
    throw badRequest('Report Path, Format and Scope are required when Report Enabled is true.');
  }
}

/** A completion report is written to the file system's linked S3 repository, so its Path must lie within an export path. */
function checkReportPath(store: EmulatorStore, fileSystem: FileSystemRecord, report: CompletionReport): void {
  if (!report.Enabled || report.Path === undefined) {
    return;
  }
  const exportPaths = exportPathsOf(store, fileSystem);
  if (exportPaths.length === 0) {
    throw badRequest(`File system ${fileSystem.fileSystemId} has no linked S3 data repository to write a completion report to.`);
  }
  const path = report.Path;
  if (!exportPaths.some((exportPath) => withinS3Path(path, exportPath))) {
    throw badRequest(`The report path ${path} must be within the file system's export path (${exportPaths.join(', ')}).`);
  }
}

/** Where the file system exports to: its associations' S3 paths, or its legacy ExportPath. */
export function exportPathsOf(store: EmulatorStore, fileSystem: FileSystemRecord): string[] {
  const legacy = fileSystem.dataRepository?.exportPath;
  if (legacy !== undefined) {
    return [legacy];
  }
  return store
    .associationsOf(fileSystem.fileSystemId)
    .filter((association) => association.repositoryType === 'S3')
    .map((association) => association.dataRepositoryPath);
}

function withinS3Path(path: string, root: string): boolean {
  const trimmed = root.replace(/\/+$/, '');
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

/** GiB a release of `files` frees, at a few MiB a file: derived, not drawn, so seeded worlds stay stable. */
export function releasedGiB(files: number): number {
  return Math.max(1, Math.round((files * 6) / 1024));
}
