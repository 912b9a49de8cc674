// Many calls, a few at a time: bulk cancels and the region scan. vscode-free.

/**
 * Runs `run` over `items`, at most `limit` at once, and resolves with the results in the order
 * of the items. Once `signal` aborts no further item starts; the ones never started are
 * undefined in the result. A rejection of `run` rejects the whole (callers turn failures into
 * results when one failure must not stop the others).
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array<R | undefined>(items.length).fill(undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      results[index] = await run(items[index], index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker());
  await Promise.all(workers);
  return results;
}
