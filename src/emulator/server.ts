// The emulator as an HTTP service on a loopback port: plumbing only (routing, body limits,
// request counting, fault injection, logging, prompt shutdown). What an FSx call means is
// decided in service.ts. Other APIs on the same port (S3, IMDS, ...) plug in as Routes.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scaledClock, systemEmulatorClock, type EmulatorClock } from './clock';
import { ServiceError } from './errors';
import { FaultInjector, type FaultSpec } from './faults';
import { ownHostCheck, refuseForeignHost } from './hostCheck';
import { JSON_CONTENT_TYPE, OPERATION_NAMES, TARGET_PREFIX, isOperationName, type OperationName } from './apiModel';
import { PageTokens } from './paging';
import { storeReportSource } from './s3/reportSource';
import type { Route } from './route';
import { S3Service } from './s3/service';
import { LogsService } from './logs/service';
import { SandboxFiles, SandboxHsmRoute } from './hsm';
import { seedScenario, type ScenarioName } from './scenarios';
import { errorReply, handleCall, type Reply } from './service';
import { EmulatorStore } from './store';
import { TaskRules } from './taskRules';
import { AssociationRules } from './associationRules';

export interface EmulatorOptions {
  /** 0 or undefined: any free port. */
  port?: number;
  /** Default 127.0.0.1; only loopback addresses are accepted. */
  host?: string;
  /** Default 'empty'. */
  scenario?: ScenarioName;
  /** Default the system clock. */
  clock?: EmulatorClock;
  /** Emulated time runs this many times faster than the clock (demos). Default 1. */
  timeScale?: number;
  /** Seeds scenarios and generated ids. Default 1. */
  seed?: number;
  /** Called once per FSx request, after it is answered (or dropped). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Other APIs served on the same port (see Route). */
  routes?: readonly Route[];
  /** Added before every answer on this port (FSx, S3 and the other routes): a simulated round trip. Default 0. */
  latencyMs?: number;
}

export interface RequestLogEntry {
  /** The operation named by X-Amz-Target, or '-' when there was none. */
  readonly operation: string;
  /** HTTP status, or 0 when the connection was dropped. */
  readonly status: number;
  readonly errorCode?: string;
  readonly ms: number;
  readonly requestId: string;
}

