// The S3 side of the emulator: path-style REST-XML GetObject, HeadObject, ListObjectsV2,
// HeadBucket and ListBuckets over the completion reports of ended tasks. Read-only: FSx writes
// the reports, the extension reads them. Served on the FSx emulator's own port (see server.ts).

import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ACCOUNT_ID, REGION } from '../apiModel';
import { S3Error, element, errorXml, invalidArgument, noSuchBucket, noSuchKey } from './errors';
import { S3Faults, S3_OPERATION_NAMES, type S3FaultSpec, type S3OperationName } from './faults';
import { decodeCursor, encodeCursor, listPage } from './listing';
import { reportLocation, taskIdOfReportKey } from './location';
import { ReportDigests, digestOfChunks, reportChunks, sliceChunks, type ReportDigest } from './reports';
import type { EndedTask, ReportSource } from './reportSource';
import type { Route } from '../route';

export interface S3RequestLogEntry {
  /** `S3.GetObject` and so on, or `S3.-` for a request no operation matched. */
  readonly operation: string;
  readonly status: number;
  readonly errorCode?: string;
  readonly ms: number;
  readonly requestId: string;
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
const MAX_LIST_KEYS = 1000;
const S3_SCOPE = /\/s3\/aws4_request\b/;
/** S3 gives no creation date we know of; a fixed one keeps answers deterministic. */
const BUCKET_CREATION_DATE = '2024-01-02T03:04:05.000Z';

interface S3Request {
  readonly operation: S3OperationName | undefined;
  readonly bucket?: string;
  readonly key?: string;
  readonly query: URLSearchParams;
}

interface ReportObject {
  readonly key: string;
  readonly task: EndedTask;
}

export class S3Service implements Route {
  private readonly faults = new S3Faults();
  /** Report contents that replace the generated ones, by task id (replaceReport). */
  private readonly replaced = new Map<string, { readonly chunks: () => Iterable<Buffer>; digest?: ReportDigest }>();
  private digests = new ReportDigests();
  private counts = zeroCounts();

  constructor(
    private readonly source: ReportSource,
    private readonly onRequest?: (entry: S3RequestLogEntry) => void,
    /** The emulator's sleep, which its close() cuts short. */
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /**
   * Whether a request is for S3: GET or HEAD without X-Amz-Target (FSx is always POST / with
   * it), signed for the s3 service (SigV4 credential scope `.../s3/aws4_request`, in the
   * Authorization header or a presigned URL). Unsigned requests are left to other routes.
   */
  matches(request: IncomingMessage): boolean {
    if (request.headers['x-amz-target'] !== undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return false;
    }
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string') {
      return S3_SCOPE.test(authorization);
    }
    const url = request.url ?? '';
    const mark = url.indexOf('?');
    const credential = mark < 0 ? null : new URLSearchParams(url.slice(mark + 1)).get('X-Amz-Credential');
    return credential !== null && S3_SCOPE.test(credential);
  }

  injectFault(spec: S3FaultSpec): () => void {
    return this.faults.add(spec);
  }

