import { FsxError, withServiceDetail } from './errors';
import { L10n } from './l10n';
import { plainText } from './outsideText';
import { Association, FsxApi, StorageResource } from './types';
import { collectPages } from './pages';

/** Far more than FSx lets one file system have. */
export const ASSOCIATIONS_LIMIT = 500;
/** CreateDataRepositoryAssociation: at most this many associations on one file system. */
export const MAX_ASSOCIATIONS_PER_FILE_SYSTEM = 8;

/**
 * How a resource links to data repositories, the one answer every capability is read from
 * (docs/ARCHITECTURE.md, "Associations"):
 * - `associations`: a Lustre 2.12/2.15 file system (not Scratch 1, no link of its own): it can have
 *   up to 8 associations, created, changed and deleted here;
 * - `cacheAssociations`: a File Cache: it has associations, made only when the cache is created;
 * - `ownLink`: a Scratch or Persistent 1 file system linked through its own
 *   DataRepositoryConfiguration, a Scratch 1 or a Lustre 2.10 one: tasks, but no associations;
 * - `noS3`: an Intelligent-Tiering file system (it cannot link to S3 at all, so it has no tasks)
 *   or one that is not Lustre.
 */
export type S3LinkKind = 'associations' | 'cacheAssociations' | 'ownLink' | 'noS3';

export function s3LinkKind(resource: StorageResource): S3LinkKind {
  if (resource.kind === 'fileCache') {
    return 'cacheAssociations';
  }
  if (!resource.supportsTasks || resource.storageClass === 'INTELLIGENT_TIERING') {
    return 'noS3';
  }
  if (resource.dataRepositoryLink || resource.fileSystemTypeVersion === '2.10' || resource.deploymentType === 'SCRATCH_1') {
    return 'ownLink';
  }
  return 'associations';
}

/**
 * Whether DescribeDataRepositoryAssociations means anything for the resource. The FSx for Lustre
 * guide: associations "aren't available on FSx for Lustre 2.10 file systems or Scratch 1 file
 * systems"; a file system with its own link (Scratch, Persistent 1) uses that link instead.
 */
export function hasAssociations(resource: StorageResource): boolean {
  const kind = s3LinkKind(resource);
  return kind === 'associations' || kind === 'cacheAssociations';
}

/** Why no association can be created, changed or deleted on the resource here, or undefined when it can. */
export function associationRefusal(resource: StorageResource, l10n: L10n): string | undefined {
  const name = plainText(resource.name ?? resource.id);
  switch (s3LinkKind(resource)) {
    case 'associations':
      return undefined;
    case 'cacheAssociations':
      return l10n.t('Amazon File Cache {0} takes its data repository associations only when the cache is created; they cannot be added, changed or removed afterwards.', name);
    case 'noS3':
      return resource.storageClass === 'INTELLIGENT_TIERING'
        ? l10n.t('{0} uses Intelligent-Tiering storage, which cannot be linked to S3: it has no data repository associations and no data repository tasks.', name)
        : l10n.t('{0} is not an FSx for Lustre file system; only those have data repository associations.', name);
    case 'ownLink':
      if (resource.deploymentType === 'SCRATCH_1') {
        return l10n.t('{0} is a Scratch 1 file system, which has no data repository associations: it is linked to S3 (if at all) by the import and export paths set when it was created.', name);
      }
      if (resource.fileSystemTypeVersion === '2.10') {
        return l10n.t('{0} runs Lustre 2.10, which has no data repository associations: it is linked to S3 (if at all) by the import and export paths set when it was created.', name);
      }
      return l10n.t('{0} is linked to S3 through its own import and export paths (Scratch and Persistent 1 file systems); it cannot also have data repository associations.', name);
  }
}

/** Lifecycles FSx moves on by itself: a row in one of them is followed until it settles. */
export function isSettling(association: Association): boolean {
  return association.lifecycle === 'CREATING' || association.lifecycle === 'UPDATING' || association.lifecycle === 'DELETING';
}

