// Resources and associations for the pure start-task tests: a Persistent 2 file system with two
// usable associations and a misconfigured one, an older file system with its own S3 link, a cache.
import { linkedRepositories } from '../../../src/fsx/associations';
import { Association, StorageResource } from '../../../src/fsx/types';
import { StartTarget } from '../../../src/fsx/taskRequest';

export const render: StorageResource = {
  kind: 'fileSystem',
  id: 'fs-0123456789abcdef0',
  name: 'render',
  storageType: 'LUSTRE',
  lifecycle: 'AVAILABLE',
  deploymentType: 'PERSISTENT_2',
  fileSystemTypeVersion: '2.15',
  mountName: 'abcdef01',
  supportsTasks: true,
};

function association(fileSystemPath: string, dataRepositoryPath: string, patch: Partial<Association> = {}): Association {
  return {
    source: 'association',
    associationId: `dra-0${fileSystemPath.length}23456789abcdef`,
    resource: { kind: 'fileSystem', id: render.id },
    fileSystemPath,
    dataRepositoryPath,
    exportPath: dataRepositoryPath,
    lifecycle: 'AVAILABLE',
    autoImportEvents: ['NEW', 'CHANGED', 'DELETED'],
    autoExportEvents: [],
    ...patch,
  };
}

export const assets = association('/assets', 's3://render-assets/projects/');
export const frames = association('/frames', 's3://render-output/frames/');
export const broken = association('/broken', 's3://render-broken/', { lifecycle: 'MISCONFIGURED', failureMessage: 'The bucket policy denies FSx.' });

export const renderTarget: StartTarget = { resource: render, repositories: [assets, frames, broken] };
export const fromAssets: StartTarget = { ...renderTarget, association: assets };

export const legacy: StorageResource = {
  kind: 'fileSystem',
  id: 'fs-0fedcba987654321f',
  storageType: 'LUSTRE',
  lifecycle: 'AVAILABLE',
  deploymentType: 'SCRATCH_2',
  fileSystemTypeVersion: '2.10',
  supportsTasks: true,
  dataRepositoryLink: {
    source: 'fileSystem',
    resource: { kind: 'fileSystem', id: 'fs-0fedcba987654321f' },
    fileSystemPath: '/',
    dataRepositoryPath: 's3://legacy-bucket/in',
    exportPath: 's3://legacy-bucket/out/',
    lifecycle: 'AVAILABLE',
  },
};
export const legacyTarget: StartTarget = { resource: legacy, repositories: linkedRepositories(legacy, []) };

export const cache: StorageResource = { kind: 'fileCache', id: 'fc-0123456789abcdef0', storageType: 'LUSTRE', lifecycle: 'AVAILABLE', supportsTasks: true };

/** A file system whose datasets only come in (automatic export off) and whose checkpoints go out. */
export const datasets = association('/datasets', 's3://ml-datasets/curated/', { associationId: 'dra-0a23456789abcdef0' });
export const checkpoints = association('/checkpoints', 's3://ml-checkpoints/runs/', { associationId: 'dra-0b23456789abcdef0', autoImportEvents: [], autoExportEvents: ['NEW', 'CHANGED', 'DELETED'] });
export const mlTarget: StartTarget = { resource: { ...render, id: 'fs-0aaaaaaaaaaaaaaa1', name: 'ml' }, repositories: [datasets, checkpoints] };
