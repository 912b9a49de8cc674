import {
  CancelDataRepositoryTaskCommand,
  CreateDataRepositoryAssociationCommand,
  CreateDataRepositoryTaskCommand,
  DataRepositoryAssociation,
  DataRepositoryConfiguration,
  DataRepositoryTask,
  DataRepositoryTaskFilter,
  DeleteDataRepositoryAssociationCommand,
  DescribeDataRepositoryAssociationsCommand,
  DescribeDataRepositoryTasksCommand,
  FileCache,
  FileSystem,
  FSxClient,
  paginateDescribeFileCaches,
  paginateDescribeFileSystems,
  UpdateDataRepositoryAssociationCommand,
} from '@aws-sdk/client-fsx';
import { classifyError, FsxError } from './errors';
import { PageTokens } from './pages';
import {
  Association,
  AssociationEvent,
  AssociationPage,
  CreateAssociationInput,
  CreateTaskInput,
  DeleteAssociationInput,
  FsxApi,
  FILE_CACHE_ID_PATTERN,
  FILE_SYSTEM_ID_PATTERN,
  isValidTaskId,
  Lifecycle,
  ListAssociationsOptions,
  ListTasksOptions,
  REPORT_FORMAT,
  REPORT_SCOPE,
  ResourceRef,
  StorageResource,
  Task,
  TaskPage,
  UpdateAssociationInput,
} from './types';

/** The API's limits (docs/ARCHITECTURE.md, "FSx facts"). */
export const MAX_TASK_IDS_PER_CALL = 50;
export const MAX_TASKS_PER_PAGE = 50;
export const MAX_ASSOCIATIONS_PER_PAGE = 25;
/** FSx pages file systems and caches at its own internal maximum; asking for more is harmless. */
export const RESOURCE_PAGE_SIZE = 100;

/**
 * FsxApi over one FSxClient (one connection). Narrows the SDK's shapes into our model and turns
 * every failure into an FsxError; it never logs (the client factory's middleware does).
 */
export class FsxService implements FsxApi {
  constructor(
    private readonly client: FSxClient,
    /** Told how many tasks an answer carried that were left out (an id or resource id not as FSx spells them). */
    private readonly onMalformed?: (operation: string, dropped: number) => void,
  ) {}

  /**
   * The tasks of an answer whose ids are as FSx spells them: ids become keys, URIs and log text,
   * so a malformed one (a proxy's, a future format) is left out and reported, never used.
   */
  private wellFormed(operation: string, raw: readonly DataRepositoryTask[] | undefined): Task[] {
    const tasks = (raw ?? []).map(toTask).filter(isWellFormedTask);
    const dropped = (raw?.length ?? 0) - tasks.length;
    if (dropped > 0) {
      this.onMalformed?.(operation, dropped);
    }
    return tasks;
  }

  async listResources(signal?: AbortSignal): Promise<StorageResource[]> {
    const [fileSystems, fileCaches] = await Promise.all([this.listFileSystems(signal), this.listFileCaches(signal)]);
    return [...fileSystems, ...fileCaches];
  }

  async listTasks(resource: ResourceRef | undefined, options: ListTasksOptions = {}, signal?: AbortSignal): Promise<TaskPage> {
    const filters: DataRepositoryTaskFilter[] = [];
    if (resource) {
      filters.push({ Name: resource.kind === 'fileCache' ? 'file-cache-id' : 'file-system-id', Values: [resource.id] });
    }
    // The task-lifecycle filter documents no CANCELING value, so it is never sent.
    const lifecycles = options.lifecycles?.filter((lifecycle) => lifecycle !== 'CANCELING');
    if (lifecycles && lifecycles.length > 0) {
      filters.push({ Name: 'task-lifecycle', Values: [...lifecycles] });
    }
    const output = await this.call('DescribeDataRepositoryTasks', signal, () =>
      this.client.send(
        new DescribeDataRepositoryTasksCommand({
          Filters: filters.length > 0 ? filters : undefined,
          MaxResults: Math.min(options.pageSize ?? MAX_TASKS_PER_PAGE, MAX_TASKS_PER_PAGE),
          NextToken: options.nextToken,
        }),
        { abortSignal: signal },
      ),
    );
    return { tasks: this.wellFormed('DescribeDataRepositoryTasks', output.DataRepositoryTasks), nextToken: output.NextToken || undefined };
  }

