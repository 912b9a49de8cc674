import { FsxError } from './errors';

/**
 * The NextTokens of one listing. A token FSx gave before in the same listing (the one just sent
 * included) would page forever: the listing stops with an error instead.
 */
export class PageTokens {
  private readonly seen = new Set<string>();

  constructor(private readonly operation: string) {}

  /** The token to ask for the next page with; undefined after the last page. */
  next(token: string | undefined): string | undefined {
    if (!token) {
      return undefined;
    }
    if (this.seen.has(token)) {
      throw new FsxError('service', `${this.operation} returned a NextToken it had already returned in this listing; paging stopped so as not to loop forever.`, {
        operation: this.operation,
        code: 'RepeatedNextToken',
      });
    }
    this.seen.add(token);
    return token;
  }
}

/** Follows continuation tokens until the last page or until `limit` items are collected. */
export async function collectPages<T>(
  operation: string,
  fetchPage: (nextToken: string | undefined) => Promise<{ readonly items: readonly T[]; readonly nextToken?: string }>,
  limit: number,
): Promise<T[]> {
  const tokens = new PageTokens(operation);
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    items.push(...page.items);
    nextToken = tokens.next(page.nextToken);
  } while (nextToken && items.length < limit);
  return items.slice(0, limit);
}
