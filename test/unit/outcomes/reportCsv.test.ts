import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { decodeReportPath, MAX_RECORD_BYTES, OVERFLOW_CODE, summariseReport } from '../../../src/outcomes/reportCsv';
import { reportChunks, reportRows } from '../../../src/emulator/s3/reports';
import { generatedReport, heapWatch, reportLine } from './reportFixtures';

/** Feeds the text in chunks of `size` bytes, so records and quotes straddle chunk boundaries. */
function chunked(text: string, size = 7): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    chunks.push(bytes.subarray(i, i + size));
  }
  return Readable.from(chunks);
}

describe('summariseReport', () => {
  it("reads the documentation's example report", async () => {
    const summary = await summariseReport(chunked('myRestrictedFile,failed,S3AccessDenied\ndir1/myLargeFile,failed,FileSizeTooLarge\ndir2/anotherLargeFile,failed,FileSizeTooLarge\n'));
    assert.equal(summary.totalRows, 3);
    assert.deepEqual(summary.byErrorCode, [
      { code: 'FileSizeTooLarge', count: 2 },
      { code: 'S3AccessDenied', count: 1 },
    ]);
    assert.deepEqual(summary.rows[0], { filePath: 'myRestrictedFile', fileStatus: 'failed', errorCode: 'S3AccessDenied' });
    assert.equal(summary.rowsTruncated, false);
    assert.equal(summary.hadHeader, false);
    assert.equal(summary.malformedRows, 0);
  });

  it('decodes RFC 4180 quoting: commas, doubled quotes, line breaks inside a path', async () => {
    const summary = await summariseReport(chunked('"file,name.txt",failed,S3Error\n"file""name.txt",failed,S3Error\n"two\nlines.txt",failed,S3Error\n"a, ""b"", c",failed,ResourceBusy\n', 3));
    assert.deepEqual(
      summary.rows.map((row) => row.filePath),
      ['file,name.txt', 'file"name.txt', 'two\nlines.txt', 'a, "b", c'],
    );
    assert.equal(summary.totalRows, 4);
  });

  it('removes the anti-formula quotes around paths that begin with @ + - =', async () => {
    const summary = await summariseReport(chunked('"""@filename.txt""",failed,S3Error\n"""+filename.txt""",failed,S3Error\n"""-x""",failed,S3Error\n"""=SUM(A1)""",failed,S3Error\n"""=a,b""",failed,S3Error\n'));
    assert.deepEqual(
      summary.rows.map((row) => row.filePath),
      ['@filename.txt', '+filename.txt', '-x', '=SUM(A1)', '=a,b'],
    );
  });

  it('keeps quotes that are part of an ordinary path', async () => {
    assert.equal(decodeReportPath('"quoted".txt'), '"quoted".txt');
    assert.equal(decodeReportPath('"plain"'), '"plain"');
    assert.equal(decodeReportPath("'@single'"), '@single');
    assert.equal(decodeReportPath('@unwrapped'), '@unwrapped');
    const summary = await summariseReport(chunked('"""quoted"" name",failed,S3Error\n'));
    assert.equal(summary.rows[0].filePath, '"quoted" name');
  });

  it('skips a header row when there is one, and only at the top', async () => {
    const withHeader = await summariseReport(chunked('FilePath,FileStatus,ErrorCode\na,failed,S3Error\nFilePath,FileStatus,ErrorCode\n'));
    assert.equal(withHeader.hadHeader, true);
    assert.equal(withHeader.totalRows, 2, 'a later identical line is a file named FilePath');
    const without = await summariseReport(chunked('a,failed,S3Error\n'));
    assert.equal(without.hadHeader, false);
    assert.equal(without.totalRows, 1);
  });

  it('handles CRLF, mixed line endings, a BOM, blank lines and no final newline', async () => {
    const summary = await summariseReport(chunked('\uFEFFa,failed,S3Error\r\nb,failed,S3Error\n\n\r\nc,failed,InternalError'));
    assert.deepEqual(
      summary.rows.map((row) => [row.filePath, row.errorCode]),
      [
        ['a', 'S3Error'],
        ['b', 'S3Error'],
        ['c', 'InternalError'],
      ],
    );
  });

  it('summarises an empty report as zero rows', async () => {
    for (const empty of ['', '\n', '\r\n\r\n']) {
      const summary = await summariseReport(chunked(empty));
      assert.equal(summary.totalRows, 0);
      assert.deepEqual(summary.byErrorCode, []);
      assert.deepEqual(summary.rows, []);
    }
    assert.equal((await summariseReport([])).totalRows, 0);
  });

  it('counts malformed records apart and keeps going', async () => {
    const summary = await summariseReport(chunked('ok1,failed,S3Error\nbad"quote,failed,S3Error\nonly-two,failed\nok2,failed,S3Error\n'));
    assert.equal(summary.totalRows, 2);
    assert.equal(summary.malformedRows, 2);
    assert.deepEqual(
      summary.rows.map((row) => row.filePath),
      ['ok1', 'ok2'],
    );
  });

  it('rejoins a path whose comma a writer left unquoted', async () => {
    const summary = await summariseReport(chunked('a,b.txt,failed,S3Error\n'));
    assert.deepEqual(summary.rows[0], { filePath: 'a,b.txt', fileStatus: 'failed', errorCode: 'S3Error' });
  });

  it('keeps the first N rows and counts the rest', async () => {
    const summary = await summariseReport(generatedReport(2_500), { keepRows: 10 });
    assert.equal(summary.totalRows, 2_500);
    assert.equal(summary.rows.length, 10);
    assert.equal(summary.rows[9].filePath, 'dir9/sub/file-9.dat');
    assert.equal(summary.rowsTruncated, true);
  });

  it('bounds the per-code map', async () => {
    const summary = await summariseReport(generatedReport(1_000, (i) => `Code${i}`), { maxDistinctCodes: 5 });
    assert.equal(summary.byErrorCode.length, 6);
    assert.deepEqual(summary.byErrorCode[0], { code: OVERFLOW_CODE, count: 995 });
  });

  it('reads back what the FSx encoding wrote, for awkward names', async () => {
    const names = ['@at', '+plus', '-minus', '=equals', '=HYPERLINK("x")', 'comma,name', 'quote"name', '"leading quote', 'trailing quote"', 'new\nline', 'spaces  inside ', 'ünïcødé/日本.txt', "it's", ''.padEnd(1_000, 'x')];
    const summary = await summariseReport(chunked(names.map((name) => reportLine(name, 'S3Error')).join(''), 5));
    assert.deepEqual(
      summary.rows.map((row) => row.filePath),
      names,
    );
  });

  it("reads the emulator's reports row for row, awkward names included", async () => {
    const task = { taskId: 'task-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', failedCount: 5_000, paths: ['runs/aligned'] } as const;
    const written = [...reportRows(task)];
    const summary = await summariseReport(reportChunks(task), { keepRows: 5_000 });
    assert.equal(summary.totalRows, 5_000);
    assert.equal(summary.malformedRows, 0);
    assert.deepEqual(
      summary.rows.map((row) => [row.filePath, row.errorCode]),
      written.map((row) => [row.path, row.errorCode]),
    );
    assert.ok(summary.rows.some((row) => row.filePath.startsWith('@')));
  });

  it('stops at a record longer than any report line, naming its row, and keeps the rows before it', async () => {
    const before = Array.from({ length: 5 }, (_, i) => reportLine(`before-${i}.dat`, 'S3Error')).join('');
    const after = Array.from({ length: 5 }, (_, i) => reportLine(`after-${i}.dat`, 'S3Error')).join('');
    const huge = reportLine('x'.repeat(MAX_RECORD_BYTES + 1), 'S3Error');
    const summary = await summariseReport(chunked(before + huge + after, 4096));
    assert.deepEqual(summary.cut, { reason: 'oversizedRecord', row: 6, maxRecordBytes: MAX_RECORD_BYTES });
    assert.deepEqual(
      summary.rows.map((row) => row.filePath),
      ['before-0.dat', 'before-1.dat', 'before-2.dat', 'before-3.dat', 'before-4.dat'],
    );
    assert.equal(summary.totalRows, 5);
  });

  it('stops reading at the byte cap, on a whole line, and says so', async () => {
    const text = Array.from({ length: 100 }, (_, i) => reportLine(`file-${String(i).padStart(3, '0')}.dat`, 'S3Error')).join('');
    const lineBytes = Buffer.byteLength(reportLine('file-000.dat', 'S3Error'));
    const summary = await summariseReport(chunked(text, 100), { maxBytes: lineBytes * 10 + 5 });
    assert.deepEqual(summary.cut, { reason: 'byteCap', maxBytes: lineBytes * 10 + 5 });
    assert.equal(summary.totalRows, 10);
    assert.equal(summary.malformedRows, 0);
    assert.equal(summary.bytes, lineBytes * 10);
    const whole = await summariseReport(chunked(text, 100), { maxBytes: Buffer.byteLength(text) });
    assert.equal(whole.cut, undefined);
    assert.equal(whole.totalRows, 100);
  });

  it('keeps rows only while their text fits the character budget, so the page stays small', async () => {
    const text = Array.from({ length: 50 }, (_, i) => reportLine(`${String(i).padStart(2, '0')}-${'p'.repeat(4000)}`, 'S3Error')).join('');
    const summary = await summariseReport(chunked(text, 65536), { keepChars: 20_000 });
    assert.equal(summary.totalRows, 50);
    assert.equal(summary.rows.length, 4);
    assert.deepEqual(
      summary.rows.map((row) => row.filePath.slice(0, 2)),
      ['00', '01', '02', '03'],
    );
    assert.equal(summary.rowsTruncated, true);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(summariseReport(generatedReport(10_000), { signal: controller.signal }), { name: 'AbortError' });
  });

  it('summarises a million rows with memory bounded', async function () {
    this.timeout(120_000);
    const heap = heapWatch();
    const summary = await summariseReport(heap.watch(generatedReport(1_000_000)));
    assert.equal(summary.totalRows, 1_000_000);
    assert.deepEqual(summary.byErrorCode, [
      { code: 'S3Error', count: 666_666 },
      { code: 'FileSizeTooLarge', count: 333_334 },
    ]);
    assert.equal(summary.rows.length, 1_000);
    // Read after full collections, so garbage does not count: holding the rows would take
    // several hundred MiB; what the reader keeps (1,000 rows and the counts) is a few.
    assert.ok(heap.retainedMiB() < 32, `the heap kept ${heap.retainedMiB().toFixed(1)} MiB`);
  });
});
