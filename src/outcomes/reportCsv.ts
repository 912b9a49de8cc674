// Streams a task completion report (REPORT_CSV_20191124) into a summary whose size does not
// depend on the report's: counts per error code, the total, and the first rows. The format is
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
  readonly bytes: number;
}

export interface SummariseOptions {
  /** How many rows to keep for display; 1,000 by default. Every row is counted regardless. */
  readonly keepRows?: number;
  /** Bounds the per-code map against a report that is not what it claims to be; 100 by default. */
  readonly maxDistinctCodes?: number;
  readonly signal?: AbortSignal;
}

export const DEFAULT_KEEP_ROWS = 1_000;
export const OVERFLOW_CODE = '(other codes)';
const DEFAULT_MAX_DISTINCT_CODES = 100;
// A Lustre path is at most 4,096 bytes; a record far beyond that is not a report line.
const MAX_RECORD_BYTES = 64 * 1024;
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

/** Reads the whole report once, keeping only counts and the first rows in memory. */
export async function summariseReport(source: ReportSource, options: SummariseOptions = {}): Promise<ReportSummary> {
  const keepRows = Math.max(0, options.keepRows ?? DEFAULT_KEEP_ROWS);
  const maxDistinctCodes = Math.max(1, options.maxDistinctCodes ?? DEFAULT_MAX_DISTINCT_CODES);
  const counts = new Map<string, number>();
  const rows: ReportRow[] = [];
  let totalRows = 0;
  let malformedRows = 0;
  let hadHeader = false;
  let first = true;

  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Fixed rather than detected from the first line, so a report with mixed endings still parses.
    record_delimiter: ['\r\n', '\n'],
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_skip: () => {
      malformedRows++;
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
    if (rows.length < keepRows) {
      const filePath = decodeReportPath(record.length === 3 ? record[0] : record.slice(0, -2).join(','));
      rows.push({ filePath, fileStatus: record[record.length - 2].trim(), errorCode });
    }
  };

  await pipeline(
    source,
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
    bytes: parser.info.bytes,
  };
}
