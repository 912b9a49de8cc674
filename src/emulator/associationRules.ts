// FSx's rules for creating, updating and deleting data repository associations, over the store:
// which file systems take them, the path rules (no overlap, `/` only for the first, one S3 path per
// association, at most 8), idempotency by ClientRequestToken, and the lifecycles each request
// starts (CREATING, UPDATING, DELETING), which the clock then moves on (records.ts,
// observeAssociation). The store keeps records; this decides what the service would say.

import { ServiceError, badRequest } from './errors';
import { fileSystemNotFound } from './lookups';
import {
  DEFAULT_CHUNK_SIZE_MIB,
  MAX_ASSOCIATIONS_PER_FILE_SYSTEM,
  type AssociationRecord,
  type DataRepositoryLifecycle,
  type EventType,
  type Tag,
} from './apiModel';
import { associationRefusal, pathsNest } from './records';
import type { EmulatorStore } from './store';

interface EventsPolicy {
  readonly Events?: readonly EventType[];
}

interface S3Policies {
  readonly AutoImportPolicy?: EventsPolicy;
  readonly AutoExportPolicy?: EventsPolicy;
}

/** CreateDataRepositoryAssociation's input after wire validation. */
export interface CreateAssociationRequest {
  readonly FileSystemId: string;
  readonly FileSystemPath?: string;
  readonly DataRepositoryPath: string;
  readonly BatchImportMetaDataOnCreate?: boolean;
  readonly ImportedFileChunkSize?: number;
  readonly S3?: S3Policies;
  readonly ClientRequestToken?: string;
  readonly Tags?: readonly Tag[];
}

export interface UpdateAssociationRequest {
  readonly AssociationId: string;
  readonly ClientRequestToken?: string;
  readonly ImportedFileChunkSize?: number;
  readonly S3?: S3Policies;
}

export interface DeleteAssociationRequest {
  readonly AssociationId: string;
  readonly ClientRequestToken?: string;
  readonly DeleteDataInFileSystem?: boolean;
}

/** How long each change takes before the clock settles it. */
export interface AssociationTiming {
  readonly creatingMs: number;
  readonly updatingMs: number;
  readonly deletingMs: number;
}

export const DEFAULT_ASSOCIATION_TIMING: AssociationTiming = Object.freeze({ creatingMs: 45_000, updatingMs: 20_000, deletingMs: 30_000 });

type Operation = 'create' | 'update' | 'delete';

export class AssociationRules {
  private readonly idempotency = new Map<string, { fingerprint: string; associationId: string }>();
  private timing: AssociationTiming = DEFAULT_ASSOCIATION_TIMING;

  constructor(private readonly store: EmulatorStore) {}

  /** Forgets client request tokens and any timing set. */
  reset(): void {
    this.idempotency.clear();
    this.timing = DEFAULT_ASSOCIATION_TIMING;
  }

  /** How long creates, updates and deletes take from now on (undefined: the defaults). */
  setTiming(timing: Partial<AssociationTiming> | undefined): void {
    const next = { ...DEFAULT_ASSOCIATION_TIMING, ...timing };
    for (const [key, value] of Object.entries(next)) {
      if (!(Number.isFinite(value) && value >= 0)) {
        throw new RangeError(`${key} must be a finite number >= 0, got ${value}`);
      }
    }
    this.timing = Object.freeze(next);
  }

