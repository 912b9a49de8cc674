// What each Describe operation selects, given validated input and a paging cursor. Filters
// combine as FSx documents: AND across filters, OR among one filter's values. Ids that name
// nothing answer with the matching "not found" error, before anything is listed.

import { ServiceError, badRequest } from './errors';
import { lifecycleAt } from './lifecycle';
import {
  TASK_LIFECYCLES,
  type AssociationRecord,
  type FileCacheRecord,
  type FileSystemRecord,
  type TaskPlan,
} from './apiModel';
import { takePage, type Page } from './paging';
import { requireAssociations, requireFileCaches, requireFileSystems, requireTasks } from './lookups';
import type { EmulatorStore } from './store';
import { compareTaskKeys, type TaskKey } from './timeline';

export interface FilterInput {
  readonly Name?: string;
  readonly Values?: readonly string[];
}

interface Filter {
  readonly name: string;
  readonly values: ReadonlySet<string>;
}

export interface TaskQuery {
  readonly TaskIds?: readonly string[];
  readonly Filters?: readonly FilterInput[];
}

export interface AssociationQuery {
  readonly AssociationIds?: readonly string[];
  readonly Filters?: readonly FilterInput[];
}

const TASK_LIFECYCLE_SET: ReadonlySet<string> = new Set(TASK_LIFECYCLES);
const ASSOCIATION_FILTERS = ['file-system-id', 'file-cache-id', 'data-repository-type', 'file-cache-type'] as const;

export function selectTasks(
  store: EmulatorStore,
  query: TaskQuery,
  after: TaskKey | undefined,
  limit: number,
  now: number,
): Page<TaskPlan> {
  const filters = readFilters(query.Filters);
  for (const filter of filters) {
    if (filter.name === 'task-lifecycle') {
      const invalid = [...filter.values].find((value) => !TASK_LIFECYCLE_SET.has(value));
      if (invalid !== undefined) {
        throw badRequest(`Invalid task-lifecycle filter value '${invalid}'. Valid values: ${TASK_LIFECYCLES.join(', ')}.`);
      }
    }
  }
  requireFileSystems(store, valuesOf(filters, 'file-system-id'));
  requireFileCaches(store, valuesOf(filters, 'file-cache-id'));
  requireAssociations(store, valuesOf(filters, 'data-repository-association-id'));
  // An empty id list selects nothing in particular, like an absent one.
  const taskIds = query.TaskIds?.length ? [...new Set(query.TaskIds)] : undefined;
  if (taskIds) {
    requireTasks(store, taskIds);
  }

  const predicates = filters.map((filter) => taskPredicate(store, filter, now));
  const matches = (plan: TaskPlan): boolean => predicates.every((predicate) => predicate(plan));
  return takePage(taskSource(store, filters, taskIds, after), matches, limit);
}

function taskSource(
  store: EmulatorStore,
  filters: readonly Filter[],
  taskIds: readonly string[] | undefined,
  after: TaskKey | undefined,
): Iterable<TaskPlan> {
  if (taskIds) {
    return taskIds
      .map((id) => store.getTaskPlan(id) as TaskPlan)
      .filter((plan) => after === undefined || compareTaskKeys(plan, after) < 0)
      .sort((a, b) => compareTaskKeys(b, a));
  }
  // Walk only the tasks of the named resources when a filter names some; the predicates
  // still apply every filter.
  const resourceFilter = filters.find((filter) => filter.name === 'file-system-id' || filter.name === 'file-cache-id');
  if (resourceFilter) {
    return store.taskPlansNewestFirst([...resourceFilter.values], after);
  }
  const associationFilter = filters.find((filter) => filter.name === 'data-repository-association-id');
  if (associationFilter) {
    const resources = [...associationFilter.values].map((id) => (store.getAssociation(id) as AssociationRecord).resource.id);
    return store.taskPlansNewestFirst(resources, after);
  }
  return store.taskPlansNewestFirst(undefined, after);
}

function taskPredicate(store: EmulatorStore, filter: Filter, now: number): (plan: TaskPlan) => boolean {
  const { values } = filter;
  switch (filter.name) {
    case 'file-system-id':
      return (plan) => plan.resource.kind === 'fileSystem' && values.has(plan.resource.id);
    case 'file-cache-id':
      return (plan) => plan.resource.kind === 'fileCache' && values.has(plan.resource.id);
    case 'task-lifecycle':
      return (plan) => values.has(lifecycleAt(plan, now));
    case 'data-repository-association-id': {
      const associations = [...values].map((id) => store.getAssociation(id) as AssociationRecord);
      return (plan) => associations.some((association) => taskTouchesAssociation(plan, association));
    }
    default:
      // The wire validator admits only the four modelled names.
      throw badRequest(`Unsupported filter name '${filter.name}'.`);
  }
}

/**
 * A task belongs to an association when it runs on the same resource and either names no paths
 * or `/` (the whole file system) or names a path inside the association's file system path or
 * data repository path.
 */
