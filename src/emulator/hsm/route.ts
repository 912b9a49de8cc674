// The sandbox's HSM questions on the emulator's port, beside FSx and S3: a path neither ever
// uses (FSx is `POST /` with X-Amz-Target; S3 is signed GET/HEAD), JSON in and out. The server
// checks the Host header before any route, so these answer only the emulator's own loopback
// address and port, like every other request.
//
//   POST /_sandbox/hsm/mount  {"root": "/abs/folder"}                 -> SandboxMountDescription
//   POST /_sandbox/hsm/state  {"fileSystemId": "fs-...", "paths": [...]} -> {"files": [SandboxFileState, ...]}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../route';
import { SandboxFiles, SandboxHsmError } from './sandboxFiles';

export const SANDBOX_HSM_PREFIX = '/_sandbox/hsm/';
/** A state question's paths at most (the product asks 100 at a time, as it runs lfs). */
export const STATE_PATHS_MAX = 1_000;
const BODY_MAX_BYTES = 1024 * 1024;

export class SandboxHsmRoute implements Route {
  constructor(readonly files: SandboxFiles) {}

  matches(request: IncomingMessage): boolean {
    return request.headers['x-amz-target'] === undefined && (request.url ?? '').startsWith(SANDBOX_HSM_PREFIX);
  }

  async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      if (request.method !== 'POST') {
        throw new SandboxHsmError(400, 'BadRequest', 'Only POST is served here.');
      }
      const body = await readJson(request);
      const operation = (request.url ?? '').slice(SANDBOX_HSM_PREFIX.length);
      switch (operation) {
        case 'mount':
          return reply(response, 200, await this.files.attach(stringField(body, 'root')));
        case 'state':
          return reply(response, 200, { files: await this.files.states(stringField(body, 'fileSystemId'), pathsField(body)) });
        case 'restore':
          return reply(response, 200, { files: await this.files.restore(stringField(body, 'fileSystemId'), pathsField(body)) });
        default:
          throw new SandboxHsmError(404, 'UnknownOperation', 'Unknown sandbox HSM operation.');
      }
    } catch (error) {
      if (error instanceof SandboxHsmError) {
        return reply(response, error.status, { __type: error.code, message: error.message });
      }
      throw error;
    }
  }

  reset(): void {
    this.files.reset();
  }
}

function pathsField(body: Record<string, unknown>): string[] {
  const paths = body.paths;
  if (!Array.isArray(paths) || paths.length > STATE_PATHS_MAX || !paths.every((path) => typeof path === 'string')) {
    throw new SandboxHsmError(400, 'BadRequest', `paths must be a list of at most ${STATE_PATHS_MAX} strings.`);
  }
  return paths as string[];
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') {
    throw new SandboxHsmError(400, 'BadRequest', `${name} must be a non-empty string.`);
  }
  return value;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_MAX_BYTES) {
      throw new SandboxHsmError(400, 'BadRequest', 'The request body is too large.');
    }
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SandboxHsmError(400, 'BadRequest', 'The request body is not JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SandboxHsmError(400, 'BadRequest', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
