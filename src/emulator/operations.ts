// The emulated operations: one table of (input shape, handler). Shapes mirror the FSx API
// model's members and constraints; handlers turn validated input into state queries/changes and
// the answer into wire JSON. The Describe operations share one paging routine.

import {
  ASSOCIATION_FILTER_NAMES,
  EVENT_TYPES,
  MAX_ARCHIVE_PATH_LENGTH,
  MAX_CHUNK_SIZE_MIB,
  MAX_NAMESPACE_LENGTH,
  MAX_PAGE_ASSOCIATIONS,
  MAX_PAGE_FILE_CACHES,
  MAX_PAGE_FILE_SYSTEMS,
  MAX_PAGE_TASKS,
  MAX_TASK_PATHS,
  MAX_TASK_PATH_LENGTH,
  MIN_ARCHIVE_PATH_LENGTH,
  PATH_CHARACTERS,
  TASK_FILTER_NAMES,
  TASK_TYPES,
  type OperationName,
} from './apiModel';
import type { AssociationRules, CreateAssociationRequest, DeleteAssociationRequest, UpdateAssociationRequest } from './associationRules';
import { invalidToken, pageSize, type Page, type PageTokens } from './paging';
import {
  selectAssociations,
  selectFileCaches,
  selectFileSystems,
  selectTasks,
  type AssociationQuery,
  type TaskQuery,
} from './queries';
import { snapshotOf } from './records';
import type { EmulatorStore } from './store';
import type { CreateTaskRequest, TaskRules } from './taskRules';
import type { TaskKey } from './timeline';
import type { ListShape, NumberShape, Shape, StringShape, StructureShape } from './validation';
import { wireAssociation, wireFileCache, wireFileSystem, wireTask, type WireObject } from './wire';

export interface OperationContext {
  readonly store: EmulatorStore;
  readonly rules: TaskRules;
  readonly associationRules: AssociationRules;
  readonly tokens: PageTokens;
  /** One instant per request, so every task in an answer is observed at the same time. */
  readonly now: number;
}

export interface Operation {
  readonly input: StructureShape;
  handle(input: Record<string, unknown>, context: OperationContext): WireObject;
}

// ---- shapes (from the model) ----

const idString = (pattern: RegExp, min: number, max: number): StringShape => ({ type: 'string', min, max, pattern });
const listOf = (member: Shape, max: number, min?: number): ListShape => ({ type: 'list', member, max, min });

const FILE_SYSTEM_ID = idString(/^(fs-[0-9a-f]{8,})$/, 11, 21);
const FILE_CACHE_ID = idString(/^(fc-[0-9a-f]{8,})$/, 11, 21);
const TASK_ID = idString(/^(task-[0-9a-f]{17,})$/, 12, 128);
const ASSOCIATION_ID = idString(/^(dra-[0-9a-f]{8,})$/, 13, 23);
const MAX_RESULTS: NumberShape = { type: 'integer', min: 1, max: 2147483647 };
const LIMITED_MAX_RESULTS: NumberShape = { type: 'integer', min: 1, max: 25 };
/** Checked by PageTokens, which answers "Invalid NextToken" for anything it did not issue. */
const NEXT_TOKEN: StringShape = { type: 'string' };
const FILTER_VALUES = listOf({ type: 'string', min: 1, max: 128, pattern: /^[0-9a-zA-Z*.\\/?\-_]*$/ }, 20);
const filtersOf = (names: readonly string[], max: number): ListShape =>
  listOf({ type: 'structure', members: { Name: { type: 'string', enum: names }, Values: FILTER_VALUES } }, max);
const TAGS = listOf(
  {
    type: 'structure',
    required: ['Key', 'Value'],
    members: {
      Key: { type: 'string', min: 1, max: 128, pattern: /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u },
      Value: { type: 'string', min: 0, max: 256, pattern: /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u },
    },
  },
  50,
  1,
);

const CLIENT_REQUEST_TOKEN: StringShape = { type: 'string', min: 1, max: 63, pattern: /^[A-za-z0-9_.-]{0,63}$/ };
const NAMESPACE: StringShape = { type: 'string', min: 1, max: MAX_NAMESPACE_LENGTH, pattern: PATH_CHARACTERS };
const ARCHIVE_PATH: StringShape = { type: 'string', min: MIN_ARCHIVE_PATH_LENGTH, max: MAX_ARCHIVE_PATH_LENGTH, pattern: PATH_CHARACTERS };
const CHUNK_SIZE: NumberShape = { type: 'integer', min: 1, max: MAX_CHUNK_SIZE_MIB };
const EVENTS_POLICY: StructureShape = { type: 'structure', members: { Events: listOf({ type: 'string', enum: EVENT_TYPES }, 3) } };
const S3_POLICIES: StructureShape = { type: 'structure', members: { AutoImportPolicy: EVENTS_POLICY, AutoExportPolicy: EVENTS_POLICY } };

