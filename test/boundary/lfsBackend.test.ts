// The real process path of acting on files: LfsBackend runs a fake `lfs` that checks each file
// and changes its mask as the HSM coordinator would, refuses as for a non-root user, and says
// what is in progress (hsm_action); the release preview walks real folders through it.

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HsmRequestError, LfsBackend, walkReleasePreview } from '../../src/mounts/hsm';
import { FakeLfs } from './fakeLfs';

describe('LfsBackend against a fake lfs', function () {
  this.timeout(60_000);
  let lfs: FakeLfs;
  let mnt: string;

  beforeEach(function () {
    lfs = new FakeLfs();
    mnt = join(lfs.dir, 'mnt');
    mkdirSync(mnt);
  });

  afterEach(function () {
    lfs.dispose();
  });

  const file = (name: string, mask: number) => {
    const path = join(mnt, name);
    writeFileSync(path, String(mask));
    return path;
  };
  const maskIn = (path: string) => Number(readFileSync(path, 'utf8').trim());

  it('restores released files with one process; a vanished file and a folder are left out, the rest still sent', async function () {
    const released = [file('a.bin', 0xd), file('b.bin', 0xd)];
    const gone = file('gone.bin', 0xd);
    rmSync(gone);
    mkdirSync(join(mnt, 'folder'));
    const backend = new LfsBackend({ executable: lfs.executable, env: lfs.env() });
    const result = await backend.request('restore', [released[0], gone, join(mnt, 'folder'), released[1]]);
    assert.deepEqual(result.sent, released);
    assert.deepEqual(result.skipped, [
      { path: gone, reason: 'notFound' },
      { path: join(mnt, 'folder'), reason: 'notRegular' },
    ]);
    assert.deepEqual(released.map(maskIn), [0x9, 0x9], 'loaded back: exists archived');
    assert.equal(lfs.processes().length, 3, 'asked again without the file that stopped each request');
  });

  it('archives and releases through the same interface', async function () {
    const path = file('c.bin', 0x3);
    const backend = new LfsBackend({ executable: lfs.executable, env: lfs.env() });
    await backend.request('archive', [path]);
    assert.equal(maskIn(path), 0x9);
    await backend.request('release', [path]);
    assert.equal(maskIn(path), 0xd);
  });

  it('a user without the privilege: an HsmRequestError of kind permission, nothing changed', async function () {
    const path = file('d.bin', 0xd);
    const backend = new LfsBackend({ executable: lfs.executable, env: lfs.env({ refuse: true }) });
    await assert.rejects(backend.request('restore', [path]), (error: unknown) => error instanceof HsmRequestError && error.kind === 'permission' && error.detail === 'Operation not permitted');
    assert.equal(maskIn(path), 0xd);
  });

  it('reads the action in progress of each file, and a vanished file in both error forms', async function () {
    const path = file('e.bin', 0xd);
    const gone = join(mnt, 'gone');
    for (const mode of ['continues', 'stops'] as const) {
      const backend = new LfsBackend({ executable: lfs.executable, env: lfs.env({ mode, action: 'RESTORE running (4096 bytes moved)' }) });
      const answers = await backend.getActions([gone, path]);
      assert.deepEqual(answers.get(path), { ok: true, current: { action: 'RESTORE', state: 'running', bytesMoved: 4096 } }, mode);
      const vanished = answers.get(gone);
      assert.equal(vanished?.ok === false ? vanished.error.kind : vanished, 'notFound', mode);
    }
  });

  it('the release preview walks a folder through lfs, and a cancel ends it with what was seen', async function () {
    mkdirSync(join(mnt, 'run', 'deep'), { recursive: true });
    for (let index = 0; index < 30; index++) {
      file(`run/${index % 2 ? 'deep/' : ''}f${index}`, index % 3 === 0 ? 0x9 : index % 3 === 1 ? 0xb : 0);
    }
    const backend = new LfsBackend({ executable: lfs.executable, env: lfs.env() });
    const whole = await walkReleasePreview([join(mnt, 'run')], { states: backend, days: 0, nowMs: Date.now(), chunk: 10 });
    assert.equal(whole.files, 30);
    assert.equal(whole.preview.released.files, 10);
    assert.equal(whole.preview.notReleased.changed.files, 10);
    assert.equal(whole.preview.notReleased.notExported.files, 10);
    assert.equal(whole.cancelled, false);

    const cancel = new AbortController();
    const part = await walkReleasePreview([join(mnt, 'run')], { states: backend, days: 0, nowMs: Date.now(), chunk: 10, signal: cancel.signal, onProgress: () => cancel.abort() });
    assert.equal(part.cancelled, true);
    assert.equal(part.files, 10, 'the first chunk, then nothing more');
  });
});
