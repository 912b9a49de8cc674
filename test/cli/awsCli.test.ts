// The real AWS CLI (aws fsx ... --endpoint-url) against the emulator: a second, independent
// client (botocore) that must not be able to tell it from the service.

import * as assert from 'node:assert/strict';
import { FsxEmulator } from '../../src/emulator';
import { aws, awsJson, skipWithoutAwsCli } from './awsCliRunner';

describe('AWS CLI against the FSx emulator', function () {
  this.timeout(60_000);
  let emulator: FsxEmulator;
  let endpoint: string[];

  before(async function () {
    await skipWithoutAwsCli(this);
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    endpoint = ['--endpoint-url', emulator.url];
  });

  after(async () => {
    await emulator?.close();
  });

  it('aws fsx describe-file-systems lists every file system, following NextToken across pages', async () => {
    for (let i = emulator.state.fileSystems().length; i < 250; i++) {
      emulator.state.addFileSystem({ name: `extra-${i}` });
    }
    emulator.resetRequestCounts();
    const output = await awsJson(['fsx', 'describe-file-systems', ...endpoint]);
    const systems = output.FileSystems as { FileSystemId: string; CreationTime: number; Tags?: { Key: string; Value: string }[] }[];
    const expected = emulator.state.fileSystems();
    assert.equal(systems.length, 250);
    assert.deepEqual(systems.map((fs) => fs.FileSystemId), expected.map((fs) => fs.fileSystemId));
    assert.equal(systems[0].Tags?.find((tag) => tag.Key === 'Name')?.Value, 'genomics-scratch');
    assert.equal(Number(systems[0].CreationTime), expected[0].createdAt / 1000);
    assert.equal(emulator.requestCounts().DescribeFileSystems, 3, 'the CLI paged 100 at a time');
  });

  it('aws fsx describe-data-repository-tasks --filters Name=file-system-id,Values=...', async () => {
    const fileSystemId = emulator.state.fileSystems()[0].fileSystemId;
    const output = await awsJson(['fsx', 'describe-data-repository-tasks', ...endpoint, '--filters', `Name=file-system-id,Values=${fileSystemId}`]);
    const tasks = output.DataRepositoryTasks as { TaskId: string; FileSystemId: string; Lifecycle: string }[];
    assert.deepEqual(
      tasks.map((task) => task.TaskId),
      emulator.state.tasksOf(fileSystemId).map((task) => task.taskId),
    );
    assert.ok(tasks.every((task) => task.FileSystemId === fileSystemId));
    assert.ok(tasks.some((task) => task.Lifecycle === 'EXECUTING'));
  });

  it('aws fsx cancel-data-repository-task answers CANCELING, and describe then shows CANCELING', async () => {
    const fileSystemId = emulator.state.fileSystems()[0].fileSystemId;
    const executing = emulator.state.tasksOf(fileSystemId).find((task) => task.lifecycle === 'EXECUTING');
    assert.ok(executing, 'the demo has an EXECUTING task');
    const cancel = await awsJson(['fsx', 'cancel-data-repository-task', ...endpoint, '--task-id', executing.taskId]);
    assert.deepEqual(cancel, { Lifecycle: 'CANCELING', TaskId: executing.taskId });
    const described = await awsJson(['fsx', 'describe-data-repository-tasks', ...endpoint, '--task-ids', executing.taskId]);
    const [task] = described.DataRepositoryTasks as { TaskId: string; Lifecycle: string }[];
    assert.equal(task.TaskId, executing.taskId);
    assert.equal(task.Lifecycle, 'CANCELING');
  });

  it('aws fsx create-data-repository-task starts a task; the same --client-request-token gets it again', async () => {
    // ml-training: linked through associations, and only finished tasks in the demo.
    const ml = emulator.state.fileSystems().find((fs) => fs.tags.some((tag) => tag.Value === 'ml-training'));
    assert.ok(ml);
    const create = (paths: string) => [
      'fsx',
      'create-data-repository-task',
      ...endpoint,
      '--file-system-id',
      ml.fileSystemId,
      '--type',
      'EXPORT_TO_REPOSITORY',
      '--paths',
      paths,
      '--report',
      'Enabled=true,Path=s3://ml-training-checkpoints/runs/fsx-reports,Format=REPORT_CSV_20191124,Scope=FAILED_FILES_ONLY',
      '--client-request-token',
      'cli-export-1',
    ];
    const created = (await awsJson(create('checkpoints/run-7'))).DataRepositoryTask as { TaskId: string; Lifecycle: string; Paths: string[]; Report: { Path: string } };
    assert.equal(created.Lifecycle, 'PENDING');
    assert.deepEqual(created.Paths, ['checkpoints/run-7']);
    assert.equal(created.Report.Path, 's3://ml-training-checkpoints/runs/fsx-reports');
    assert.equal(emulator.state.getTask(created.TaskId)?.fileSystemId, ml.fileSystemId);

    const again = (await awsJson(create('checkpoints/run-7'))).DataRepositoryTask as { TaskId: string };
    assert.equal(again.TaskId, created.TaskId, 'idempotent');
    const changed = await aws(create('checkpoints/run-8'));
    assert.notEqual(changed.code, 0);
    assert.match(changed.stderr, /\(IncompatibleParameterError\) when calling the CreateDataRepositoryTask operation/);

    const second = await aws(['fsx', 'create-data-repository-task', ...endpoint, '--file-system-id', ml.fileSystemId, '--type', 'IMPORT_METADATA_FROM_REPOSITORY', '--report', 'Enabled=false']);
    assert.notEqual(second.code, 0);
    assert.match(second.stderr, /\(DataRepositoryTaskExecuting\).*task-[0-9a-f]{17} is PENDING/);
  });

  it('service errors reach the CLI by their FSx code', async () => {
    const result = await aws(['fsx', 'cancel-data-repository-task', ...endpoint, '--task-id', 'task-00000000000000000']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /\(DataRepositoryTaskNotFound\) when calling the CancelDataRepositoryTask operation/);
  });

  it('aws fsx create-data-repository-association links a folder; delete-data-repository-association unlinks it', async () => {
    emulator.associationRules.setTiming({ creatingMs: 300, updatingMs: 300, deletingMs: 300 });
    const render = emulator.state.fileSystems().find((fs) => fs.tags.some((tag) => tag.Value === 'render-farm'));
    assert.ok(render);
    const created = await awsJson([
      'fsx', 'create-data-repository-association', ...endpoint,
      '--file-system-id', render.fileSystemId,
      '--file-system-path', '/cli-linked',
      '--data-repository-path', 's3://render-farm-cli/linked/',
      '--batch-import-meta-data-on-create',
      '--s3', 'AutoImportPolicy={Events=[NEW,CHANGED]},AutoExportPolicy={Events=[NEW]}',
    ]);
    const association = created.Association as { AssociationId: string; Lifecycle: string; S3: { AutoImportPolicy: { Events: string[] } } };
    assert.equal(association.Lifecycle, 'CREATING');
    assert.deepEqual(association.S3.AutoImportPolicy.Events, ['NEW', 'CHANGED']);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const deleted = await awsJson(['fsx', 'delete-data-repository-association', ...endpoint, '--association-id', association.AssociationId, '--no-delete-data-in-file-system']);
    assert.deepEqual(deleted, { AssociationId: association.AssociationId, Lifecycle: 'DELETING', DeleteDataInFileSystem: false });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const gone = await aws(['fsx', 'describe-data-repository-associations', ...endpoint, '--association-ids', association.AssociationId]);
    assert.notEqual(gone.code, 0);
    assert.match(gone.stderr, /DataRepositoryAssociationNotFound/);
  });
});
