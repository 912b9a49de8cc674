// The emulated account's records: file systems, File Caches, data repository associations and
// task plans, with the indexes the Describe operations need. A store and nothing more: what a
// record is made from and what makes it possible are in records.ts (RangeError otherwise), FSx's
// rules in taskRules.ts (create, cancel) and queries.ts (Describe). Tests and the sandbox seed and
// inspect it directly (add*, get*); the wire operations read the same records, so both see one
// truth. Every mutating method validates everything before it changes anything.

import type { EmulatorClock } from './clock';
import { systemEmulatorClock } from './clock';
import { lifecycleAt, transitionsOf, type LifecycleTransition } from './lifecycle';
import { TERMINAL_LIFECYCLES, type AssociationRecord, type FileCacheRecord, type FileSystemRecord, type ResourceRef, type TaskPlan } from './apiModel';
import { Random } from './random';
import {
  associationRecord,
  fileCacheRecord,
  observeAssociation,
  fileSystemRecord,
  snapshotOf,
  taskPlan,
  type AssociationSpec,
  type FileCacheSpec,
  type FileSystemSpec,
  type RecordContext,
  type TaskSnapshot,
  type TaskSpec,
} from './records';
import { Timeline, mergeNewestFirst, type TaskKey } from './timeline';
import { LogGroups } from './logs/logGroups';

export interface RepositoryProblem {
  readonly s3Prefix: string;
  readonly lifecycle: 'MISCONFIGURED' | 'FAILED';
  readonly failureMessage: string;
}

export interface EmulatorStoreOptions {
  clock?: EmulatorClock;
  /** Seeds generated ids. */
  seed?: number;
}

