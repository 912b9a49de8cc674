// Which tasks the tree asks the poll scheduler to follow: the active tasks of the loaded pages,
// only while the view is visible. A connection that leaves the list (the sandbox stopped) is
// unwatched too, or its dead endpoint would go on being polled. vscode-free.
import type { Connection } from '../fsx/types';
import type { Disposable, Event } from '../tracking/events';

export interface TreeWatchSource {
  /** Per connection key, the pending and executing tasks the loaded pages show. */
  activeTaskIds(): ReadonlyMap<string, { readonly connection: Connection; readonly taskIds: readonly string[] }>;
  /** Loads add ids. */
  readonly onDidLoadTasks: Event<void>;
  /** Refreshes and connection changes can remove them; a poll's own row updates do not. */
  readonly onDidChange: Event<{ readonly scope: string }>;
}

export interface TaskWatcher {
  watch(sourceId: string, connection: Connection, taskIds: Iterable<string>): void;
  unwatch(sourceId: string, connection?: Connection): void;
}

export interface ViewVisibility {
  readonly visible: boolean;
  readonly onDidChangeVisibility: Event<unknown>;
}

export class TreeWatch implements Disposable {
  private watched = new Map<string, Connection>();
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly source: TreeWatchSource,
    private readonly watcher: TaskWatcher,
    private readonly view: ViewVisibility,
    private readonly sourceId: string,
  ) {
    this.subscriptions = [
      source.onDidLoadTasks(() => this.update()),
      // After the change is applied (listeners run in order; the model may still be emitting).
      source.onDidChange((change) => change.scope !== 'resource' && queueMicrotask(() => this.update())),
      view.onDidChangeVisibility(() => this.update()),
    ];
  }

  /** The connections watched now, by key (for tests and diagnostics). */
  watchedConnections(): ReadonlyMap<string, Connection> {
    return this.watched;
  }

  update(): void {
    const watched = new Map<string, Connection>();
    for (const [key, { connection, taskIds }] of this.source.activeTaskIds()) {
      const ids = this.view.visible ? taskIds : [];
      this.watcher.watch(this.sourceId, connection, ids);
      if (ids.length > 0) {
        watched.set(key, connection);
      }
    }
    for (const [key, connection] of this.watched) {
      if (!watched.has(key)) {
        this.watcher.unwatch(this.sourceId, connection);
      }
    }
    this.watched = watched;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