/** Every association of a file system or cache, page after page (25 per page at most). */
export async function listAllAssociations(api: FsxApi, resource: StorageResource, signal?: AbortSignal, limit = ASSOCIATIONS_LIMIT): Promise<Association[]> {
  if (!hasAssociations(resource)) {
    return [];
  }
  return collectPages('DescribeDataRepositoryAssociations', async (nextToken) => {
    const page = await api.listAssociations(resource, { nextToken }, signal);
    return { items: page.associations, nextToken: page.nextToken };
  }, limit);
}

/** The resource's links to data repositories: its own link first (older file systems), then its associations. */
export function linkedRepositories(resource: StorageResource, associations: readonly Association[]): Association[] {
  return resource.dataRepositoryLink ? [resource.dataRepositoryLink, ...associations] : [...associations];
}

export function isS3Repository(association: Association): boolean {
  return /^s3:\/\//i.test(association.dataRepositoryPath) || /^s3:\/\//i.test(association.exportPath ?? '');
}

/** Lifecycles in which a task on the association's paths can run. */
export function isUsableRepository(association: Association): boolean {
  return association.lifecycle === 'AVAILABLE' || association.lifecycle === 'UPDATING';
}

export type AssociationOperation = 'CreateDataRepositoryAssociation' | 'UpdateDataRepositoryAssociation' | 'DeleteDataRepositoryAssociation';

/**
 * The IAM permissions each operation needs, as the FSx for Lustre guide lists them ("Adding
 * permissions to use data repositories in Amazon S3"): the FSx action, and for a create the
 * service-linked role FSx makes for S3 access and read/write on the bucket.
 */
export const ASSOCIATION_PERMISSIONS: Readonly<Record<AssociationOperation, readonly string[]>> = {
  CreateDataRepositoryAssociation: ['fsx:CreateDataRepositoryAssociation', 'iam:CreateServiceLinkedRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 's3:Get*', 's3:List*', 's3:PutObject'],
  UpdateDataRepositoryAssociation: ['fsx:UpdateDataRepositoryAssociation'],
  DeleteDataRepositoryAssociation: ['fsx:DeleteDataRepositoryAssociation'],
};

/** A failed create, update or delete in one sentence with its next step, then what FSx said and the request id. */
export function associationErrorMessage(error: FsxError, operation: AssociationOperation, l10n: L10n): string {
  const base = associationErrorBase(error, operation, l10n);
  if (base === undefined) {
    return error.userMessageIn(l10n);
  }
  // What FSx said is outside text: it may carry link or icon syntax.
  return withServiceDetail(base, error, l10n);
}

function associationErrorBase(error: FsxError, operation: AssociationOperation, l10n: L10n): string | undefined {
  switch (error.kind === 'accessDenied' ? 'AccessDenied' : error.code) {
    case 'AccessDenied':
      return l10n.t('Access denied: your credentials need {0}. Ask your administrator to allow it (for a new association, FSx also needs the S3 bucket to let it read and write).', ASSOCIATION_PERMISSIONS[operation].join(', '));
    case 'ServiceLimitExceeded':
      return l10n.t('This file system already has the most data repository associations FSx allows (8). Delete one first.');
    case 'IncompatibleParameterError':
      return l10n.t('FSx already has a request with this token and different settings, so it changed nothing. Start again from the beginning.');
    case 'UnsupportedOperation':
      return l10n.t('FSx does not support data repository associations on this file system (its deployment type, Lustre version or storage type).');
    case 'FileSystemNotFound':
      return l10n.t('The file system no longer exists. Refresh the view.');
    case 'DataRepositoryAssociationNotFound':
      return l10n.t('The association no longer exists (it may have been deleted meanwhile). Refresh the view.');
    case 'BadRequest':
      return l10n.t('FSx refused the request: check that the paths overlap no other association and that the association is Available, then try again.');
    default:
      return undefined;
  }
}
