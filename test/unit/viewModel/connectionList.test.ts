import * as assert from 'node:assert/strict';
import { ConnectionList } from '../../../src/viewModel/connectionList';
import type { ConnectionEntry } from '../../../src/viewModel/explorerModel';

function entry(region: string): ConnectionEntry {
  return { connection: { region }, label: region, sandbox: false };
}

/** A resolve() whose answers the test releases one by one, in any order. */
function controlledResolver() {
  const pending: { release(entries: ConnectionEntry[]): void; fail(error: Error): void }[] = [];
  const resolve = () =>
    new Promise<readonly ConnectionEntry[]>((release, fail) => {
      pending.push({ release, fail });
    });
  return { resolve, pending };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConnectionList', () => {
  it('applies a single reload and resolves after it is applied', async () => {
    const applied: string[][] = [];
    const list = new ConnectionList(async () => [entry('us-east-1')], (entries) => {
      applied.push(entries.map((e) => e.label));
    });
    await list.reload();
    assert.deepEqual(applied, [['us-east-1']]);
  });

  it('never applies an older answer that arrives after a newer one', async () => {
    const { resolve, pending } = controlledResolver();
    const applied: string[][] = [];
    const list = new ConnectionList(resolve, (entries) => {
      applied.push(entries.map((e) => e.label));
    });
    const first = list.reload();
    const second = list.reload();
    await tick();
    pending[1].release([entry('eu-west-1')]);
    await second;
    pending[0].release([entry('us-east-1')]);
    await first;
    assert.deepEqual(applied, [['eu-west-1']], 'the stale first answer is dropped');
  });

  it('makes the caller of an older reload wait until the newest one is applied', async () => {
    const { resolve, pending } = controlledResolver();
    const applied: string[] = [];
    const list = new ConnectionList(resolve, (entries) => {
      applied.push(entries[0].label);
    });
    let firstDone = false;
    const first = list.reload().then(() => {
      firstDone = true;
    });
    const second = list.reload();
    await tick();
    pending[0].release([entry('old')]);
    await tick();
    assert.equal(firstDone, false, 'still waiting for the newer reload');
    // A third reload starts while the first caller waits: it waits for that one too.
    const third = list.reload();
    pending[1].release([entry('middle')]);
    await tick();
    assert.equal(firstDone, false);
    pending[2].release([entry('newest')]);
    await Promise.all([first, second, third]);
    assert.deepEqual(applied, ['newest']);
  });

  it('rejects when the newest reload fails, and recovers on the next one', async () => {
    const { resolve, pending } = controlledResolver();
    const applied: string[] = [];
    const list = new ConnectionList(resolve, (entries) => {
      applied.push(entries[0].label);
    });
    const failing = list.reload();
    await tick();
    pending[0].fail(new Error('config unreadable'));
    await assert.rejects(failing, /config unreadable/);
    const next = list.reload();
    await tick();
    pending[1].release([entry('ok')]);
    await next;
    assert.deepEqual(applied, ['ok']);
  });
});
