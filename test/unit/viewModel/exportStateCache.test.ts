// Gathering the Explorer's one-file questions into few calls, keeping the answers, and saying
// once that lfs is missing.

import * as assert from 'node:assert/strict';
import { HsmSourceError, type HsmAnswer, type HsmStateSource } from '../../../src/mounts/hsm';
import { ManualClock } from '../../../src/tracking/clock';
import { ExportStateCache } from '../../../src/viewModel/exportStateCache';

const EXPORTED: HsmAnswer = { ok: true, state: { mask: 0x9, archiveId: 1 } };

class FakeSource implements HsmStateSource {
  readonly calls: string[][] = [];
  failWith: unknown;
  async getStates(paths: readonly string[]): Promise<Map<string, HsmAnswer>> {
    this.calls.push([...paths]);
    if (this.failWith) {
      throw this.failWith;
    }
    return new Map(paths.map((path) => [path, EXPORTED]));
  }
}

describe('export state cache', function () {
  let clock: ManualClock;
  let source: FakeSource;
  let outages: HsmSourceError[];
  let cache: ExportStateCache;

  beforeEach(function () {
    clock = new ManualClock(0);
    source = new FakeSource();
    outages = [];
    cache = new ExportStateCache({ source, clock, onUnavailable: (error) => outages.push(error) });
  });

  afterEach(function () {
    cache.dispose();
  });

  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('asks once for the files of a folder that opens, then answers from what it keeps', async function () {
    const paths = Array.from({ length: 1000 }, (_, index) => `/fsx/f${index}`);
    const pending = paths.map((path) => cache.get(path));
    await clock.advance(50);
    assert.deepEqual(await Promise.all(pending), paths.map(() => EXPORTED));
    assert.equal(source.calls.length, 1);
    assert.equal(source.calls[0].length, 1000);
    assert.deepEqual(await cache.get(paths[0]), EXPORTED);
    assert.equal(source.calls.length, 1);
  });

  it('asks again for a file it was told changed', async function () {
    const first = cache.get('/fsx/a');
    await clock.advance(50);
    await first;
    cache.invalidate(['/fsx/a']);
    const again = cache.get('/fsx/a');
    await clock.advance(50);
    await again;
    assert.deepEqual(source.calls, [['/fsx/a'], ['/fsx/a']]);
  });

  it('says once that lfs is missing, answers nothing and asks nothing more until reset', async function () {
    source.failWith = new HsmSourceError('notInstalled', 'lfs was not found');
    const first = cache.get('/fsx/a');
    await clock.advance(50);
    assert.equal(await first, undefined);
    assert.equal(await cache.get('/fsx/b'), undefined);
    assert.equal(outages.length, 1);
    assert.equal(source.calls.length, 1);
    source.failWith = undefined;
    cache.reset();
    const after = cache.get('/fsx/b');
    await clock.advance(50);
    assert.deepEqual(await after, EXPORTED);
  });

  it('hands other failures to onError and keeps asking later', async function () {
    const errors: unknown[] = [];
    cache.dispose();
    cache = new ExportStateCache({ source, clock, onUnavailable: (error) => outages.push(error), onError: (error) => errors.push(error) });
    source.failWith = new HsmSourceError('timeout', 'no answer');
    const first = cache.get('/fsx/a');
    await clock.advance(50);
    assert.equal(await first, undefined);
    assert.equal(errors.length, 1);
    assert.equal(outages.length, 0);
    source.failWith = undefined;
    const second = cache.get('/fsx/a');
    await clock.advance(50);
    assert.deepEqual(await second, EXPORTED);
  });

  it('does not keep an answer asked before an invalidation', async function () {
    let release!: () => void;
    const slow: HsmStateSource = {
      getStates: (paths) => new Promise((resolve) => (release = () => resolve(new Map(paths.map((path) => [path, EXPORTED]))))),
    };
    cache.dispose();
    cache = new ExportStateCache({ source: slow, clock, onUnavailable: () => undefined });
    const first = cache.get('/fsx/a');
    await clock.advance(50);
    await settle();
    cache.invalidate(['/fsx/a']);
    release();
    assert.deepEqual(await first, EXPORTED);
    const again = cache.get('/fsx/a');
    await clock.advance(50);
    await settle();
    assert.equal(cache.calls, 2);
    release();
    await again;
  });
});