const pagedInput = (members: Record<string, Shape>, maxResults: NumberShape = MAX_RESULTS): StructureShape => ({
  type: 'structure',
  members: { ...members, MaxResults: maxResults, NextToken: NEXT_TOKEN },
});

// ---- paging shared by the Describe operations ----

interface PagedList<T, C> {
  readonly operation: OperationName;
  readonly operationMax: number;
  readonly listMember: string;
  readonly select: (after: C | undefined, limit: number) => Page<T>;
  /** The cursor as it goes into the token (JSON). */
  readonly cursorOf: (item: T) => unknown;
  readonly readCursor: (value: unknown) => C | undefined;
  readonly toWire: (item: T) => WireObject;
}

function describePage<T, C>(input: Record<string, unknown>, context: OperationContext, list: PagedList<T, C>): WireObject {
  const { NextToken: token, MaxResults: maxResults, ...rest } = input;
  // Tokens are bound to the request's selection; MaxResults may change between pages.
  const scope = JSON.stringify(rest);
  let after: C | undefined;
  if (token !== undefined) {
    after = list.readCursor(context.tokens.verify(list.operation, scope, token as string));
    if (after === undefined) {
      throw invalidToken();
    }
  }
  const page = list.select(after, pageSize(maxResults as number | undefined, list.operationMax));
  const last = page.items[page.items.length - 1];
  const answer: WireObject = { [list.listMember]: page.items.map(list.toWire) };
  if (page.more && last !== undefined) {
    answer.NextToken = context.tokens.issue(list.operation, scope, list.cursorOf(last));
  }
  return answer;
}

function readSeq(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}

function readTaskKey(value: unknown): TaskKey | undefined {
  if (Array.isArray(value) && value.length === 2 && Number.isFinite(value[0]) && typeof value[1] === 'string') {
    return { createdAt: value[0] as number, taskId: value[1] };
  }
  return undefined;
}

// ---- the table ----