  async describeTasks(taskIds: readonly string[], signal?: AbortSignal): Promise<Task[]> {
    const unique = [...new Set(taskIds)];
    const invalid = unique.find((id) => !isValidTaskId(id));
    if (invalid !== undefined) {
      throw invalidTaskId(invalid);
    }
    const tasks: Task[] = [];
    for (let start = 0; start < unique.length; start += MAX_TASK_IDS_PER_CALL) {
      tasks.push(...(await this.describeBatch(unique.slice(start, start + MAX_TASK_IDS_PER_CALL), signal)));
    }
    return tasks;
  }

  async cancelTask(taskId: string, signal?: AbortSignal): Promise<Lifecycle> {
    if (!isValidTaskId(taskId)) {
      throw invalidTaskId(taskId);
    }
    const output = await this.call('CancelDataRepositoryTask', signal, () =>
      this.client.send(new CancelDataRepositoryTaskCommand({ TaskId: taskId }), { abortSignal: signal }),
    );
    return (output.Lifecycle ?? 'CANCELING') as Lifecycle;
  }

  async createTask(input: CreateTaskInput, signal?: AbortSignal): Promise<Task> {
    const report = input.report?.enabled
      ? { Enabled: true, Path: input.report.path, Format: (input.report.format ?? REPORT_FORMAT) as typeof REPORT_FORMAT, Scope: (input.report.scope ?? REPORT_SCOPE) as typeof REPORT_SCOPE }
      : { Enabled: false };
    const output = await this.call('CreateDataRepositoryTask', signal, () =>
      this.client.send(
        new CreateDataRepositoryTaskCommand({
          FileSystemId: input.fileSystemId,
          Type: input.type,
          Paths: input.paths && input.paths.length > 0 ? [...input.paths] : undefined,
          Report: report,
          ClientRequestToken: input.clientRequestToken,
          ReleaseConfiguration:
            input.daysSinceLastAccess === undefined ? undefined : { DurationSinceLastAccess: { Unit: 'DAYS', Value: input.daysSinceLastAccess } },
        }),
        { abortSignal: signal },
      ),
    );
    if (!output.DataRepositoryTask) {
      throw new FsxError('other', 'CreateDataRepositoryTask answered without a task.', { operation: 'CreateDataRepositoryTask' });
    }
    const task = toTask(output.DataRepositoryTask);
    if (!isWellFormedTask(task)) {
      throw new FsxError('other', 'CreateDataRepositoryTask answered with a task ID that is not one; the task may have started. Refresh the view to see it.', {
        operation: 'CreateDataRepositoryTask',
      });
    }
    return task;
  }

  async listAssociations(resource: ResourceRef, options: ListAssociationsOptions = {}, signal?: AbortSignal): Promise<AssociationPage> {
    const output = await this.call('DescribeDataRepositoryAssociations', signal, () =>
      this.client.send(
        new DescribeDataRepositoryAssociationsCommand({
          Filters: [{ Name: resource.kind === 'fileCache' ? 'file-cache-id' : 'file-system-id', Values: [resource.id] }],
          MaxResults: Math.max(1, Math.min(options.pageSize ?? MAX_ASSOCIATIONS_PER_PAGE, MAX_ASSOCIATIONS_PER_PAGE)),
          NextToken: options.nextToken,
        }),
        { abortSignal: signal },
      ),
    );
    return { associations: (output.Associations ?? []).map(toAssociation), nextToken: output.NextToken || undefined };
  }

