// `lfs hsm_state` output, as Lustre prints it (lfs.c, the lfs-hsm man page, the FSx release
// guide), paired with the files asked about, and what each state means for a file linked to S3.

import * as assert from 'node:assert/strict';
import {
  HS_ARCHIVED,
  HS_DIRTY,
  HS_EXISTS,
  HS_LOST,
  HS_NOARCHIVE,
  HS_NORELEASE,
  HS_RELEASED,
  asPrinted,
  batchesOf,
  exportStatusOf,
  parseHsmState,
  type HsmAnswer,
} from '../../../src/mounts/hsm';

const state = (mask: number, archiveId = 0): HsmAnswer => ({ ok: true, state: { mask, archiveId } });
const error = (kind: string, message: string): HsmAnswer => ({ ok: false, error: { kind, message } as never });

describe('lfs hsm_state output', function () {
  it('reads every documented form: mask, words, archive_id with and without the space', function () {
    const paths = ['/fsx/path/to/file', '/mnt/lustre/foo', '/fsx/testfile5', '/fsx/new.iso', '/fsx/lost', '/fsx/pinned', '/fsx/tmp', '/fsx/pcc'];
    const stdout = [
      // The FSx release guide: exported.
      '/fsx/path/to/file: (0x00000009) exists archived',
      // The lfs-hsm man page's example (note the space after the colon).
      '/mnt/lustre/foo: (0x0000000b) exists dirty archived, archive_id: 1',
      // lfs.c prints archive_id without a space.
      '/fsx/testfile5: (0x0000000d) released exists archived, archive_id:1',
      // Never archived: no words at all.
      '/fsx/new.iso: (0x00000000)',
      '/fsx/lost: (0x00000049) exists archived lost_from_hsm, archive_id:3',
      '/fsx/pinned: (0x00000019) exists archived never_release',
      '/fsx/tmp: (0x00000020) never_archive',
      // A PCC bit (0x80) has no word; the mask is what counts.
      '/fsx/pcc: (0x00000089) exists archived',
      '',
    ].join('\n');
    assert.deepEqual(parseHsmState(paths, stdout, ''), [
      state(0x9),
      state(0xb, 1),
      state(0xd, 1),
      state(0),
      state(0x49, 3),
      state(0x19),
      state(0x20),
      state(0x89),
    ]);
  });

  it('pairs by the path asked for, not by the first colon: spaces, colons and ": (0x" inside names', function () {
    const paths = ['/fsx/a b/c:d', '/fsx/x', '/fsx/x: (0x00000009) exists archived', '/fsx/x: (0x00000001) y', '/fsx/ünï cödé 🎉'];
    const stdout =
      '/fsx/a b/c:d: (0x00000009) exists archived\n' +
      '/fsx/x: (0x00000000)\n' +
      '/fsx/x: (0x00000009) exists archived: (0x0000000b) exists dirty archived\n' +
      '/fsx/x: (0x00000001) y: (0x00000004) released\n' +
      '/fsx/ünï cödé 🎉: (0x0000000d) released exists archived\n';
    assert.deepEqual(parseHsmState(paths, stdout, ''), [state(0x9), state(0), state(0xb), state(0x4), state(0xd)]);
  });

  it('does not take the next file\'s line when a file with a look-alike name failed', function () {
    // '/fsx/x' vanished (Lustre 2.16 goes on); the next name starts with '/fsx/x: (0x'.
    const paths = ['/fsx/x', '/fsx/x: (0x00000009) exists archived'];
    const stdout = '/fsx/x: (0x00000009) exists archived: (0x00000002) dirty\n';
    const stderr = "lfs hsm_state: get HSM state for '/fsx/x' failed: No such file or directory\n";
    assert.deepEqual(parseHsmState(paths, stdout, stderr), [error('notFound', 'No such file or directory'), state(0x2)]);
  });

  it('reads a name with a newline (asked alone, so no name can pass for another line)', function () {
    const path = '/fsx/two\nlines: (0x00000009) exists archived';
    assert.deepEqual(batchesOf(['/fsx/a', path, '/fsx/b']), [['/fsx/a'], [path], ['/fsx/b']]);
    assert.deepEqual(parseHsmState([path], `${path}: (0x00000001) exists\n`, ''), [state(0x1)]);
  });

  it('pairs a name that was not valid UTF-8 as lfs prints it back (U+FFFD)', function () {
    const path = '/fsx/bad\uD800name';
    assert.equal(asPrinted(path), '/fsx/bad\uFFFDname');
    assert.deepEqual(parseHsmState([path, '/fsx/ok'], '/fsx/bad\uFFFDname: (0x00000009) exists archived\n/fsx/ok: (0x00000000)\n', ''), [state(0x9), state(0)]);
  });

  it('Lustre up to 2.15 stops at the first file it cannot read: the rest are unanswered', function () {
    const paths = ['/fsx/a', '/fsx/gone', '/fsx/b', '/fsx/c'];
    const stdout = '/fsx/a: (0x00000009) exists archived\n';
    const stderr = "can't get hsm state for /fsx/gone: No such file or directory\n";
    assert.deepEqual(parseHsmState(paths, stdout, stderr), [state(0x9), error('notFound', 'No such file or directory'), undefined, undefined]);
  });

  it('Lustre 2.16 goes on after a file it cannot read, and says why for each', function () {
    const paths = ['/fsx/gone', '/fsx/a', '/fsx/secret', '/fsx/dir', '/fsx/odd', '/fsx/b'];
    const stdout = '/fsx/a: (0x00000001) exists\n/fsx/b: (0x00000009) exists archived\n';
    const stderr = [
      "lfs hsm_state: get HSM state for '/fsx/gone' failed: No such file or directory",
      "lfs hsm_state: get HSM state for '/fsx/secret' failed: Permission denied",
      "lfs hsm_state: get HSM state for '/fsx/dir' failed: Inappropriate ioctl for device",
      "lfs hsm_state: get HSM state for '/fsx/odd' failed: Input/output error",
      '',
    ].join('\n');
    assert.deepEqual(parseHsmState(paths, stdout, stderr), [
      error('notFound', 'No such file or directory'),
      state(0x1),
      error('permission', 'Permission denied'),
      error('notSupported', 'Inappropriate ioctl for device'),
      error('other', 'Input/output error'),
      state(0x9),
    ]);
  });

  it('says so for a line in a form it does not know, and still pairs the files after it', function () {
    const paths = ['/fsx/a', '/fsx/b'];
    const stdout = '/fsx/a: state=archived\n/fsx/b: (0x00000009) exists archived\n';
    assert.deepEqual(parseHsmState(paths, stdout, ''), [error('other', '/fsx/a: state=archived'), state(0x9)]);
  });

  it('leaves a cut-off last line unanswered', function () {
    assert.deepEqual(parseHsmState(['/fsx/a', '/fsx/b'], '/fsx/a: (0x00000009) exists archived\n/fsx/b: (0x0000', ''), [state(0x9), undefined]);
  });
});

