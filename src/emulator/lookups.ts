// Lookups that answer as the service does when an id names nothing: the modelled "not found"
// errors. Shared by the Describe queries and the task rules.

import { ServiceError } from './errors';
import type { EmulatorStore } from './store';

export function fileSystemNotFound(id: string): ServiceError {
  return new ServiceError('FileSystemNotFound', `File system '${id}' does not exist.`);
}

export function taskNotFound(id: string): ServiceError {
  return new ServiceError('DataRepositoryTaskNotFound', `Data repository task '${id}' does not exist.`);
}

function requireAll(ids: readonly string[], known: (id: string) => boolean, notFound: (id: string) => ServiceError): void {
  const unknown = ids.find((id) => !known(id));
  if (unknown !== undefined) {
    throw notFound(unknown);
  }
}

export function requireFileSystems(store: EmulatorStore, ids: readonly string[]): void {
  requireAll(ids, (id) => store.getFileSystem(id) !== undefined, fileSystemNotFound);
}

export function requireFileCaches(store: EmulatorStore, ids: readonly string[]): void {
  requireAll(
    ids,
    (id) => store.getFileCache(id) !== undefined,
    (id) => new ServiceError('FileCacheNotFound', `File cache '${id}' does not exist.`),
  );
}

export function requireAssociations(store: EmulatorStore, ids: readonly string[]): void {
  requireAll(
    ids,
    (id) => store.getAssociation(id) !== undefined,
    (id) => new ServiceError('DataRepositoryAssociationNotFound', `Data repository association '${id}' does not exist.`),
  );
}

export function requireTasks(store: EmulatorStore, ids: readonly string[]): void {
  requireAll(ids, (id) => store.getTaskPlan(id) !== undefined, taskNotFound);
}