  async createAssociation(input: CreateAssociationInput, signal?: AbortSignal): Promise<Association> {
    const output = await this.call('CreateDataRepositoryAssociation', signal, () =>
      this.client.send(
        new CreateDataRepositoryAssociationCommand({
          FileSystemId: input.fileSystemId,
          FileSystemPath: input.fileSystemPath,
          DataRepositoryPath: input.dataRepositoryPath,
          BatchImportMetaDataOnCreate: input.batchImportMetaDataOnCreate,
          ImportedFileChunkSize: input.importedFileChunkSize,
          // A direction with no events is left out: the API turns it off.
          S3: {
            AutoImportPolicy: input.autoImportEvents.length > 0 ? { Events: [...input.autoImportEvents] } : undefined,
            AutoExportPolicy: input.autoExportEvents.length > 0 ? { Events: [...input.autoExportEvents] } : undefined,
          },
          ClientRequestToken: input.clientRequestToken,
        }),
        { abortSignal: signal },
      ),
    );
    return answeredAssociation('CreateDataRepositoryAssociation', output.Association);
  }

  async updateAssociation(input: UpdateAssociationInput, signal?: AbortSignal): Promise<Association> {
    const policy = (events: readonly AssociationEvent[] | undefined) => (events === undefined ? undefined : { Events: [...events] });
    const changesPolicies = input.autoImportEvents !== undefined || input.autoExportEvents !== undefined;
    const output = await this.call('UpdateDataRepositoryAssociation', signal, () =>
      this.client.send(
        new UpdateDataRepositoryAssociationCommand({
          AssociationId: input.associationId,
          ImportedFileChunkSize: input.importedFileChunkSize,
          S3: changesPolicies ? { AutoImportPolicy: policy(input.autoImportEvents), AutoExportPolicy: policy(input.autoExportEvents) } : undefined,
          ClientRequestToken: input.clientRequestToken,
        }),
        { abortSignal: signal },
      ),
    );
    return answeredAssociation('UpdateDataRepositoryAssociation', output.Association);
  }

  async deleteAssociation(input: DeleteAssociationInput, signal?: AbortSignal): Promise<string> {
    const output = await this.call('DeleteDataRepositoryAssociation', signal, () =>
      this.client.send(
        new DeleteDataRepositoryAssociationCommand({
          AssociationId: input.associationId,
          DeleteDataInFileSystem: input.deleteDataInFileSystem,
          ClientRequestToken: input.clientRequestToken,
        }),
        { abortSignal: signal },
      ),
    );
    return output.Lifecycle ?? 'DELETING';
  }

  /**
   * One DescribeDataRepositoryTasks call for up to 50 ids. FSx fails the whole call when any id
   * is unknown; then the batch is split in halves so the known tasks are still returned and only
   * the unknown ids are left out (a deleted task costs a few extra calls, not the whole poll).
   */
  private async describeBatch(taskIds: string[], signal?: AbortSignal): Promise<Task[]> {
    try {
      const tasks: Task[] = [];
      const tokens = new PageTokens('DescribeDataRepositoryTasks');
      let nextToken: string | undefined;
      do {
        const output = await this.call('DescribeDataRepositoryTasks', signal, () =>
          this.client.send(new DescribeDataRepositoryTasksCommand({ TaskIds: taskIds, NextToken: nextToken }), { abortSignal: signal }),
        );
        tasks.push(...this.wellFormed('DescribeDataRepositoryTasks', output.DataRepositoryTasks));
        nextToken = tokens.next(output.NextToken);
      } while (nextToken);
      return tasks;
    } catch (error) {
      if (!(error instanceof FsxError && error.kind === 'notFound')) {
        throw error;
      }
      if (taskIds.length === 1) {
        return [];
      }
      const middle = Math.ceil(taskIds.length / 2);
      return [
        ...(await this.describeBatch(taskIds.slice(0, middle), signal)),
        ...(await this.describeBatch(taskIds.slice(middle), signal)),
      ];
    }
  }

  private async listFileSystems(signal?: AbortSignal): Promise<StorageResource[]> {
    const resources: StorageResource[] = [];
    // A fresh input object per listing: the paginator writes NextToken into the one it is given.
    const pages = paginateDescribeFileSystems({ client: this.client, pageSize: RESOURCE_PAGE_SIZE }, {}, { abortSignal: signal });
    // The paginator follows any token; a repeated one ends the loop here (PageTokens).
    const tokens = new PageTokens('DescribeFileSystems');
    await this.call('DescribeFileSystems', signal, async () => {
      for await (const page of pages) {
        resources.push(...(page.FileSystems ?? []).map(fileSystemToResource));
        tokens.next(page.NextToken);
      }
    });
    return resources;
  }

