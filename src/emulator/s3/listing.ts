// ListObjectsV2 paging over sorted keys: prefix, delimiter (common prefixes count as keys),
// start-after, max-keys and an opaque continuation token.

import { invalidArgument } from './errors';

/** Resume after this key, or after every key that starts with this common prefix. */
export type ListCursor = { readonly key: string } | { readonly prefix: string };

export interface ListQuery {
  readonly prefix: string;
  readonly delimiter: string;
  readonly startAfter: string;
  readonly maxKeys: number;
  readonly cursor?: ListCursor;
}

export interface ListPage {
  readonly keys: string[];
  readonly commonPrefixes: string[];
  /** Where the next page starts; undefined when this page is the last. */
  readonly next?: ListCursor;
}

export function listPage(sortedKeys: Iterable<string>, query: ListQuery): ListPage {
  const keys: string[] = [];
  const commonPrefixes: string[] = [];
  let last: ListCursor | undefined;
  let lastCommon: string | undefined;
  for (const key of sortedKeys) {
    if (!key.startsWith(query.prefix) || key <= query.startAfter || (query.cursor && !isAfter(key, query.cursor))) {
      continue;
    }
    const cut = query.delimiter === '' ? -1 : key.indexOf(query.delimiter, query.prefix.length);
    const common = cut < 0 ? undefined : key.slice(0, cut + query.delimiter.length);
    if (common !== undefined && common === lastCommon) {
      continue;
    }
    if (keys.length + commonPrefixes.length >= query.maxKeys) {
      return { keys, commonPrefixes, next: last };
    }
    if (common === undefined) {
      keys.push(key);
      last = { key };
    } else {
      commonPrefixes.push(common);
      lastCommon = common;
      last = { prefix: common };
    }
  }
  return { keys, commonPrefixes };
}

function isAfter(key: string, cursor: ListCursor): boolean {
  return 'key' in cursor ? key > cursor.key : key > cursor.prefix && !key.startsWith(cursor.prefix);
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(token: string): ListCursor {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (typeof record.key === 'string') {
        return { key: record.key };
      }
      if (typeof record.prefix === 'string') {
        return { prefix: record.prefix };
      }
    }
  } catch {
    // Falls through to the service's answer for a token it did not issue.
  }
  throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
}
