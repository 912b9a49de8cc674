// Records and snapshots as FSx puts them on the wire: PascalCase members, timestamps as epoch
// SECONDS (JSON numbers; the SDK's awsJson deserializer rejects ISO strings), absent members
// left out rather than null.

import {
  ACCOUNT_ID,
  REGION,
  associationArn,
  fileCacheArn,
  fileSystemArn,
  type AssociationRecord,
  type FileCacheRecord,
  type FileSystemRecord,
  type LegacyDataRepository,
} from './apiModel';
import type { TaskSnapshot } from './records';

export type WireObject = Record<string, unknown>;

export function epochSeconds(ms: number): number {
  return ms / 1000;
}

export function wireTask(task: TaskSnapshot): WireObject {
  return compact({
    TaskId: task.taskId,
    Lifecycle: task.lifecycle,
    Type: task.type,
    CreationTime: epochSeconds(task.creationTime),
    StartTime: optionalSeconds(task.startTime),
    EndTime: optionalSeconds(task.endTime),
    ResourceARN: task.resourceARN,
    Tags: task.tags.length > 0 ? task.tags : undefined,
    FileSystemId: task.fileSystemId,
    FileCacheId: task.fileCacheId,
    Paths: task.paths,
    FailureDetails: failureDetails(task.failureMessage),
    Status:
      task.status &&
      compact({
        TotalCount: task.status.totalCount,
        SucceededCount: task.status.succeededCount,
        FailedCount: task.status.failedCount,
        LastUpdatedTime: epochSeconds(task.status.lastUpdatedTime),
        ReleasedCapacity: task.status.releasedCapacity,
      }),
    Report: task.report,
    CapacityToRelease: task.capacityToRelease,
    ReleaseConfiguration: task.releaseConfiguration,
  });
}