  private async listFileCaches(signal?: AbortSignal): Promise<StorageResource[]> {
    const resources: StorageResource[] = [];
    const pages = paginateDescribeFileCaches({ client: this.client, pageSize: RESOURCE_PAGE_SIZE }, {}, { abortSignal: signal });
    const tokens = new PageTokens('DescribeFileCaches');
    try {
      await this.call('DescribeFileCaches', signal, async () => {
        for await (const page of pages) {
          resources.push(...(page.FileCaches ?? []).map(fileCacheToResource));
          tokens.next(page.NextToken);
        }
      });
    } catch (error) {
      // Regions without Amazon File Cache answer UnsupportedOperation: that means "no caches".
      if (error instanceof FsxError && error.kind === 'unsupported') {
        return [];
      }
      throw error;
    }
    return resources;
  }

  private async call<T>(operation: string, signal: AbortSignal | undefined, send: () => Promise<T>): Promise<T> {
    if (signal?.aborted) {
      throw new FsxError('cancelled', '', { operation });
    }
    try {
      return await send();
    } catch (error) {
      throw classifyError(error, operation);
    }
  }
}

function invalidTaskId(taskId: string): FsxError {
  return new FsxError('validation', `"${taskId}" is not a task id: expected "task-" followed by at least 17 hex digits.`);
}

/** The association of a create or update answer, or an FsxError when FSx answered without one. */
function answeredAssociation(operation: string, association: DataRepositoryAssociation | undefined): Association {
  if (!association?.AssociationId) {
    throw new FsxError('other', `${operation} answered without an association. Refresh the view to see whether it changed.`, { operation });
  }
  return toAssociation(association);
}

function nameTag(tags: readonly { Key?: string; Value?: string }[] | undefined): string | undefined {
  return tags?.find((tag) => tag.Key === 'Name')?.Value || undefined;
}

function fileSystemToResource(fs: FileSystem): StorageResource {
  const storageType = fs.FileSystemType ?? 'UNKNOWN';
  return {
    kind: 'fileSystem',
    id: fs.FileSystemId ?? '',
    name: nameTag(fs.Tags),
    storageType,
    storageClass: fs.StorageType,
    lifecycle: fs.Lifecycle ?? 'UNKNOWN',
    deploymentType: fs.LustreConfiguration?.DeploymentType,
    storageCapacityGiB: fs.StorageCapacity,
    arn: fs.ResourceARN,
    dnsName: fs.DNSName,
    supportsTasks: storageType === 'LUSTRE',
    mountName: fs.LustreConfiguration?.MountName,
    fileSystemTypeVersion: fs.FileSystemTypeVersion,
    dataRepositoryLink: toDataRepositoryLink(fs.FileSystemId ?? '', fs.LustreConfiguration?.DataRepositoryConfiguration),
    logConfiguration: logConfigurationOf(fs.LustreConfiguration?.LogConfiguration),
  };
}

function logConfigurationOf(configuration: { Level?: string; Destination?: string } | undefined): StorageResource['logConfiguration'] {
  return configuration?.Level ? { level: configuration.Level, destination: configuration.Destination } : undefined;
}

function fileCacheToResource(cache: FileCache): StorageResource {
  return {
    kind: 'fileCache',
    id: cache.FileCacheId ?? '',
    // DescribeFileCaches returns no tags; the id is the name.
    storageType: cache.FileCacheType ?? 'LUSTRE',
    lifecycle: cache.Lifecycle ?? 'UNKNOWN',
    deploymentType: cache.LustreConfiguration?.DeploymentType,
    storageCapacityGiB: cache.StorageCapacity,
    arn: cache.ResourceARN,
    dnsName: cache.DNSName,
    supportsTasks: true,
    mountName: cache.LustreConfiguration?.MountName,
    fileSystemTypeVersion: cache.FileCacheTypeVersion,
  };
}

/** AutoImportPolicy of an older file system's link, as the event list an association has. */
const LINK_AUTO_IMPORT_EVENTS: Readonly<Record<string, readonly string[]>> = {
  NONE: [],
  NEW: ['NEW'],
  NEW_CHANGED: ['NEW', 'CHANGED'],
  NEW_CHANGED_DELETED: ['NEW', 'CHANGED', 'DELETED'],
};

