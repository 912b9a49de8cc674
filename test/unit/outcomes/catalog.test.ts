import * as assert from 'node:assert/strict';
import { ENGLISH, L10n } from '../../../src/fsx/l10n';
import { checkFailedCount, describeErrorCode, DOCUMENTED_ERROR_CODES, explainCounts, failedCountText } from '../../../src/outcomes/catalog';

describe('error code catalog', () => {
  it('explains every documented code with a meaning and a next step', () => {
    const meanings = new Set<string>();
    for (const code of DOCUMENTED_ERROR_CODES) {
      const info = describeErrorCode(code, ENGLISH);
      assert.equal(info.code, code);
      assert.equal(info.known, true, code);
      assert.ok(info.meaning.length > 20 && info.action.length > 10, code);
      meanings.add(info.meaning);
    }
    assert.equal(meanings.size, DOCUMENTED_ERROR_CODES.length, 'no two codes share a meaning');
  });

  it('gives the documented limits', () => {
    assert.match(describeErrorCode('PathSizeTooLong', ENGLISH).meaning, /1,024 characters/);
    assert.match(describeErrorCode('PathSizeTooLong', ENGLISH).meaning, /prefix/);
    assert.match(describeErrorCode('FileSizeTooLarge', ENGLISH).meaning, /5 TiB/);
  });

  it('tells import and export access problems apart', () => {
    assert.match(describeErrorCode('S3AccessDenied', ENGLISH, 'EXPORT_TO_REPOSITORY').meaning, /s3:PutObject/);
    assert.match(describeErrorCode('S3AccessDenied', ENGLISH, 'IMPORT_METADATA_FROM_REPOSITORY').meaning, /s3:GetObject/);
  });

  it('answers an unknown or empty code with a generic line naming it', () => {
    const info = describeErrorCode('SomethingNew', ENGLISH);
    assert.equal(info.known, false);
    assert.match(info.meaning, /SomethingNew/);
    assert.match(describeErrorCode('', ENGLISH).meaning, /no code/);
  });

  it('speaks through the injected L10n', () => {
    const seen: string[] = [];
    const shout: L10n = { t: (message, ...args) => (seen.push(message), ENGLISH.t(message, ...args).toUpperCase()) };
    const info = describeErrorCode('ResourceBusy', shout);
    assert.equal(info.meaning, info.meaning.toUpperCase());
    assert.equal(seen.length, 2);
  });
});

describe('explainCounts', () => {
  it('keeps the order and counts, and explains each code', () => {
    const explained = explainCounts({ byErrorCode: [{ code: 'S3AccessDenied', count: 30 }, { code: 'Mystery', count: 2 }] }, ENGLISH, 'EXPORT_TO_REPOSITORY');
    assert.deepEqual(
      explained.map(({ code, count, known }) => [code, count, known]),
      [
        ['S3AccessDenied', 30, true],
        ['Mystery', 2, false],
      ],
    );
    assert.match(explained[0].meaning, /s3:PutObject/);
  });
});

describe('checkFailedCount', () => {
  it('compares the report rows with the task FailedCount', () => {
    assert.deepEqual(checkFailedCount({ totalRows: 3 }, { status: { failedCount: 3 } }), { reported: 3, expected: 3, matches: true });
    assert.deepEqual(checkFailedCount({ totalRows: 2 }, { status: { failedCount: 3 } }), { reported: 2, expected: 3, matches: false });
    assert.deepEqual(checkFailedCount({ totalRows: 2 }, {}), { reported: 2 });
  });

  it('says so in words', () => {
    assert.equal(failedCountText({ reported: 1_200_000, expected: 1_200_000, matches: true }, ENGLISH), 'The report lists 1,200,000 failed files, as many as the task counted.');
    assert.match(failedCountText({ reported: 2, expected: 3, matches: false }, ENGLISH), /lists 2 failed files, but the task counted 3/);
    assert.match(failedCountText({ reported: 2 }, ENGLISH), /no failed count/);
  });
});