  /** CreateDataRepositoryAssociation, after wire validation: the new association, CREATING. */
  createAssociation(request: CreateAssociationRequest, now: number = this.store.now()): AssociationRecord {
    const previous = this.replay('create', request, now);
    if (previous) {
      return previous;
    }
    const fileSystem = this.store.getFileSystem(request.FileSystemId);
    if (!fileSystem) {
      throw fileSystemNotFound(request.FileSystemId);
    }
    const refusal = associationRefusal(fileSystem);
    if (refusal) {
      throw new ServiceError('UnsupportedOperation', `File system ${fileSystem.fileSystemId} cannot have data repository associations: ${refusal}.`);
    }
    if (fileSystem.lifecycle !== 'AVAILABLE' && fileSystem.lifecycle !== 'UPDATING') {
      throw badRequest(`File system ${fileSystem.fileSystemId} is ${fileSystem.lifecycle}; it must be AVAILABLE to create a data repository association.`);
    }
    const fileSystemPath = request.FileSystemPath;
    if (fileSystemPath === undefined || !fileSystemPath.startsWith('/')) {
      throw badRequest('FileSystemPath is required and must begin with a forward slash (/), such as /ns1/.');
    }
    if (!isS3Path(request.DataRepositoryPath)) {
      throw badRequest(`DataRepositoryPath must be an S3 bucket or prefix in the form s3://myBucket/myPrefix/.`);
    }
    const siblings = this.store.associationsOf(fileSystem.fileSystemId, now);
    if (siblings.length >= MAX_ASSOCIATIONS_PER_FILE_SYSTEM) {
      throw new ServiceError(
        'ServiceLimitExceeded',
        `File system ${fileSystem.fileSystemId} already has ${siblings.length} data repository associations; the limit is ${MAX_ASSOCIATIONS_PER_FILE_SYSTEM}.`,
      );
    }
    if (isRoot(fileSystemPath) && siblings.length > 0) {
      throw badRequest('The root directory (/) can be used only when it is the first data repository association of the file system.');
    }
    const overlapping = siblings.find((other) => pathsNest(other.resourcePath, fileSystemPath));
    if (overlapping) {
      throw badRequest(
        `FileSystemPath ${fileSystemPath} overlaps ${overlapping.resourcePath} of data repository association ${overlapping.associationId}; file system paths of two associations cannot overlap.`,
      );
    }
    const sameRepository = siblings.find((other) => pathsNest(s3Key(other.dataRepositoryPath), s3Key(request.DataRepositoryPath)));
    if (sameRepository) {
      throw badRequest(
        `DataRepositoryPath ${request.DataRepositoryPath} overlaps ${sameRepository.dataRepositoryPath} of data repository association ${sameRepository.associationId}; each S3 path can be linked to one association only.`,
      );
    }
    const problem = this.store.repositoryProblemAt(request.DataRepositoryPath);
    const associationId = this.store.addAssociation({
      fileSystemId: fileSystem.fileSystemId,
      resourcePath: fileSystemPath,
      dataRepositoryPath: request.DataRepositoryPath,
      lifecycle: 'CREATING',
      // The API's defaults: no batch import, automatic import and export off unless asked for.
      batchImportMetaDataOnCreate: request.BatchImportMetaDataOnCreate ?? false,
      importedFileChunkSize: request.ImportedFileChunkSize ?? DEFAULT_CHUNK_SIZE_MIB,
      autoImportEvents: distinct(request.S3?.AutoImportPolicy?.Events ?? []),
      autoExportEvents: distinct(request.S3?.AutoExportPolicy?.Events ?? []),
      tags: request.Tags,
      createdAt: now,
      next: {
        at: now + this.timing.creatingMs,
        lifecycle: problem?.lifecycle ?? 'AVAILABLE',
        failureMessage: problem?.failureMessage,
      },
    });
    this.remember('create', request, associationId);
    return this.store.getAssociation(associationId, now) as AssociationRecord;
  }

  /** UpdateDataRepositoryAssociation: the changed association, UPDATING. */
  updateAssociation(request: UpdateAssociationRequest, now: number = this.store.now()): AssociationRecord {
    const previous = this.replay('update', request, now);
    if (previous) {
      return previous;
    }
    const current = this.existing(request.AssociationId, now);
    if (current.resource.kind !== 'fileSystem') {
      throw badRequest(`${current.associationId} belongs to a File Cache; update the cache instead.`);
    }
    if (current.lifecycle !== 'AVAILABLE' && current.lifecycle !== 'MISCONFIGURED') {
      throw badRequest(`Data repository association ${current.associationId} is ${current.lifecycle}; it can be updated only when AVAILABLE or MISCONFIGURED.`);
    }
    const s3 = request.S3;
    const updated: AssociationRecord = {
      ...current,
      lifecycle: 'UPDATING',
      failureMessage: undefined,
      importedFileChunkSize: request.ImportedFileChunkSize ?? current.importedFileChunkSize,
      // A policy left out stays as it is; one with no events turns that direction off.
      autoImportEvents: s3?.AutoImportPolicy ? distinct(s3.AutoImportPolicy.Events ?? []) : current.autoImportEvents,
      autoExportEvents: s3?.AutoExportPolicy ? distinct(s3.AutoExportPolicy.Events ?? []) : current.autoExportEvents,
      next: this.settleAfterUpdate(current, now),
    };
    this.store.replaceAssociation(updated);
    this.remember('update', request, current.associationId);
    return updated;
  }

