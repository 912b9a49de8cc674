import * as assert from 'node:assert/strict';
import { AssociationRules, type CreateAssociationRequest } from '../../../src/emulator/associationRules';
import { serviceCode, world } from './world';

function setUp() {
  const base = world();
  const associations = new AssociationRules(base.store);
  associations.setTiming({ creatingMs: 10_000, updatingMs: 5_000, deletingMs: 7_000 });
  return { ...base, associations };
}

const create = (fileSystemId: string, extra: Partial<CreateAssociationRequest> = {}): CreateAssociationRequest => ({
  FileSystemId: fileSystemId,
  FileSystemPath: '/ns1',
  DataRepositoryPath: 's3://bucket-a/prefix/',
  ...extra,
});

describe('emulator association rules', () => {
  it('creates an association CREATING that becomes AVAILABLE on the clock, with the API defaults', () => {
    const { clock, store, associations, lustre } = setUp();
    const created = associations.createAssociation(create(lustre, { S3: { AutoExportPolicy: { Events: ['NEW', 'CHANGED'] } } }));
    assert.equal(created.lifecycle, 'CREATING');
    assert.equal(created.batchImportMetaDataOnCreate, false, 'BatchImportMetaDataOnCreate defaults to false');
    assert.equal(created.importedFileChunkSize, 1024);
    assert.deepEqual(created.autoImportEvents, [], 'no AutoImportPolicy: automatic import off');
    assert.deepEqual(created.autoExportEvents, ['NEW', 'CHANGED']);
    clock.advance(9_999);
    assert.equal(store.getAssociation(created.associationId)?.lifecycle, 'CREATING');
    clock.advance(1);
    assert.equal(store.getAssociation(created.associationId)?.lifecycle, 'AVAILABLE');
  });

  it('ends a create MISCONFIGURED or FAILED on a bucket the world says is broken, with FSx’s message', () => {
    const { clock, store, associations, lustre } = setUp();
    store.addRepositoryProblem({ s3Prefix: 's3://gone-bucket', lifecycle: 'FAILED', failureMessage: 'The bucket gone-bucket does not exist.' });
    const created = associations.createAssociation(create(lustre, { DataRepositoryPath: 's3://gone-bucket/x/' }));
    clock.advance(10_000);
    const observed = store.getAssociation(created.associationId);
    assert.equal(observed?.lifecycle, 'FAILED');
    assert.equal(observed?.failureMessage, 'The bucket gone-bucket does not exist.');
  });

  it('refuses overlapping file system paths, / unless first, a shared S3 path, and a ninth association', () => {
    const { associations, lustre, other } = setUp();
    associations.createAssociation(create(lustre, { FileSystemPath: '/ns1/' }));
    assert.throws(() => associations.createAssociation(create(lustre, { FileSystemPath: '/ns1/ns2', DataRepositoryPath: 's3://bucket-b2/' })), serviceCode('BadRequest'));
    assert.throws(() => associations.createAssociation(create(lustre, { FileSystemPath: '/', DataRepositoryPath: 's3://bucket-b2/' })), serviceCode('BadRequest'));
    assert.throws(() => associations.createAssociation(create(lustre, { FileSystemPath: '/other', DataRepositoryPath: 's3://bucket-a/prefix/deeper/' })), serviceCode('BadRequest'));
    // "/ns10" does not overlap "/ns1".
    associations.createAssociation(create(lustre, { FileSystemPath: '/ns10', DataRepositoryPath: 's3://bucket-a/prefix2/' }));
    for (let i = 3; i <= 8; i++) {
      associations.createAssociation(create(lustre, { FileSystemPath: `/d${i}`, DataRepositoryPath: `s3://bucket-${i}/` }));
    }
    assert.throws(() => associations.createAssociation(create(lustre, { FileSystemPath: '/d9', DataRepositoryPath: 's3://bucket-9/' })), serviceCode('ServiceLimitExceeded'));
    // / is allowed as the first association of another file system.
    assert.equal(associations.createAssociation(create(other, { FileSystemPath: '/' })).resourcePath, '/');
  });

  it('refuses file systems that take no associations, each saying why', () => {
    const { store, associations, windows } = setUp();
    const kinds = {
      tiering: store.addFileSystem({ storageType: 'INTELLIGENT_TIERING' }),
      scratch1: store.addFileSystem({ deploymentType: 'SCRATCH_1' }),
      lustre210: store.addFileSystem({ deploymentType: 'PERSISTENT_1', lustreVersion: '2.10' }),
      legacy: store.addFileSystem({ deploymentType: 'SCRATCH_2', dataRepository: { importPath: 's3://legacy' } }),
      windows,
    };
    const reasons = Object.entries(kinds).map(([kind, id]) => {
      let message = '';
      assert.throws(() => associations.createAssociation(create(id)), (error: Error) => {
        serviceCode('UnsupportedOperation')(error);
        message = error.message;
        return true;
      }, kind);
      return message;
    });
    assert.match(reasons[0], /Intelligent-Tiering/);
    assert.match(reasons[1], /SCRATCH_1/);
    assert.match(reasons[2], /2\.10/);
    assert.match(reasons[3], /DataRepositoryConfiguration/);
    assert.throws(() => associations.createAssociation(create('fs-0123456789abcdef0')), serviceCode('FileSystemNotFound'));
    assert.equal(store.associations().length, 0, 'nothing created');
  });

  it('refuses a path without a leading slash and a repository that is not s3://', () => {
    const { associations, lustre } = setUp();
    assert.throws(() => associations.createAssociation(create(lustre, { FileSystemPath: 'ns1' })), serviceCode('BadRequest'));
    assert.throws(() => associations.createAssociation(create(lustre, { FileSystemPath: undefined })), serviceCode('BadRequest'));
    assert.throws(() => associations.createAssociation(create(lustre, { DataRepositoryPath: 'nfs://host/export' })), serviceCode('BadRequest'));
  });

  it('answers a repeated ClientRequestToken with the same association, and a reused one with other parameters with IncompatibleParameterError', () => {
    const { store, associations, lustre } = setUp();
    const first = associations.createAssociation(create(lustre, { ClientRequestToken: 'token-1' }));
    const again = associations.createAssociation(create(lustre, { ClientRequestToken: 'token-1' }));
    assert.equal(again.associationId, first.associationId);
    assert.equal(store.associations().length, 1);
    assert.throws(() => associations.createAssociation(create(lustre, { ClientRequestToken: 'token-1', FileSystemPath: '/other' })), serviceCode('IncompatibleParameterError'));
  });

  it('updates the policies and chunk size of an AVAILABLE association: UPDATING, then AVAILABLE', () => {
    const { clock, store, associations, lustre } = setUp();
    const { associationId } = associations.createAssociation(create(lustre, { S3: { AutoImportPolicy: { Events: ['NEW'] } } }));
    assert.throws(() => associations.updateAssociation({ AssociationId: associationId, ImportedFileChunkSize: 2048 }), serviceCode('BadRequest'), 'not while CREATING');
    clock.advance(10_000);
    const updated = associations.updateAssociation({ AssociationId: associationId, ImportedFileChunkSize: 2048, S3: { AutoExportPolicy: { Events: ['DELETED'] } } });
    assert.equal(updated.lifecycle, 'UPDATING');
    assert.equal(updated.importedFileChunkSize, 2048);
    assert.deepEqual(updated.autoImportEvents, ['NEW'], 'a policy left out stays');
    assert.deepEqual(updated.autoExportEvents, ['DELETED']);
    clock.advance(5_000);
    assert.equal(store.getAssociation(associationId)?.lifecycle, 'AVAILABLE');
    assert.throws(() => associations.updateAssociation({ AssociationId: 'dra-0123456789abcdef0' }), serviceCode('DataRepositoryAssociationNotFound'));
  });

  it('deletes: DELETING, idempotent while it lasts, then gone from every listing', () => {
    const { clock, store, associations, lustre } = setUp();
    const { associationId } = associations.createAssociation(create(lustre));
    assert.throws(() => associations.deleteAssociation({ AssociationId: associationId }), serviceCode('BadRequest'), 'not while CREATING');
    clock.advance(10_000);
    assert.equal(associations.deleteAssociation({ AssociationId: associationId, DeleteDataInFileSystem: false }), 'DELETING');
    assert.equal(store.getAssociation(associationId)?.lifecycle, 'DELETING');
    clock.advance(1_000);
    assert.equal(associations.deleteAssociation({ AssociationId: associationId }), 'DELETING', 'a retry answers the deletion under way');
    clock.advance(6_000);
    assert.equal(store.getAssociation(associationId), undefined);
    assert.deepEqual(store.associationsOf(lustre), []);
    assert.throws(() => associations.deleteAssociation({ AssociationId: associationId }), serviceCode('DataRepositoryAssociationNotFound'));
    // Its path is free again.
    assert.equal(associations.createAssociation(create(lustre)).lifecycle, 'CREATING');
  });
});
