// Opaque, tamper-proof NextTokens and page assembly.
//
// A token is standard base64 (the model's NextToken pattern, <= 255 chars) of a small JSON
// cursor followed by an HMAC over (operation, request scope, cursor) under a key that only this
// emulator instance knows. So a token it did not issue, or one issued for another operation or
// other filters, is refused, as the service does.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest, type ServiceError } from './errors';

const MAC_BYTES = 16;
const MAX_TOKEN_LENGTH = 255;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export class PageTokens {
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  issue(operation: string, scope: string, cursor: unknown): string {
    const payload = Buffer.from(JSON.stringify(cursor), 'utf8');
    const token = Buffer.concat([payload, this.mac(operation, scope, payload)]).toString('base64');
    if (token.length > MAX_TOKEN_LENGTH) {
      // Cursors are small by construction; this guards the wire contract.
      throw new RangeError(`NextToken would be ${token.length} characters`);
    }
    return token;
  }

  /** The cursor inside `token`; throws BadRequest "Invalid NextToken" for anything else. */
  verify(operation: string, scope: string, token: string): unknown {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || !BASE64_PATTERN.test(token)) {
      throw invalidToken();
    }
    const bytes = Buffer.from(token, 'base64');
    if (bytes.length <= MAC_BYTES) {
      throw invalidToken();
    }
    const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
    const mac = bytes.subarray(bytes.length - MAC_BYTES);
    if (!timingSafeEqual(mac, this.mac(operation, scope, payload))) {
      throw invalidToken();
    }
    return JSON.parse(payload.toString('utf8')) as unknown;
  }

  private mac(operation: string, scope: string, payload: Buffer): Buffer {
    return createHmac('sha256', this.key)
      .update(operation)
      .update('\0')
      .update(scope)
      .update('\0')
      .update(payload)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}

export function invalidToken(): ServiceError {
  return badRequest('Invalid NextToken');
}

/** Page size: what the caller asked for, capped by the operation's own maximum. */
export function pageSize(maxResults: number | undefined, operationMax: number): number {
  return Math.min(maxResults ?? operationMax, operationMax);
}

export interface Page<T> {
  readonly items: T[];
  /** Whether at least one more matching item follows the page. */
  readonly more: boolean;
}

/** The first `limit` items of `source` that match, and whether another match follows. */
export function takePage<T>(source: Iterable<T>, matches: (item: T) => boolean, limit: number): Page<T> {
  const items: T[] = [];
  for (const item of source) {
    if (!matches(item)) {
      continue;
    }
    if (items.length === limit) {
      return { items, more: true };
    }
    items.push(item);
  }
  return { items, more: false };
}
