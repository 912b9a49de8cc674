/** Follows continuation tokens until the last page or until `limit` items are collected. */
export async function collectPages<T>(fetchPage: (nextToken: string | undefined) => Promise<{ readonly items: readonly T[]; readonly nextToken?: string }>, limit: number): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken && items.length < limit);
  return items.slice(0, limit);
}
