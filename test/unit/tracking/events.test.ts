import * as assert from 'node:assert/strict';
import { Disposable, DisposableStore, Emitter, toDisposable } from '../../../src/tracking/events';

describe('Emitter', () => {
  it('calls every listener in subscription order until it is disposed', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    const first = emitter.event((value) => seen.push(`a${value}`));
    emitter.event((value) => seen.push(`b${value}`));
    emitter.fire(1);
    first.dispose();
    emitter.fire(2);
    assert.deepEqual(seen, ['a1', 'b1', 'b2']);
  });

  it('keeps calling the other listeners when one throws, and reports the error', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<string>((error) => errors.push(error));
    const seen: string[] = [];
    emitter.event(() => {
      throw new Error('listener broke');
    });
    emitter.event((value) => seen.push(value));
    emitter.fire('x');
    assert.deepEqual(seen, ['x']);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /listener broke/);
  });

  it('accepts thisArgs and a disposables array like vscode.Event', () => {
    const emitter = new Emitter<number>();
    const disposables: Disposable[] = [];
    const receiver = { total: 0 };
    emitter.event(
      function (this: { total: number }, value: number) {
        this.total += value;
      },
      receiver,
      disposables,
    );
    emitter.fire(3);
    assert.equal(receiver.total, 3);
    assert.equal(disposables.length, 1);
    disposables[0].dispose();
    emitter.fire(4);
    assert.equal(receiver.total, 3);
  });

  it('does not call a listener removed by an earlier listener during the same fire', () => {
    const emitter = new Emitter<void>();
    const seen: string[] = [];
    const later: { second?: Disposable } = {};
    emitter.event(() => {
      seen.push('first');
      later.second?.dispose();
    });
    later.second = emitter.event(() => seen.push('second'));
    emitter.fire();
    assert.deepEqual(seen, ['first']);
  });

  it('forgets its listeners when disposed', () => {
    const emitter = new Emitter<number>();
    let calls = 0;
    emitter.event(() => calls++);
    emitter.dispose();
    emitter.fire(1);
    emitter.event(() => calls++).dispose();
    emitter.fire(2);
    assert.equal(calls, 0);
  });
});

describe('DisposableStore', () => {
  it('disposes everything once, newest first, and disposes late additions at once', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('a')));
    store.add(toDisposable(() => order.push('b')));
    store.dispose();
    store.dispose();
    store.add(toDisposable(() => order.push('late')));
    assert.deepEqual(order, ['b', 'a', 'late']);
  });
});