export const OPERATIONS: Readonly<Record<OperationName, Operation>> = Object.freeze({
  DescribeFileSystems: {
    input: pagedInput({ FileSystemIds: listOf(FILE_SYSTEM_ID, 50) }),
    handle: (input, context) =>
      describePage(input, context, {
        operation: 'DescribeFileSystems',
        operationMax: MAX_PAGE_FILE_SYSTEMS,
        listMember: 'FileSystems',
        select: (after, limit) => selectFileSystems(context.store, input.FileSystemIds as string[] | undefined, after, limit),
        cursorOf: (record) => record.seq,
        readCursor: readSeq,
        toWire: wireFileSystem,
      }),
  },

  DescribeFileCaches: {
    input: pagedInput({ FileCacheIds: listOf(FILE_CACHE_ID, 50) }),
    handle: (input, context) =>
      describePage(input, context, {
        operation: 'DescribeFileCaches',
        operationMax: MAX_PAGE_FILE_CACHES,
        listMember: 'FileCaches',
        select: (after, limit) => selectFileCaches(context.store, input.FileCacheIds as string[] | undefined, after, limit),
        cursorOf: (record) => record.seq,
        readCursor: readSeq,
        toWire: (record) =>
          wireFileCache(
            record,
            context.store.associationsOf(record.fileCacheId, context.now).map((association) => association.associationId),
          ),
      }),
  },

  DescribeDataRepositoryTasks: {
    input: pagedInput({ TaskIds: listOf(TASK_ID, 50), Filters: filtersOf(TASK_FILTER_NAMES, 3) }),
    handle: (input, context) =>
      describePage(input, context, {
        operation: 'DescribeDataRepositoryTasks',
        operationMax: MAX_PAGE_TASKS,
        listMember: 'DataRepositoryTasks',
        select: (after, limit) => selectTasks(context.store, input as TaskQuery, after, limit, context.now),
        cursorOf: (plan) => [plan.createdAt, plan.taskId],
        readCursor: readTaskKey,
        toWire: (plan) => wireTask(snapshotOf(plan, context.now)),
      }),
  },

  DescribeDataRepositoryAssociations: {
    input: pagedInput(
      { AssociationIds: listOf(ASSOCIATION_ID, 50), Filters: filtersOf(ASSOCIATION_FILTER_NAMES, 10) },
      LIMITED_MAX_RESULTS,
    ),
    handle: (input, context) =>
      describePage(input, context, {
        operation: 'DescribeDataRepositoryAssociations',
        operationMax: MAX_PAGE_ASSOCIATIONS,
        listMember: 'Associations',
        select: (after, limit) => selectAssociations(context.store, input as AssociationQuery, after, limit, context.now),
        cursorOf: (record) => record.seq,
        readCursor: readSeq,
        toWire: wireAssociation,
      }),
  },

  CreateDataRepositoryTask: {
    input: {
      type: 'structure',
      required: ['Type', 'FileSystemId', 'Report'],
      members: {
        Type: { type: 'string', enum: TASK_TYPES },
        Paths: listOf({ type: 'string', min: 0, max: MAX_TASK_PATH_LENGTH, pattern: PATH_CHARACTERS }, MAX_TASK_PATHS),
        FileSystemId: FILE_SYSTEM_ID,
        Report: {
          type: 'structure',
          required: ['Enabled'],
          members: {
            Enabled: { type: 'boolean' },
            Path: { type: 'string', min: MIN_ARCHIVE_PATH_LENGTH, max: MAX_ARCHIVE_PATH_LENGTH, pattern: PATH_CHARACTERS },
            Format: { type: 'string', enum: ['REPORT_CSV_20191124'] },
            Scope: { type: 'string', enum: ['FAILED_FILES_ONLY'] },
          },
        },
        ClientRequestToken: CLIENT_REQUEST_TOKEN,
        Tags: TAGS,
        CapacityToRelease: { type: 'long', min: 1, max: 2147483647 },
        ReleaseConfiguration: {
          type: 'structure',
          members: {
            DurationSinceLastAccess: {
              type: 'structure',
              members: { Unit: { type: 'string', enum: ['DAYS'] }, Value: { type: 'long', min: 0 } },
            },
          },
        },
      },
    },
    handle: (input, context) => ({
      DataRepositoryTask: wireTask(context.rules.createTask(input as unknown as CreateTaskRequest, context.now)),
    }),
  },

  CancelDataRepositoryTask: {
    input: { type: 'structure', required: ['TaskId'], members: { TaskId: TASK_ID } },
    handle: (input, context) => {
      const taskId = input.TaskId as string;
      return { Lifecycle: context.rules.cancelTask(taskId, context.now), TaskId: taskId };
    },
  },

  CreateDataRepositoryAssociation: {
    input: {
      type: 'structure',
      required: ['FileSystemId', 'DataRepositoryPath'],
      members: {
        FileSystemId: FILE_SYSTEM_ID,
        FileSystemPath: NAMESPACE,
        DataRepositoryPath: ARCHIVE_PATH,
        BatchImportMetaDataOnCreate: { type: 'boolean' },
        ImportedFileChunkSize: CHUNK_SIZE,
        S3: S3_POLICIES,
        ClientRequestToken: CLIENT_REQUEST_TOKEN,
        Tags: TAGS,
      },
    },
    handle: (input, context) => ({
      Association: wireAssociation(context.associationRules.createAssociation(input as unknown as CreateAssociationRequest, context.now)),
    }),
  },

  UpdateDataRepositoryAssociation: {
    input: {
      type: 'structure',
      required: ['AssociationId'],
      members: { AssociationId: ASSOCIATION_ID, ClientRequestToken: CLIENT_REQUEST_TOKEN, ImportedFileChunkSize: CHUNK_SIZE, S3: S3_POLICIES },
    },
    handle: (input, context) => ({
      Association: wireAssociation(context.associationRules.updateAssociation(input as unknown as UpdateAssociationRequest, context.now)),
    }),
  },

  DeleteDataRepositoryAssociation: {
    input: {
      type: 'structure',
      required: ['AssociationId'],
      members: { AssociationId: ASSOCIATION_ID, ClientRequestToken: CLIENT_REQUEST_TOKEN, DeleteDataInFileSystem: { type: 'boolean' } },
    },
    handle: (input, context) => {
      const request = input as unknown as DeleteAssociationRequest;
      return {
        AssociationId: request.AssociationId,
        Lifecycle: context.associationRules.deleteAssociation(request, context.now),
        DeleteDataInFileSystem: request.DeleteDataInFileSystem ?? false,
      };
    },
  },
});