export function wireFileSystem(record: FileSystemRecord): WireObject {
  const id = record.fileSystemId;
  const common = {
    OwnerId: ACCOUNT_ID,
    CreationTime: epochSeconds(record.createdAt),
    FileSystemId: id,
    FileSystemType: record.type,
    Lifecycle: record.lifecycle,
    StorageCapacity: record.storageCapacity,
    StorageType: record.storageType,
    VpcId: record.vpcId,
    SubnetIds: record.subnetIds,
    NetworkInterfaceIds: [`eni-${id.slice(3)}`],
    DNSName: `${id}.fsx.${REGION}.amazonaws.com`,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/0ff3ea8d-130e-4133-877f-93908b6fdbd6`,
    ResourceARN: fileSystemArn(id),
    Tags: record.tags,
    NetworkType: 'IPV4',
  };
  switch (record.type) {
    case 'LUSTRE':
      return compact({ ...common, LustreConfiguration: lustreConfiguration(record), FileSystemTypeVersion: record.lustreVersion });
    case 'WINDOWS':
      return compact({
        ...common,
        WindowsConfiguration: {
          ActiveDirectoryId: 'd-9067a3b1c2',
          DeploymentType: record.deploymentType,
          PreferredSubnetId: record.subnetIds[0],
          ThroughputCapacity: 32,
          MaintenanceOperationsInProgress: [],
          WeeklyMaintenanceStartTime: '6:04:30',
          DailyAutomaticBackupStartTime: '03:00',
          AutomaticBackupRetentionDays: 7,
          CopyTagsToBackups: false,
          Aliases: [],
        },
      });
    case 'ONTAP':
      return compact({
        ...common,
        OntapConfiguration: {
          DeploymentType: record.deploymentType,
          ThroughputCapacity: 256,
          WeeklyMaintenanceStartTime: '6:04:30',
          AutomaticBackupRetentionDays: 7,
          DailyAutomaticBackupStartTime: '03:00',
        },
      });
    case 'OPENZFS':
      return compact({
        ...common,
        OpenZFSConfiguration: {
          DeploymentType: record.deploymentType,
          ThroughputCapacity: 160,
          WeeklyMaintenanceStartTime: '6:04:30',
          AutomaticBackupRetentionDays: 7,
          DailyAutomaticBackupStartTime: '03:00',
          RootVolumeId: `fsvol-${id.slice(3)}`,
        },
      });
  }
}

function lustreConfiguration(record: FileSystemRecord): WireObject {
  const persistent = record.deploymentType.startsWith('PERSISTENT');
  return compact({
    WeeklyMaintenanceStartTime: '1:05:00',
    DataRepositoryConfiguration: record.dataRepository && wireLegacyDataRepository(record.dataRepository),
    DeploymentType: record.deploymentType,
    PerUnitStorageThroughput: persistent ? 250 : undefined,
    MountName: record.mountName,
    DailyAutomaticBackupStartTime: persistent ? '03:00' : undefined,
    AutomaticBackupRetentionDays: persistent ? 7 : undefined,
    CopyTagsToBackups: persistent ? false : undefined,
    DataCompressionType: 'LZ4',
    LogConfiguration: record.logConfiguration && compact({ Level: record.logConfiguration.level, Destination: record.logConfiguration.destination }),
    RootSquashConfiguration: { RootSquash: '0:0' },
  });
}

function wireLegacyDataRepository(link: LegacyDataRepository): WireObject {
  return compact({
    Lifecycle: link.lifecycle,
    ImportPath: link.importPath,
    ExportPath: link.exportPath,
    ImportedFileChunkSize: link.importedFileChunkSize,
    AutoImportPolicy: link.autoImportPolicy,
    FailureDetails: failureDetails(link.failureMessage),
  });
}

function failureDetails(message: string | undefined): WireObject | undefined {
  return message === undefined ? undefined : { Message: message };
}

export function wireFileCache(record: FileCacheRecord, associationIds: readonly string[]): WireObject {
  const id = record.fileCacheId;
  return compact({
    OwnerId: ACCOUNT_ID,
    CreationTime: epochSeconds(record.createdAt),
    FileCacheId: id,
    FileCacheType: 'LUSTRE',
    FileCacheTypeVersion: '2.12',
    Lifecycle: record.lifecycle,
    StorageCapacity: record.storageCapacity,
    VpcId: record.vpcId,
    SubnetIds: record.subnetIds,
    NetworkInterfaceIds: [`eni-${id.slice(3)}`],
    DNSName: `${id}.fsx.${REGION}.amazonaws.com`,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/0ff3ea8d-130e-4133-877f-93908b6fdbd6`,
    ResourceARN: fileCacheArn(id),
    LustreConfiguration: {
      PerUnitStorageThroughput: 1000,
      DeploymentType: 'CACHE_1',
      MountName: mountNameOf(id),
      WeeklyMaintenanceStartTime: '2:00:00',
      MetadataConfiguration: { StorageCapacity: 2400 },
      LogConfiguration: { Level: 'WARN_ERROR', Destination: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/aws/fsx/filecache` },
    },
    DataRepositoryAssociationIds: associationIds,
  });
}

export function wireAssociation(record: AssociationRecord): WireObject {
  const onCache = record.resource.kind === 'fileCache';
  return compact({
    AssociationId: record.associationId,
    ResourceARN: associationArn(record.resource.id, record.associationId),
    FileSystemId: onCache ? undefined : record.resource.id,
    FileCacheId: onCache ? record.resource.id : undefined,
    Lifecycle: record.lifecycle,
    FailureDetails: failureDetails(record.failureMessage),
    FileSystemPath: onCache ? undefined : record.resourcePath,
    FileCachePath: onCache ? record.resourcePath : undefined,
    DataRepositoryPath: record.dataRepositoryPath,
    BatchImportMetaDataOnCreate: record.batchImportMetaDataOnCreate,
    ImportedFileChunkSize: record.importedFileChunkSize,
    S3:
      record.repositoryType === 'S3'
        ? compact({
            AutoImportPolicy: record.autoImportEvents.length > 0 ? { Events: record.autoImportEvents } : undefined,
            AutoExportPolicy: record.autoExportEvents.length > 0 ? { Events: record.autoExportEvents } : undefined,
          })
        : undefined,
    NFS: record.repositoryType === 'NFS' ? { Version: 'NFS3' } : undefined,
    Tags: record.tags.length > 0 ? record.tags : undefined,
    CreationTime: epochSeconds(record.createdAt),
  });
}

function mountNameOf(id: string): string {
  // Real mount names are short random strings; derive one stably from the id.
  return id.slice(-8);
}

function optionalSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : epochSeconds(ms);
}

/** Drops undefined members so they are absent on the wire. */
function compact(object: WireObject): WireObject {
  const out: WireObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}
