// The release rule of the FSx release guide, before a release task runs: exported and
// unchanged, and last access (the largest of atime, mtime, ctime) more than the chosen days ago.

import * as assert from 'node:assert/strict';
import { HS_ARCHIVED, HS_DIRTY, HS_EXISTS, HS_LOST, HS_NORELEASE, HS_RELEASED, MS_PER_DAY, releasePreview, whyNotReleased, type ReleaseCandidate } from '../../../src/mounts/hsm';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const EXPORTED = HS_EXISTS | HS_ARCHIVED;

function file(path: string, mask: number, daysAgo: { a?: number; m?: number; c?: number } = {}, size = 1000): ReleaseCandidate {
  const at = (days = 100) => NOW - days * MS_PER_DAY;
  return { path, size, atimeMs: at(daysAgo.a), mtimeMs: at(daysAgo.m), ctimeMs: at(daysAgo.c), state: { ok: true, state: { mask, archiveId: 1 } } };
}

describe('release preview', function () {
  it('releases an exported, unchanged file last touched more than the days ago', function () {
    assert.equal(whyNotReleased(file('/fsx/old', EXPORTED), 30, NOW), undefined);
  });

  it('takes the largest of atime, mtime and ctime as the last access', function () {
    assert.equal(whyNotReleased(file('/fsx/read', EXPORTED, { a: 2 }), 30, NOW), 'accessedRecently');
    assert.equal(whyNotReleased(file('/fsx/chmod', EXPORTED, { c: 29 }), 30, NOW), 'accessedRecently');
    assert.equal(whyNotReleased(file('/fsx/written', EXPORTED, { m: 10 }), 30, NOW), 'accessedRecently');
  });

  it('needs more than the days: exactly the days ago stays, a millisecond more goes', function () {
    const exactly = file('/fsx/edge', EXPORTED, { a: 30, m: 30, c: 30 });
    assert.equal(whyNotReleased(exactly, 30, NOW), 'accessedRecently');
    assert.equal(whyNotReleased(exactly, 30, NOW + 1), undefined);
  });

  it('with 0 days releases every exported file whatever its last access', function () {
    assert.equal(whyNotReleased(file('/fsx/now', EXPORTED, { a: 0, m: 0, c: 0 }), 0, NOW), undefined);
  });

  it('leaves what is not exported, changed, released, lost, never_release or unknown, and says why', function () {
    assert.equal(whyNotReleased(file('/fsx/new', 0), 0, NOW), 'notExported');
    assert.equal(whyNotReleased(file('/fsx/edited', EXPORTED | HS_DIRTY), 0, NOW), 'changed');
    assert.equal(whyNotReleased(file('/fsx/stub', EXPORTED | HS_RELEASED), 0, NOW), 'alreadyReleased');
    assert.equal(whyNotReleased(file('/fsx/lost', EXPORTED | HS_LOST), 0, NOW), 'lost');
    assert.equal(whyNotReleased(file('/fsx/pinned', EXPORTED | HS_NORELEASE), 0, NOW), 'noRelease');
    const unreadable: ReleaseCandidate = { ...file('/fsx/secret', 0), state: { ok: false, error: { kind: 'permission', message: 'Permission denied' } } };
    assert.equal(whyNotReleased(unreadable, 0, NOW), 'unknown');
  });

  it('counts files and bytes per group, with a few examples each', function () {
    const files = [
      ...Array.from({ length: 7 }, (_, index) => file(`/fsx/old-${index}`, EXPORTED, {}, 1 << 20)),
      file('/fsx/recent', EXPORTED, { a: 1 }, 10),
      file('/fsx/new', 0, {}, 20),
      file('/fsx/edited', EXPORTED | HS_DIRTY, {}, 30),
    ];
    const preview = releasePreview(files, 7, NOW);
    assert.deepEqual(preview.released, { files: 7, bytes: 7 << 20, examples: ['/fsx/old-0', '/fsx/old-1', '/fsx/old-2', '/fsx/old-3', '/fsx/old-4'] });
    assert.deepEqual(preview.notReleased.accessedRecently, { files: 1, bytes: 10, examples: ['/fsx/recent'] });
    assert.deepEqual(preview.notReleased.notExported, { files: 1, bytes: 20, examples: ['/fsx/new'] });
    assert.deepEqual(preview.notReleased.changed, { files: 1, bytes: 30, examples: ['/fsx/edited'] });
    assert.equal(preview.notReleased.alreadyReleased.files, 0);
  });

  it('walks 100,000 files in a bounded time', function () {
    const files = Array.from({ length: 100_000 }, (_, index) => file(`/fsx/f${index}`, index % 3 === 0 ? EXPORTED | HS_DIRTY : EXPORTED, { a: index % 60 }));
    const started = process.hrtime.bigint();
    const preview = releasePreview(files, 30, NOW);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(preview.released.files + Object.values(preview.notReleased).reduce((sum, group) => sum + group.files, 0), 100_000);
    assert.ok(ms < 5000, `${ms} ms`);
  });
});
