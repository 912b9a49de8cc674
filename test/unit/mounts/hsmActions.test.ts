// Acting on files' HSM state: `lfs hsm_action` output (lfs.c's lfs_hsm_action; the FSx preload
// guide's NOOP), the failures of `lfs hsm_restore` and its kin (lfs_hsm_request), the command
// offered where privileges lack, and the release preview's walk over an in-memory tree.

import * as assert from 'node:assert/strict';
import {
  HS_ARCHIVED,
  HS_DIRTY,
  HS_EXISTS,
  MS_PER_DAY,
  localPathsOf,
  previewMountOf,
  parseHsmAction,
  parseRequestFailure,
  privilegedArgv,
  walkReleasePreview,
  type HsmAnswer,
  type WalkFs,
} from '../../../src/mounts/hsm';

describe('lfs hsm_action output', function () {
  it('reads NOOP, a running restore with its bytes, a waiting archive and a done restore over a range', function () {
    const paths = ['/fsx/path/to/file', '/fsx/big.bin', '/fsx/new.csv', '/fsx/odd: RESTORE'];
    const stdout = [
      '/fsx/path/to/file: NOOP',
      '/fsx/big.bin: RESTORE running (1048576 bytes moved)',
      '/fsx/new.csv: ARCHIVE waiting (from 0 to EOF)',
      '/fsx/odd: RESTORE: RESTORE done (from 0 to 4096)',
      '',
    ].join('\n');
    assert.deepEqual(parseHsmAction(paths, stdout, ''), [
      { ok: true, current: { action: 'NOOP' } },
      { ok: true, current: { action: 'RESTORE', state: 'running', bytesMoved: 1048576 } },
      { ok: true, current: { action: 'ARCHIVE', state: 'waiting' } },
      { ok: true, current: { action: 'RESTORE', state: 'done' } },
    ]);
  });

  it('pairs the errors of both Lustre forms; a file lfs never reached has no answer', function () {
    const paths = ['/fsx/a', '/fsx/gone', '/fsx/b', '/fsx/after'];
    const stderr216 = "lfs hsm_action: get hsm action for '/fsx/gone' failed: No such file or directory\n";
    assert.deepEqual(parseHsmAction(paths, '/fsx/a: NOOP\n/fsx/b: NOOP\n/fsx/after: NOOP\n', stderr216)[1], { ok: false, error: { kind: 'notFound', message: 'No such file or directory' } });
    const stderr215 = "can't get hsm action for /fsx/gone: No such file or directory\n";
    const up215 = parseHsmAction(paths, '/fsx/a: NOOP\n', stderr215);
    assert.equal(up215[1]?.ok, false);
    assert.deepEqual(up215.slice(2), [undefined, undefined]);
  });
});

describe('lfs hsm_archive / hsm_release / hsm_restore failures', function () {
  it('a vanished file or a folder stops the request before it is sent: that file is named', function () {
    assert.deepEqual(parseRequestFailure(['/fsx/a', '/fsx/gone'], 'Cannot stat /fsx/gone: No such file or directory\n', 2), { kind: 'skip', path: '/fsx/gone', reason: 'notFound' });
    assert.deepEqual(parseRequestFailure(['/fsx/dir'], 'error: "/fsx/dir" is not a regular file\n', 22), { kind: 'skip', path: '/fsx/dir', reason: 'notRegular' });
  });

  it('a user without the privilege, and any other refusal, in lfs words', function () {
    assert.deepEqual(parseRequestFailure(['/fsx/a): x'], 'Cannot send HSM request (use of /fsx/a): x): Operation not permitted\n', 1), { kind: 'permission', detail: 'Operation not permitted' });
    assert.deepEqual(parseRequestFailure(['/fsx/a'], 'Cannot send HSM request (use of /fsx/a): Device or resource busy\n', 1), { kind: 'refused', detail: 'Device or resource busy' });
    assert.deepEqual(parseRequestFailure(['/fsx/a'], '', 1), { kind: 'refused', detail: 'lfs exited with 1' });
  });

  it('the command to copy: sudo lfs with each file, or find over the selection for many files (no shell either way)', function () {
    assert.deepEqual(privilegedArgv('restore', { files: ['/fsx/a b', '/fsx/$(x)'], selected: ['/fsx'] }), ['sudo', 'lfs', 'hsm_restore', '/fsx/a b', '/fsx/$(x)']);
    const many = Array.from({ length: 1_001 }, (_, index) => `/fsx/run/f${index}`);
    assert.deepEqual(privilegedArgv('restore', { files: many, selected: ['/fsx/run', '/fsx/x.csv'] }), ['sudo', 'find', '/fsx/run', '/fsx/x.csv', '-type', 'f', '-exec', 'lfs', 'hsm_restore', '{}', '+']);
  });
});

