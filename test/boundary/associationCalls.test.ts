// Our boundary's association calls (FsxService over the real FSxClient) against the emulator:
// create, update, delete as our model, the token a dropped create is retried with, and errors
// as FsxErrors worded with their next step.
import * as assert from 'node:assert/strict';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock } from '../../src/emulator';
import { associationErrorMessage, listAllAssociations } from '../../src/fsx/associations';
import { FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxError } from '../../src/fsx/errors';
import { FsxService } from '../../src/fsx/fsxService';
import { ENGLISH } from '../../src/fsx/l10n';
import { newClientRequestToken } from '../../src/fsx/taskRequest';
import { CreateAssociationInput, StorageResource } from '../../src/fsx/types';

describe('association calls through FsxService (real FSxClient) against the emulator', () => {
  let clock: ManualEmulatorClock;
  let emulator: FsxEmulator;
  let factory: FsxClientFactory;
  let service: FsxService;
  let resource: StorageResource;

  beforeEach(async () => {
    clock = new ManualEmulatorClock(Date.UTC(2025, 5, 1, 12));
    emulator = await FsxEmulator.start({ clock, scenario: 'empty' });
    emulator.associationRules.setTiming({ creatingMs: 60_000, updatingMs: 30_000, deletingMs: 30_000 });
    factory = new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(3, () => 0) });
    service = new FsxService(factory.get({ region: 'us-east-1', endpoint: emulator.url, sandbox: true }));
    emulator.state.addFileSystem({ name: 'lustre' });
    [resource] = await service.listResources();
  });

  afterEach(async () => {
    factory.dispose();
    await emulator.close();
  });

  const input = (extra: Partial<CreateAssociationInput> = {}): CreateAssociationInput => ({
    fileSystemId: resource.id,
    fileSystemPath: '/ns1/',
    dataRepositoryPath: 's3://bucket-one/in/',
    batchImportMetaDataOnCreate: false,
    autoImportEvents: ['NEW', 'CHANGED'],
    autoExportEvents: [],
    clientRequestToken: newClientRequestToken(),
    ...extra,
  });

  it('reads StorageType into storageClass', async () => {
    emulator.state.addFileSystem({ name: 'tiered', storageType: 'INTELLIGENT_TIERING' });
    const resources = await service.listResources();
    assert.deepEqual(resources.map((listed) => listed.storageClass), ['SSD', 'INTELLIGENT_TIERING']);
  });

  it('creates, updates and deletes, each answer in our model', async () => {
    const created = await service.createAssociation(input());
    assert.equal(created.lifecycle, 'CREATING');
    assert.deepEqual(created.autoImportEvents, ['NEW', 'CHANGED']);
    assert.deepEqual(created.autoExportEvents, [], 'automatic export off');
    clock.advance(60_000);
    const updated = await service.updateAssociation({ associationId: created.associationId as string, autoExportEvents: ['NEW'], autoImportEvents: [], importedFileChunkSize: 2048 });
    assert.equal(updated.lifecycle, 'UPDATING');
    assert.deepEqual([updated.autoImportEvents, updated.autoExportEvents, updated.importedFileChunkSize], [[], ['NEW'], 2048]);
    clock.advance(30_000);
    assert.equal(await service.deleteAssociation({ associationId: created.associationId as string, deleteDataInFileSystem: false }), 'DELETING');
    clock.advance(30_000);
    assert.deepEqual(await listAllAssociations(service, resource), []);
  });

  it('a create whose answer is lost is retried with the same token: one association', async () => {
    emulator.injectFault({ kind: 'dropAfterApply', operation: 'CreateDataRepositoryAssociation', count: 1 });
    const created = await service.createAssociation(input());
    assert.equal(emulator.requestCounts().CreateDataRepositoryAssociation, 2, 'applied, dropped, retried');
    assert.deepEqual((await listAllAssociations(service, resource)).map((association) => association.associationId), [created.associationId]);
  });

  it('the same confirmed input sent again (a Retry after a lost answer) makes no second association', async () => {
    const confirmed = input();
    emulator.injectFault({ kind: 'dropAfterApply', operation: 'CreateDataRepositoryAssociation', count: 3 });
    await assert.rejects(service.createAssociation(confirmed), FsxError);
    const again = await service.createAssociation(confirmed);
    assert.equal((await listAllAssociations(service, resource)).length, 1);
    assert.equal(again.fileSystemPath, '/ns1/');
  });

  it('errors arrive as FsxErrors, worded with their next step; access denied names the permissions', async () => {
    await service.createAssociation(input());
    const overlap = await service.createAssociation(input({ fileSystemPath: '/ns1/deeper', dataRepositoryPath: 's3://bucket-two/' })).catch((error: unknown) => error);
    assert.ok(overlap instanceof FsxError);
    assert.equal(overlap.code, 'BadRequest');
    assert.match(associationErrorMessage(overlap, 'CreateDataRepositoryAssociation', ENGLISH), /overlap no other association .*\(FileSystemPath \/ns1\/deeper overlaps/);
    emulator.injectFault({ kind: 'accessDenied', operation: 'DeleteDataRepositoryAssociation' });
    const denied = await service.deleteAssociation({ associationId: 'dra-0123456789abcdef0', deleteDataInFileSystem: false }).catch((error: unknown) => error);
    assert.ok(denied instanceof FsxError);
    assert.equal(denied.kind, 'accessDenied');
    assert.match(associationErrorMessage(denied, 'DeleteDataRepositoryAssociation', ENGLISH), /fsx:DeleteDataRepositoryAssociation/);
  });
});