/** Requests larger than this are refused (413) without being parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Beyond this much body we stop reading and close the connection. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

type RequestCounts = Record<OperationName, number>;

export class FsxEmulator {
  readonly url: string;
  readonly port: number;
  /** What task creates and cancels are checked against (and how created tasks behave). */
  readonly taskRules: TaskRules;
  /** What association creates, updates and deletes are checked against (and how long they take). */
  readonly associationRules: AssociationRules;
  /** The S3 side (completion reports), on the same port: GET/HEAD without X-Amz-Target. */
  readonly s3: S3Service;
  /** CloudWatch Logs (the data repository event logs), on the same port: POST with a Logs_20140328 target. */
  readonly logs: LogsService;
  /** The sandbox's mounted folder and its files' HSM state, on the same port under /_sandbox/hsm/. */
  readonly hsm: SandboxFiles;
  private readonly faults = new FaultInjector();
  private tokens = new PageTokens();
  private readonly routes: Route[] = [];
  private counts: RequestCounts = zeroCounts();
  private otherRequests = 0;
  private readonly sleeping = new Set<() => void>();
  private closing: Promise<void> | undefined;
  private lastRequest = Date.now();
  /** Host headers other than its own loopback address and port are refused: hostCheck.ts. */
  private readonly isOwnHost: (host: string | undefined) => boolean;

  private constructor(
    private readonly server: Server,
    /** The emulated account's records: tests seed and inspect it directly. */
    readonly state: EmulatorStore,
    private readonly seeding: { readonly scenario: ScenarioName; readonly seed: number | undefined },
    host: string,
    private readonly onRequest: ((entry: RequestLogEntry) => void) | undefined,
    private readonly latencyMs: number,
  ) {
    this.taskRules = new TaskRules(state, seeding.seed);
    this.associationRules = new AssociationRules(state);
    this.port = (server.address() as AddressInfo).port;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
    this.s3 = new S3Service(storeReportSource(state), onRequest, (ms) => this.sleep(ms));
    this.routes.push(this.s3);
    this.logs = new LogsService(() => state.logs, onRequest);
    this.routes.push(this.logs);
    this.hsm = new SandboxFiles(state);
    this.routes.push(new SandboxHsmRoute(this.hsm));
    this.isOwnHost = ownHostCheck(this.port);
  }

  static async start(options: EmulatorOptions = {}): Promise<FsxEmulator> {
    const host = options.host ?? '127.0.0.1';
    if (!LOOPBACK_HOSTS.has(host)) {
      throw new Error(`The FSx emulator listens on loopback only; refusing host '${host}'.`);
    }
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new RangeError(`Invalid port ${port}`);
    }
    const latencyMs = options.latencyMs ?? 0;
    if (!Number.isFinite(latencyMs) || latencyMs < 0) {
      throw new RangeError(`Invalid latency ${latencyMs}`);
    }
    const clock = scaledClock(options.clock ?? systemEmulatorClock, options.timeScale ?? 1);
    const state = new EmulatorStore({ clock, seed: options.seed });
    const seeding = { scenario: options.scenario ?? 'empty', seed: options.seed };
    seedScenario(state, seeding.scenario, seeding.seed);

    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const emulator = new FsxEmulator(server, state, seeding, host, options.onRequest, latencyMs);
    for (const route of options.routes ?? []) {
      emulator.addRoute(route);
    }
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      emulator.serve(request, response).catch(() => request.socket.destroy());
    });
    return emulator;
  }

  /** When the last request reached this port (epoch ms): what the sandbox process's idle exit counts from. */
  get lastRequestAt(): number {
    return this.lastRequest;
  }

  requestCounts(): Record<OperationName, number> {
    return { ...this.counts };
  }

  totalRequests(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, this.otherRequests);
  }

  resetRequestCounts(): void {
    this.counts = zeroCounts();
    this.otherRequests = 0;
  }

  /**
   * Back to a freshly started emulator's world, as moto's reset: the scenario seeded again at the
   * clock's current time (same seed, so the same ids), client request tokens and created-task
   * behaviour forgotten, faults cleared, request counts zeroed, earlier NextTokens invalid,
   * and every route reset. Requests already in flight finish against the new world.
   */
  reset(): void {
    this.clearFaults();
    this.resetRequestCounts();
    this.tokens = new PageTokens();
    this.taskRules.reset();
    this.associationRules.reset();
    this.state.clear();
    seedScenario(this.state, this.seeding.scenario, this.seeding.seed);
    for (const route of this.routes) {
      route.reset?.();
    }
  }

  /** Serves another API on this port (checked before FSx); returns a function that removes it. */
  addRoute(route: Route): () => void {
    this.routes.push(route);
    return () => {
      const index = this.routes.indexOf(route);
      if (index >= 0) {
        this.routes.splice(index, 1);
      }
    };
  }

  injectFault(spec: FaultSpec): () => void {
    return this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Stops listening, ends open connections and pending delayed answers. Idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      for (const wake of this.sleeping) {
        wake();
      }
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.lastRequest = Date.now();
    if (!this.isOwnHost(request.headers.host)) {
      refuseForeignHost(request, response);
      this.otherRequests++;
      return;
    }
    if (this.latencyMs > 0) {
      await this.sleep(this.latencyMs);
    }
    const route = this.routes.find((candidate) => candidate.matches(request));
    return route ? route.serve(request, response) : this.serveFsx(request, response);
  }

  private async serveFsx(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const operation = operationOf(request.headers['x-amz-target']);
    if (operation.known) {
      this.counts[operation.name] += 1;
    } else {
      this.otherRequests += 1;
    }
    const log = (status: number, errorCode?: string): void =>
      this.onRequest?.({ operation: operation.name, status, errorCode, ms: Math.round(performance.now() - started), requestId });

    const body = await readBody(request);
    if (body === 'aborted') {
      request.socket.destroy();
      log(0);
      return;
    }

    let reply: Reply | undefined;
    if (body === 'tooLarge') {
      reply = errorReply(new ServiceError('RequestEntityTooLargeException', `The request body exceeds ${MAX_BODY_BYTES} bytes.`));
    } else if (request.method !== 'POST' || pathOf(request.url) !== '/' || !operation.known) {
      reply = errorReply(new ServiceError('UnknownOperationException', unknownOperationMessage(request, operation.name)));
    } else {
      const decision = this.faults.decide(operation.name, signingRegion(request.headers.authorization));
      if (decision.delayMs > 0) {
        await this.sleep(decision.delayMs);
      }
      if (decision.drop || this.closing) {
        request.socket.destroy();
        log(0);
        return;
      }
      reply =
        decision.error !== undefined
          ? errorReply(decision.error)
          : handleCall(
              operation.name,
              { authorization: request.headers.authorization, contentType: request.headers['content-type'] },
              body,
              { store: this.state, rules: this.taskRules, associationRules: this.associationRules, tokens: this.tokens },
            );
      if (decision.repeatNextToken) {
        reply = repeatRequestToken(reply, body);
      }
      if (decision.dropAfterApply) {
        // Applied, and the answer lost on the way back.
        request.socket.destroy();
        log(0, reply.errorCode);
        return;
      }
    }
    send(response, requestId, reply);
    log(reply.status, reply.errorCode);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleeping.add(wake);
    });
  }
}

