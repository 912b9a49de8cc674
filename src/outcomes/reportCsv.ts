// Streams a task completion report (REPORT_CSV_20191124) into a summary whose size does not
// depend on the report's: counts per error code, the total, and the first rows, bounded in
// number and in characters (they become a webview page). Reading stops at a byte cap, and at a
// record longer than any report line can be, saying which: never a silent truncation. The format is
// RFC 4180 with three columns, FilePath, FileStatus, ErrorCode, and no header row; FSx also
// wraps a path that begins with @ + - = in an extra pair of quotes (against formula injection),
// so `@a.txt` arrives as `"""@a.txt"""`. csv-parse does the RFC part.
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

export interface ReportRow {
  /** The path on the file system, relative to its root, as FSx wrote it (decoded). */
  readonly filePath: string;
  /** `failed` in FAILED_FILES_ONLY reports. */
  readonly fileStatus: string;
  /** PathSizeTooLong, S3AccessDenied, ...; see catalog.ts. */
  readonly errorCode: string;
}

export interface ErrorCodeCount {
  readonly code: string;
  readonly count: number;
}

export interface ReportSummary {
  /** Every row of the report (a header row, if any, not counted). */
  readonly totalRows: number;
  /** Most frequent first; codes beyond `maxDistinctCodes` are counted under OVERFLOW_CODE. */
  readonly byErrorCode: readonly ErrorCodeCount[];
  /** The first `keepRows` rows, in report order. */
  readonly rows: readonly ReportRow[];
  /** True when the report has more rows than `rows` holds. */
  readonly rowsTruncated: boolean;
  /** Records that were not CSV or had fewer than three fields: left out of every count. */
  readonly malformedRows: number;
  /** The report began with a FilePath,FileStatus,ErrorCode header (FSx writes none today). */
  readonly hadHeader: boolean;
  /** Bytes read (all of the report unless `cut` says otherwise). */
  readonly bytes: number;
  /** Set when reading stopped before the end of the report: the counts cover what came before. */
  readonly cut?: ReportCut;
}

/** Why reading stopped early. */
export type ReportCut =
  /** The report is larger than `maxBytes`; the rows in the first `maxBytes` are counted. */
  | { readonly reason: 'byteCap'; readonly maxBytes: number }
  /** Record number `row` (1-based, in the file) is longer than `maxRecordBytes`: no report line is. */
  | { readonly reason: 'oversizedRecord'; readonly row: number; readonly maxRecordBytes: number };

export interface SummariseOptions {
  /** How many rows to keep for display; 1,000 by default. Every row is counted regardless. */
  readonly keepRows?: number;
  /**
   * The kept rows' paths and codes together hold at most this many characters (1 Mi by default),
   * so the page built from them stays a few MiB whatever the paths are.
   */
  readonly keepChars?: number;
  /** Read at most this many bytes of the report (REPORT_MAX_BYTES by default). */
  readonly maxBytes?: number;
  /** Bounds the per-code map against a report that is not what it claims to be; 100 by default. */
  readonly maxDistinctCodes?: number;
  readonly signal?: AbortSignal;
  /** Sees every counted row, in report order, kept or not (Retry Failed Files collects from it). */
  readonly onRow?: (row: ReportRow) => void;
}

export const DEFAULT_KEEP_ROWS = 1_000;
export const DEFAULT_KEEP_CHARS = 1024 * 1024;
/**
 * Counting goes on past the kept rows up to this many bytes (about 2.5 million rows of usual
 * paths, a few seconds); beyond it the page says reading stopped at this size.
 */
