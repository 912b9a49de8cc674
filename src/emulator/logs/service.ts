// The CloudWatch Logs API on the emulator's port: awsJson 1.1, `X-Amz-Target:
// Logs_20140328.<Operation>`, signing name `logs`. FilterLogEvents (what the extension and
// `aws logs filter-log-events` call), DescribeLogStreams and DescribeLogGroups, over the store's
// log groups, with paging, the modelled errors and injectable faults. A Route (see ../route.ts).

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TextDecoder } from 'node:util';
import { ACCOUNT_ID, REGION } from '../apiModel';
import type { Route } from '../route';
import { MAX_FILTER_EVENTS, type FilterQuery, type LogGroups } from './logGroups';

export const LOGS_TARGET_PREFIX = 'Logs_20140328.';
export const LOGS_OPERATION_NAMES = ['FilterLogEvents', 'DescribeLogStreams', 'DescribeLogGroups'] as const;
export type LogsOperationName = (typeof LOGS_OPERATION_NAMES)[number];

/**
 * Events per FilterLogEvents page when the caller asks for more: the service stops a page at
 * 1 MB or 10,000 events; an FSx event is about 500 bytes, so about 2,000 fit in 1 MB.
 */
export const DEFAULT_LOGS_PAGE_EVENTS = 2_000;
const MAX_BODY_BYTES = 1024 * 1024;
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

export interface LogsFaultSpec {
  /** Default every operation. */
  readonly operation?: LogsOperationName;
  /** drop: the connection is closed without an answer; the others answer that error. */
  readonly kind: 'drop' | 'throttle' | 'accessDenied';
  /** How many requests it applies to; default every one until removed. */
  readonly count?: number;
}

export interface LogsRequestLogEntry {
  readonly operation: string;
  readonly status: number;
  readonly errorCode?: string;
  readonly ms: number;
  readonly requestId: string;
}

class LogsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export class LogsService implements Route {
  private readonly faults: { spec: LogsFaultSpec; left: number }[] = [];
  private counts = new Map<string, number>();
  /** Events per page at most (DEFAULT_LOGS_PAGE_EVENTS); tests lower it to see paging. */
  pageEvents = DEFAULT_LOGS_PAGE_EVENTS;

  constructor(
    private readonly groups: () => LogGroups,
    private readonly onRequest?: (entry: LogsRequestLogEntry) => void,
  ) {}

  /** POST with a CloudWatch Logs X-Amz-Target (FSx's is AWSSimbaAPIService_v20180301.*). */
  matches(request: IncomingMessage): boolean {
    const target = request.headers['x-amz-target'];
    return request.method === 'POST' && typeof target === 'string' && target.startsWith(LOGS_TARGET_PREFIX);
  }

