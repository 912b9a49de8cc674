// How many FSx requests run at once: in all, per account, and per region of that account; and
// which waiting request goes first. vscode-free.
//
// AWS throttles API requests per account and region, and the SDK keeps a throttled
// request in its own retries (3 attempts, 1 s throttling base) for seconds before it gives up.
// Without a bound, one throttled region's requests could hold every request an account has in
// flight while the other regions' requests wait behind them. With a share per region, a region
// holds at most REGION_SHARE of its account's ACCOUNT_LIMIT slots; the rest stay free for the
// other regions, and a waiting request starts as soon as its own region and account allow it
// (no head-of-line blocking behind another region's queue).
//
// Across accounts, GLOBAL_LIMIT bounds what the window sends at once (auto-track's first scan of
// 50 profiles x 4 regions was 200 requests in one burst), and background work (auto-track's scans,
// whose abort signal is marked with markBackground) uses at most BACKGROUND_SHARE of it and waits
// behind every request someone is looking at (a listing, a poll of a tracked task, a command).
import { Connection } from './types';

/** Requests in flight per account: a region scan asks 4 regions at once, two listings each (file systems, caches). */
export const ACCOUNT_LIMIT = 8;
/** Requests in flight per region of an account: half the account's slots, so a throttled region leaves the other half. */
export const REGION_SHARE = 4;
/**
 * Requests in flight in all: two accounts at their full ACCOUNT_LIMIT, so one account's region
 * scan or bulk cancel is never slowed by it. Each request beyond it would be another TLS
 * connection (every region of every profile is a client of its own) signed and parsed on the
 * extension host's one thread; past this many, queueing costs less than sending.
 */
export const GLOBAL_LIMIT = 16;
/**
 * Of GLOBAL_LIMIT, what background work may hold: one account's worth. The other half stays free
 * for what the user waits on (the first tree lists at most 3 connections x 2 listings; a bulk
 * cancel sends 4 at a time), so it starts at once however many scans are queued.
 */
export const BACKGROUND_SHARE = 8;

export interface RequestLimits {
  readonly perAccount: number;
  readonly perRegion: number;
  readonly global: number;
  readonly background: number;
}

/**
 * Marks requests made with this signal as background work: they wait behind every other request
 * and hold at most BACKGROUND_SHARE slots. The signal is what every FSx call carries down to the
 * SDK's middleware; a symbol from the global registry, because the SDK's bundle has its own copy
 * of this module.
 */
const BACKGROUND = Symbol.for('fsxTasks.backgroundRequests');

export function markBackground<T extends AbortSignal>(signal: T): T {
  Object.defineProperty(signal, BACKGROUND, { value: true });
  return signal;
}

export function isBackground(signal: AbortSignal | undefined): boolean {
  return !!signal && (signal as unknown as Record<symbol, unknown>)[BACKGROUND] === true;
}

/**
 * What a connection's requests count against: its profile (the credentials, so the account) and
 * where they go (the sandbox or a custom endpoint is an account of its own).
 */
export function accountKey(connection: Connection): string {
  return JSON.stringify([connection.profile ?? '', connection.endpoint ?? '', !!connection.sandbox]);
}

interface Account {
  readonly key: string;
  running: number;
  waiting: number;
  readonly runningByRegion: Map<string, number>;
}

interface Waiter {
  readonly account: Account;
  readonly region: string;
  readonly background: boolean;
  readonly start: () => void;
}

export interface LimiterStats {
  readonly running: number;
  readonly runningInBackground: number;
  readonly waiting: number;
  /** The most requests that ran at once since the limiter was made. */
  readonly peak: number;
}

export class RequestLimiter {
  private readonly accounts = new Map<string, Account>();
  /** Every waiting request, oldest first. */
  private readonly queue: Waiter[] = [];
  private readonly limits: RequestLimits;
  private running = 0;
  private runningInBackground = 0;
  private peak = 0;

