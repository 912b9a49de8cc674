// A task's completion report, generated when it is read: the same task always gives the same
// bytes (seeded by its id), rows = FailedCount, and it is produced in chunks so that a report
// of a million rows is streamed, never held in memory.
// Format (FSx user guide, "Working with task completion reports"): no header; FilePath,
// FileStatus, ErrorCode; RFC 4180 quoting; a path starting with @ + - = is first wrapped in
// double quotes (so `@a` is written `"""@a"""`).

import { createHash } from 'node:crypto';
import { Random } from '../random';
import type { EndedTask } from './reportSource';

export const REPORT_ERROR_CODES = ['PathSizeTooLong', 'FileSizeTooLarge', 'S3AccessDenied', 'S3Error', 'ResourceBusy', 'InternalError'] as const;
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];

export interface ReportRow {
  readonly path: string;
  readonly status: 'failed';
  readonly errorCode: ReportErrorCode;
}

/** The part of a task a report is generated from. */
export type ReportInput = Pick<EndedTask, 'taskId' | 'type' | 'failedCount' | 'paths' | 'failureMessage'>;

const CHUNK_CHARS = 64 * 1024;
/** FSx refuses S3 keys over 1,024 bytes (with the prefix). */
const MAX_KEY_BYTES = 1024;

/** One CSV field, quoted as FSx does. */
export function encodeReportField(value: string): string {
  const wrapped = /^[@+\-=]/.test(value) ? `"${value}"` : value;
  return /[",\r\n]/.test(wrapped) ? `"${wrapped.replace(/"/g, '""')}"` : wrapped;
}

export function reportLine(row: ReportRow): string {
  return `${encodeReportField(row.path)},${row.status},${row.errorCode}\n`;
}

// Names a person would not expect a CSV to survive: the @+-= rule, commas, quotes.
const AWKWARD_NAMES: readonly ((i: number) => string)[] = [
  (i) => `@mentions-${i}.txt`,
  (i) => `results, final-${i}.csv`,
  (i) => `-v2 "approved"-${i}.exr`,
  (i) => `=SUM(A1,A2)-${i}.xlsx`,
  (i) => `+draft-${i}.md`,
];
const STEMS = ['sample', 'frame', 'shard', 'checkpoint', 'part', 'reads'];
const EXTENSIONS = ['.bam', '.exr', '.parquet', '.pt', '.log', '.fastq.gz'];
const SUBDIRS = ['', 'batch-07/', 'run-2/', 'tmp/', 'lane_3/'];
/** After the first few rows, one awkward name every this many. */
const AWKWARD_EVERY = 997;

export function* reportRows(task: ReportInput): Generator<ReportRow> {
  const random = new Random(seedOf(task.taskId));
  const bases = baseDirectories(task);
  const codes = codeWeights(task);
  for (let i = 0; i < task.failedCount; i++) {
    const awkward = i >= 1 && i <= AWKWARD_NAMES.length ? i - 1 : i > 0 && i % AWKWARD_EVERY === 0 ? (i / AWKWARD_EVERY) % AWKWARD_NAMES.length : -1;
    const errorCode = pickWeighted(random, codes);
    const base = random.pick(bases);
    let path: string;
    if (awkward >= 0) {
      path = AWKWARD_NAMES[awkward](i);
    } else if (errorCode === 'PathSizeTooLong') {
      path = `${base}${'very-deeply-nested-directory/'.repeat(Math.ceil(MAX_KEY_BYTES / 29))}${random.pick(STEMS)}-${pad(i)}${random.pick(EXTENSIONS)}`;
    } else {
      path = `${base}${random.pick(SUBDIRS)}${random.pick(STEMS)}-${pad(i)}${random.pick(EXTENSIONS)}`;
    }
    yield { path, status: 'failed', errorCode };
  }
}

/** The report as UTF-8 chunks of about 64 KiB. */
export function* reportChunks(task: ReportInput): Generator<Buffer> {
  let text = '';
  for (const row of reportRows(task)) {
    text += reportLine(row);
    if (text.length >= CHUNK_CHARS) {
      yield Buffer.from(text, 'utf8');
      text = '';
    }
  }
  if (text.length > 0) {
    yield Buffer.from(text, 'utf8');
  }
}

/** Bytes [start, end] (inclusive) of a chunk stream. */
export function* sliceChunks(chunks: Iterable<Buffer>, start: number, end: number): Generator<Buffer> {
  let offset = 0;
  for (const chunk of chunks) {
    const chunkEnd = offset + chunk.length;
    if (chunkEnd > start && offset <= end) {
      yield chunk.subarray(Math.max(0, start - offset), Math.min(chunk.length, end + 1 - offset));
    }
    offset = chunkEnd;
    if (offset > end) {
      return;
    }
  }
}

export interface ReportDigest {
  readonly size: number;
  /** Quoted MD5 hex, as S3 gives a single-part object's ETag. */
  readonly etag: string;
}

/** Size and ETag need one pass over the report; remember them for the last few reports. */
export class ReportDigests {
  private readonly cache = new Map<string, ReportDigest>();

  constructor(private readonly capacity = 256) {}

  of(task: ReportInput): ReportDigest {
    // Everything the content depends on (a reset may reuse an id for another task).
    const cacheKey = JSON.stringify([task.taskId, task.type, task.failedCount, task.paths, task.failureMessage ?? '']);
    const cached = this.cache.get(cacheKey);
    if (cached) {
      // Most recently used last.
      this.cache.delete(cacheKey);
      this.cache.set(cacheKey, cached);
      return cached;
    }
    const digest = digestOfChunks(reportChunks(task));
    this.cache.set(cacheKey, digest);
    if (this.cache.size > this.capacity) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    return digest;
  }
}

/** Size and ETag of an object given as chunks, in one pass. */
export function digestOfChunks(chunks: Iterable<Buffer>): ReportDigest {
  const hash = createHash('md5');
  let size = 0;
  for (const chunk of chunks) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, etag: `"${hash.digest('hex')}"` };
}

function pad(i: number): string {
  return String(i).padStart(6, '0');
}

function seedOf(text: string): number {
  // FNV-1a: a stable 32-bit seed from the task id.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** Where the failed files lie: under the task's paths, or anywhere when it had none. */
function baseDirectories(task: ReportInput): string[] {
  const bases = task.paths
    .map((path) => path.replace(/^s3:\/\/[^/]+\/?/, '').replace(/^\/+/, '').replace(/\/*$/, '/'))
    .filter((path) => path !== '/');
  return bases.length > 0 ? bases : ['data/', 'results/', ''];
}

type Weights = readonly (readonly [ReportErrorCode, number])[];

/** Mostly the cause the failure message names, with some background noise. */
function codeWeights(task: ReportInput): Weights {
  const message = task.failureMessage ?? '';
  const dominant: ReportErrorCode | undefined = /access denied|denies/i.test(message)
    ? 'S3AccessDenied'
    : /1,024|too long/i.test(message)
      ? 'PathSizeTooLong'
      : /5 TiB|too large/i.test(message)
        ? 'FileSizeTooLarge'
        : /busy|in use/i.test(message)
          ? 'ResourceBusy'
          : undefined;
  const background: Weights =
    task.type === 'EXPORT_TO_REPOSITORY'
      ? [['S3AccessDenied', 30], ['S3Error', 30], ['ResourceBusy', 20], ['FileSizeTooLarge', 10], ['InternalError', 10], ['PathSizeTooLong', 1]]
      : task.type === 'IMPORT_METADATA_FROM_REPOSITORY'
        ? [['S3AccessDenied', 30], ['S3Error', 30], ['InternalError', 10], ['PathSizeTooLong', 1]]
        : [['ResourceBusy', 40], ['S3Error', 10], ['InternalError', 10]];
  return dominant === undefined ? background : [[dominant, 300], ...background];
}

function pickWeighted(random: Random, weights: Weights): ReportErrorCode {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [code, weight] of weights) {
    roll -= weight;
    if (roll < 0) {
      return code;
    }
  }
  return weights[weights.length - 1][0];
}
