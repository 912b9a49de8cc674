// A minimal typed event emitter, shaped like vscode.EventEmitter so the extension can hand our
// events and disposables straight to VS Code APIs without adapters.

export interface Disposable {
  dispose(): void;
}

/** Same call shape as vscode.Event<T>. */
export type Event<T> = (listener: (value: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

/** Where a listener's exception goes; by default it is rethrown outside the emitter (an uncaught error). */
export type ListenerErrorHandler = (error: unknown) => void;

export const rethrowLater: ListenerErrorHandler = (error) => {
  queueMicrotask(() => {
    throw error;
  });
};

export function toDisposable(dispose: () => void): Disposable {
  let disposed = false;
  return {
    dispose: () => {
      if (!disposed) {
        disposed = true;
        dispose();
      }
    },
  };
}

/** Owns disposables and disposes them together (in reverse order of adding). */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  dispose(): void {
    this.disposed = true;
    while (this.items.length > 0) {
      this.items.pop()?.dispose();
    }
  }
}

interface Subscription<T> {
  readonly listener: (value: T) => unknown;
  readonly thisArgs: unknown;
}

export class Emitter<T> implements Disposable {
  private readonly subscriptions = new Set<Subscription<T>>();
  private disposed = false;

  constructor(private readonly onListenerError: ListenerErrorHandler = rethrowLater) {}

  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    if (this.disposed) {
      return toDisposable(() => undefined);
    }
    const subscription: Subscription<T> = { listener, thisArgs };
    this.subscriptions.add(subscription);
    const disposable = toDisposable(() => this.subscriptions.delete(subscription));
    disposables?.push(disposable);
    return disposable;
  };

  /** Calls every listener; one that throws does not stop the others. */
  fire(value: T): void {
    // A snapshot, so listeners added while firing wait for the next value; removed ones are skipped.
    for (const subscription of [...this.subscriptions]) {
      if (!this.subscriptions.has(subscription)) {
        continue;
      }
      try {
        subscription.listener.call(subscription.thisArgs, value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.subscriptions.clear();
  }
}
