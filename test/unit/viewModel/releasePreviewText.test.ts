import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { releasePreview, type ReleaseWalkResult } from '../../../src/mounts/hsm';
import { bytesText, releasePreviewWords } from '../../../src/viewModel/releasePreviewText';

const exported = { ok: true as const, state: { mask: 0x9, archiveId: 1 } };
const changed = { ok: true as const, state: { mask: 0xb, archiveId: 1 } };
const fresh = { ok: true as const, state: { mask: 0, archiveId: 0 } };

const ONE_MOUNT = { mountPoint: '/fsx', mounts: 1 };

describe('release preview words', () => {
  const file = (path: string, size: number, state: typeof exported, lastMs: number) => ({ path, size, atimeMs: lastMs, mtimeMs: lastMs, ctimeMs: lastMs, state });
  const now = 100 * 86_400_000;
  const result = (overrides: Partial<ReleaseWalkResult> = {}): ReleaseWalkResult => ({
    preview: releasePreview([file('/fsx/a', 3 * 1024 ** 3, exported, 0), file('/fsx/b', 2048, changed, 0), file('/fsx/c', 10, fresh, 0), file('/fsx/d', 5, exported, now)], 30, now),
    files: 4,
    truncated: false,
    cancelled: false,
    ...overrides,
  });

  it('says what would be freed first, then what stays and why, with what to do', () => {
    const words = releasePreviewWords(result(), { days: 30, unreachable: [], walked: ONE_MOUNT }, ENGLISH);
    assert.equal(words.message, 'A release of these paths would free 3.0 GiB in 1 of their 4 files.');
    assert.deepEqual(words.details, [
      'Released: 1 file, 3.0 GiB: exported, unchanged since, and not accessed for more than 30 days.',
      'Stay, not exported to S3: 1 file, 10 bytes. Export them first.',
      'Stay, changed since their export: 1 file, 2.0 KiB. Export them again first.',
      'Stay, accessed in the last 30 days: 1 file, 5 bytes. Fewer days would release them.',
      'Counted under /fsx.',
    ]);
  });

  it('says when the figures are partial, and which paths this machine cannot see (plain text)', () => {
    const words = releasePreviewWords(result({ cancelled: true }), { days: 30, unreachable: ['other\u202Epath'], walked: ONE_MOUNT }, ENGLISH);
    assert.ok(words.details.includes('The preview was stopped after 4 files: the figures are of those files only.'));
    assert.ok(words.details.at(-2)?.startsWith("Not counted (not under this machine's mount): other"));
    assert.ok(!words.details.at(-2)?.includes('\u202E'));
    assert.match(releasePreviewWords(result({ truncated: true }), { days: 30, unreachable: [], walked: ONE_MOUNT }, ENGLISH).details.at(-2) ?? '', /stopped at 4 files: more files lie/);
    assert.equal(bytesText(0), '0 bytes');
  });

  it('names the mount it counted under, and says so when the file system is mounted at several places (plain text)', () => {
    const several = releasePreviewWords(result(), { days: 30, unreachable: [], walked: { mountPoint: '/mnt/b', mounts: 2 } }, ENGLISH);
    assert.equal(several.details.at(-1), 'Counted under /mnt/b, one of 2 mounts of this file system here.');
    const hostile = releasePreviewWords(result(), { days: 30, unreachable: [], walked: { mountPoint: '/mnt/\u202Eb', mounts: 1 } }, ENGLISH);
    assert.ok(hostile.details.at(-1)?.startsWith('Counted under /mnt/') && !hostile.details.at(-1)?.includes('\u202E'));
  });
});