function toDataRepositoryLink(fileSystemId: string, link: DataRepositoryConfiguration | undefined): Association | undefined {
  if (!link || (!link.ImportPath && !link.ExportPath)) {
    return undefined;
  }
  return {
    source: 'fileSystem',
    resource: { kind: 'fileSystem', id: fileSystemId },
    // The link maps the whole file system.
    fileSystemPath: '/',
    dataRepositoryPath: link.ImportPath ?? link.ExportPath ?? '',
    exportPath: link.ExportPath,
    lifecycle: link.Lifecycle ?? 'AVAILABLE',
    failureMessage: link.FailureDetails?.Message,
    autoImportEvents: link.AutoImportPolicy ? (LINK_AUTO_IMPORT_EVENTS[link.AutoImportPolicy] ?? [link.AutoImportPolicy]) : undefined,
    importedFileChunkSize: link.ImportedFileChunkSize,
  };
}

export function toAssociation(association: DataRepositoryAssociation): Association {
  const resource: ResourceRef = association.FileCacheId
    ? { kind: 'fileCache', id: association.FileCacheId }
    : { kind: 'fileSystem', id: association.FileSystemId ?? '' };
  const dataRepositoryPath = association.DataRepositoryPath ?? '';
  return {
    source: 'association',
    associationId: association.AssociationId,
    resource,
    fileSystemPath: association.FileSystemPath ?? association.FileCachePath ?? '/',
    dataRepositoryPath,
    // An association exports to the repository it links.
    exportPath: dataRepositoryPath || undefined,
    lifecycle: association.Lifecycle ?? 'AVAILABLE',
    failureMessage: association.FailureDetails?.Message,
    autoImportEvents: association.S3 ? (association.S3.AutoImportPolicy?.Events ?? []) : undefined,
    autoExportEvents: association.S3 ? (association.S3.AutoExportPolicy?.Events ?? []) : undefined,
    batchImportMetaDataOnCreate: association.BatchImportMetaDataOnCreate,
    importedFileChunkSize: association.ImportedFileChunkSize,
    arn: association.ResourceARN,
    creationTime: association.CreationTime,
  };
}

/** A task whose id and resource id are as FSx spells them. */
export function isWellFormedTask(task: Task): boolean {
  const resourcePattern = task.resource.kind === 'fileCache' ? FILE_CACHE_ID_PATTERN : FILE_SYSTEM_ID_PATTERN;
  return isValidTaskId(task.taskId) && resourcePattern.test(task.resource.id);
}

export function toTask(task: DataRepositoryTask): Task {
  const resource: ResourceRef = task.FileCacheId
    ? { kind: 'fileCache', id: task.FileCacheId }
    : { kind: 'fileSystem', id: task.FileSystemId ?? '' };
  return {
    taskId: task.TaskId ?? '',
    // A lifecycle added to the API later is kept as it comes; the UI shows it with a neutral icon.
    lifecycle: (task.Lifecycle ?? 'PENDING') as Lifecycle,
    type: task.Type ?? 'UNKNOWN',
    creationTime: task.CreationTime ?? new Date(0),
    startTime: task.StartTime,
    endTime: task.EndTime,
    arn: task.ResourceARN,
    resource,
    paths: task.Paths ?? [],
    failureMessage: task.FailureDetails?.Message,
    status: task.Status
      ? {
          totalCount: task.Status.TotalCount,
          succeededCount: task.Status.SucceededCount,
          failedCount: task.Status.FailedCount,
          lastUpdatedTime: task.Status.LastUpdatedTime,
          releasedCapacity: task.Status.ReleasedCapacity,
        }
      : undefined,
    report: task.Report
      ? { enabled: !!task.Report.Enabled, path: task.Report.Path, format: task.Report.Format, scope: task.Report.Scope }
      : undefined,
    capacityToRelease: task.CapacityToRelease,
    daysSinceLastAccess: task.ReleaseConfiguration?.DurationSinceLastAccess?.Value,
  };
}
