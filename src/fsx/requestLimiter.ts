// How many FSx requests run at once, per account and per region of that account. vscode-free.
//
// AWS throttles API requests per account and region, and the SDK keeps a throttled
// request in its own retries (3 attempts, 1 s throttling base) for seconds before it gives up.
// Without a bound, one throttled region's requests could hold every request an account has in
// flight while the other regions' requests wait behind them. With a share per region, a region
// holds at most REGION_SHARE of its account's ACCOUNT_LIMIT slots; the rest stay free for the
// other regions, and a waiting request starts as soon as its own region and account allow it
// (no head-of-line blocking behind another region's queue).
import { Connection } from './types';

/** Requests in flight per account: a region scan asks 4 regions at once, two listings each (file systems, caches). */
export const ACCOUNT_LIMIT = 8;
/** Requests in flight per region of an account: half the account's slots, so a throttled region leaves the other half. */
export const REGION_SHARE = 4;

export interface RequestLimits {
  readonly perAccount: number;
  readonly perRegion: number;
}

/**
 * What a connection's requests count against: its profile (the credentials, so the account) and
 * where they go (the sandbox or a custom endpoint is an account of its own).
 */
export function accountKey(connection: Connection): string {
  return JSON.stringify([connection.profile ?? '', connection.endpoint ?? '', !!connection.sandbox]);
}

interface Waiter {
  readonly region: string;
  readonly start: () => void;
}

interface Account {
  running: number;
  readonly runningByRegion: Map<string, number>;
  readonly queue: Waiter[];
}

export class RequestLimiter {
  private readonly accounts = new Map<string, Account>();
  private readonly limits: RequestLimits;

  constructor(limits: Partial<RequestLimits> = {}) {
    const perAccount = Math.max(1, Math.floor(limits.perAccount ?? ACCOUNT_LIMIT));
    this.limits = { perAccount, perRegion: Math.min(perAccount, Math.max(1, Math.floor(limits.perRegion ?? REGION_SHARE))) };
  }

  /**
   * Runs `request` once the connection's account and region have a free slot, and frees the
   * slot when it settles. A signal that aborts while the request waits rejects with an
   * AbortError and the request never runs.
   */
  async run<T>(connection: Connection, request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const key = accountKey(connection);
    const account = this.account(key);
    await this.acquire(account, connection.region, signal);
    try {
      return await request();
    } finally {
      this.release(key, account, connection.region);
    }
  }

  /** Requests running and waiting for a connection's account (tests and diagnostics). */
  load(connection: Connection): { running: number; waiting: number; runningInRegion: number } {
    const account = this.accounts.get(accountKey(connection));
    return { running: account?.running ?? 0, waiting: account?.queue.length ?? 0, runningInRegion: account?.runningByRegion.get(connection.region) ?? 0 };
  }

  private account(key: string): Account {
    let account = this.accounts.get(key);
    if (!account) {
      account = { running: 0, runningByRegion: new Map(), queue: [] };
      this.accounts.set(key, account);
    }
    return account;
  }

  private acquire(account: Account, region: string, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(abortError());
    }
    // Every release starts the waiters that fit, so one that fits now overtakes nobody.
    if (this.fits(account, region)) {
      this.take(account, region);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = account.queue.indexOf(waiter);
        if (index >= 0) {
          account.queue.splice(index, 1);
          reject(abortError());
        }
      };
      const waiter: Waiter = {
        region,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      account.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(key: string, account: Account, region: string): void {
    account.running -= 1;
    const inRegion = (account.runningByRegion.get(region) ?? 1) - 1;
    if (inRegion > 0) {
      account.runningByRegion.set(region, inRegion);
    } else {
      account.runningByRegion.delete(region);
    }
    // The oldest waiters first, skipping those whose region is at its share.
    for (let index = 0; index < account.queue.length && account.running < this.limits.perAccount; ) {
      const waiter = account.queue[index];
      if (this.fits(account, waiter.region)) {
        account.queue.splice(index, 1);
        this.take(account, waiter.region);
        waiter.start();
      } else {
        index++;
      }
    }
    if (account.running === 0 && account.queue.length === 0) {
      this.accounts.delete(key);
    }
  }

  private fits(account: Account, region: string): boolean {
    return account.running < this.limits.perAccount && (account.runningByRegion.get(region) ?? 0) < this.limits.perRegion;
  }

  private take(account: Account, region: string): void {
    account.running += 1;
    account.runningByRegion.set(region, (account.runningByRegion.get(region) ?? 0) + 1);
  }
}

function abortError(): Error {
  const error = new Error('The request was cancelled while it waited for a free slot.');
  error.name = 'AbortError';
  return error;
}
