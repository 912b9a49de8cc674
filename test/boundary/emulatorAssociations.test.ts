// The emulator's CreateDataRepositoryAssociation, UpdateDataRepositoryAssociation and
// DeleteDataRepositoryAssociation as the real FSxClient sees them over HTTP: shapes, lifecycles on
// the clock, every modelled error as its SDK class, and idempotent retries.
import * as assert from 'node:assert/strict';
import {
  CreateDataRepositoryAssociationCommand,
  type CreateDataRepositoryAssociationCommandInput,
  DeleteDataRepositoryAssociationCommand,
  DescribeDataRepositoryAssociationsCommand,
  FSxClient,
  UpdateDataRepositoryAssociationCommand,
} from '@aws-sdk/client-fsx';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock } from '../../src/emulator';

describe('emulator: data repository associations over the wire (real FSxClient)', () => {
  let clock: ManualEmulatorClock;
  let emulator: FsxEmulator;
  let client: FSxClient;
  let fileSystemId: string;

  beforeEach(async () => {
    clock = new ManualEmulatorClock(Date.UTC(2025, 5, 1, 12));
    emulator = await FsxEmulator.start({ clock, scenario: 'empty' });
    emulator.associationRules.setTiming({ creatingMs: 30_000, updatingMs: 10_000, deletingMs: 20_000 });
    client = new FSxClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      retryStrategy: new ConfiguredRetryStrategy(3, () => 0),
    });
    fileSystemId = emulator.state.addFileSystem({ name: 'lustre' });
  });

  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  const input = (extra: Partial<CreateDataRepositoryAssociationCommandInput> = {}): CreateDataRepositoryAssociationCommandInput => ({
    FileSystemId: fileSystemId,
    FileSystemPath: '/ns1/',
    DataRepositoryPath: 's3://bucket-a/prefix/',
    BatchImportMetaDataOnCreate: true,
    ImportedFileChunkSize: 2048,
    S3: { AutoImportPolicy: { Events: ['NEW', 'CHANGED', 'DELETED'] }, AutoExportPolicy: { Events: ['NEW'] } },
    ...extra,
  });

  async function rejects(promise: Promise<unknown>, name: string): Promise<Error> {
    const error = await promise.then(() => assert.fail(`expected ${name}`), (caught: unknown) => caught as Error);
    assert.equal(error.name, name, error.message);
    return error;
  }

  async function lifecycleOf(associationId: string): Promise<string | undefined> {
    const output = await client.send(new DescribeDataRepositoryAssociationsCommand({ AssociationIds: [associationId] }));
    return output.Associations?.[0]?.Lifecycle;
  }

  it('creates: the answer is the association as FSx shapes it, CREATING, then AVAILABLE on the clock', async () => {
    const { Association: created } = await client.send(new CreateDataRepositoryAssociationCommand(input({ Tags: [{ Key: 'team', Value: 'a' }] })));
    assert.ok(created);
    assert.match(created.AssociationId ?? '', /^dra-[0-9a-f]{8,}$/);
    assert.equal(created.Lifecycle, 'CREATING');
    assert.equal(created.FileSystemId, fileSystemId);
    assert.equal(created.FileSystemPath, '/ns1/');
    assert.equal(created.DataRepositoryPath, 's3://bucket-a/prefix/');
    assert.equal(created.BatchImportMetaDataOnCreate, true);
    assert.equal(created.ImportedFileChunkSize, 2048);
    assert.deepEqual(created.S3?.AutoImportPolicy?.Events, ['NEW', 'CHANGED', 'DELETED']);
    assert.deepEqual(created.S3?.AutoExportPolicy?.Events, ['NEW']);
    assert.match(created.ResourceARN ?? '', new RegExp(`:association/${fileSystemId}/${created.AssociationId}$`));
    assert.ok(created.CreationTime instanceof Date);
    clock.advance(30_000);
    assert.equal(await lifecycleOf(created.AssociationId as string), 'AVAILABLE');
  });

  it('updates events and chunk size: UPDATING, then AVAILABLE', async () => {
    const { Association: created } = await client.send(new CreateDataRepositoryAssociationCommand(input()));
    clock.advance(30_000);
    const { Association: updated } = await client.send(
      new UpdateDataRepositoryAssociationCommand({ AssociationId: created?.AssociationId, ImportedFileChunkSize: 4096, S3: { AutoImportPolicy: { Events: [] }, AutoExportPolicy: { Events: ['NEW', 'DELETED'] } } }),
    );
    assert.equal(updated?.Lifecycle, 'UPDATING');
    assert.equal(updated?.ImportedFileChunkSize, 4096);
    assert.equal(updated?.S3?.AutoImportPolicy, undefined, 'automatic import off');
    assert.deepEqual(updated?.S3?.AutoExportPolicy?.Events, ['NEW', 'DELETED']);
    clock.advance(10_000);
    assert.equal(await lifecycleOf(created?.AssociationId as string), 'AVAILABLE');
  });

  it('deletes: DELETING, then gone (DataRepositoryAssociationNotFound)', async () => {
    const { Association: created } = await client.send(new CreateDataRepositoryAssociationCommand(input()));
    clock.advance(30_000);
    const answer = await client.send(new DeleteDataRepositoryAssociationCommand({ AssociationId: created?.AssociationId, DeleteDataInFileSystem: true }));
    assert.deepEqual([answer.AssociationId, answer.Lifecycle, answer.DeleteDataInFileSystem], [created?.AssociationId, 'DELETING', true]);
    assert.equal(await lifecycleOf(created?.AssociationId as string), 'DELETING');
    clock.advance(20_000);
    await rejects(lifecycleOf(created?.AssociationId as string), 'DataRepositoryAssociationNotFound');
    const listed = await client.send(new DescribeDataRepositoryAssociationsCommand({ Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }] }));
    assert.deepEqual(listed.Associations, []);
  });

  it('answers each modelled error as its SDK class', async () => {
    const scratch1 = emulator.state.addFileSystem({ deploymentType: 'SCRATCH_1' });
    await client.send(new CreateDataRepositoryAssociationCommand(input()));
    const cases: [string, () => Promise<unknown>][] = [
      ['BadRequest', () => client.send(new CreateDataRepositoryAssociationCommand(input({ FileSystemPath: '/ns1/ns2', DataRepositoryPath: 's3://other/' })))],
      ['BadRequest', () => client.send(new CreateDataRepositoryAssociationCommand(input({ ImportedFileChunkSize: 512_001 })))],
      ['BadRequest', () => client.send(new CreateDataRepositoryAssociationCommand(input({ DataRepositoryPath: 's3' })))],
      ['UnsupportedOperation', () => client.send(new CreateDataRepositoryAssociationCommand(input({ FileSystemId: scratch1 })))],
      ['FileSystemNotFound', () => client.send(new CreateDataRepositoryAssociationCommand(input({ FileSystemId: 'fs-0123456789abcdef0' })))],
      ['IncompatibleParameterError', async () => {
        await client.send(new CreateDataRepositoryAssociationCommand(input({ FileSystemPath: '/t', DataRepositoryPath: 's3://tee-bucket/', ClientRequestToken: 'same' })));
        return client.send(new CreateDataRepositoryAssociationCommand(input({ FileSystemPath: '/u', DataRepositoryPath: 's3://you-bucket/', ClientRequestToken: 'same' })));
      }],
      ['DataRepositoryAssociationNotFound', () => client.send(new UpdateDataRepositoryAssociationCommand({ AssociationId: 'dra-0123456789abcdef0', ImportedFileChunkSize: 1 }))],
      ['DataRepositoryAssociationNotFound', () => client.send(new DeleteDataRepositoryAssociationCommand({ AssociationId: 'dra-0123456789abcdef0' }))],
    ];
    for (const [name, send] of cases) {
      await rejects(send(), name);
    }
    for (let i = 2; i <= 7; i++) {
      await client.send(new CreateDataRepositoryAssociationCommand(input({ FileSystemPath: `/d${i}`, DataRepositoryPath: `s3://bucket-${i}/` })));
    }
    await rejects(client.send(new CreateDataRepositoryAssociationCommand(input({ FileSystemPath: '/d9', DataRepositoryPath: 's3://bucket-9/' }))), 'ServiceLimitExceeded');
    emulator.injectFault({ kind: 'internal', operation: 'DeleteDataRepositoryAssociation', count: 3 });
    await rejects(client.send(new DeleteDataRepositoryAssociationCommand({ AssociationId: 'dra-0123456789abcdef0' })), 'InternalServerError');
  });

  it('a create whose answer is lost is retried by the SDK with its own token: one association', async () => {
    emulator.injectFault({ kind: 'dropAfterApply', operation: 'CreateDataRepositoryAssociation', count: 1 });
    const { Association: created } = await client.send(new CreateDataRepositoryAssociationCommand(input()));
    assert.equal(emulator.requestCounts().CreateDataRepositoryAssociation, 2, 'applied, dropped, retried');
    const listed = await client.send(new DescribeDataRepositoryAssociationsCommand({ Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }] }));
    assert.deepEqual(listed.Associations?.map((association) => association.AssociationId), [created?.AssociationId]);
  });

  it('a delete whose answer is lost is retried: DELETING again, not an error', async () => {
    const { Association: created } = await client.send(new CreateDataRepositoryAssociationCommand(input()));
    clock.advance(30_000);
    emulator.injectFault({ kind: 'dropAfterApply', operation: 'DeleteDataRepositoryAssociation', count: 1 });
    const answer = await client.send(new DeleteDataRepositoryAssociationCommand({ AssociationId: created?.AssociationId }));
    assert.equal(answer.Lifecycle, 'DELETING');
    assert.equal(emulator.requestCounts().DeleteDataRepositoryAssociation, 2);
  });
});
