// The real process path of the export state: LfsStateSource runs a fake `lfs` executable that
// answers as Lustre does, with argument vectors, in batches, a few processes at a time.

import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HS_ARCHIVED, HS_DIRTY, HS_EXISTS, HS_RELEASED, HsmSourceError, LfsStateSource, type HsmAnswer } from '../../src/mounts/hsm';
import { FakeLfs } from './fakeLfs';

const EXPORTED = HS_EXISTS | HS_ARCHIVED;
const BATCH_OF = (maxFiles: number) => ({ maxFiles, maxArgBytes: 64 * 1024 });

describe('LfsStateSource against a fake lfs', function () {
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

  /** A file in the fake mount whose state is `mask` ('refuse': lfs may not open it). */
  const file = (name: string, mask: number | 'refuse' = 0) => {
    const path = join(mnt, name);
    writeFileSync(path, String(mask));
    return path;
  };
  const files = (prefix: string, count: number, mask = 0) => Array.from({ length: count }, (_, index) => file(`${prefix}${index}`, mask));
  const maskOf = (answer: HsmAnswer | undefined) => (answer?.ok ? answer.state.mask : answer?.error.kind);
  const isSourceError = (kind: string) => (error: unknown) => error instanceof HsmSourceError && error.kind === kind;

  it('answers each file: states, odd names, a vanished file and a refusal (Lustre 2.16 goes on)', async function () {
    const paths = [
      file('plain', EXPORTED),
      file('a b', EXPORTED | HS_DIRTY),
      join(mnt, 'vanished'),
      file('c: (0x00000009) d', EXPORTED | HS_RELEASED),
      file('two\nlines'),
      file('secret', 'refuse'),
    ];
    const source = new LfsStateSource({ executable: lfs.executable, env: lfs.env() });
    const answers = await source.getStates(paths);
    assert.deepEqual(
      paths.map((path) => maskOf(answers.get(path))),
      [EXPORTED, EXPORTED | HS_DIRTY, 'notFound', EXPORTED | HS_RELEASED, 0, 'permission'],
    );
    assert.deepEqual(answers.get(paths[0]), { ok: true, state: { mask: EXPORTED, archiveId: 1 } });
    // The name with a newline is asked alone.
    assert.equal(source.stats.processes, 3);
  });

  it('asks again for the rest of a batch when lfs stops at a vanished file (Lustre up to 2.15)', async function () {
    const paths = [file('a', EXPORTED), join(mnt, 'gone1'), file('b', EXPORTED | HS_DIRTY), join(mnt, 'gone2'), file('c', EXPORTED | HS_RELEASED)];
    const source = new LfsStateSource({ executable: lfs.executable, env: lfs.env({ mode: 'stops' }) });
    const answers = await source.getStates(paths);
    assert.deepEqual(
      paths.map((path) => maskOf(answers.get(path))),
      [EXPORTED, 'notFound', EXPORTED | HS_DIRTY, 'notFound', EXPORTED | HS_RELEASED],
    );
    // One process, then one after each file it stopped at.
    assert.deepEqual(
      lfs.processes().map((process) => process.files),
      [5, 3, 1],
    );
  });

  it('asks about 10,000 files with 100 processes, never more than 2 at once', async function () {
    const paths = [...files('e', 5_000, EXPORTED), ...files('n', 5_000)];
    const source = new LfsStateSource({ executable: lfs.executable, env: lfs.env() });
    const started = Date.now();
    const answers = await source.getStates(paths);
    const ms = Date.now() - started;
    assert.equal(answers.size, 10_000);
    assert.equal(maskOf(answers.get(paths[0])), EXPORTED);
    assert.equal(maskOf(answers.get(paths[9_999])), 0);
    assert.equal(source.stats.processes, 100);
    assert.equal(lfs.processes().length, 100);
    assert.ok(source.stats.peakRunning <= 2, `${source.stats.peakRunning} at once`);
    assert.ok(lfs.peakOverlap() <= 2, `${lfs.peakOverlap()} inside lfs at once`);
    this.test!.title += ` (${ms} ms)`;
  });

  it('keeps the bound across calls made together, and uses it', async function () {
    const paths = files('g', 30);
    const source = new LfsStateSource({ executable: lfs.executable, env: lfs.env({ delaySeconds: 0.2 }), batch: BATCH_OF(5) });
    await Promise.all([source.getStates(paths.slice(0, 15)), source.getStates(paths.slice(15))]);
    assert.equal(source.stats.processes, 6);
    assert.equal(source.stats.peakRunning, 2);
    assert.ok(lfs.peakOverlap() <= 2);
  });

  it('finds lfs on the PATH it is given', async function () {
    const path = file('a', EXPORTED);
    const source = new LfsStateSource({ env: lfs.env({ extra: { PATH: `${lfs.dir}:${process.env.PATH ?? ''}` } }) });
    assert.equal(maskOf((await source.getStates([path])).get(path)), EXPORTED);
  });

  it('without lfs: one typed error, then no more processes until asked to look again', async function () {
    const paths = files('m', 500);
    const source = new LfsStateSource({ env: lfs.env({ extra: { PATH: join(lfs.dir, 'no-such-folder') } }) });
    await assert.rejects(source.getStates(paths), isSourceError('notInstalled'));
    const tried = source.stats.processes;
    assert.ok(tried <= 2, `${tried} processes tried for 5 batches`);
    await assert.rejects(source.getStates(paths), isSourceError('notInstalled'));
    assert.equal(source.stats.processes, tried);
    source.recheck();
    await assert.rejects(source.getStates(paths.slice(0, 1)), isSourceError('notInstalled'));
    assert.equal(source.stats.processes, tried + 1);
  });

  it('says lfs cannot be started when it is there but not executable', async function () {
    const notExecutable = join(lfs.dir, 'lfs-not-executable');
    writeFileSync(notExecutable, '#!/bin/sh\n', { mode: 0o644 });
    const source = new LfsStateSource({ executable: notExecutable, env: lfs.env() });
    await assert.rejects(source.getStates([file('x')]), isSourceError('notRunnable'));
  });

  it('stops a hung lfs after its time, and starts no more of that call', async function () {
    const paths = files('h', 10);
    const source = new LfsStateSource({ executable: lfs.executable, env: lfs.env({ mode: 'hangs' }), timeoutMs: 1500, batch: BATCH_OF(2) });
    await assert.rejects(source.getStates(paths), isSourceError('timeout'));
    assert.equal(source.stats.processes, 2);
    await waitFor(() => lfs.processes().length === 2 && lfs.processes().every((process) => !isAlive(process.pid)));
  });

  it('stops its processes when the caller aborts', async function () {
    const paths = files('s', 2);
    const source = new LfsStateSource({ executable: lfs.executable, env: lfs.env({ mode: 'hangs' }) });
    const abort = new AbortController();
    const call = source.getStates(paths, abort.signal);
    await waitFor(() => lfs.processes().length === 1);
    abort.abort();
    await assert.rejects(call, { name: 'AbortError' });
    await waitFor(() => !isAlive(lfs.processes()[0].pid));
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