/** A listing's answer carrying the NextToken its request carried (the repeatNextToken fault). */
function repeatRequestToken(reply: Reply, body: Buffer): Reply {
  let given: unknown;
  try {
    given = (JSON.parse(body.toString('utf8')) as { NextToken?: unknown }).NextToken;
  } catch {
    return reply;
  }
  return reply.status === 200 && typeof given === 'string' ? { ...reply, body: { ...reply.body, NextToken: given } } : reply;
}

/** The region of a SigV4 Authorization header's credential scope (AKID/date/region/service/aws4_request). */
function signingRegion(authorization: string | undefined): string | undefined {
  return /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(authorization ?? '')?.[1];
}

type TargetOperation = { known: true; name: OperationName } | { known: false; name: string };

function operationOf(target: string | string[] | undefined): TargetOperation {
  if (typeof target !== 'string') {
    return { known: false, name: '-' };
  }
  const dot = target.lastIndexOf('.');
  const prefix = target.slice(0, dot);
  const name = target.slice(dot + 1);
  if (dot > 0 && prefix === TARGET_PREFIX && isOperationName(name)) {
    return { known: true, name };
  }
  return { known: false, name: target.length > 100 ? `${target.slice(0, 100)}...` : target };
}

function unknownOperationMessage(request: IncomingMessage, operation: string): string {
  if (request.method !== 'POST') {
    return `Method ${request.method ?? ''} is not supported; FSx accepts POST /.`;
  }
  if (pathOf(request.url) !== '/') {
    return 'FSx accepts requests on the path / only.';
  }
  if (operation === '-') {
    return 'Missing X-Amz-Target header.';
  }
  return `The FSx emulator does not implement ${operation}.`;
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

function readBody(request: IncomingMessage): Promise<Buffer | 'tooLarge' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Buffer | 'tooLarge' | 'aborted'): void => {
      if (!done) {
        done = true;
        resolve(result);
      }
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        // Not worth reading further just to refuse it.
        finish('aborted');
        request.destroy();
      } else if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => finish(size > MAX_BODY_BYTES ? 'tooLarge' : Buffer.concat(chunks)));
    request.on('error', () => finish('aborted'));
    request.on('close', () => finish('aborted'));
  });
}

function send(response: ServerResponse, requestId: string, reply: Reply): void {
  if (response.destroyed || response.headersSent) {
    return;
  }
  const payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
  const headers: Record<string, string | number> = {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': payload.length,
    'x-amzn-requestid': requestId,
  };
  if (reply.errorCode !== undefined) {
    headers['x-amzn-errortype'] = reply.errorCode;
  }
  response.writeHead(reply.status, headers);
  response.end(payload);
}

function zeroCounts(): RequestCounts {
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, 0])) as RequestCounts;
}