describe('export state of a file', function () {
  const cases: Array<[mask: number, expected: string, noRelease?: boolean, noArchive?: boolean]> = [
    [0, 'notExported'],
    [HS_EXISTS | HS_ARCHIVED, 'exported'],
    [HS_EXISTS | HS_DIRTY | HS_ARCHIVED, 'changed'],
    [HS_EXISTS | HS_DIRTY, 'changed'],
    // A copy exists but is not the current one (an export under way, or one that failed).
    [HS_EXISTS, 'changed'],
    [HS_RELEASED | HS_EXISTS | HS_ARCHIVED, 'released'],
    [HS_EXISTS | HS_ARCHIVED | HS_LOST, 'lost'],
    [HS_RELEASED | HS_EXISTS | HS_ARCHIVED | HS_LOST, 'lost'],
    [HS_EXISTS | HS_ARCHIVED | HS_NORELEASE, 'exported', true],
    [HS_NOARCHIVE, 'notExported', false, true],
  ];
  for (const [mask, expected, noRelease = false, noArchive = false] of cases) {
    it(`0x${mask.toString(16)} is ${expected}${noRelease ? ', never_release' : ''}${noArchive ? ', never_archive' : ''}`, function () {
      assert.deepEqual(exportStatusOf({ mask, archiveId: 0 }), { state: expected, noRelease, noArchive });
    });
  }
});

describe('batches of lfs arguments', function () {
  it('cuts at 100 files or 64 KiB of arguments, drops duplicates, keeps order', function () {
    const many = Array.from({ length: 10_000 }, (_, index) => `/fsx/data/file-${index}`);
    const batches = batchesOf([...many, many[0]]);
    assert.equal(batches.length, 100);
    assert.deepEqual(batches.flat(), many);
    const long = Array.from({ length: 40 }, (_, index) => `/fsx/${String(index).padStart(4000, 'x')}`);
    const byBytes = batchesOf(long);
    assert.ok(byBytes.every((batch) => batch.reduce((bytes, path) => bytes + Buffer.byteLength(path) + 1, 0) <= 64 * 1024));
    assert.equal(byBytes.length, 3);
  });

  it('puts a path longer than the byte bound alone, never in an empty batch', function () {
    const huge = `/fsx/${'y'.repeat(70_000)}`;
    assert.deepEqual(batchesOf(['/fsx/a', huge, '/fsx/b']), [['/fsx/a'], [huge], ['/fsx/b']]);
    assert.deepEqual(batchesOf([]), []);
  });
});