export function taskTouchesAssociation(plan: TaskPlan, association: AssociationRecord): boolean {
  if (plan.resource.id !== association.resource.id) {
    return false;
  }
  // No paths, or `/` (how a release names the whole file system), reach every association.
  if (plan.paths.length === 0 || plan.paths.some((path) => path.replace(/\/+$/, '') === '')) {
    return true;
  }
  const resourcePath = withTrailingSlash(association.resourcePath);
  const repositoryPath = withTrailingSlash(association.dataRepositoryPath);
  return plan.paths.some((path) => {
    const asResourcePath = withTrailingSlash(`/${path.replace(/^\/+/, '')}`);
    return asResourcePath.startsWith(resourcePath) || withTrailingSlash(path).startsWith(repositoryPath);
  });
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

export function selectFileSystems(
  store: EmulatorStore,
  ids: readonly string[] | undefined,
  afterSeq: number | undefined,
  limit: number,
): Page<FileSystemRecord> {
  return selectByIds(store.fileSystems(), ids, (record) => record.fileSystemId, (unknown) => requireFileSystems(store, unknown), afterSeq, limit);
}

export function selectFileCaches(
  store: EmulatorStore,
  ids: readonly string[] | undefined,
  afterSeq: number | undefined,
  limit: number,
): Page<FileCacheRecord> {
  return selectByIds(store.fileCaches(), ids, (record) => record.fileCacheId, (unknown) => requireFileCaches(store, unknown), afterSeq, limit);
}

export function selectAssociations(
  store: EmulatorStore,
  query: AssociationQuery,
  afterSeq: number | undefined,
  limit: number,
  now: number = store.now(),
): Page<AssociationRecord> {
  const filters = readFilters(query.Filters);
  for (const filter of filters) {
    if (!(ASSOCIATION_FILTERS as readonly string[]).includes(filter.name)) {
      throw badRequest(`Filter '${filter.name}' is not supported by DescribeDataRepositoryAssociations.`);
    }
    const invalidType = [...filter.values].find((value) => value !== 'S3' && value !== 'NFS');
    if (filter.name === 'data-repository-type' && invalidType !== undefined) {
      throw new ServiceError('InvalidDataRepositoryType', `'${invalidType}' is not a data repository type; use S3 or NFS.`);
    }
    if (filter.name === 'file-cache-type' && [...filter.values].some((value) => value !== 'LUSTRE')) {
      throw badRequest('The only file-cache-type is LUSTRE.');
    }
  }
  requireFileSystems(store, valuesOf(filters, 'file-system-id'));
  requireFileCaches(store, valuesOf(filters, 'file-cache-id'));
  const page = selectByIds(
    store.associations(now),
    query.AssociationIds,
    (record) => record.associationId,
    (unknown) => requireAssociations(store, unknown),
    afterSeq,
    Number.MAX_SAFE_INTEGER,
  );
  const matches = (record: AssociationRecord): boolean =>
    filters.every((filter) => filter.values.has(associationFilterValue(record, filter.name)));
  return takePage(page.items, matches, limit);
}

function associationFilterValue(record: AssociationRecord, name: string): string {
  switch (name) {
    case 'file-system-id':
      return record.resource.kind === 'fileSystem' ? record.resource.id : '';
    case 'file-cache-id':
      return record.resource.kind === 'fileCache' ? record.resource.id : '';
    case 'data-repository-type':
      return record.repositoryType;
    default:
      return record.resource.kind === 'fileCache' ? 'LUSTRE' : '';
  }
}

/** Records in creation order after `afterSeq`, limited to `ids` when given. */
function selectByIds<T extends { readonly seq: number }>(
  records: readonly T[],
  ids: readonly string[] | undefined,
  idOf: (record: T) => string,
  requireAll: (ids: readonly string[]) => void,
  afterSeq: number | undefined,
  limit: number,
): Page<T> {
  // An empty id list selects nothing in particular, like an absent one.
  const wanted = ids?.length ? new Set(ids) : undefined;
  if (wanted) {
    requireAll([...wanted]);
  }
  const start = afterSeq === undefined ? 0 : afterSeq + 1;
  return takePage(recordsFrom(records, start), (record) => !wanted || wanted.has(idOf(record)), limit);
}

/** Records from sequence number `start` on (deleted associations leave gaps in the numbers). */
function* recordsFrom<T extends { readonly seq: number }>(records: readonly T[], start: number): Generator<T, void, undefined> {
  // Creation order: a record's index is never above its seq, so the scan starts close.
  for (let i = Math.min(start, records.length); i >= 0; i--) {
    if (i === 0 || records[i - 1].seq < start) {
      for (let j = i; j < records.length; j++) {
        yield records[j];
      }
      return;
    }
  }
}

function readFilters(inputs: readonly FilterInput[] | undefined): Filter[] {
  return (inputs ?? []).map((input) => {
    if (input.Name === undefined) {
      throw badRequest('Each filter needs a Name.');
    }
    if (input.Values === undefined || input.Values.length === 0) {
      throw badRequest(`Filter '${input.Name}' needs at least one value.`);
    }
    return { name: input.Name, values: new Set(input.Values) };
  });
}

function valuesOf(filters: readonly Filter[], name: string): string[] {
  return filters.filter((filter) => filter.name === name).flatMap((filter) => [...filter.values]);
}
