// Tasks ordered as DescribeDataRepositoryTasks lists them: newest first (CreationTime
// descending, TaskId descending as the tie-break). Stored ascending so that the common case,
// a task created now, is an append. Paging cursors are sort keys, not offsets, so tasks created
// between two pages never shift or repeat what a later page returns.

export interface TaskKey {
  readonly createdAt: number;
  readonly taskId: string;
}

export function compareTaskKeys(a: TaskKey, b: TaskKey): number {
  if (a.createdAt !== b.createdAt) {
    return a.createdAt - b.createdAt;
  }
  return a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0;
}

export class Timeline<T extends TaskKey> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  add(item: T): void {
    const items = this.items;
    if (items.length === 0 || compareTaskKeys(items[items.length - 1], item) < 0) {
      items.push(item);
      return;
    }
    items.splice(this.lowerBound(item), 0, item);
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Adds many at once: one sort instead of many insertions (used when seeding). */
  addAll(batch: readonly T[]): void {
    for (const item of batch) {
      this.items.push(item);
    }
    this.items.sort(compareTaskKeys);
  }

  /** Newest first, starting strictly after (older than) `after` when given. */
  *newestFirst(after?: TaskKey): Generator<T, void, undefined> {
    const start = after === undefined ? this.items.length : this.lowerBound(after);
    for (let i = start - 1; i >= 0; i--) {
      yield this.items[i];
    }
  }

  /** Index of the first item not less than `key`. */
  private lowerBound(key: TaskKey): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareTaskKeys(this.items[mid], key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}

/** Merges several newest-first sequences into one newest-first sequence. */
export function* mergeNewestFirst<T extends TaskKey>(sources: readonly Iterable<T>[]): Generator<T, void, undefined> {
  const iterators = sources.map((source) => source[Symbol.iterator]());
  const heads: (T | undefined)[] = iterators.map((iterator) => nextOf(iterator));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i];
      if (head !== undefined && (best < 0 || compareTaskKeys(head, heads[best] as T) > 0)) {
        best = i;
      }
    }
    if (best < 0) {
      return;
    }
    yield heads[best] as T;
    heads[best] = nextOf(iterators[best]);
  }
}

function nextOf<T>(iterator: Iterator<T>): T | undefined {
  const result = iterator.next();
  return result.done ? undefined : result.value;
}
