// The sandbox process's control endpoint: what tests and the extension ask of an emulator that
// runs in another process (health, stop, faults, request counts, seeding, reset), on a loopback
// port of its own. Every request must carry the process's random token and be addressed to this
// port's own loopback name (hostCheck.ts): a web page that rebinds a name to 127.0.0.1 gets 421,
// anything without the token 401. Calls are JSON: POST /call {"method": "state.addTask", "args": [...]}.

import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CompletionReport } from './apiModel';
import type { AssociationTiming } from './associationRules';
import type { FaultSpec } from './faults';
import { ownHostCheck, refuseForeignHost } from './hostCheck';
import type { AssociationSpec, FileCacheSpec, FileSystemSpec, TaskSpec } from './records';
import type { S3FaultSpec } from './s3/faults';
import type { FsxEmulator } from './server';
import type { CreatedTaskBehaviour } from './taskRules';

/** A report replacement is sent whole (a test's 9 MiB report fits); anything larger is refused. */
const MAX_CONTROL_BODY_BYTES = 32 * 1024 * 1024;

/** What GET /health answers: enough for a reloaded window to tell it is the process it started. */
export interface ControlHealth {
  readonly pid: number;
  readonly url: string;
  readonly scenario: string;
  readonly timeScale: number;
}

export interface ControlServerOptions {
  readonly emulator: FsxEmulator;
  /** The secret every request must carry as `Authorization: Bearer <token>`. */
  readonly token: string;
  readonly health: ControlHealth;
  /** POST /stop: called after the answer is sent. */
  readonly onStop: () => void;
}

type Args = readonly unknown[];
type Method = (emulator: FsxEmulator, args: Args, handles: Handles) => unknown;

/** The removers injectFault, denyBucket and replaceReport return, kept here under a number the caller can send back. */
class Handles {
  private next = 1;
  private readonly removers = new Map<number, () => void>();

  keep(remove: () => void): number {
    const handle = this.next++;
    this.removers.set(handle, remove);
    return handle;
  }

  remove(handle: unknown): void {
    if (typeof handle === 'number') {
      this.removers.get(handle)?.();
      this.removers.delete(handle);
    }
  }
}

/** The calls a remote caller may make: a fixed list, each handing JSON arguments to the emulator's own method. */
const METHODS: Readonly<Record<string, Method>> = {
  requestCounts: (emulator) => emulator.requestCounts(),
  totalRequests: (emulator) => emulator.totalRequests(),
  resetRequestCounts: (emulator) => emulator.resetRequestCounts(),
  reset: (emulator) => emulator.reset(),
  injectFault: (emulator, [spec], handles) => handles.keep(emulator.injectFault(spec as FaultSpec)),
  clearFaults: (emulator) => emulator.clearFaults(),
  remove: (_emulator, [handle], handles) => handles.remove(handle),
  'state.now': (emulator) => emulator.state.now(),
  'state.clear': (emulator) => emulator.state.clear(),
  'state.addTask': (emulator, [spec]) => emulator.state.addTask(spec as TaskSpec),
  'state.addTasks': (emulator, [specs]) => emulator.state.addTasks(specs as TaskSpec[]),
  'state.getTask': (emulator, [taskId]) => emulator.state.getTask(String(taskId)) ?? null,
  'state.getTaskPlan': (emulator, [taskId]) => emulator.state.getTaskPlan(String(taskId)) ?? null,
  'state.tasksOf': (emulator, [resourceId]) => emulator.state.tasksOf(String(resourceId)),
  // Moves where an ended task's report is said to be (a report FSx has not written there yet).
  'state.setTaskReport': (emulator, [taskId, report]) => {
    const plan = emulator.state.getTaskPlan(String(taskId)) as { report: unknown } | undefined;
    if (!plan) {
      throw new Error(`No task ${String(taskId)}.`);
    }
    plan.report = report as CompletionReport;
  },
  'state.endedTasks': (emulator) => emulator.state.endedTasks(),
  'state.markCancelRequested': (emulator, [taskId, at]) => emulator.state.markCancelRequested(String(taskId), Number(at)),
  'state.fileSystems': (emulator) => emulator.state.fileSystems(),
  'state.fileCaches': (emulator) => emulator.state.fileCaches(),
  'state.associationsOf': (emulator, [resourceId]) => emulator.state.associationsOf(String(resourceId)),
  'state.addFileSystem': (emulator, [spec]) => emulator.state.addFileSystem(spec as FileSystemSpec | undefined),
  'state.addFileCache': (emulator, [spec]) => emulator.state.addFileCache(spec as FileCacheSpec | undefined),
  'state.addAssociation': (emulator, [spec]) => emulator.state.addAssociation(spec as AssociationSpec),
  'taskRules.setCreatedTaskBehaviour': (emulator, [behaviour]) => emulator.taskRules.setCreatedTaskBehaviour((behaviour ?? undefined) as CreatedTaskBehaviour | undefined),
  'associationRules.setTiming': (emulator, [timing]) => emulator.associationRules.setTiming((timing ?? undefined) as Partial<AssociationTiming> | undefined),
  's3.injectFault': (emulator, [spec], handles) => handles.keep(emulator.s3.injectFault(spec as S3FaultSpec)),
  's3.denyBucket': (emulator, [bucket], handles) => handles.keep(emulator.s3.denyBucket(String(bucket))),
  's3.clearFaults': (emulator) => emulator.s3.clearFaults(),
  's3.requestCounts': (emulator) => emulator.s3.requestCounts(),
  's3.resetRequestCounts': (emulator) => emulator.s3.resetRequestCounts(),
  'logs.requestCounts': (emulator) => emulator.logs.requestCounts(),
  's3.replaceReport': (emulator, [taskId, chunks], handles) => {
    if (!Array.isArray(chunks) || !chunks.every((chunk) => typeof chunk === 'string')) {
      throw new TypeError('s3.replaceReport takes a task id and an array of strings.');
    }
    const buffers = chunks.map((chunk: string) => Buffer.from(chunk, 'utf8'));
    return handles.keep(emulator.s3.replaceReport(String(taskId), () => buffers));
  },
};