describe('Release preview paths and walk', function () {
  it('places task paths under a mount, a mounted subdirectory and the root', function () {
    assert.deepEqual(localPathsOf({ mountPoint: '/fsx', subdirectory: '' }, ['results/run-7', '/logs']), { local: ['/fsx/results/run-7', '/fsx/logs'], unreachable: [] });
    assert.deepEqual(localPathsOf({ mountPoint: '/fsx', subdirectory: '' }, []), { local: ['/fsx'], unreachable: [] });
    assert.deepEqual(localPathsOf({ mountPoint: '/mnt/a', subdirectory: 'projects/alpha' }, ['projects/alpha/x', 'projects', 'other']), { local: ['/mnt/a/x', '/mnt/a'], unreachable: ['other'] });
  });

  describe('which mount a release preview walks', function () {
    const root = { mountPoint: '/mnt/fsx', subdirectory: '' };
    const again = { mountPoint: '/home/me/fsx', subdirectory: '' };
    const alpha = { mountPoint: '/mnt/alpha', subdirectory: 'projects/alpha' };

    it('the mount of the Explorer selection, wherever it is in the mount table', function () {
      assert.equal(previewMountOf([root, again], ['results'], '/home/me/fsx'), again);
      assert.equal(previewMountOf([again, root], ['results'], '/mnt/fsx/'), root, 'a trailing slash names the same mount');
      assert.equal(previewMountOf([root, alpha], ['other'], '/mnt/alpha'), alpha, 'kept even where it does not reach the paths: they are named as not counted');
      const shadowing = { mountPoint: '/mnt/fsx', subdirectory: 'projects' };
      assert.equal(previewMountOf([root, shadowing], [], '/mnt/fsx'), shadowing, 'of two mounts on one point, the last, which shadows the other');
    });

    it('without one (from the tree) or with one no longer mounted: whichever reaches the paths, not the table order', function () {
      assert.equal(previewMountOf([alpha, root], ['results']), root, 'the one that reaches the path');
      assert.equal(previewMountOf([root, alpha], ['projects/alpha/x']), root, 'both reach it: the one that sees the whole file system');
      assert.equal(previewMountOf([root, again], []), again, 'same reach: the first mount point in code-point order');
      assert.equal(previewMountOf([again, root], []), again, 'whatever the table order');
      assert.equal(previewMountOf([root, again], [], '/mnt/gone'), again, 'a mount point that is not one of them is not a choice');
      assert.equal(previewMountOf([], []), undefined);
    });
  });

  const NOW = Date.UTC(2026, 11, 6);
  const day = (n: number) => NOW - n * MS_PER_DAY;
  /** A folder of files: name -> [mask, size, atime, mtime, ctime]. */
  const tree = (files: Record<string, [number, number, number, number, number]>): { fs: WalkFs; states: { getStates(paths: readonly string[]): Promise<Map<string, HsmAnswer>> } } => ({
    fs: {
      readdir: async (path) => (path === '/fsx/run' ? Object.keys(files).map((name) => ({ name, kind: 'file' as const })) : []),
      stat: async (path) => {
        const entry = files[path.slice('/fsx/run/'.length)];
        return path === '/fsx/run' ? { kind: 'folder', size: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0 } : entry && { kind: 'file', size: entry[1], atimeMs: entry[2], mtimeMs: entry[3], ctimeMs: entry[4] };
      },
    },
    states: { getStates: async (paths) => new Map(paths.map((path) => [path, { ok: true, state: { mask: files[path.slice('/fsx/run/'.length)][0], archiveId: 1 } } as HsmAnswer])) },
  });

  it('counts files and bytes by the rule: exported and unchanged, last access by the largest of atime, mtime and ctime', async function () {
    const exported = HS_EXISTS | HS_ARCHIVED;
    const { fs, states } = tree({
      old: [exported, 100, day(40), day(40), day(40)],
      'read-lately': [exported, 200, day(2), day(40), day(40)],
      'chmod-lately': [exported, 400, day(40), day(40), day(1)],
      changed: [exported | HS_DIRTY, 800, day(40), day(40), day(40)],
      fresh: [0, 1600, day(40), day(40), day(40)],
    });
    const result = await walkReleasePreview(['/fsx/run'], { fs, states, days: 30, nowMs: NOW });
    assert.deepEqual([result.preview.released.files, result.preview.released.bytes], [1, 100]);
    assert.deepEqual([result.preview.notReleased.accessedRecently.files, result.preview.notReleased.accessedRecently.bytes], [2, 600]);
    assert.deepEqual([result.preview.notReleased.changed.files, result.preview.notReleased.notExported.files], [1, 1]);
    const zero = await walkReleasePreview(['/fsx/run'], { fs, states, days: 0, nowMs: NOW });
    assert.equal(zero.preview.released.files, 3, '0 days: whatever the last access');
  });

  it('stops at its bound and says so', async function () {
    const files = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`f${index}`, [HS_EXISTS | HS_ARCHIVED, 1, 0, 0, 0] as [number, number, number, number, number]]));
    const { fs, states } = tree(files);
    const result = await walkReleasePreview(['/fsx/run'], { fs, states, days: 0, nowMs: NOW, maxFiles: 10, chunk: 4 });
    assert.deepEqual([result.files, result.truncated], [10, true]);
  });
});
