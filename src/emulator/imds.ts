// An EC2 instance metadata service (IMDSv2) on loopback, so the SDK's instance-role path is
// exercised for real: point AWS_EC2_METADATA_SERVICE_ENDPOINT at it, and the credential chain
// fetches a session token (PUT /latest/api/token), the role name and the role's temporary
// credentials. The credentials only satisfy the emulator; they sign nothing real.
// Either a Route on the FSx emulator's port (`emulator.addRoute(new InstanceMetadata())`, one
// address for everything) or a server of its own (`InstanceMetadataService.start()`).

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemEmulatorClock, type EmulatorClock } from './clock';
import { ownHostCheck, refuseForeignHost } from './hostCheck';
import type { Route } from './route';

/**
 * - available: tokens are issued, credentials served (HttpTokens required, as on new instances).
 * - tokenRefused: the token PUT answers 403 (IMDSv2 unreachable, e.g. hop limit), and a GET
 *   without a token answers 401, so no credentials can be had.
 * - tokenExpired: tokens are issued but every GET answers 401, as for an expired token.
 * - noRole: the instance has no role: the role list answers 404.
 */
export type ImdsMode = 'available' | 'tokenRefused' | 'tokenExpired' | 'noRole';
export const IMDS_MODES: readonly ImdsMode[] = ['available', 'tokenRefused', 'tokenExpired', 'noRole'];

export interface ImdsOptions {
  /** Default 'fsx-head-node-role'. */
  roleName?: string;
  mode?: ImdsMode;
  /** Times tokens and credential expiry. The SDK compares expiry with the real time: keep it real. */
  clock?: EmulatorClock;
  /** How long served credentials stay valid. Default 6 hours. */
  credentialsTtlSeconds?: number;
  /** Called once per request; carries no token or credential. */
  onRequest?: (entry: ImdsRequestLogEntry) => void;
}

export interface ImdsServerOptions extends ImdsOptions {
  port?: number;
  /** Default 127.0.0.1; only loopback addresses are accepted. */
  host?: string;
}

export interface ImdsRequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export interface ImdsRequestCounts {
  token: number;
  roleList: number;
  credentials: number;
  other: number;
}

const TOKEN_PATH = '/latest/api/token';
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';
const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';
const TOKEN_HEADER = 'x-aws-ec2-metadata-token';
const MAX_TOKEN_TTL_SECONDS = 21_600;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** The metadata API itself, as a Route; it answers only unsigned requests under /latest/. */
export class InstanceMetadata implements Route {
  private mode: ImdsMode;
  private readonly tokens = new Map<string, number>();
  private counts: ImdsRequestCounts = zeroCounts();

  constructor(private readonly options: ImdsOptions = {}) {
    this.mode = checkMode(options.mode ?? 'available');
  }

  matches(request: IncomingMessage): boolean {
    return (request.url ?? '').startsWith('/latest/') && request.headers.authorization === undefined && request.headers['x-amz-target'] === undefined;
  }

  async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    request.resume();
    const path = (request.url ?? '/').split('?')[0];
    const [status, body] = this.answer(request, path);
    response.writeHead(status, {
      // The real service answers text/plain, the credentials' JSON included.
      'content-type': 'text/plain',
      'content-length': Buffer.byteLength(body),
      ...(status === 200 && path === TOKEN_PATH ? { [TTL_HEADER]: String(request.headers[TTL_HEADER]) } : {}),
    });
    response.end(body);
    this.options.onRequest?.({ method: request.method ?? '', path, status });
  }

  /** Back to the starting mode, no tokens, zero counts. */
  reset(): void {
    this.mode = this.options.mode ?? 'available';
    this.tokens.clear();
    this.counts = zeroCounts();
  }

  get roleName(): string {
    return this.options.roleName ?? 'fsx-head-node-role';
  }

  setMode(mode: ImdsMode): void {
    this.mode = checkMode(mode);
  }

  requestCounts(): ImdsRequestCounts {
    return { ...this.counts };
  }

  private now(): number {
    return (this.options.clock ?? systemEmulatorClock).now();
  }

  private answer(request: IncomingMessage, path: string): [number, string] {
    if (path === TOKEN_PATH) {
      this.counts.token += 1;
      return request.method === 'PUT' ? this.issueToken(request) : [405, 'Method Not Allowed'];
    }
    if (!path.startsWith(CREDENTIALS_PATH)) {
      this.counts.other += 1;
      return [404, 'Not Found'];
    }
    let role: string;
    try {
      role = decodeURIComponent(path.slice(CREDENTIALS_PATH.length));
    } catch {
      return [404, 'Not Found'];
    }
    if (role === '') {
      this.counts.roleList += 1;
    } else {
      this.counts.credentials += 1;
    }
    if (request.method !== 'GET') {
      return [405, 'Method Not Allowed'];
    }
    if (!this.tokenValid(request.headers[TOKEN_HEADER])) {
      return [401, 'Unauthorized'];
    }
    if (this.mode === 'noRole' || (role !== '' && role !== this.roleName)) {
      return [404, 'Not Found'];
    }
    return role === '' ? [200, this.roleName] : [200, JSON.stringify(this.credentials())];
  }

  private issueToken(request: IncomingMessage): [number, string] {
    if (this.mode === 'tokenRefused') {
      return [403, 'Forbidden'];
    }
    const ttl = Number(request.headers[TTL_HEADER]);
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL_SECONDS) {
      return [400, 'Bad Request'];
    }
    const token = randomBytes(40).toString('base64');
    this.tokens.set(token, this.now() + ttl * 1000);
    return [200, token];
  }

  private tokenValid(header: string | string[] | undefined): boolean {
    if (this.mode === 'tokenExpired' || this.mode === 'tokenRefused' || typeof header !== 'string') {
      return false;
    }
    const expires = this.tokens.get(header);
    return expires !== undefined && this.now() < expires;
  }

  private credentials(): Record<string, string> {
    const now = this.now();
    const ttlMs = (this.options.credentialsTtlSeconds ?? 6 * 3600) * 1000;
    return {
      Code: 'Success',
      LastUpdated: isoSeconds(now),
      Type: 'AWS-HMAC',
      AccessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      SecretAccessKey: randomBytes(30).toString('base64'),
      Token: randomBytes(96).toString('base64'),
      Expiration: isoSeconds(now + ttlMs),
    };
  }
}

/** The metadata API on a loopback server of its own. */
export class InstanceMetadataService {
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly metadata: InstanceMetadata,
  ) {}

  static async start(options: ImdsServerOptions = {}): Promise<InstanceMetadataService> {
    const host = options.host ?? '127.0.0.1';
    if (!LOOPBACK_HOSTS.has(host)) {
      throw new Error(`The metadata service listens on loopback only; refusing host '${host}'.`);
    }
    const metadata = new InstanceMetadata(options);
    let isOwnHost: (host: string | undefined) => boolean = () => false;
    const server = createServer((request, response) => {
      if (!isOwnHost(request.headers.host)) {
        refuseForeignHost(request, response);
      } else if (metadata.matches(request)) {
        void metadata.serve(request, response);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    isOwnHost = ownHostCheck(port);
    return new InstanceMetadataService(server, `http://${host.includes(':') ? `[${host}]` : host}:${port}`, metadata);
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }
}

function checkMode(mode: ImdsMode): ImdsMode {
  if (!IMDS_MODES.includes(mode)) {
    throw new RangeError(`Unknown metadata service mode ${String(mode)}`);
  }
  return mode;
}

function zeroCounts(): ImdsRequestCounts {
  return { token: 0, roleList: 0, credentials: 0, other: 0 };
}

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
