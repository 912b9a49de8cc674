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
} from './model';
import { Random } from './random';
import { DEFAULT_CANCELING_MS, checkBehaviour, snapshotOf, type EmulatorStore, type TaskBehaviour, type TaskSnapshot } from './store';

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

/** Keeps the plans of wire-created tasks apart from the store's id stream under one seed. */
const BEHAVIOUR_SEED_MIX = 0x7a5c0de;

export class TaskRules {
  private readonly seed: number;
  private random: Random;
  private readonly idempotency = new Map<string, { fingerprint: string; taskId: string }>();
  private createdTaskBehaviour: TaskBehaviour | undefined;

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
  setCreatedTaskBehaviour(behaviour: TaskBehaviour | undefined): void {
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
    const running = this.runningTaskOn(fileSystem.fileSystemId, now);
    if (running) {
      throw new ServiceError(
        'DataRepositoryTaskExecuting',
        `Data repository task ${running.taskId} is ${lifecycleAt(running, now)} on file system ${fileSystem.fileSystemId}; only one task can run at a time.`,
      );
    }
    const behaviour = { ...this.defaultBehaviour(request.Type), ...this.createdTaskBehaviour };
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
  const report = request.Report;
  if (report.Enabled && (report.Path === undefined || report.Format === undefined || report.Scope === undefined)) {
    throw badRequest('Report Path, Format and Scope are required when Report Enabled is true.');
  }
  if (request.ReleaseConfiguration !== undefined && request.Type !== 'RELEASE_DATA_FROM_FILESYSTEM') {
    throw new ServiceError('IncompatibleParameterError', 'ReleaseConfiguration applies only to RELEASE_DATA_FROM_FILESYSTEM tasks.', {
      Parameter: 'ReleaseConfiguration',
    });
  }
  if (request.CapacityToRelease !== undefined) {
    throw new ServiceError('IncompatibleParameterError', 'CapacityToRelease applies only to AUTO_RELEASE_DATA tasks on a File Cache.', {
      Parameter: 'CapacityToRelease',
    });
  }
}