  /** AccessDenied on every request for this bucket, until the returned function is called. */
  denyBucket(bucket: string): () => void {
    return this.faults.add({ kind: 'accessDenied', bucket });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  requestCounts(): Record<S3OperationName, number> {
    return { ...this.counts };
  }

  resetRequestCounts(): void {
    this.counts = zeroCounts();
  }

  /**
   * Serves these bytes as the task's report instead of the generated rows, until the returned
   * function is called: a damaged or hostile report (an oversized record, markup in paths). The
   * function is called once per read, so the content may be generated as it streams.
   */
  replaceReport(taskId: string, chunks: () => Iterable<Buffer>): () => void {
    const replacement = { chunks };
    this.replaced.set(taskId, replacement);
    return () => {
      if (this.replaced.get(taskId) === replacement) {
        this.replaced.delete(taskId);
      }
    };
  }

  /** FsxEmulator.reset(): no faults, zero counts, nothing remembered about reports. */
  reset(): void {
    this.replaced.clear();
    this.clearFaults();
    this.resetRequestCounts();
    this.digests = new ReportDigests();
  }

  /** The report objects of a bucket, sorted by key (what ListObjectsV2 pages over). */
  reportObjects(bucket: string): ReportObject[] {
    const objects: ReportObject[] = [];
    for (const task of this.source.reportedTasks()) {
      const location = task.failedCount > 0 ? reportLocation(task) : undefined;
      if (location?.bucket === bucket) {
        objects.push({ key: location.key, task });
      }
    }
    return objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    const route = routeOf(request);
    if (route.operation) {
      this.counts[route.operation] += 1;
    }
    const log = (status: number, errorCode?: string): void =>
      this.onRequest?.({ operation: `S3.${route.operation ?? '-'}`, status, errorCode, ms: Math.round(performance.now() - started), requestId });
    request.resume();
    const headers: Record<string, string | number> = {
      'x-amz-request-id': requestId,
      'x-amz-id-2': randomUUID(),
    };
    try {
      if (!route.operation) {
        throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
      }
      const decision = this.faults.decide(route.operation, route.bucket);
      if (decision.delayMs > 0) {
        await this.sleep(decision.delayMs);
      }
      if (decision.drop) {
        request.socket.destroy();
        log(0);
        return;
      }
      if (decision.error) {
        throw decision.error;
      }
      const status = await this.answer(route, request, response, headers);
      log(status);
    } catch (error) {
      const s3Error = error instanceof S3Error ? error : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
      if (!response.headersSent) {
        const body = request.method === 'HEAD' ? '' : errorXml(s3Error, requestId);
        response.writeHead(s3Error.status, { ...headers, 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      } else {
        response.destroy();
      }
      log(s3Error.status, s3Error.code);
    }
  }

  private async answer(route: S3Request, request: IncomingMessage, response: ServerResponse, headers: Record<string, string | number>): Promise<number> {
    const bucket = route.bucket ?? '';
    switch (route.operation) {
      case 'ListBuckets':
        return sendXml(response, headers, this.listBuckets());
      case 'HeadBucket':
        this.requireBucket(bucket);
        response.writeHead(200, { ...headers, 'x-amz-bucket-region': REGION });
        response.end();
        return 200;
      case 'ListObjectsV2':
        this.requireBucket(bucket);
        return sendXml(response, headers, this.listObjects(bucket, route.query));
      case 'GetObject':
      case 'HeadObject':
        return this.sendObject(this.findObject(bucket, route.key ?? ''), request, response, headers);
      case undefined:
        throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  }

  private requireBucket(bucket: string): void {
    if (!this.source.bucketNames().has(bucket)) {
      throw noSuchBucket(bucket);
    }
  }

  private findObject(bucket: string, key: string): EndedTask {
    const taskId = taskIdOfReportKey(key);
    const task = taskId === undefined ? undefined : this.source.endedTask(taskId);
    const location = task && task.failedCount > 0 ? reportLocation(task) : undefined;
    if (task && location?.bucket === bucket && location.key === key) {
      return task;
    }
    this.requireBucket(bucket);
    throw noSuchKey(key);
  }

  private chunksOf(task: EndedTask): Iterable<Buffer> {
    return this.replaced.get(task.taskId)?.chunks() ?? reportChunks(task);
  }

  /** Size and ETag, computed once per report: generating and hashing one can mean 100 MiB. */
  private digestOf(task: EndedTask): ReportDigest {
    const replaced = this.replaced.get(task.taskId);
    if (!replaced) {
      return this.digests.of(task);
    }
    replaced.digest ??= digestOfChunks(replaced.chunks());
    return replaced.digest;
  }

  private async sendObject(task: EndedTask, request: IncomingMessage, response: ServerResponse, headers: Record<string, string | number>): Promise<number> {
    const { size, etag } = this.digestOf(task);
    const objectHeaders = {
      ...headers,
      'content-type': 'text/csv',
      etag,
      'last-modified': new Date(task.endTime).toUTCString(),
      'accept-ranges': 'bytes',
    };
    const range = parseRange(request.headers.range, size);
    if (range === 'unsatisfiable') {
      throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', { RangeRequested: String(request.headers.range), ActualObjectSize: String(size) });
    }
    const [start, end] = range ?? [0, size - 1];
    const status = range ? 206 : 200;
    response.writeHead(status, {
      ...objectHeaders,
      'content-length': Math.max(0, end - start + 1),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (request.method === 'HEAD') {
      response.end();
      return status;
    }
    const chunks = range ? sliceChunks(this.chunksOf(task), start, end) : this.chunksOf(task);
    // A reader that goes away mid-stream is not our error; the socket is already gone.
    await pipeline(Readable.from(chunks), response).catch(() => undefined);
    return status;
  }

  private listBuckets(): string {
    const buckets = [...this.source.bucketNames()]
      .sort()
      .map((name) => `<Bucket>${element('Name', name)}${element('CreationDate', BUCKET_CREATION_DATE)}</Bucket>`)
      .join('');
    return `<ListAllMyBucketsResult xmlns="${S3_NAMESPACE}"><Owner>${element('ID', ACCOUNT_ID)}${element('DisplayName', 'sandbox')}</Owner><Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`;
  }

  private listObjects(bucket: string, query: URLSearchParams): string {
    const prefix = query.get('prefix') ?? '';
    const delimiter = query.get('delimiter') ?? '';
    const startAfter = query.get('start-after') ?? '';
    const urlEncoded = query.get('encoding-type') === 'url';
    const maxKeysText = query.get('max-keys') ?? String(MAX_LIST_KEYS);
    if (!/^\d{1,10}$/.test(maxKeysText)) {
      throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', maxKeysText);
    }
    const maxKeys = Number(maxKeysText);
    const token = query.get('continuation-token');
    const objects = this.reportObjects(bucket);
    const tasksByKey = new Map(objects.map((object) => [object.key, object.task]));
    const page = listPage(tasksByKey.keys(), {
      prefix,
      delimiter,
      startAfter,
      maxKeys: Math.min(maxKeys, MAX_LIST_KEYS),
      cursor: token === null ? undefined : decodeCursor(token),
    });
    // With encoding-type=url (the AWS CLI asks for it) keys come back percent-encoded.
    const encode = (text: string): string => (urlEncoded ? encodeURIComponent(text).replace(/%2F/g, '/') : text);
    const contents = page.keys.map((key) => {
      const task = tasksByKey.get(key) as EndedTask;
      const { size, etag } = this.digestOf(task);
      return `<Contents>${element('Key', encode(key))}${element('LastModified', new Date(task.endTime).toISOString())}${element('ETag', etag)}${element('Size', size)}${element('StorageClass', 'STANDARD')}</Contents>`;
    });
    const common = page.commonPrefixes.map((prefixText) => `<CommonPrefixes>${element('Prefix', encode(prefixText))}</CommonPrefixes>`);
    return [
      `<ListBucketResult xmlns="${S3_NAMESPACE}">`,
      element('Name', bucket),
      element('Prefix', encode(prefix)),
      delimiter === '' ? '' : element('Delimiter', encode(delimiter)),
      element('MaxKeys', maxKeys),
      element('KeyCount', page.keys.length + page.commonPrefixes.length),
      element('IsTruncated', page.next !== undefined),
      token === null ? '' : element('ContinuationToken', token),
      page.next === undefined ? '' : element('NextContinuationToken', encodeCursor(page.next)),
      startAfter === '' ? '' : element('StartAfter', encode(startAfter)),
      urlEncoded ? element('EncodingType', 'url') : '',
      ...contents,
      ...common,
      '</ListBucketResult>',
    ].join('');
  }
}

function routeOf(request: IncomingMessage): S3Request {
  const raw = request.url ?? '/';
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const query = new URLSearchParams(mark < 0 ? '' : raw.slice(mark + 1));
  const slash = path.indexOf('/', 1);
  let bucket: string;
  let key: string;
  try {
    bucket = decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash));
    key = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1));
  } catch {
    return { operation: undefined, query };
  }
  const get = request.method === 'GET';
  if (bucket === '') {
    return { operation: get ? 'ListBuckets' : undefined, query };
  }
  if (key === '') {
    if (!get) {
      return { operation: 'HeadBucket', bucket, query };
    }
    return { operation: query.get('list-type') === '2' ? 'ListObjectsV2' : undefined, bucket, query };
  }
  return { operation: get ? 'GetObject' : 'HeadObject', bucket, key, query };
}

/** One `bytes=` range: [start, end] inclusive; undefined for none (or one S3 ignores). */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) {
    return undefined;
  }
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) {
    return undefined;
  }
  return start >= size ? 'unsatisfiable' : [start, end];
}

function sendXml(response: ServerResponse, headers: Record<string, string | number>, xml: string): number {
  const body = Buffer.from(XML_HEADER + xml, 'utf8');
  response.writeHead(200, { ...headers, 'content-type': 'application/xml', 'content-length': body.length });
  response.end(body);
  return 200;
}

function zeroCounts(): Record<S3OperationName, number> {
  return Object.fromEntries(S3_OPERATION_NAMES.map((name) => [name, 0])) as Record<S3OperationName, number>;
}