  /** DeleteDataRepositoryAssociation: the lifecycle to answer with (DELETING). */
  deleteAssociation(request: DeleteAssociationRequest, now: number = this.store.now()): DataRepositoryLifecycle {
    const current = this.existing(request.AssociationId, now);
    if (current.lifecycle === 'DELETING') {
      // Asked again (a retry after a lost answer): the deletion under way is the answer.
      return 'DELETING';
    }
    if (current.resource.kind !== 'fileSystem') {
      throw badRequest(`${current.associationId} belongs to a File Cache; it is deleted with the cache.`);
    }
    if (current.lifecycle === 'CREATING' || current.lifecycle === 'UPDATING') {
      throw badRequest(`Data repository association ${current.associationId} is ${current.lifecycle}; wait until it is AVAILABLE, then delete it.`);
    }
    this.store.replaceAssociation({
      ...current,
      lifecycle: 'DELETING',
      failureMessage: undefined,
      next: { at: now + this.timing.deletingMs, lifecycle: 'GONE' },
    });
    return 'DELETING';
  }

  private settleAfterUpdate(current: AssociationRecord, now: number): AssociationRecord['next'] {
    const problem = this.store.repositoryProblemAt(current.dataRepositoryPath);
    return { at: now + this.timing.updatingMs, lifecycle: problem?.lifecycle ?? 'AVAILABLE', failureMessage: problem?.failureMessage };
  }

  private existing(associationId: string, now: number): AssociationRecord {
    const record = this.store.getAssociation(associationId, now);
    if (!record) {
      throw new ServiceError('DataRepositoryAssociationNotFound', `Data repository association '${associationId}' does not exist.`);
    }
    return record;
  }

  /** The association a request with this token already made, or IncompatibleParameterError when the token came with other parameters. */
  private replay(operation: Operation, request: { readonly ClientRequestToken?: string }, now: number): AssociationRecord | undefined {
    const { ClientRequestToken: token, ...parameters } = request;
    if (token === undefined) {
      return undefined;
    }
    const previous = this.idempotency.get(`${operation}:${token}`);
    if (!previous) {
      return undefined;
    }
    if (previous.fingerprint !== JSON.stringify(parameters)) {
      throw new ServiceError('IncompatibleParameterError', 'The ClientRequestToken was already used with different parameters.', {
        Parameter: 'ClientRequestToken',
      });
    }
    const record = this.store.getAssociation(previous.associationId, now);
    if (!record) {
      throw new ServiceError('DataRepositoryAssociationNotFound', `Data repository association '${previous.associationId}' no longer exists.`);
    }
    return record;
  }

  private remember(operation: Operation, request: { readonly ClientRequestToken?: string }, associationId: string): void {
    const { ClientRequestToken: token, ...parameters } = request;
    if (token !== undefined) {
      this.idempotency.set(`${operation}:${token}`, { fingerprint: JSON.stringify(parameters), associationId });
    }
  }
}

/** `s3://bucket` or `s3://bucket/prefix...`, with a bucket name. */
function isS3Path(path: string): boolean {
  return /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(path);
}

/** The S3 path as a slash path, so that pathsNest compares buckets and prefixes. */
function s3Key(path: string): string {
  return `/${path.replace(/^[a-z0-9]+:\/\//i, '')}`;
}

function isRoot(path: string): boolean {
  return /^\/+$/.test(path);
}

function distinct(events: readonly EventType[]): readonly EventType[] {
  return [...new Set(events)];
}
