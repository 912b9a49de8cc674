// Starting tasks and reading associations through our boundary with the real FSxClient over HTTP
// against the emulator: every task type, the errors FSx answers with, idempotency by token, and
// the guided flow's request as FSx receives it.
import * as assert from 'node:assert/strict';
import { DescribeDataRepositoryTasksCommand } from '@aws-sdk/client-fsx';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock } from '../../src/emulator';
import { linkedRepositories, listAllAssociations } from '../../src/fsx/associations';
import { FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxError, FsxErrorKind } from '../../src/fsx/errors';
import { FsxService } from '../../src/fsx/fsxService';
import { ENGLISH } from '../../src/fsx/l10n';
import { Association, CreateTaskInput, ResourceRef, StorageResource } from '../../src/fsx/types';
import { busyMessage, createTask, createTaskErrorMessage } from '../../src/fsx/createTask';
import { newClientRequestToken, targetRefusal, StartTarget } from '../../src/fsx/taskRequest';
import { BACK, runStartTaskFlow, StartTaskAsk } from '../../src/viewModel/startTaskFlow';

const MINUTE = 60_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('starting tasks and listing associations against the emulator (real FSxClient)', () => {
  let clock: ManualEmulatorClock;
  let emulator: FsxEmulator;
  let factory: FsxClientFactory;
  let service: FsxService;

  beforeEach(async () => {
    clock = new ManualEmulatorClock(Date.UTC(2025, 5, 1, 12));
    emulator = await FsxEmulator.start({ clock, scenario: 'empty' });
    factory = new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(3, () => 0) });
    service = new FsxService(factory.get({ region: 'us-east-1', endpoint: emulator.url, sandbox: true }));
  });

  afterEach(async () => {
    factory.dispose();
    await emulator.close();
  });

  async function expectError(promise: Promise<unknown>, kind: FsxErrorKind, code?: string): Promise<FsxError> {
    const error = await promise.then(
      () => assert.fail(`expected a ${kind} error`),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof FsxError, `an FsxError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    if (code) {
      assert.equal(error.code, code);
    }
    return error;
  }

  function fileSystemWithAssociations(): { id: string; ref: ResourceRef } {
    const id = emulator.state.addFileSystem({ name: 'render', deploymentType: 'PERSISTENT_2' });
    emulator.state.addAssociation({ fileSystemId: id, resourcePath: '/assets', dataRepositoryPath: 's3://render-assets/projects/' });
    emulator.state.addAssociation({ fileSystemId: id, resourcePath: '/frames', dataRepositoryPath: 's3://render-output/frames/' });
    return { id, ref: { kind: 'fileSystem', id } };
  }

  async function resourceOf(id: string): Promise<StorageResource> {
    const resource = (await service.listResources()).find((candidate) => candidate.id === id);
    assert.ok(resource, id);
    return resource;
  }

  describe('associations', () => {
    it('pages 25 at a time, only the file system’s, mapped into our model', async () => {
      const { id, ref } = fileSystemWithAssociations();
      for (let n = 0; n < 28; n++) {
        emulator.state.addAssociation({ fileSystemId: id, resourcePath: `/ns${n}`, dataRepositoryPath: `s3://bucket-${n}/prefix/`, createdAt: clock.now() - n * MINUTE });
      }
      const other = emulator.state.addFileSystem({});
      emulator.state.addAssociation({ fileSystemId: other, resourcePath: '/elsewhere', dataRepositoryPath: 's3://elsewhere/' });

      const first = await service.listAssociations(ref);
      assert.equal(first.associations.length, 25);
      assert.ok(first.nextToken);
      const second = await service.listAssociations(ref, { nextToken: first.nextToken });
      assert.equal(second.associations.length, 5);
      assert.equal(second.nextToken, undefined);
      const all = [...first.associations, ...second.associations];
      assert.equal(new Set(all.map((association) => association.associationId)).size, 30);
      assert.ok(all.every((association) => association.resource.id === id && association.source === 'association'));
      assert.equal(emulator.requestCounts().DescribeDataRepositoryAssociations, 2);

      const assets = all.find((association) => association.fileSystemPath === '/assets');
      assert.ok(assets);
      assert.match(assets.associationId ?? '', /^dra-[0-9a-f]{8,}$/);
      assert.equal(assets.dataRepositoryPath, 's3://render-assets/projects/');
      assert.equal(assets.exportPath, 's3://render-assets/projects/');
      assert.equal(assets.lifecycle, 'AVAILABLE');
      assert.deepEqual(assets.autoImportEvents, ['NEW', 'CHANGED', 'DELETED']);
      assert.deepEqual(assets.autoExportEvents, ['NEW', 'CHANGED', 'DELETED']);
      assert.equal(assets.batchImportMetaDataOnCreate, true);
      assert.equal(assets.importedFileChunkSize, 1024);
      assert.ok(assets.creationTime instanceof Date);
      assert.match(assets.arn ?? '', /^arn:aws:fsx:/);

      assert.equal((await listAllAssociations(service, await resourceOf(id))).length, 30);
      assert.equal((await service.listAssociations(ref, { pageSize: 200 })).associations.length, 25, 'MaxResults capped at 25');
    });

    it('a File Cache’s associations by file-cache-id; a lifecycle and failure as FSx reports them', async () => {
      const cacheId = emulator.state.addFileCache({});
      emulator.state.addAssociation({ fileCacheId: cacheId, resourcePath: '/ns1', dataRepositoryPath: 'nfs://nas01.example.com/exports' });
      const page = await service.listAssociations({ kind: 'fileCache', id: cacheId });
      assert.equal(page.associations.length, 1);
      const [nfs] = page.associations;
      assert.deepEqual(nfs.resource, { kind: 'fileCache', id: cacheId });
      assert.equal(nfs.fileSystemPath, '/ns1', 'FileCachePath');
      assert.equal(nfs.autoImportEvents, undefined, 'no S3 policy on NFS');

      const fileSystemId = emulator.state.addFileSystem({});
      emulator.state.addAssociation({ fileSystemId, resourcePath: '/x', dataRepositoryPath: 's3://x/', lifecycle: 'MISCONFIGURED', failureMessage: 'The bucket policy denies FSx.', autoExportEvents: [] });
      const [misconfigured] = (await service.listAssociations({ kind: 'fileSystem', id: fileSystemId })).associations;
      assert.equal(misconfigured.lifecycle, 'MISCONFIGURED');
      assert.equal(misconfigured.failureMessage, 'The bucket policy denies FSx.');
      assert.deepEqual(misconfigured.autoExportEvents, [], 'automatic export off');
    });

    it('the demo scenario: every lifecycle, failures, and older links, as the views will get them', async () => {
      await emulator.close();
      emulator = await FsxEmulator.start({ clock, scenario: 'demo' });
      service = new FsxService(factory.get({ region: 'us-east-1', endpoint: emulator.url, sandbox: true }));
      const links: Association[] = [];
      const targets: StartTarget[] = [];
      for (const resource of (await service.listResources()).filter((candidate) => candidate.supportsTasks)) {
        const repositories = linkedRepositories(resource, await listAllAssociations(service, resource));
        links.push(...repositories);
        targets.push({ resource, repositories });
      }
      const lifecycles = new Set(links.map((link) => link.lifecycle));
      for (const lifecycle of ['CREATING', 'AVAILABLE', 'MISCONFIGURED', 'UPDATING', 'DELETING', 'FAILED']) {
        assert.ok(lifecycles.has(lifecycle), lifecycle);
      }
      const failing = links.filter((link) => link.lifecycle === 'MISCONFIGURED' || link.lifecycle === 'FAILED');
      assert.ok(failing.every((link) => link.failureMessage), 'a failure says why');
      assert.ok(links.some((link) => link.source === 'fileSystem'), 'an older file system’s own link');
      assert.ok(links.some((link) => link.resource.kind === 'fileCache'));
      // What the flow says before asking anything: caches and broken links are refused with the reason.
      const brokenLink = targets.find((target) => target.resource.dataRepositoryLink?.lifecycle === 'MISCONFIGURED');
      assert.ok(brokenLink);
      assert.match(targetRefusal(brokenLink, 'EXPORT_TO_REPOSITORY', ENGLISH) ?? '', new RegExp(`MISCONFIGURED: ${escapeRegExp(brokenLink.resource.dataRepositoryLink?.failureMessage ?? '?')}`));
      const cacheTarget = targets.find((target) => target.resource.kind === 'fileCache');
      assert.match(targetRefusal(cacheTarget as StartTarget, 'RELEASE_DATA_FROM_FILESYSTEM', ENGLISH) ?? '', /AUTO_RELEASE_DATA/);
      const startable = targets.filter((target) => targetRefusal(target, 'EXPORT_TO_REPOSITORY', ENGLISH) === undefined);
      assert.ok(startable.length > 0, 'some file system can start an export');
    });

    it('an unknown file system is notFound', async () => {
      await expectError(service.listAssociations({ kind: 'fileSystem', id: 'fs-00000000deadbeef0' }), 'notFound', 'FileSystemNotFound');
    });

    it('an older file system’s own S3 link and the mount name come with the resource', async () => {
      const legacy = emulator.state.addFileSystem({ deploymentType: 'SCRATCH_2', dataRepository: { importPath: 's3://legacy/in', exportPath: 's3://legacy/out', autoImportPolicy: 'NEW_CHANGED' } });
      const plain = emulator.state.addFileSystem({});
      const link = (await resourceOf(legacy)).dataRepositoryLink;
      assert.ok(link);
      assert.equal(link.source, 'fileSystem');
      assert.equal(link.fileSystemPath, '/');
      assert.equal(link.dataRepositoryPath, 's3://legacy/in');
      assert.equal(link.exportPath, 's3://legacy/out');
      assert.equal(link.lifecycle, 'AVAILABLE');
      assert.deepEqual(link.autoImportEvents, ['NEW', 'CHANGED']);
      assert.equal((await resourceOf(plain)).dataRepositoryLink, undefined);
      assert.match((await resourceOf(plain)).mountName ?? '', /^[0-9a-z]{8}$/);
    });
  });

  describe('create', () => {
    const report = (path: string) => ({ enabled: true, path });

    it('starts each type with its members as FSx received them', async () => {
      const inputs: CreateTaskInput[] = [
        { fileSystemId: fileSystemWithAssociations().id, type: 'EXPORT_TO_REPOSITORY', paths: ['assets/a', 'frames'], report: report('s3://render-assets/projects') },
        { fileSystemId: fileSystemWithAssociations().id, type: 'IMPORT_METADATA_FROM_REPOSITORY', paths: ['s3://render-assets/projects/shots'] },
        { fileSystemId: fileSystemWithAssociations().id, type: 'RELEASE_DATA_FROM_FILESYSTEM', daysSinceLastAccess: 5, report: report('s3://render-output/frames') },
      ];
      for (const input of inputs) {
        const task = await service.createTask({ ...input, clientRequestToken: newClientRequestToken() });
        assert.equal(task.type, input.type);
        assert.equal(task.lifecycle, 'PENDING');
        assert.deepEqual(task.resource, { kind: 'fileSystem', id: input.fileSystemId });
        assert.deepEqual(task.paths, input.paths ?? []);
        assert.equal(task.daysSinceLastAccess, input.daysSinceLastAccess);
        assert.deepEqual(task.report, input.report ? { enabled: true, path: input.report.path, format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' } : { enabled: false, path: undefined, format: undefined, scope: undefined });
        const listed = await service.listTasks({ kind: 'fileSystem', id: input.fileSystemId });
        assert.deepEqual(listed.tasks.map((listedTask) => listedTask.taskId), [task.taskId]);
      }
    });

    it('the same token and request answer the same task, even while it runs; one task exists', async () => {
      const { id, ref } = fileSystemWithAssociations();
      const input: CreateTaskInput = { fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', paths: ['assets'], clientRequestToken: newClientRequestToken() };
      const first = await service.createTask(input);
      clock.advance(2 * MINUTE);
      const again = await service.createTask(input);
      assert.equal(again.taskId, first.taskId);
      assert.equal(emulator.requestCounts().CreateDataRepositoryTask, 2);
      assert.equal((await service.listTasks(ref)).tasks.length, 1);
    });

    it('the same token with another request is refused (IncompatibleParameterError) and starts nothing', async () => {
      const { id, ref } = fileSystemWithAssociations();
      const token = newClientRequestToken();
      await service.createTask({ fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', paths: ['assets'], clientRequestToken: token });
      const error = await expectError(service.createTask({ fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', paths: ['frames'], clientRequestToken: token }), 'validation', 'IncompatibleParameterError');
      assert.match(createTaskErrorMessage(error, ENGLISH), /this token and different settings.*Request ID: /);
      assert.equal((await service.listTasks(ref)).tasks.length, 1);
    });

    for (const token of ['our', 'the SDK’s'] as const) {
      it(`a create whose answer is lost is retried by the SDK with ${token} token: one task`, async () => {
        const { id, ref } = fileSystemWithAssociations();
        emulator.injectFault({ kind: 'dropAfterApply', operation: 'CreateDataRepositoryTask', count: 1 });
        const task = await service.createTask({ fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', clientRequestToken: token === 'our' ? newClientRequestToken() : undefined });
        assert.equal(emulator.requestCounts().CreateDataRepositoryTask, 2, 'applied, dropped, retried');
        assert.deepEqual((await service.listTasks(ref)).tasks.map((listed) => listed.taskId), [task.taskId]);
      });
    }

    it('a task already running: createTask answers busy with that task', async () => {
      const { id, ref } = fileSystemWithAssociations();
      const running = await service.createTask({ fileSystemId: id, type: 'IMPORT_METADATA_FROM_REPOSITORY' });
      const outcome = await createTask(service, { fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', clientRequestToken: newClientRequestToken() });
      assert.equal(outcome.kind, 'busy');
      assert.ok(outcome.kind === 'busy');
      assert.equal(outcome.error.code, 'DataRepositoryTaskExecuting');
      assert.equal(outcome.running?.taskId, running.taskId);
      assert.match(busyMessage(outcome, ENGLISH), new RegExp(`Task ${running.taskId} \\(IMPORT_METADATA_FROM_REPOSITORY\\) is already PENDING`));
      assert.equal((await service.listTasks(ref)).tasks.length, 1, 'nothing half-done');
    });

    it('maps each refusal FSx answers with', async () => {
      const { id } = fileSystemWithAssociations();
      const windows = emulator.state.addFileSystem({ type: 'WINDOWS' });
      const creating = emulator.state.addFileSystem({ lifecycle: 'CREATING' });
      const notFound = await expectError(service.createTask({ fileSystemId: 'fs-00000000deadbeef0', type: 'EXPORT_TO_REPOSITORY' }), 'notFound', 'FileSystemNotFound');
      assert.match(createTaskErrorMessage(notFound, ENGLISH), /^The file system no longer exists\. Refresh the view\. \(File system 'fs-00000000deadbeef0' does not exist\.\) Request ID: \S+$/);
      const unsupported = await expectError(service.createTask({ fileSystemId: windows, type: 'EXPORT_TO_REPOSITORY' }), 'unsupported', 'UnsupportedOperation');
      assert.match(createTaskErrorMessage(unsupported, ENGLISH), /does not support this task/);
      await expectError(service.createTask({ fileSystemId: creating, type: 'EXPORT_TO_REPOSITORY' }), 'validation', 'BadRequest');
      await expectError(service.createTask({ fileSystemId: id, type: 'AUTO_RELEASE_DATA' }), 'validation', 'BadRequest');
      await expectError(service.createTask({ fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', daysSinceLastAccess: 3 }), 'validation', 'BadRequest');
      await expectError(service.createTask({ fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', report: { enabled: true } }), 'validation', 'BadRequest');
      const outside = await expectError(service.createTask({ fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', report: { enabled: true, path: 's3://elsewhere/reports' } }), 'validation', 'BadRequest');
      assert.match(createTaskErrorMessage(outside, ENGLISH), /report path.*\(The report path s3:\/\/elsewhere\/reports must be within/);
      await expectError(service.createTask({ fileSystemId: id, type: 'EXPORT_TO_REPOSITORY', paths: Array.from({ length: 101 }, (_, n) => `p${n}`) }), 'validation');
      assert.equal((await service.listTasks({ kind: 'fileSystem', id })).tasks.length, 0, 'no refusal started a task');
    });
  });

  it('the guided flow’s request, from an association, is started as confirmed', async () => {
    const { id } = fileSystemWithAssociations();
    const resource = await resourceOf(id);
    const repositories = linkedRepositories(resource, await listAllAssociations(service, resource));
    const association = repositories.find((repository) => repository.fileSystemPath === '/frames');
    assert.ok(association);
    const target: StartTarget = { resource, association, repositories };
    const answers = ['seq1, seq2/shot.exr', '14', BACK, '14', true, true];
    const ask: StartTaskAsk = {
      text: async () => answers.shift() as string,
      pick: async <T>() => answers.shift() as T,
      confirm: async () => answers.shift() as true,
    };
    const result = await runStartTaskFlow(target, 'RELEASE_DATA_FROM_FILESYSTEM', ask, ENGLISH);
    assert.equal(answers.length, 0);
    assert.ok(result.kind === 'confirmed', JSON.stringify(result));
    const outcome = await createTask(service, result.input);
    assert.ok(outcome.kind === 'started');
    assert.deepEqual(outcome.task.paths, ['frames/seq1', 'frames/seq2/shot.exr']);
    assert.equal(outcome.task.daysSinceLastAccess, 14);
    assert.equal(outcome.task.report?.path, 's3://render-output/frames');
    // A retry of the confirmed request (a lost answer, a Retry button) is the same task.
    const retried = await createTask(service, result.input);
    assert.ok(retried.kind === 'started');
    assert.equal(retried.task.taskId, outcome.task.taskId);
  });

  it('releasing the whole file system sends `/`, which FSx takes as every association\'s', async () => {
    const { id } = fileSystemWithAssociations();
    const resource = await resourceOf(id);
    const target: StartTarget = { resource, repositories: linkedRepositories(resource, await listAllAssociations(service, resource)) };
    const answers: unknown[] = ['', '7', false, true];
    const ask: StartTaskAsk = {
      text: async () => answers.shift() as string,
      pick: async <T>() => answers.shift() as T,
      confirm: async () => answers.shift() as true,
    };
    const result = await runStartTaskFlow(target, 'RELEASE_DATA_FROM_FILESYSTEM', ask, ENGLISH);
    assert.ok(result.kind === 'confirmed', JSON.stringify(result));
    assert.match(result.summary.join('\n'), /Paths: the whole file system/);
    const outcome = await createTask(service, result.input);
    assert.ok(outcome.kind === 'started', JSON.stringify(outcome));
    assert.deepEqual(outcome.task.paths, ['/']);
    // Each association's task list (the association filter) has it, as it has a task without paths.
    const client = factory.get({ region: 'us-east-1', endpoint: emulator.url, sandbox: true });
    for (const association of target.repositories) {
      const listed = await client.send(new DescribeDataRepositoryTasksCommand({ Filters: [{ Name: 'data-repository-association-id', Values: [association.associationId ?? ''] }] }));
      assert.deepEqual(
        (listed.DataRepositoryTasks ?? []).map((task) => task.TaskId),
        [outcome.task.taskId],
        association.fileSystemPath,
      );
    }
  });

  it('exporting the whole of a file system with an importing and an exporting association: FSx accepts the default report path, the exporting one', async () => {
    // As the demo's ml-training: /datasets only comes in, /checkpoints goes out.
    const id = emulator.state.addFileSystem({ name: 'ml-training', deploymentType: 'PERSISTENT_2' });
    emulator.state.addAssociation({ fileSystemId: id, resourcePath: '/datasets', dataRepositoryPath: 's3://ml-training-datasets/curated/', autoExportEvents: [] });
    emulator.state.addAssociation({ fileSystemId: id, resourcePath: '/checkpoints', dataRepositoryPath: 's3://ml-training-checkpoints/runs/', autoImportEvents: [] });
    const resource = await resourceOf(id);
    const target: StartTarget = { resource, repositories: linkedRepositories(resource, await listAllAssociations(service, resource)) };
    const answers: unknown[] = ['', 'default', true];
    const ask: StartTaskAsk = {
      text: async () => answers.shift() as string,
      pick: async <T>() => answers.shift() as T,
      confirm: async () => answers.shift() as true,
    };
    const result = await runStartTaskFlow(target, 'EXPORT_TO_REPOSITORY', ask, ENGLISH);
    assert.ok(result.kind === 'confirmed', JSON.stringify(result));
    assert.equal(result.input.paths, undefined, 'the whole file system');
    const outcome = await createTask(service, result.input);
    assert.ok(outcome.kind === 'started');
    assert.equal(outcome.task.report?.path, 's3://ml-training-checkpoints/runs');
  });
});
