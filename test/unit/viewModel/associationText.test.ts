import * as assert from 'node:assert/strict';
import { ENGLISH, L10n } from '../../../src/fsx/l10n';
import { Association } from '../../../src/fsx/types';
import { createAssociationText, isProblem } from '../../../src/viewModel/associationText';

const base: Association = {
  source: 'association',
  associationId: 'dra-0123456789abcdef0',
  resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
  fileSystemPath: '/datasets',
  dataRepositoryPath: 's3://bucket/curated/',
  exportPath: 's3://bucket/curated/',
  lifecycle: 'AVAILABLE',
  autoImportEvents: ['NEW', 'CHANGED'],
  autoExportEvents: [],
  batchImportMetaDataOnCreate: true,
};

describe('association rows', () => {
  const text = createAssociationText(ENGLISH);

  it('labels the row with its file system path; a state other than Available, the failures, then the repository are the description', () => {
    assert.equal(text.rowLabel(base), '/datasets');
    assert.equal(text.rowDescription(base), '↔ s3://bucket/curated/');
    assert.equal(text.rowLabel({ ...base, lifecycle: 'MISCONFIGURED' }), '/datasets');
    assert.equal(text.rowDescription({ ...base, lifecycle: 'MISCONFIGURED' }), 'Misconfigured · ↔ s3://bucket/curated/');
    assert.equal(text.rowDescription(base, '3 failed exports'), '3 failed exports · ↔ s3://bucket/curated/');
    assert.equal(text.rowDescription({ ...base, lifecycle: 'UPDATING' }, '1 failed import'), 'Updating · 1 failed import · ↔ s3://bucket/curated/');
    assert.equal(text.accessibleLabel(base), '/datasets linked to s3://bucket/curated/, Available');
  });

  it('lists the automatic policies and the import-on-create flag for the tooltip', () => {
    const facts = new Map(text.facts(base));
    assert.equal(facts.get('Automatic import'), 'NEW, CHANGED');
    assert.equal(facts.get('Automatic export'), 'off');
    assert.equal(facts.get('Import metadata on create'), 'yes');
    assert.equal(facts.has('Export path'), false, 'the same as the repository: not repeated');
    const link = new Map(text.facts({ ...base, source: 'fileSystem', associationId: undefined, autoExportEvents: undefined, batchImportMetaDataOnCreate: undefined, exportPath: 's3://bucket/out' }));
    assert.equal(link.get('Automatic export'), 'not available here');
    assert.equal(link.get('Export path'), 's3://bucket/out');
    assert.equal(link.get('ID'), 'the file system’s own S3 link');
  });

  it('says what is wrong and what to do for MISCONFIGURED and FAILED only', () => {
    assert.equal(text.problem(base), undefined);
    assert.equal(isProblem(base), false);
    const misconfigured = text.problem({ ...base, lifecycle: 'MISCONFIGURED', failureMessage: 'Access denied to the bucket.' });
    assert.equal(misconfigured?.message, 'Access denied to the bucket.');
    assert.match(misconfigured?.nextStep ?? '', /bucket policy/);
    const failed = text.problem({ ...base, lifecycle: 'FAILED' });
    assert.match(failed?.message ?? '', /could not create or update/);
    assert.match(failed?.nextStep ?? '', /delete the association \(Delete Association\.\.\.\) and create it again \(Create Association\.\.\.\)/);
    assert.ok(isProblem({ ...base, lifecycle: 'FAILED' }));
  });

  it('has a look for every lifecycle, and every word goes through the injected L10n', () => {
    for (const lifecycle of ['CREATING', 'AVAILABLE', 'MISCONFIGURED', 'UPDATING', 'DELETING', 'FAILED']) {
      assert.notEqual(text.look({ ...base, lifecycle }).icon, 'question', lifecycle);
    }
    const shouting: L10n = { t: (message, ...args) => ENGLISH.t(message, ...args).toUpperCase() };
    assert.equal(createAssociationText(shouting).rowDescription({ ...base, lifecycle: 'CREATING' }), 'CREATING · ↔ s3://bucket/curated/');
  });
});