export const REPORT_MAX_BYTES = 256 * 1024 * 1024;
export const OVERFLOW_CODE = '(other codes)';
const DEFAULT_MAX_DISTINCT_CODES = 100;
// A Lustre path is at most 4,096 bytes; a record far beyond that is not a report line.
export const MAX_RECORD_BYTES = 64 * 1024;
const HEADER = ['filepath', 'filestatus', 'errorcode'];
// The anti-formula wrapping FSx applies to paths beginning with @ + - = (the docs say "single
// quotation marks" and show double ones; accept both).
const WRAPPED_FORMULA_PATH = /^(["'])([@+\-=][\s\S]*)\1$/;

/** A report path as the file system names it: the anti-formula quotes removed. */
export function decodeReportPath(value: string): string {
  const wrapped = WRAPPED_FORMULA_PATH.exec(value);
  return wrapped ? wrapped[2] : value;
}

/** What S3 GetObject's Body is in Node (a Readable), or any other (async) iterable of bytes or text. */
export type ReportSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Reads the report once (up to `maxBytes`), keeping only counts and the first rows in memory. */
export async function summariseReport(source: ReportSource, options: SummariseOptions = {}): Promise<ReportSummary> {
  const keepRows = Math.max(0, options.keepRows ?? DEFAULT_KEEP_ROWS);
  let charsLeft = Math.max(0, options.keepChars ?? DEFAULT_KEEP_CHARS);
  const maxDistinctCodes = Math.max(1, options.maxDistinctCodes ?? DEFAULT_MAX_DISTINCT_CODES);
  const reading = new CappedReading(Math.max(0, options.maxBytes ?? REPORT_MAX_BYTES));
  const counts = new Map<string, number>();
  const rows: ReportRow[] = [];
  let keeping = true;
  let totalRows = 0;
  let malformedRows = 0;
  let hadHeader = false;
  let first = true;
  let oversized: ReportCut | undefined;

  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Fixed rather than detected from the first line, so a report with mixed endings still parses.
    record_delimiter: ['\r\n', '\n'],
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_skip: (error: (Error & { code?: string; records?: number }) | undefined) => {
      if (error?.code === 'CSV_MAX_RECORD_SIZE') {
        // csv-parse emits nothing after this record: stop reading and say where it was (it calls
        // this twice for the one record).
        oversized ??= { reason: 'oversizedRecord', row: (error.records ?? 0) + 1, maxRecordBytes: MAX_RECORD_BYTES };
        reading.stop();
      } else {
        malformedRows++;
      }
      return undefined;
    },
  });

  const take = (record: string[]): void => {
    if (first) {
      first = false;
      if (record.length === HEADER.length && record.every((cell, i) => cell.trim().toLowerCase() === HEADER[i])) {
        hadHeader = true;
        return;
      }
    }
    if (record.length < 3) {
      malformedRows++;
      return;
    }
    totalRows++;
    // Three fields is the format; more means a writer left a comma in a path unquoted.
    const errorCode = record[record.length - 1].trim();
    const bucket = counts.has(errorCode) || counts.size < maxDistinctCodes ? errorCode : OVERFLOW_CODE;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    const pathOf = () => decodeReportPath(record.length === 3 ? record[0] : record.slice(0, -2).join(','));
    options.onRow?.({ filePath: pathOf(), fileStatus: record[record.length - 2].trim(), errorCode });
    if (keeping && rows.length < keepRows) {
      const filePath = pathOf();
      const chars = filePath.length + errorCode.length;
      // The first rows only: once one does not fit, none after it is kept either.
      keeping = chars <= charsLeft;
      if (keeping) {
        charsLeft -= chars;
        rows.push({ filePath, fileStatus: record[record.length - 2].trim(), errorCode });
      }
    }
  };

  await pipeline(
    reading.read(source),
    parser,
    async (records: AsyncIterable<string[]>) => {
      for await (const record of records) {
        take(record);
      }
    },
    { signal: options.signal },
  );

  return {
    totalRows,
    byErrorCode: [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    rows,
    rowsTruncated: totalRows > rows.length,
    malformedRows,
    hadHeader,
    bytes: reading.bytes,
    cut: oversized ?? (reading.capped ? { reason: 'byteCap', maxBytes: reading.maxBytes } : undefined),
  };
}

/**
 * The report's bytes up to a cap. Stopping ends the source (which destroys S3's body stream,
 * so the rest is not downloaded); at the cap, the last incomplete line is left out so it is not
 * counted as a row.
 */
class CappedReading {
  bytes = 0;
  capped = false;
  private stopped = false;

  constructor(readonly maxBytes: number) {}

  stop(): void {
    this.stopped = true;
  }

  async *read(source: ReportSource): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      if (this.stopped) {
        return;
      }
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const room = this.maxBytes - this.bytes;
      if (bytes.length > room) {
        this.capped = true;
        const lineEnd = bytes.subarray(0, room).lastIndexOf(0x0a) + 1;
        this.bytes += lineEnd;
        if (lineEnd > 0) {
          yield bytes.subarray(0, lineEnd);
        }
        return;
      }
      this.bytes += bytes.length;
      yield bytes;
    }
  }
}