const ID_HEX_DIGITS = 17;

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
  private readonly repositoryProblems: RepositoryProblem[] = [];
  private readonly tasksById = new Map<string, TaskPlan>();
  private readonly allTasks = new Timeline<TaskPlan>();
  private readonly tasksByResource = new Map<string, Timeline<TaskPlan>>();
  /** CloudWatch Logs of the account (the data repository event logs), served by logs/service.ts. */
  readonly logs = new LogGroups();

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
    this.repositoryProblems.length = 0;
    this.logs.clear();
    this.random = new Random(this.seed);
  }

  now(): number {
    return this.clock.now();
  }

  // ---- file systems, caches, associations ----

  addFileSystem(spec: FileSystemSpec = {}): string {
    const fileSystemId = spec.fileSystemId ?? this.newId('fs-', (id) => this.fileSystemsById.has(id));
    requireUnused(this.fileSystemsById, fileSystemId);
    const record = fileSystemRecord(spec, fileSystemId, this.recordContext(this.fileSystemList));
    this.fileSystemList.push(record);
    this.fileSystemsById.set(fileSystemId, record);
    return fileSystemId;
  }

  addFileCache(spec: FileCacheSpec = {}): string {
    const fileCacheId = spec.fileCacheId ?? this.newId('fc-', (id) => this.fileCachesById.has(id));
    requireUnused(this.fileCachesById, fileCacheId);
    const record = fileCacheRecord(spec, fileCacheId, this.recordContext(this.fileCacheList));
    this.fileCacheList.push(record);
    this.fileCachesById.set(fileCacheId, record);
    return fileCacheId;
  }

  addAssociation(spec: AssociationSpec): string {
    const resource = this.resolveResource(spec.fileSystemId, spec.fileCacheId);
    if (spec.associationId !== undefined) {
      requireUnused(this.associationsById, spec.associationId);
    }
    const place = {
      resource,
      fileSystem: resource.kind === 'fileSystem' ? this.fileSystemsById.get(resource.id) : undefined,
      siblings: this.associationsOf(resource.id),
    };
    const newId = () => this.newId('dra-', (id) => this.associationsById.has(id));
    const record = associationRecord(spec, place, newId, { seq: this.associationList.length, now: this.now() });
    this.associationList.push(record);
    this.associationsById.set(record.associationId, record);
    return record.associationId;
  }

  getFileSystem(fileSystemId: string): FileSystemRecord | undefined {
    return this.fileSystemsById.get(fileSystemId);
  }

  getFileCache(fileCacheId: string): FileCacheRecord | undefined {
    return this.fileCachesById.get(fileCacheId);
  }

  /** The association as observed at `now`; undefined when unknown or deleted by then. */
  getAssociation(associationId: string, now: number = this.now()): AssociationRecord | undefined {
    const record = this.associationsById.get(associationId);
    return record && observeAssociation(record, now);
  }

  /** In creation order. */
  fileSystems(): readonly FileSystemRecord[] {
    return this.fileSystemList;
  }

  fileCaches(): readonly FileCacheRecord[] {
    return this.fileCacheList;
  }

  /** Every association not yet deleted at `now`, as observed then, in creation order. */
  associations(now: number = this.now()): AssociationRecord[] {
    return observeAll(this.associationList, now);
  }

  associationsOf(resourceId: string, now: number = this.now()): AssociationRecord[] {
    return observeAll(
      this.associationList.filter((association) => association.resource.id === resourceId),
      now,
    );
  }

  /**
   * Something wrong with an S3 bucket or prefix (it does not exist, its policy denies FSx, it sends
   * no event notifications): an association created or updated on a path under `s3Prefix` ends in
   * `lifecycle` with `failureMessage` instead of AVAILABLE. Scenarios and tests set these.
   */
  addRepositoryProblem(problem: RepositoryProblem): void {
    if (!/^s3:\/\/[^/]+/.test(problem.s3Prefix)) {
      throw new RangeError(`s3Prefix ${problem.s3Prefix} must be s3://bucket[/prefix]`);
    }
    if (problem.lifecycle !== 'MISCONFIGURED' && problem.lifecycle !== 'FAILED') {
      throw new RangeError('A repository problem ends an association MISCONFIGURED or FAILED');
    }
    this.repositoryProblems.push(Object.freeze({ ...problem }));
  }

  /** The problem recorded for the bucket or prefix `s3Path` lies in, if any. */
  repositoryProblemAt(s3Path: string): RepositoryProblem | undefined {
    const within = (prefix: string): boolean => {
      const trimmed = prefix.replace(/\/+$/, '');
      return s3Path === trimmed || s3Path.startsWith(`${trimmed}/`);
    };
    return this.repositoryProblems.find((problem) => within(problem.s3Prefix));
  }

  /**
   * Replaces an association by a changed copy (same id, resource and place in creation order):
   * what Update and Delete do. The caller has checked that FSx would accept the change.
   */
  replaceAssociation(record: AssociationRecord): void {
    const stored = this.associationsById.get(record.associationId);
    if (!stored || stored.seq !== record.seq || stored.resource.id !== record.resource.id) {
      throw new RangeError(`No association ${record.associationId} to replace`);
    }
    this.associationList[record.seq] = record;
    this.associationsById.set(record.associationId, record);
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
    const taskId = spec.taskId ?? this.newId('task-', (id) => this.tasksById.has(id) || reserved.has(id));
    if (this.tasksById.has(taskId) || reserved.has(taskId)) {
      throw new RangeError(`Task ${taskId} already exists`);
    }
    return taskPlan(spec, resource, taskId, this.now());
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

  /** What a record added to `list` takes from the store. */
  private recordContext(list: readonly unknown[]): RecordContext {
    return { seq: list.length, now: this.now(), random: this.random };
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

function observeAll(records: readonly AssociationRecord[], now: number): AssociationRecord[] {
  const observed: AssociationRecord[] = [];
  for (const record of records) {
    const seen = observeAssociation(record, now);
    if (seen) {
      observed.push(seen);
    }
  }
  return observed;
}

function insertInto(timeline: Timeline<TaskPlan>, plans: readonly TaskPlan[]): void {
  if (plans.length === 1) {
    timeline.add(plans[0]);
  } else if (plans.length > 1) {
    timeline.addAll(plans);
  }
}

function requireUnused(map: ReadonlyMap<string, unknown>, id: string): void {
  if (map.has(id)) {
    throw new RangeError(`${id} already exists`);
  }
}
