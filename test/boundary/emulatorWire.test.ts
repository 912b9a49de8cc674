// The real FSxClient against the emulator, over HTTP: what the extension's FSx boundary sees.

import * as assert from 'node:assert/strict';
import {
  BadRequest,
  CancelDataRepositoryTaskCommand,
  CreateDataRepositoryTaskCommand,
  DataRepositoryAssociationNotFound,
  DataRepositoryTaskEnded,
  DataRepositoryTaskExecuting,
  DataRepositoryTaskNotFound,
  DescribeDataRepositoryAssociationsCommand,
  DescribeDataRepositoryTasksCommand,
  DescribeFileCachesCommand,
  DescribeFileSystemsCommand,
  FSxClient,
  FSxServiceException,
  FileCacheNotFound,
  FileSystemNotFound,
  IncompatibleParameterError,
  InternalServerError,
  InvalidDataRepositoryType,
  UnsupportedOperation,
  paginateDescribeDataRepositoryTasks,
  paginateDescribeFileSystems,
  AutoImportPolicyType,
  DataRepositoryLifecycle,
  EventType,
  type DataRepositoryAssociation,
  type DataRepositoryTask,
  type FileSystem,
} from '@aws-sdk/client-fsx';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock, MAX_BODY_BYTES, type EmulatorOptions, type TaskSpec } from '../../src/emulator';

const MINUTE = 60_000;
type CreateInput = ConstructorParameters<typeof CreateDataRepositoryTaskCommand>[0];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Harness {
  emulator: FsxEmulator;
  clock: ManualEmulatorClock;
  client: FSxClient;
}

const open: { emulators: FsxEmulator[]; clients: FSxClient[] } = { emulators: [], clients: [] };

async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = new ManualEmulatorClock(Date.UTC(2025, 3, 1, 12));
  const emulator = await FsxEmulator.start({ clock, ...options });
  open.emulators.push(emulator);
  return { emulator, clock, client: client(emulator) };
}

/** Real client; by default no retries, so each call is exactly one request. */
function client(emulator: FsxEmulator, retries: { attempts: number } = { attempts: 1 }, region = 'us-east-1'): FSxClient {
  const fsx = new FSxClient({
    endpoint: emulator.url,
    region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
    retryStrategy: new ConfiguredRetryStrategy(retries.attempts, () => 0),
  });
  open.clients.push(fsx);
  return fsx;
}