  constructor(limits: Partial<RequestLimits> = {}) {
    const atLeastOne = (value: number | undefined, fallback: number, max = Infinity) => Math.min(max, Math.max(1, Math.floor(value ?? fallback)));
    const perAccount = atLeastOne(limits.perAccount, ACCOUNT_LIMIT);
    const global = atLeastOne(limits.global, GLOBAL_LIMIT);
    this.limits = {
      perAccount,
      perRegion: atLeastOne(limits.perRegion, REGION_SHARE, perAccount),
      global,
      background: atLeastOne(limits.background, BACKGROUND_SHARE, global),
    };
  }

  /**
   * Runs `request` once the connection's account and region, and the window, have a free slot,
   * and frees the slot when it settles. Background work (a signal marked with markBackground)
   * starts only when no other waiting request could take the slot. A signal that aborts while
   * the request waits rejects with an AbortError and the request never runs.
   */
  async run<T>(connection: Connection, request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const account = this.account(accountKey(connection));
    const background = isBackground(signal);
    await this.acquire(account, connection.region, background, signal);
    try {
      return await request();
    } finally {
      this.release(account, connection.region, background);
    }
  }

  /** Requests running and waiting for a connection's account (tests and diagnostics). */
  load(connection: Connection): { running: number; waiting: number; runningInRegion: number } {
    const account = this.accounts.get(accountKey(connection));
    return { running: account?.running ?? 0, waiting: account?.waiting ?? 0, runningInRegion: account?.runningByRegion.get(connection.region) ?? 0 };
  }

  /** Requests running and waiting in all, and the most that ran at once (tests, the bench). */
  stats(): LimiterStats {
    return { running: this.running, runningInBackground: this.runningInBackground, waiting: this.queue.length, peak: this.peak };
  }

  private account(key: string): Account {
    let account = this.accounts.get(key);
    if (!account) {
      account = { key, running: 0, waiting: 0, runningByRegion: new Map() };
      this.accounts.set(key, account);
    }
    return account;
  }

  private acquire(account: Account, region: string, background: boolean, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) {
      this.forgetIfIdle(account);
      return Promise.reject(abortError());
    }
    // Every release starts the waiters that fit, foreground first, so one that fits now overtakes
    // nobody who could have run.
    if (this.fits(account, region, background)) {
      this.take(account, region, background);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) {
          this.queue.splice(index, 1);
          account.waiting -= 1;
          this.forgetIfIdle(account);
          reject(abortError());
        }
      };
      const waiter: Waiter = {
        account,
        region,
        background,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.queue.push(waiter);
      account.waiting += 1;
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(account: Account, region: string, background: boolean): void {
    this.running -= 1;
    if (background) {
      this.runningInBackground -= 1;
    }
    account.running -= 1;
    const inRegion = (account.runningByRegion.get(region) ?? 1) - 1;
    if (inRegion > 0) {
      account.runningByRegion.set(region, inRegion);
    } else {
      account.runningByRegion.delete(region);
    }
    // The oldest waiters first, foreground before background, skipping those whose account or
    // region is full.
    for (const backgroundPass of [false, true]) {
      for (let index = 0; index < this.queue.length && this.running < this.limits.global; ) {
        const waiter = this.queue[index];
        if (waiter.background === backgroundPass && this.fits(waiter.account, waiter.region, waiter.background)) {
          this.queue.splice(index, 1);
          waiter.account.waiting -= 1;
          this.take(waiter.account, waiter.region, waiter.background);
          waiter.start();
        } else {
          index++;
        }
      }
    }
    this.forgetIfIdle(account);
  }

  private fits(account: Account, region: string, background: boolean): boolean {
    return (
      this.running < this.limits.global &&
      (!background || this.runningInBackground < this.limits.background) &&
      account.running < this.limits.perAccount &&
      (account.runningByRegion.get(region) ?? 0) < this.limits.perRegion
    );
  }

  private take(account: Account, region: string, background: boolean): void {
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
    if (background) {
      this.runningInBackground += 1;
    }
    account.running += 1;
    account.runningByRegion.set(region, (account.runningByRegion.get(region) ?? 0) + 1);
  }

  private forgetIfIdle(account: Account): void {
    if (account.running === 0 && account.waiting === 0 && this.accounts.get(account.key) === account) {
      this.accounts.delete(account.key);
    }
  }
}

function abortError(): Error {
  const error = new Error('The request was cancelled while it waited for a free slot.');
  error.name = 'AbortError';
  return error;
}