  injectFault(spec: LogsFaultSpec): () => void {
    const entry = { spec, left: spec.count ?? Number.POSITIVE_INFINITY };
    this.faults.push(entry);
    return () => {
      const index = this.faults.indexOf(entry);
      if (index >= 0) {
        this.faults.splice(index, 1);
      }
    };
  }

  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.faults.length = 0;
    this.counts = new Map();
    this.pageEvents = DEFAULT_LOGS_PAGE_EVENTS;
  }

  async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const operation = String(request.headers['x-amz-target']).slice(LOGS_TARGET_PREFIX.length);
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
    const log = (status: number, errorCode?: string) => this.onRequest?.({ operation: `Logs.${operation}`, status, errorCode, ms: Math.round(performance.now() - started), requestId });
    const body = await readBody(request);
    const fault = this.takeFault(operation);
    if (body === undefined || fault === 'drop') {
      request.socket.destroy();
      log(0);
      return;
    }
    let status = 200;
    let answer: unknown;
    let errorCode: string | undefined;
    try {
      if (fault === 'throttle') {
        throw new LogsError('ThrottlingException', 'Rate exceeded');
      }
      if (fault === 'accessDenied') {
        throw new LogsError('AccessDeniedException', `User: arn:aws:iam::${ACCOUNT_ID}:user/sandbox is not authorized to perform: logs:${operation}`);
      }
      answer = this.handle(operation, request, body);
    } catch (error) {
      const logsError = error instanceof LogsError ? error : new LogsError('ServiceUnavailableException', 'The service cannot complete the request.', 500);
      status = logsError.status;
      errorCode = logsError.code;
      answer = { __type: logsError.code, message: logsError.message };
    }
    const text = JSON.stringify(answer);
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': requestId,
      ...(errorCode ? { 'x-amzn-errortype': errorCode } : {}),
    });
    response.end(text);
    log(status, errorCode);
  }

  private takeFault(operation: string): LogsFaultSpec['kind'] | undefined {
    const entry = this.faults.find(({ spec, left }) => left > 0 && (spec.operation === undefined || spec.operation === operation));
    if (!entry) {
      return undefined;
    }
    entry.left -= 1;
    return entry.spec.kind;
  }

  private handle(operation: string, request: IncomingMessage, body: Buffer): unknown {
    if (!request.headers.authorization) {
      throw new LogsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
    }
    if (!(LOGS_OPERATION_NAMES as readonly string[]).includes(operation)) {
      throw new LogsError('UnknownOperationException', `The emulator does not implement ${operation}.`);
    }
    const input = parseInput(body);
    switch (operation as LogsOperationName) {
      case 'FilterLogEvents':
        return this.filterLogEvents(input);
      case 'DescribeLogStreams':
        return this.describeLogStreams(input);
      case 'DescribeLogGroups':
        return this.describeLogGroups(input);
    }
  }

  private filterLogEvents(input: Record<string, unknown>): unknown {
    const groupName = groupOf(input);
    const streamNames = optionalStrings(input, 'logStreamNames', 100);
    const prefix = optionalString(input, 'logStreamNamePrefix', 512);
    if (streamNames && prefix !== undefined) {
      throw new LogsError('InvalidParameterException', 'logStreamNames and logStreamNamePrefix are mutually exclusive.');
    }
    const pattern = optionalString(input, 'filterPattern', 1024);
    if (pattern !== undefined && /^\s*[{[]/.test(pattern)) {
      throw new LogsError('InvalidParameterException', 'The emulator supports term filter patterns only (words or "quoted phrases").');
    }
    const query: FilterQuery = {
      logStreamNames: streamNames,
      logStreamNamePrefix: prefix,
      startTime: optionalTime(input, 'startTime'),
      endTime: optionalTime(input, 'endTime'),
      filterPattern: pattern,
    };
    const limit = optionalInteger(input, 'limit', 1, MAX_FILTER_EVENTS) ?? MAX_FILTER_EVENTS;
    const events = this.groups().filter(groupName, query);
    if (!events) {
      throw new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
    }
    const key = JSON.stringify([groupName, query]);
    const offset = readToken(input, key);
    const size = Math.min(limit, this.pageEvents);
    const page = events.slice(offset, offset + size);
    const next = offset + page.length;
    return {
      events: page.map(({ logStreamName, timestamp, message, ingestionTime, eventId }) => ({ logStreamName, timestamp, message, ingestionTime, eventId })),
      searchedLogStreams: [],
      ...(next < events.length ? { nextToken: writeToken(key, next) } : {}),
    };
  }

  private describeLogStreams(input: Record<string, unknown>): unknown {
    const groupName = groupOf(input);
    if (!this.groups().has(groupName)) {
      throw new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
    }
    const prefix = optionalString(input, 'logStreamNamePrefix', 512);
    const limit = optionalInteger(input, 'limit', 1, 50) ?? 50;
    const streams = this.groups()
      .streams(groupName)
      .filter((stream) => prefix === undefined || stream.logStreamName.startsWith(prefix));
    const key = JSON.stringify(['streams', groupName, prefix ?? '']);
    const offset = readToken(input, key);
    const page = streams.slice(offset, offset + limit);
    const next = offset + page.length;
    return {
      logStreams: page.map((stream) => ({ ...stream, arn: `${groupArn(groupName)}:log-stream:${stream.logStreamName}`, storedBytes: 0 })),
      ...(next < streams.length ? { nextToken: writeToken(key, next) } : {}),
    };
  }

  private describeLogGroups(input: Record<string, unknown>): unknown {
    const prefix = optionalString(input, 'logGroupNamePrefix', 512);
    const names = this.groups()
      .groupNames()
      .filter((name) => prefix === undefined || name.startsWith(prefix));
    return { logGroups: names.map((logGroupName) => ({ logGroupName, arn: `${groupArn(logGroupName)}:*`, logGroupArn: groupArn(logGroupName), storedBytes: 0 })) };
  }
}

function groupArn(groupName: string): string {
  return `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${groupName}`;
}

/** logGroupName or logGroupIdentifier (a name or an ARN, with or without `:*`), exactly one. */
function groupOf(input: Record<string, unknown>): string {
  const name = optionalString(input, 'logGroupName', 512);
  const identifier = optionalString(input, 'logGroupIdentifier', 2048);
  if ((name === undefined) === (identifier === undefined)) {
    throw new LogsError('InvalidParameterException', 'Specify exactly one of logGroupName and logGroupIdentifier.');
  }
  let group = name ?? identifier!;
  if (identifier?.startsWith('arn:')) {
    const at = identifier.indexOf(':log-group:');
    group = at < 0 ? '' : identifier.slice(at + ':log-group:'.length).replace(/:\*$/, '');
  }
  if (!GROUP_NAME.test(group)) {
    throw new LogsError('InvalidParameterException', 'The log group name or identifier is not valid.');
  }
  return group;
}

function parseInput(body: Buffer): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new LogsError('SerializationException', 'The request body is not valid UTF-8.');
  }
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new LogsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new LogsError('SerializationException', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function optionalString(input: Record<string, unknown>, name: string, max: number): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || value.length < 1 || value.length > max) {
    throw new LogsError('InvalidParameterException', `${name} must be a string of 1 to ${max} characters.`);
  }
  return value;
}

function optionalStrings(input: Record<string, unknown>, name: string, max: number): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value) || value.length < 1 || value.length > max || !value.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new LogsError('InvalidParameterException', `${name} must hold 1 to ${max} names.`);
  }
  return value as string[];
}

function optionalInteger(input: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new LogsError('InvalidParameterException', `${name} must be an integer from ${min} to ${max}.`);
  }
  return value;
}

function optionalTime(input: Record<string, unknown>, name: string): number | undefined {
  return optionalInteger(input, name, 0, Number.MAX_SAFE_INTEGER);
}

function readToken(input: Record<string, unknown>, key: string): number {
  const token = optionalString(input, 'nextToken', 4096);
  if (token === undefined) {
    return 0;
  }
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; o?: unknown };
    if (decoded.k === key && typeof decoded.o === 'number' && Number.isInteger(decoded.o) && decoded.o >= 0) {
      return decoded.o;
    }
  } catch {
    // Falls through to the refusal.
  }
  throw new LogsError('InvalidParameterException', 'The specified nextToken is invalid.');
}

function writeToken(key: string, offset: number): string {
  return Buffer.from(JSON.stringify({ k: key, o: offset }), 'utf8').toString('base64url');
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.destroy();
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => resolve(undefined));
    request.on('close', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
  });
}