export const CONTROL_METHODS: readonly string[] = Object.keys(METHODS);

export class ControlServer {
  readonly url: string;
  private lastRequest = Date.now();

  private constructor(private readonly server: Server) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Listens on a free port of 127.0.0.1 (never another address). */
  static async start(options: ControlServerOptions): Promise<ControlServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const control = new ControlServer(server);
    const isOwnHost = ownHostCheck((server.address() as AddressInfo).port);
    const expected = Buffer.from(`Bearer ${options.token}`, 'utf8');
    const handles = new Handles();
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      control.lastRequest = Date.now();
      if (!isOwnHost(request.headers.host)) {
        refuseForeignHost(request, response);
        return;
      }
      if (!tokenMatches(request.headers.authorization, expected)) {
        request.resume();
        answer(response, 401, { error: 'This control endpoint needs the token of the process that owns it.' });
        return;
      }
      serveControl(request, response, options, handles).catch((error: unknown) => answer(response, 500, { error: (error as Error).message }));
    });
    return control;
  }

  /** When the last request reached this port (epoch ms). */
  get lastRequestAt(): number {
    return this.lastRequest;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function tokenMatches(given: string | undefined, expected: Buffer): boolean {
  const actual = Buffer.from(given ?? '', 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

async function serveControl(request: IncomingMessage, response: ServerResponse, options: ControlServerOptions, handles: Handles): Promise<void> {
  const path = (request.url ?? '').split('?')[0];
  if (request.method === 'GET' && path === '/health') {
    request.resume();
    answer(response, 200, options.health);
    return;
  }
  if (request.method === 'POST' && path === '/stop') {
    request.resume();
    answer(response, 200, { stopping: true }, options.onStop);
    return;
  }
  if (request.method !== 'POST' || path !== '/call') {
    request.resume();
    answer(response, 404, { error: 'GET /health, POST /stop or POST /call.' });
    return;
  }
  const body = await readJson(request);
  if (body === undefined) {
    answer(response, 400, { error: `The body must be JSON {"method", "args"} of at most ${MAX_CONTROL_BODY_BYTES} bytes.` });
    return;
  }
  const { method, args } = body as { method?: unknown; args?: unknown };
  const handler = typeof method === 'string' && Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!handler || (args !== undefined && !Array.isArray(args))) {
    answer(response, 400, { error: `Unknown method or arguments; the methods are ${CONTROL_METHODS.join(', ')}.` });
    return;
  }
  try {
    const result = handler(options.emulator, (args as Args | undefined) ?? [], handles);
    answer(response, 200, { result: result ?? null });
  } catch (error) {
    answer(response, 400, { error: (error as Error).message });
  }
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CONTROL_BODY_BYTES) {
        request.destroy();
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
    request.on('error', () => resolve(undefined));
  });
}

function answer(response: ServerResponse, status: number, body: unknown, after?: () => void): void {
  if (response.headersSent || response.destroyed) {
    return;
  }
  const payload = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), connection: 'close' });
  response.end(payload, after);
}