async function rejectsWith<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T, check?: (error: T) => void): Promise<T> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${(error as Error).name}: ${(error as Error).message}`);
    check?.(error);
    return error;
  }
  assert.fail(`expected ${type.name}, but the call succeeded`);
}

function nameTag(fs: FileSystem): string | undefined {
  return fs.Tags?.find((tag) => tag.Key === 'Name')?.Value;
}

async function raw(emulator: FsxEmulator, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Uint8Array }) {
  const response = await fetch(`${emulator.url}${init.path ?? '/'}`, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const signedHeaders = (operation: string): Record<string, string> => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `AWSSimbaAPIService_v20180301.${operation}`,
  authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250401/us-east-1/fsx/aws4_request, SignedHeaders=host, Signature=00',
});

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  const rest = { ...headers };
  delete rest.authorization;
  return rest;
}

describe('FSx emulator on the wire (real FSxClient)', function () {
  this.timeout(10_000);

  afterEach(async () => {
    for (const fsx of open.clients.splice(0)) {
      fsx.destroy();
    }
    await Promise.all(open.emulators.splice(0).map((emulator) => emulator.close()));
  });

  describe('shapes', () => {
    it('DescribeFileSystems: demo file systems deserialize, with Dates and Lustre configuration', async () => {
      const { client: fsx } = await harness({ scenario: 'demo' });
      const answer = await fsx.send(new DescribeFileSystemsCommand({}));
      const systems = answer.FileSystems ?? [];
      assert.equal(answer.NextToken, undefined);
      assert.deepEqual(
        systems.filter((fs) => fs.FileSystemType === 'LUSTRE').map(nameTag).slice(0, 3),
        ['genomics-scratch', 'render-farm', 'ml-training'],
        'creation order',
      );
      assert.ok(systems.some((fs) => fs.FileSystemType === 'WINDOWS' && fs.WindowsConfiguration?.DeploymentType));
      for (const fs of systems) {
        assert.ok(fs.CreationTime instanceof Date && !Number.isNaN(fs.CreationTime.getTime()));
        assert.match(fs.FileSystemId ?? '', /^fs-[0-9a-f]{17}$/);
        assert.equal(fs.ResourceARN, `arn:aws:fsx:us-east-1:123456789012:file-system/${fs.FileSystemId}`);
        assert.equal(fs.Lifecycle, 'AVAILABLE');
      }
      const scratch = systems[0];
      assert.equal(scratch.LustreConfiguration?.DeploymentType, 'SCRATCH_2');
      assert.equal(scratch.LustreConfiguration?.DataRepositoryConfiguration?.ImportPath, 's3://genomics-raw-reads-prod');
      assert.ok(answer.$metadata.requestId && UUID.test(answer.$metadata.requestId));
    });

    it('DescribeDataRepositoryTasks: every member arrives typed; FAILED carries FailureDetails', async () => {
      const { client: fsx } = await harness({ scenario: 'demo' });
      const tasks: DataRepositoryTask[] = [];
      for await (const page of paginateDescribeDataRepositoryTasks({ client: fsx }, {})) {
        tasks.push(...(page.DataRepositoryTasks ?? []));
      }
      assert.ok(tasks.length > 60);
      const lifecycles = new Set(tasks.map((task) => task.Lifecycle));
      assert.deepEqual([...lifecycles].sort(), ['CANCELED', 'CANCELING', 'EXECUTING', 'FAILED', 'PENDING', 'SUCCEEDED']);
      for (const task of tasks) {
        assert.ok(task.CreationTime instanceof Date);
        assert.match(task.TaskId ?? '', /^task-[0-9a-f]{17}$/);
        assert.ok((task.FileSystemId === undefined) !== (task.FileCacheId === undefined));
        if (task.Lifecycle === 'PENDING') {
          assert.equal(task.StartTime, undefined);
        }
        if (task.Lifecycle === 'EXECUTING') {
          assert.ok(task.StartTime instanceof Date);
          assert.ok(task.Status?.LastUpdatedTime instanceof Date);
          assert.equal(task.EndTime, undefined);
        }
        if (task.Lifecycle === 'SUCCEEDED' || task.Lifecycle === 'FAILED' || task.Lifecycle === 'CANCELED') {
          assert.ok(task.EndTime instanceof Date, `${task.Lifecycle} needs EndTime`);
        }
        if (task.Lifecycle === 'FAILED') {
          assert.ok((task.FailureDetails?.Message ?? '').length > 0);
        }
        if (task.Lifecycle === 'SUCCEEDED') {
          assert.equal((task.Status?.SucceededCount ?? 0) + (task.Status?.FailedCount ?? 0), task.Status?.TotalCount);
        }
      }
      const exported = tasks.find((task) => task.Type === 'EXPORT_TO_REPOSITORY' && task.Report?.Enabled);
      assert.equal(exported?.Report?.Format, 'REPORT_CSV_20191124');
      assert.equal(exported?.Report?.Scope, 'FAILED_FILES_ONLY');
      const release = tasks.find((task) => task.Type === 'RELEASE_DATA_FROM_FILESYSTEM');
      assert.equal(release?.ReleaseConfiguration?.DurationSinceLastAccess?.Unit, 'DAYS');
    });

    it('DescribeFileCaches and DescribeDataRepositoryAssociations deserialize and link up', async () => {
      const { client: fsx } = await harness({ scenario: 'demo' });
      const caches = (await fsx.send(new DescribeFileCachesCommand({}))).FileCaches ?? [];
      assert.equal(caches.length, 1);
      const [cache] = caches;
      assert.equal(cache.FileCacheType, 'LUSTRE');
      assert.ok(cache.CreationTime instanceof Date);
      assert.equal(cache.LustreConfiguration?.DeploymentType, 'CACHE_1');
      const associations = (await fsx.send(new DescribeDataRepositoryAssociationsCommand({}))).Associations ?? [];
      assert.ok(associations.length >= 3);
      const cacheAssociations = associations.filter((association) => association.FileCacheId === cache.FileCacheId);
      assert.deepEqual(cacheAssociations.map((a) => a.AssociationId), cache.DataRepositoryAssociationIds);
      assert.equal(cacheAssociations[0].NFS?.Version, 'NFS3');
      const byType = await fsx.send(new DescribeDataRepositoryAssociationsCommand({ Filters: [{ Name: 'data-repository-type', Values: ['S3'] }] }));
      assert.ok((byType.Associations ?? []).every((a) => a.S3 !== undefined && a.FileSystemId !== undefined));
      await rejectsWith(fsx.send(new DescribeDataRepositoryAssociationsCommand({ MaxResults: 26 })), BadRequest);
      await rejectsWith(
        fsx.send(new DescribeDataRepositoryAssociationsCommand({ Filters: [{ Name: 'data-repository-type', Values: ['FTP'] }] })),
        InvalidDataRepositoryType,
      );
      await rejectsWith(
        fsx.send(new DescribeDataRepositoryAssociationsCommand({ AssociationIds: ['dra-00000000000000000'] })),
        DataRepositoryAssociationNotFound,
      );
      await rejectsWith(fsx.send(new DescribeFileCachesCommand({ FileCacheIds: ['fc-00000000000000000'] })), FileCacheNotFound);
    });

    it('every demo association and legacy link is valid against the API model, FailureDetails exactly when failed', async () => {
      const { client: fsx } = await harness({ scenario: 'demo' });
      const associations: DataRepositoryAssociation[] = [];
      let NextToken: string | undefined;
      do {
        const page = await fsx.send(new DescribeDataRepositoryAssociationsCommand({ MaxResults: 4, NextToken }));
        assert.ok((page.Associations ?? []).length <= 4);
        associations.push(...(page.Associations ?? []));
        NextToken = page.NextToken;
      } while (NextToken);
      const lifecycles = Object.values(DataRepositoryLifecycle) as string[];
      const events = Object.values(EventType) as string[];
      const failed = (lifecycle: string | undefined) => lifecycle === 'MISCONFIGURED' || lifecycle === 'FAILED';
      for (const association of associations) {
        const what = `${association.AssociationId} ${association.Lifecycle}`;
        assert.match(association.AssociationId ?? '', /^dra-[0-9a-f]{8,}$/);
        assert.ok(lifecycles.includes(association.Lifecycle ?? ''), what);
        assert.equal(association.FailureDetails?.Message !== undefined, failed(association.Lifecycle), what);
        assert.equal((association.FileSystemId === undefined) !== (association.FileCacheId === undefined), true, what);
        const path = association.FileSystemPath ?? association.FileCachePath ?? '';
        assert.ok(path.startsWith('/') && path.length <= 4096, what);
        const repository = association.DataRepositoryPath ?? '';
        assert.ok(repository.length >= 3 && repository.length <= 4357 && /^(s3|nfs):\/\//.test(repository), what);
        for (const policy of [association.S3?.AutoImportPolicy, association.S3?.AutoExportPolicy]) {
          assert.ok((policy?.Events ?? []).every((event) => events.includes(event)), what);
        }
        if (association.FileSystemId) {
          assert.ok(repository.startsWith('s3://') && association.S3 && typeof association.BatchImportMetaDataOnCreate === 'boolean', what);
          assert.ok((association.ImportedFileChunkSize ?? 0) >= 1 && (association.ImportedFileChunkSize ?? 0) <= 512_000, what);
        }
      }
      assert.deepEqual([...new Set(associations.filter((a) => a.FileSystemId).map((a) => a.Lifecycle))].sort(), [...lifecycles].sort());

      const systems = (await fsx.send(new DescribeFileSystemsCommand({}))).FileSystems ?? [];
      const legacy = systems.filter((fs) => fs.LustreConfiguration?.DataRepositoryConfiguration);
      assert.deepEqual(legacy.map((fs) => fs.LustreConfiguration?.DeploymentType).sort(), ['PERSISTENT_1', 'PERSISTENT_1', 'SCRATCH_1', 'SCRATCH_2']);
      for (const fs of legacy) {
        const link = fs.LustreConfiguration?.DataRepositoryConfiguration;
        assert.ok(lifecycles.includes(link?.Lifecycle ?? ''));
        assert.ok((Object.values(AutoImportPolicyType) as string[]).includes(link?.AutoImportPolicy ?? ''));
        assert.ok(link?.ImportPath?.startsWith('s3://') && link.ExportPath?.startsWith(link.ImportPath));
        assert.equal(link?.FailureDetails?.Message !== undefined, failed(link?.Lifecycle));
        assert.ok(!associations.some((a) => a.FileSystemId === fs.FileSystemId), 'a legacy link and associations never both');
      }
    });
  });

  describe('paging', () => {
    async function withTasks(count: number) {
      const h = await harness();
      const fileSystemId = h.emulator.state.addFileSystem({ name: 'paged' });
      const noise = h.emulator.state.addFileSystem({ name: 'noise' });
      const now = h.clock.now();
      const specs: TaskSpec[] = [];
      for (let i = 0; i < count; i++) {
        // Pairs share a creation time, so the TaskId tie-break matters.
        specs.push({ fileSystemId, createdAt: now - Math.floor(i / 2) * 1000, executingMs: 1 });
        specs.push({ fileSystemId: noise, createdAt: now - i * 1000 - 500, executingMs: 1 });
      }
      h.emulator.state.addTasks(specs);
      return { ...h, fileSystemId };
    }

    it('paginateDescribeDataRepositoryTasks walks every task once, newest first, in pages of at most 50', async () => {
      const { emulator, client: fsx, fileSystemId } = await withTasks(237);
      const ids: string[] = [];
      const times: number[] = [];
      let pages = 0;
      for await (const page of paginateDescribeDataRepositoryTasks(
        { client: fsx },
        { Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }] },
      )) {
        pages++;
        assert.ok((page.DataRepositoryTasks ?? []).length <= 50);
        for (const task of page.DataRepositoryTasks ?? []) {
          ids.push(task.TaskId as string);
          times.push((task.CreationTime as Date).getTime());
        }
      }
      assert.equal(ids.length, 237);
      assert.equal(new Set(ids).size, 237);
      assert.equal(pages, 5);
      assert.equal(emulator.requestCounts().DescribeDataRepositoryTasks, 5);
      const expected = emulator.state.tasksOf(fileSystemId).map((task) => task.taskId);
      assert.deepEqual(ids, expected, 'newest first, TaskId descending on ties');
      assert.ok(times.every((time, i) => i === 0 || times[i - 1] >= time));
    });

    it('MaxResults smaller than 50 gives smaller pages; larger is capped at 50', async () => {
      const { client: fsx, fileSystemId } = await withTasks(60);
      const filters = [{ Name: 'file-system-id' as const, Values: [fileSystemId] }];
      const small = await fsx.send(new DescribeDataRepositoryTasksCommand({ Filters: filters, MaxResults: 7 }));
      assert.equal(small.DataRepositoryTasks?.length, 7);
      assert.ok(small.NextToken);
      const large = await fsx.send(new DescribeDataRepositoryTasksCommand({ Filters: filters, MaxResults: 500 }));
      assert.equal(large.DataRepositoryTasks?.length, 50);
      const rest = await fsx.send(new DescribeDataRepositoryTasksCommand({ Filters: filters, MaxResults: 500, NextToken: large.NextToken }));
      assert.equal(rest.DataRepositoryTasks?.length, 10);
      assert.equal(rest.NextToken, undefined);
    });

    it('stays correct when tasks are created between pages', async () => {
      const { emulator, client: fsx, fileSystemId, clock } = await withTasks(120);
      const filters = [{ Name: 'file-system-id' as const, Values: [fileSystemId] }];
      const before = emulator.state.tasksOf(fileSystemId).map((task) => task.taskId);
      const first = await fsx.send(new DescribeDataRepositoryTasksCommand({ Filters: filters }));
      clock.advance(MINUTE);
      for (let i = 0; i < 10; i++) {
        emulator.state.addTask({ fileSystemId, executingMs: 1 });
      }
      const seen = [...(first.DataRepositoryTasks ?? [])].map((task) => task.TaskId as string);
      let token = first.NextToken;
      while (token) {
        const page = await fsx.send(new DescribeDataRepositoryTasksCommand({ Filters: filters, NextToken: token }));
        seen.push(...(page.DataRepositoryTasks ?? []).map((task) => task.TaskId as string));
        token = page.NextToken;
      }
      assert.deepEqual(seen, before, 'no task skipped or repeated; newer ones appear on a fresh first page');
    });

    it('paginateDescribeFileSystems pages 100 at a time in creation order', async () => {
      const { emulator, client: fsx } = await harness();
      const created = Array.from({ length: 250 }, (_, i) => emulator.state.addFileSystem({ name: `fs-${i}` }));
      const ids: string[] = [];
      for await (const page of paginateDescribeFileSystems({ client: fsx }, {})) {
        ids.push(...(page.FileSystems ?? []).map((fs) => fs.FileSystemId as string));
      }
      assert.deepEqual(ids, created);
      assert.equal(emulator.requestCounts().DescribeFileSystems, 3);
    });

    it('rejects a NextToken it did not issue, or one from another operation or other filters', async () => {
      const { client: fsx, fileSystemId, emulator } = await withTasks(60);
      const stateBefore = emulator.state.taskCount();
      await rejectsWith(fsx.send(new DescribeDataRepositoryTasksCommand({ NextToken: 'Ym9ndXM=' })), BadRequest, (error) =>
        assert.equal(error.message, 'Invalid NextToken'),
      );
      await rejectsWith(fsx.send(new DescribeDataRepositoryTasksCommand({ NextToken: 'not a token' })), BadRequest);
      const page = await fsx.send(
        new DescribeDataRepositoryTasksCommand({ Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }], MaxResults: 5 }),
      );
      await rejectsWith(fsx.send(new DescribeDataRepositoryTasksCommand({ NextToken: page.NextToken })), BadRequest);
      await rejectsWith(fsx.send(new DescribeFileSystemsCommand({ NextToken: page.NextToken })), BadRequest);
      const other = await FsxEmulator.start();
      open.emulators.push(other);
      await rejectsWith(
        client(other).send(
          new DescribeDataRepositoryTasksCommand({ Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }], NextToken: page.NextToken }),
        ),
        FSxServiceException,
      );
      assert.equal(emulator.state.taskCount(), stateBefore);
    });
  });

  describe('filters and not-found answers', () => {
    it('file-system-id AND task-lifecycle, OR among values', async () => {
      const { emulator, client: fsx } = await harness();
      const state = emulator.state;
      const a = state.addFileSystem();
      const b = state.addFileSystem();
      const now = state.now();
      const running = state.addTask({ fileSystemId: a, createdAt: now - 1000, executingMs: 10 * MINUTE });
      state.addTask({ fileSystemId: a, createdAt: now - 2000, executingMs: 1 });
      const pendingOnB = state.addTask({ fileSystemId: b, createdAt: now - 3000, pendingMs: 10 * MINUTE });
      const answer = await fsx.send(
        new DescribeDataRepositoryTasksCommand({
          Filters: [
            { Name: 'file-system-id', Values: [a, b] },
            { Name: 'task-lifecycle', Values: ['EXECUTING', 'PENDING'] },
          ],
        }),
      );
      assert.deepEqual(answer.DataRepositoryTasks?.map((task) => task.TaskId), [running, pendingOnB]);
      const byId = await fsx.send(new DescribeDataRepositoryTasksCommand({ TaskIds: [pendingOnB, running] }));
      assert.deepEqual(byId.DataRepositoryTasks?.map((task) => task.TaskId), [running, pendingOnB]);
    });

    it('unknown ids arrive as the modelled not-found exceptions', async () => {
      const { emulator, client: fsx } = await harness();
      const fs = emulator.state.addFileSystem();
      const task = emulator.state.addTask({ fileSystemId: fs });
      await rejectsWith(
        fsx.send(new DescribeDataRepositoryTasksCommand({ TaskIds: [task, 'task-00000000000000000'] })),
        DataRepositoryTaskNotFound,
        (error) => assert.equal(error.$metadata.httpStatusCode, 400),
      );
      await rejectsWith(
        fsx.send(new DescribeDataRepositoryTasksCommand({ Filters: [{ Name: 'file-system-id', Values: ['fs-00000000000000000'] }] })),
        FileSystemNotFound,
      );
      await rejectsWith(fsx.send(new DescribeFileSystemsCommand({ FileSystemIds: [fs, 'fs-00000000000000000'] })), FileSystemNotFound);
      await rejectsWith(
        fsx.send(new DescribeDataRepositoryTasksCommand({ TaskIds: Array.from({ length: 51 }, () => task) })),
        BadRequest,
        (error) => assert.match(error.message, /less than or equal to 50/),
      );
    });
  });

  describe('create and cancel', () => {
    it('a task moves through its lifecycle on the clock, and cancels through CANCELING to CANCELED', async () => {
      const { emulator, client: fsx, clock } = await harness();
      const fileSystemId = emulator.state.addFileSystem({ name: 'lustre' });
      emulator.state.addAssociation({ fileSystemId, resourcePath: '/results', dataRepositoryPath: 's3://bucket/' });
      emulator.taskRules.setCreatedTaskBehaviour({ pendingMs: 10_000, executingMs: 20 * MINUTE, totalCount: 1000, cancelingMs: 30_000 });
      const created = await fsx.send(
        new CreateDataRepositoryTaskCommand({
          FileSystemId: fileSystemId,
          Type: 'EXPORT_TO_REPOSITORY',
          Paths: ['results/run-1'],
          Report: { Enabled: true, Path: 's3://bucket/reports', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' },
          Tags: [{ Key: 'purpose', Value: 'test' }],
        }),
      );
      const task = created.DataRepositoryTask as DataRepositoryTask;
      assert.equal(task.Lifecycle, 'PENDING');
      assert.equal(task.CreationTime?.getTime(), clock.now());
      assert.deepEqual(task.Paths, ['results/run-1']);
      assert.deepEqual(task.Tags, [{ Key: 'purpose', Value: 'test' }]);
      const describe = async () =>
        (await fsx.send(new DescribeDataRepositoryTasksCommand({ TaskIds: [task.TaskId as string] }))).DataRepositoryTasks?.[0];

      clock.advance(10_000);
      const executing = await describe();
      assert.equal(executing?.Lifecycle, 'EXECUTING');
      assert.equal(executing?.StartTime?.getTime(), clock.now());
      clock.advance(5 * MINUTE);
      const progressed = await describe();
      assert.equal(progressed?.Status?.SucceededCount, 250);
      assert.equal(progressed?.Status?.LastUpdatedTime?.getTime(), clock.now());

      await rejectsWith(
        fsx.send(new CreateDataRepositoryTaskCommand({ FileSystemId: fileSystemId, Type: 'EXPORT_TO_REPOSITORY', Report: { Enabled: false } })),
        DataRepositoryTaskExecuting,
      );

      const cancel = await fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: task.TaskId }));
      assert.deepEqual({ Lifecycle: cancel.Lifecycle, TaskId: cancel.TaskId }, { Lifecycle: 'CANCELING', TaskId: task.TaskId });
      assert.equal((await describe())?.Lifecycle, 'CANCELING');
      const again = await fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: task.TaskId }));
      assert.equal(again.Lifecycle, 'CANCELING', 'cancel is idempotent');
      clock.advance(30_000);
      const canceled = await describe();
      assert.equal(canceled?.Lifecycle, 'CANCELED');
      assert.equal(canceled?.EndTime?.getTime(), clock.now());
      await rejectsWith(fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: task.TaskId })), DataRepositoryTaskEnded);
      assert.deepEqual(
        emulator.state.transitionsOf(task.TaskId as string)?.map((transition) => transition.lifecycle),
        ['PENDING', 'EXECUTING', 'CANCELING', 'CANCELED'],
        "the emulator's own record of what the client saw",
      );
    });

    it('EXECUTING then FAILED with the planned message, observed through the wire', async () => {
      const { emulator, client: fsx, clock } = await harness();
      const fileSystemId = emulator.state.addFileSystem();
      const id = emulator.state.addTask({
        fileSystemId,
        executingMs: 10 * MINUTE,
        outcome: 'FAILED',
        failureMessage: 'Access Denied',
        totalCount: 40,
        failedCount: 4,
      });
      clock.advance(10 * MINUTE);
      const [task] = (await fsx.send(new DescribeDataRepositoryTasksCommand({ TaskIds: [id] }))).DataRepositoryTasks ?? [];
      assert.equal(task.Lifecycle, 'FAILED');
      assert.equal(task.FailureDetails?.Message, 'Access Denied');
      assert.deepEqual([task.Status?.SucceededCount, task.Status?.FailedCount, task.Status?.TotalCount], [36, 4, 40]);
    });

    const REPORT = { Enabled: true, Path: 's3://bucket/ns1/reports', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' } as const;

    async function linked() {
      const h = await harness();
      const lustre = h.emulator.state.addFileSystem({ name: 'linked' });
      h.emulator.state.addAssociation({ fileSystemId: lustre, resourcePath: '/ns1', dataRepositoryPath: 's3://bucket/ns1/' });
      const create = (input: Partial<CreateInput> = {}) =>
        h.client.send(new CreateDataRepositoryTaskCommand({ FileSystemId: lustre, Type: 'EXPORT_TO_REPOSITORY', Report: { Enabled: false }, ...input }));
      return { ...h, lustre, create };
    }

    it('creates each file-system task type, with the members that type takes, and runs it on the clock', async () => {
      const { emulator, create, clock, client: fsx } = await linked();
      emulator.taskRules.setCreatedTaskBehaviour({ pendingMs: 0, executingMs: MINUTE, totalCount: 2_000 });
      const cases: [CreateInput['Type'], Partial<CreateInput>][] = [
        ['EXPORT_TO_REPOSITORY', { Paths: ['ns1/out'], Report: REPORT }],
        ['IMPORT_METADATA_FROM_REPOSITORY', { Paths: ['s3://bucket/ns1/new'] }],
        ['RELEASE_DATA_FROM_FILESYSTEM', { Paths: ['/ns1/old'], Report: REPORT, ReleaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 30 } } }],
      ];
      for (const [type, members] of cases) {
        const task = (await create({ Type: type, ...members })).DataRepositoryTask as DataRepositoryTask;
        assert.deepEqual([task.Type, task.Lifecycle, task.Paths], [type, 'EXECUTING', members.Paths], type);
        assert.deepEqual(task.Report, members.Report ?? { Enabled: false }, type);
        assert.deepEqual(task.ReleaseConfiguration, members.ReleaseConfiguration, type);
        clock.advance(MINUTE);
        const [ended] = (await fsx.send(new DescribeDataRepositoryTasksCommand({ TaskIds: [task.TaskId as string] }))).DataRepositoryTasks ?? [];
        assert.equal(ended.Lifecycle, 'SUCCEEDED', type);
        assert.equal(ended.Status?.SucceededCount, 2_000, type);
        assert.equal(ended.Status?.ReleasedCapacity !== undefined, type === 'RELEASE_DATA_FROM_FILESYSTEM', `${type}: ReleasedCapacity`);
      }
    });

    it('every create error arrives as its modelled exception and leaves no task behind', async () => {
      const { emulator, create } = await linked();
      const windows = emulator.state.addFileSystem({ type: 'WINDOWS' });
      const unlinked = emulator.state.addFileSystem();
      const deleting = emulator.state.addFileSystem({ lifecycle: 'DELETING' });
      const message = (pattern: RegExp) => (error: Error) => assert.match(error.message, pattern);
      await rejectsWith(create({ FileSystemId: 'fs-00000000000000000' }), FileSystemNotFound);
      await rejectsWith(create({ FileSystemId: windows }), UnsupportedOperation);
      await rejectsWith(create({ FileSystemId: deleting }), BadRequest, message(/DELETING/));
      await rejectsWith(create({ Type: 'SYNC' as never }), BadRequest, message(/enum value set/));
      await rejectsWith(create({ Type: 'AUTO_RELEASE_DATA' }), BadRequest, message(/File Cache/));
      await rejectsWith(create({ Report: { Enabled: true } }), BadRequest, message(/Path, Format and Scope/));
      await rejectsWith(create({ Report: { ...REPORT, Path: 's3://bucket/elsewhere' } }), BadRequest, message(/within the file system's export path/));
      await rejectsWith(create({ FileSystemId: unlinked, Report: REPORT }), BadRequest, message(/no linked S3/));
      await rejectsWith(create({ Paths: Array.from({ length: 101 }, () => 'p') }), BadRequest, message(/length less than or equal to 100/));
      await rejectsWith(create({ Paths: ['p'.repeat(4097)] }), BadRequest, message(/length less than or equal to 4096/));
      await rejectsWith(create({ ReleaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 1 } } }), BadRequest, message(/RELEASE_DATA_FROM_FILESYSTEM/));
      await rejectsWith(create({ Type: 'RELEASE_DATA_FROM_FILESYSTEM', CapacityToRelease: 10 }), BadRequest, message(/AUTO_RELEASE_DATA/));
      await rejectsWith(create({ Type: 'RELEASE_DATA_FROM_FILESYSTEM', ReleaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: -1 } } }), BadRequest);
      emulator.injectFault({ kind: 'internal', operation: 'CreateDataRepositoryTask', count: 1 });
      await rejectsWith(create(), InternalServerError);
      assert.equal(emulator.state.taskCount(), 0);

      const running = (await create()).DataRepositoryTask?.TaskId as string;
      await rejectsWith(create({ Type: 'IMPORT_METADATA_FROM_REPOSITORY' }), DataRepositoryTaskExecuting, message(new RegExp(`${running} is PENDING`)));
      assert.equal(emulator.state.taskCount(), 1);
    });

    it('ClientRequestToken: the same request gets the same task, a different one IncompatibleParameterError', async () => {
      const { emulator, create, clock } = await linked();
      const input = { Type: 'IMPORT_METADATA_FROM_REPOSITORY' as const, Paths: ['s3://bucket/ns1/a'], ClientRequestToken: 'retry-me' };
      const first = (await create(input)).DataRepositoryTask;
      clock.advance(MINUTE);
      const second = (await create(input)).DataRepositoryTask;
      assert.equal(second?.TaskId, first?.TaskId);
      assert.equal(second?.CreationTime?.getTime(), first?.CreationTime?.getTime());
      assert.equal(emulator.state.taskCount(), 1);
      for (const changed of [{ Paths: ['s3://bucket/ns1/b'] }, { Type: 'EXPORT_TO_REPOSITORY' as const }, { Report: REPORT }, { Tags: [{ Key: 'k', Value: 'v' }] }]) {
        await rejectsWith(create({ ...input, ...changed }), IncompatibleParameterError, (error) => assert.equal(error.Parameter, 'ClientRequestToken'));
      }
      // Without a token of ours the SDK makes a new one per call: a second task is refused while the first runs.
      await create({ ClientRequestToken: undefined, FileSystemId: emulator.state.addFileSystem() });
      await rejectsWith(create({ ...input, ClientRequestToken: undefined }), DataRepositoryTaskExecuting);
      assert.equal(emulator.state.taskCount(), 2);
    });

    it('a create whose answer is lost is retried by the SDK with the same token: one task, not two', async () => {
      const { emulator, lustre } = await linked();
      emulator.injectFault({ kind: 'dropAfterApply', operation: 'CreateDataRepositoryTask', count: 1 });
      const answer = await client(emulator, { attempts: 3 }).send(
        new CreateDataRepositoryTaskCommand({ FileSystemId: lustre, Type: 'EXPORT_TO_REPOSITORY', Report: REPORT }),
      );
      assert.equal(answer.$metadata.attempts, 2);
      assert.equal(emulator.requestCounts().CreateDataRepositoryTask, 2);
      assert.equal(emulator.state.taskCount(), 1);
      assert.equal(answer.DataRepositoryTask?.TaskId, emulator.state.tasksOf(lustre)[0].taskId);
    });

    it('a cancel whose answer is lost has still been applied; its retry answers CANCELING', async () => {
      const { emulator, client: fsx } = await harness();
      const lustre = emulator.state.addFileSystem();
      const [lost, retried] = [0, 1].map((i) => emulator.state.addTask({ fileSystemId: lustre, createdAt: Date.UTC(2025, 3, 1, 11) + i, executingMs: 10 * 60 * MINUTE }));
      emulator.injectFault({ kind: 'dropAfterApply', operation: 'CancelDataRepositoryTask', count: 1 });
      await rejectsWith(fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: lost })), Error, (error) =>
        assert.match(`${(error as NodeJS.ErrnoException).code} ${error.message}`, /ECONNRESET|socket hang up/),
      );
      assert.equal(emulator.state.getTask(lost)?.lifecycle, 'CANCELING', 'applied although the client saw a dropped connection');

      emulator.injectFault({ kind: 'dropAfterApply', operation: 'CancelDataRepositoryTask', count: 1 });
      const answer = await client(emulator, { attempts: 3 }).send(new CancelDataRepositoryTaskCommand({ TaskId: retried }));
      assert.deepEqual([answer.Lifecycle, answer.$metadata.attempts], ['CANCELING', 2]);
      assert.equal(emulator.requestCounts().CancelDataRepositoryTask, 3);
    });

    it('unknown task ids on cancel arrive as DataRepositoryTaskNotFound; malformed ones as BadRequest', async () => {
      const { client: fsx } = await harness();
      await rejectsWith(fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: 'task-00000000000000000' })), DataRepositoryTaskNotFound);
      await rejectsWith(fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: 'fs-1' })), BadRequest);
    });
  });

  describe('faults and request counts', () => {
    it('throttling arrives as FSxServiceException ThrottlingException and the SDK retries it', async () => {
      const { emulator } = await harness();
      emulator.injectFault({ kind: 'throttle', operation: 'DescribeFileSystems', count: 2 });
      const retrying = client(emulator, { attempts: 3 });
      const answer = await retrying.send(new DescribeFileSystemsCommand({}));
      assert.equal(answer.$metadata.attempts, 3);
      assert.equal(emulator.requestCounts().DescribeFileSystems, 3);

      emulator.injectFault({ kind: 'throttle', operation: 'DescribeFileSystems', count: 1 });
      const once = client(emulator);
      await rejectsWith(once.send(new DescribeFileSystemsCommand({})), FSxServiceException, (error) => {
        assert.equal(error.name, 'ThrottlingException');
        assert.equal(error.message, 'Rate exceeded');
        assert.equal(error.$metadata.httpStatusCode, 400);
      });
      assert.equal(emulator.totalRequests(), 4);
    });

    it('a fault with a region answers only the requests signed for that region', async () => {
      const { emulator, client: usEast } = await harness();
      emulator.injectFault({ kind: 'unrecognizedClient', region: 'ap-east-1' });
      const apEast = client(emulator, { attempts: 1 }, 'ap-east-1');
      await rejectsWith(apEast.send(new DescribeFileSystemsCommand({})), FSxServiceException, (error) => {
        assert.equal(error.name, 'UnrecognizedClientException');
        assert.equal(error.$metadata.httpStatusCode, 403);
      });
      const answer = await usEast.send(new DescribeFileSystemsCommand({}));
      assert.ok(answer.FileSystems, 'another region is answered as usual');
    });

    it('each fault kind arrives as the service would send it, and never changes state', async () => {
      const { emulator, client: fsx } = await harness();
      const lustre = emulator.state.addFileSystem();
      const task = emulator.state.addTask({ fileSystemId: lustre, executingMs: 10 * MINUTE });
      const cancel = () => fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: task }));

      emulator.injectFault({ kind: 'internal', operation: 'CancelDataRepositoryTask', count: 1 });
      await rejectsWith(cancel(), InternalServerError, (error) => assert.equal(error.$metadata.httpStatusCode, 500));
      const expectations = [
        ['unavailable', 'ServiceUnavailable', 503],
        ['expiredToken', 'ExpiredTokenException', 400],
        ['accessDenied', 'AccessDeniedException', 403],
      ] as const;
      for (const [kind, name, status] of expectations) {
        emulator.injectFault({ kind, operation: 'CancelDataRepositoryTask', count: 1 });
        await rejectsWith(cancel(), FSxServiceException, (error) => {
          assert.equal(error.name, name);
          assert.equal(error.$metadata.httpStatusCode, status);
        });
      }
      emulator.injectFault({ kind: 'drop', operation: 'CancelDataRepositoryTask', count: 1 });
      await rejectsWith(cancel(), Error, (error) => assert.match(`${(error as NodeJS.ErrnoException).code} ${error.message}`, /ECONNRESET|socket hang up/));
      assert.equal(emulator.state.getTask(task)?.lifecycle, 'EXECUTING', 'no faulted cancel got through');
      assert.equal(emulator.requestCounts().CancelDataRepositoryTask, 5);

      emulator.injectFault({ kind: 'latency', latencyMs: 150, count: 1 });
      const started = performance.now();
      assert.equal((await cancel()).Lifecycle, 'CANCELING');
      assert.ok(performance.now() - started >= 140, 'answered after the delay');
    });

    it('the SDK retries a dropped connection and 5xx answers when allowed to', async () => {
      const { emulator } = await harness();
      emulator.injectFault({ kind: 'drop', count: 1 });
      emulator.injectFault({ kind: 'unavailable', count: 1 });
      const answer = await client(emulator, { attempts: 3 }).send(new DescribeFileCachesCommand({}));
      assert.equal(answer.$metadata.attempts, 3);
      assert.deepEqual(answer.FileCaches, []);
    });

    it('counts every request per operation, including invalid ones, until reset', async () => {
      const { emulator, client: fsx } = await harness();
      await fsx.send(new DescribeFileSystemsCommand({}));
      await rejectsWith(fsx.send(new DescribeFileSystemsCommand({ MaxResults: 0 })), BadRequest);
      await rejectsWith(fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: 'task-00000000000000000' })), DataRepositoryTaskNotFound);
      await raw(emulator, { headers: signedHeaders('DescribeBackups'), body: '{}' });
      assert.deepEqual(emulator.requestCounts(), {
        DescribeFileSystems: 2,
        DescribeFileCaches: 0,
        DescribeDataRepositoryTasks: 0,
        DescribeDataRepositoryAssociations: 0,
        CreateDataRepositoryTask: 0,
        CancelDataRepositoryTask: 1,
        CreateDataRepositoryAssociation: 0,
        UpdateDataRepositoryAssociation: 0,
        DeleteDataRepositoryAssociation: 0,
      });
      assert.equal(emulator.totalRequests(), 4);
      emulator.resetRequestCounts();
      assert.equal(emulator.totalRequests(), 0);
      assert.equal(emulator.requestCounts().DescribeFileSystems, 0);
    });
  });

  describe('reset', () => {
    it('reset() brings back the seeded world, forgets tokens and faults, and zeroes the counts', async () => {
      const { emulator, client: fsx, clock } = await harness({ scenario: 'demo', seed: 3 });
      const fileSystemIds = emulator.state.fileSystems().map((fs) => fs.fileSystemId);
      const taskIdsOf = (fileSystemId: string) => emulator.state.tasksOf(fileSystemId).map((task) => task.taskId);
      const seededTasks = fileSystemIds.map(taskIdsOf);
      const [genomics] = fileSystemIds;
      const executing = emulator.state.tasksOf(genomics).find((task) => task.lifecycle === 'EXECUTING');
      assert.ok(executing);

      // Change everything reset() is meant to undo.
      await fsx.send(new CancelDataRepositoryTaskCommand({ TaskId: executing.taskId }));
      const extra = emulator.state.addFileSystem({ name: 'left-over' });
      const input = { FileSystemId: extra, Type: 'EXPORT_TO_REPOSITORY' as const, Report: { Enabled: false }, ClientRequestToken: 'before-reset' };
      const before = (await fsx.send(new CreateDataRepositoryTaskCommand(input))).DataRepositoryTask?.TaskId;
      emulator.taskRules.setCreatedTaskBehaviour({ pendingMs: 0, executingMs: 1, totalCount: 1 });
      const page = await fsx.send(new DescribeDataRepositoryTasksCommand({ MaxResults: 1 }));
      assert.ok(page.NextToken);
      emulator.injectFault({ kind: 'internal' });
      clock.advance(MINUTE);

      emulator.reset();
      assert.equal(emulator.totalRequests(), 0);
      assert.deepEqual(emulator.state.fileSystems().map((fs) => fs.fileSystemId), fileSystemIds, 'same seed, same ids');
      assert.deepEqual(fileSystemIds.map(taskIdsOf), seededTasks);
      assert.equal(emulator.state.getTask(executing.taskId)?.lifecycle, 'EXECUTING', 'the cancel is undone');
      assert.equal(emulator.state.getTask(before as string), undefined);
      const executingAgain = emulator.state.getTask(executing.taskId);
      assert.equal(executingAgain?.creationTime, executing.creationTime + MINUTE, 'seeded again at the current time');

      const described = await fsx.send(new DescribeFileSystemsCommand({}));
      assert.equal(described.FileSystems?.length, fileSystemIds.length, 'the fault is gone');
      await rejectsWith(fsx.send(new DescribeDataRepositoryTasksCommand({ MaxResults: 1, NextToken: page.NextToken })), BadRequest, (error) =>
        assert.equal(error.message, 'Invalid NextToken'),
      );
      const lustre = fileSystemIds[2];
      emulator.state.addAssociation({ fileSystemId: lustre, resourcePath: '/x', dataRepositoryPath: 's3://bucket/x/' });
      const created = (await fsx.send(new CreateDataRepositoryTaskCommand({ ...input, FileSystemId: lustre }))).DataRepositoryTask;
      assert.equal(created?.Lifecycle, 'PENDING', 'the token and the created-task behaviour are forgotten');
      assert.deepEqual(emulator.requestCounts().CreateDataRepositoryTask, 1);
    });
  });

  describe('routes', () => {
    it('a Route added to the emulator answers its requests; everything else still reaches FSx', async () => {
      const { emulator, client: fsx } = await harness();
      let resets = 0;
      const remove = emulator.addRoute({
        matches: (request) => request.method === 'GET' && (request.url ?? '').startsWith('/latest/'),
        serve: async (request, response) => {
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.end(`route saw ${request.url}`);
        },
        reset: () => {
          resets += 1;
        },
      });
      const answer = await raw(emulator, { method: 'GET', path: '/latest/meta-data/' });
      assert.equal(answer.status, 200);
      assert.equal(answer.text, 'route saw /latest/meta-data/');
      assert.deepEqual((await fsx.send(new DescribeFileSystemsCommand({}))).FileSystems, []);
      assert.equal(emulator.totalRequests(), 1, 'FSx counts only its own requests');
      emulator.reset();
      assert.equal(resets, 1);
      remove();
      assert.equal((await raw(emulator, { method: 'GET', path: '/latest/meta-data/' })).json().__type, 'UnknownOperationException');
    });
  });

  describe('malformed HTTP (node fetch)', () => {
    it('answers 400 with __type, x-amzn-ErrorType and a request id, and changes nothing', async () => {
      const { emulator } = await harness();
      const lustre = emulator.state.addFileSystem();
      const task = emulator.state.addTask({ fileSystemId: lustre, executingMs: 10 * MINUTE });
      const cancelBody = JSON.stringify({ TaskId: task });
      const createBody = JSON.stringify({ FileSystemId: lustre, Type: 'EXPORT_TO_REPOSITORY', Report: { Enabled: false } });
      const cases: { name: string; request: Parameters<typeof raw>[1]; status: number; type: string }[] = [
        { name: 'invalid JSON', request: { headers: signedHeaders('CancelDataRepositoryTask'), body: '{"TaskId":' }, status: 400, type: 'SerializationException' },
        { name: 'JSON array', request: { headers: signedHeaders('CancelDataRepositoryTask'), body: `[${cancelBody}]` }, status: 400, type: 'SerializationException' },
        {
          name: 'invalid UTF-8',
          request: { headers: signedHeaders('CancelDataRepositoryTask'), body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
          status: 400,
          type: 'SerializationException',
        },
        {
          name: 'no Authorization',
          request: { headers: withoutAuthorization(signedHeaders('CancelDataRepositoryTask')), body: cancelBody },
          status: 400,
          type: 'MissingAuthenticationTokenException',
        },
        {
          name: 'wrong content type',
          request: { headers: { ...signedHeaders('CancelDataRepositoryTask'), 'content-type': 'text/plain' }, body: cancelBody },
          status: 400,
          type: 'SerializationException',
        },
        { name: 'GET', request: { method: 'GET', headers: signedHeaders('CancelDataRepositoryTask') }, status: 400, type: 'UnknownOperationException' },
        { name: 'wrong path', request: { path: '/tasks', headers: signedHeaders('CancelDataRepositoryTask'), body: cancelBody }, status: 400, type: 'UnknownOperationException' },
        {
          name: 'no target',
          request: { headers: { 'content-type': 'application/x-amz-json-1.1', authorization: 'x' }, body: cancelBody },
          status: 400,
          type: 'UnknownOperationException',
        },
        { name: 'unknown operation', request: { headers: signedHeaders('DeleteFileSystem'), body: '{}' }, status: 400, type: 'UnknownOperationException' },
        {
          name: 'wrong member type',
          request: { headers: signedHeaders('CreateDataRepositoryTask'), body: JSON.stringify({ ...JSON.parse(createBody), Paths: 'a' }) },
          status: 400,
          type: 'SerializationException',
        },
        {
          name: 'deep JSON',
          request: { headers: signedHeaders('CreateDataRepositoryTask'), body: `{"Paths":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
          status: 400,
          type: 'SerializationException',
        },
        {
          name: 'body over 1 MiB',
          request: { headers: signedHeaders('CreateDataRepositoryTask'), body: `{"Pad":"${'x'.repeat(MAX_BODY_BYTES)}"}` },
          status: 413,
          type: 'RequestEntityTooLargeException',
        },
      ];
      for (const { name, request, status, type } of cases) {
        const answer = await raw(emulator, request);
        assert.equal(answer.status, status, `${name}: ${answer.text}`);
        assert.equal(answer.json().__type, type, name);
        assert.equal(typeof answer.json().Message, 'string', name);
        assert.equal(answer.headers.get('x-amzn-errortype'), type, name);
        assert.match(answer.headers.get('x-amzn-requestid') ?? '', UUID, name);
        assert.equal(emulator.state.getTask(task)?.lifecycle, 'EXECUTING', name);
        assert.equal(emulator.state.taskCount(), 1, name);
      }
      // Deep nesting inside an unknown member is ignored, as the service ignores unknown members.
      const deepUnknown = await raw(emulator, {
        headers: signedHeaders('DescribeFileSystems'),
        body: `{"Extra":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      });
      assert.equal(deepUnknown.status, 200);
      assert.equal((deepUnknown.json().FileSystems as unknown[]).length, 1);
      // And a well-formed request still works afterwards.
      const ok = await raw(emulator, { headers: signedHeaders('CancelDataRepositoryTask'), body: cancelBody });
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.json(), { Lifecycle: 'CANCELING', TaskId: task });
      assert.equal(ok.headers.get('content-type'), 'application/x-amz-json-1.1');
    });

    it('timestamps on the wire are epoch seconds', async () => {
      const { emulator, clock } = await harness();
      const lustre = emulator.state.addFileSystem();
      emulator.state.addTask({ fileSystemId: lustre, createdAt: clock.now() - 1500 });
      const answer = await raw(emulator, { headers: signedHeaders('DescribeDataRepositoryTasks'), body: '{}' });
      const [task] = answer.json().DataRepositoryTasks as { CreationTime: unknown }[];
      assert.equal(task.CreationTime, (clock.now() - 1500) / 1000);
    });
  });

  describe('lifecycle of the server', () => {
    it('refuses non-loopback hosts', async () => {
      await assert.rejects(FsxEmulator.start({ host: '0.0.0.0' }), /loopback/);
    });

    it('close() ends promptly with a keep-alive connection and a delayed answer pending', async () => {
      const { emulator, client: fsx } = await harness();
      await fsx.send(new DescribeFileSystemsCommand({}));
      emulator.injectFault({ kind: 'latency', latencyMs: 60_000 });
      const pending = fsx.send(new DescribeFileSystemsCommand({})).then(
        () => 'answered',
        () => 'failed',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      await emulator.close();
      assert.ok(performance.now() - started < 1000);
      assert.equal(await pending, 'failed');
      await emulator.close();
    });
  });
});
