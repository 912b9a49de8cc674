import * as assert from 'node:assert/strict';
import { sourceByPath, type HsmAnswer, type HsmStateSource } from '../../../src/mounts/hsm';

/** A source that answers each path with its mask and records what it was asked. */
function recording(mask: number): HsmStateSource & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    getStates: (paths) => {
      asked.push([...paths]);
      return Promise.resolve(new Map<string, HsmAnswer>(paths.map((path) => [path, { ok: true, state: { mask, archiveId: 0 } }])));
    },
  };
}

describe('sourceByPath', () => {
  it('asks each source only about its own paths, once per call, and merges the answers', async () => {
    const sandbox = recording(0x9);
    const lfs = recording(0);
    const source = sourceByPath((path) => (path.startsWith('/sandbox/') ? sandbox : lfs));
    const answers = await source.getStates(['/sandbox/a', '/lustre/b', '/sandbox/c']);
    assert.deepEqual(sandbox.asked, [['/sandbox/a', '/sandbox/c']]);
    assert.deepEqual(lfs.asked, [['/lustre/b']]);
    assert.deepEqual([...answers].map(([path, answer]) => [path, answer.ok && answer.state.mask]), [
      ['/sandbox/a', 0x9],
      ['/sandbox/c', 0x9],
      ['/lustre/b', 0],
    ]);
  });

  it('asks no source that has no path', async () => {
    const lfs = recording(0);
    await sourceByPath(() => lfs).getStates([]);
    assert.deepEqual(lfs.asked, []);
  });

  it('keeps the answers of the others when one source fails (no lfs must not hide the sandbox), its paths unanswered', async () => {
    const failing: HsmStateSource = { getStates: () => Promise.reject(new Error('no lfs')) };
    const answers = await sourceByPath((path) => (path === '/lustre/x' ? failing : recording(0x9))).getStates(['/lustre/x', '/sandbox/y']);
    assert.deepEqual([...answers.keys()], ['/sandbox/y']);
  });

  it('rejects with the failure when every source asked failed, so a missing lfs is still said', async () => {
    const failing: HsmStateSource = { getStates: () => Promise.reject(new Error('no lfs')) };
    await assert.rejects(sourceByPath((path) => (path === '/x' ? failing : recording(0))).getStates(['/x']), /no lfs/);
  });
});
