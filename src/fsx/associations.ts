import { Association, FsxApi, StorageResource } from './types';
import { collectPages } from './pages';

/** Far more than FSx lets one file system have. */
export const ASSOCIATIONS_LIMIT = 500;

/**
 * Whether DescribeDataRepositoryAssociations means anything for the resource. The FSx for Lustre
 * guide: associations "aren't available on FSx for Lustre 2.10 file systems or Scratch 1 file
 * systems"; a file system with its own link (Scratch, Persistent 1) uses that link instead.
 */
export function hasAssociations(resource: StorageResource): boolean {
  if (resource.kind === 'fileCache') {
    return true;
  }
  return resource.supportsTasks && !resource.dataRepositoryLink && resource.fileSystemTypeVersion !== '2.10' && resource.deploymentType !== 'SCRATCH_1';
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
