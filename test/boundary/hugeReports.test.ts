// Huge and hostile completion reports through the real S3Client against the emulator, read by
// ReportReader and built into the failed-files page as the extension does: 100 MiB of report
// (usual rows, and rows just under the record limit), and a 1 MiB record in the middle. What is
// asserted: bounded memory (loosely; the figures are in the benchmark), a page of a few MiB,
// a message saying what is shown, and the rows before an oversized record present.
import * as assert from 'node:assert/strict';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock, type TaskSpec } from '../../src/emulator';
import { FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxService } from '../../src/fsx/fsxService';
import { ENGLISH } from '../../src/fsx/l10n';
import { Connection, Task } from '../../src/fsx/types';
import { MAX_RECORD_BYTES } from '../../src/outcomes/reportCsv';
import type { ReportOutcome } from '../../src/outcomes/reportReader';
import { createReportReader, S3ClientFactory } from '../../src/outcomes/s3Client';
import { s3EndpointFor } from '../../src/outcomes/s3Endpoint';
import { failedFilesPage } from '../../src/outcomes/webviewPages';
import { fullCollection, reportLine } from '../unit/outcomes/reportFixtures';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 30, 12);
const FILE_SYSTEM = 'fs-0123456789abcdef0';
const REPORT = { Enabled: true, Path: 's3://reports-bucket/fsx/reports', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' } as const;
const MiB = 2 ** 20;

function ended(spec: Partial<TaskSpec>): TaskSpec {
  return { fileSystemId: FILE_SYSTEM, type: 'EXPORT_TO_REPOSITORY', createdAt: NOW - 3 * HOUR, pendingMs: 1000, executingMs: HOUR, report: REPORT, outcome: 'FAILED', ...spec };
}

/** `count` rows whose paths are `pathChars` long, one chunk per row, generated as they are sent. */
function* longRows(count: number, pathChars: number, from = 0): Generator<Buffer> {
  for (let i = from; i < from + count; i++) {
    const name = `${String(i).padStart(6, '0')}/`;
    yield Buffer.from(reportLine(name + 'p'.repeat(pathChars - name.length), 'S3Error'));
  }
}

interface Measured {
  readonly outcome: Extract<ReportOutcome, { kind: 'report' }>;
  readonly page: string;
  readonly heapGrowthMiB: number;
}

describe('Huge and hostile reports: real S3Client against the emulator, read and built into the page', function () {
  this.timeout(180_000);
  const collect = fullCollection();
  let emulator: FsxEmulator;
  let fsxFactory: FsxClientFactory;
  let s3Factory: S3ClientFactory;
  let connection: Connection;
  let service: FsxService;

  before(async () => {
    emulator = await FsxEmulator.start({ clock: new ManualEmulatorClock(NOW) });
    emulator.state.addFileSystem({ fileSystemId: FILE_SYSTEM, deploymentType: 'SCRATCH_2', dataRepository: { exportPath: 's3://reports-bucket/fsx', importPath: 's3://reports-bucket' } });
    const options = { retryStrategy: new ConfiguredRetryStrategy(1, () => 0) };
    fsxFactory = new FsxClientFactory(options);
    s3Factory = new S3ClientFactory(options);
    connection = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
    service = new FsxService(fsxFactory.get(connection));
  });

  after(async () => {
    s3Factory.dispose();
    fsxFactory.dispose();
    await emulator.close();
  });

  async function described(taskId: string): Promise<Task> {
    const [task] = await service.describeTasks([taskId]);
    assert.ok(task, taskId);
    return task;
  }

  /** Reads the task's report and builds its page, sampling the heap (the emulator shares it). */
  async function readAndBuild(task: Task): Promise<Measured> {
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sample = () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed));
    const sampler = setInterval(sample, 10);
    try {
      const outcome = await createReportReader(s3Factory, connection, s3EndpointFor(connection, {})).read(task);
      assert.equal(outcome.kind, 'report', JSON.stringify(outcome));
      const report = outcome as Extract<ReportOutcome, { kind: 'report' }>;
      const page = failedFilesPage(task, report, ENGLISH, 'n0nce');
      sample();
      return { outcome: report, page, heapGrowthMiB: (heapPeak - heapBefore) / MiB };
    } finally {
      clearInterval(sampler);
    }
  }

  it('100 MiB of usual rows: every row counted, the first ones shown, "showing the first N of M"', async () => {
    // The emulator's rows for a "too long" failure are about 840 bytes: 128,000 of them are over 100 MiB.
    const [taskId] = emulator.state.addTasks([ended({ totalCount: 200_000, failedCount: 128_000, failureMessage: 'paths too long for S3' })]);
    const { outcome, page, heapGrowthMiB } = await readAndBuild(await described(taskId));
    const { summary } = outcome;
    assert.ok(summary.bytes > 100 * MiB, `${summary.bytes} bytes`);
    assert.equal(summary.cut, undefined);
    assert.equal(summary.totalRows, 128_000);
    assert.ok(summary.rows.length > 0 && summary.rows.length <= 1_000);
    assert.match(page, new RegExp(`Showing the first ${summary.rows.length.toLocaleString('en-US')} of 128,000 rows\\.`));
    assert.ok(page.length < 4 * MiB, `the page is ${(page.length / MiB).toFixed(1)} MiB`);
    assert.ok(heapGrowthMiB < 160, `the heap grew by ${heapGrowthMiB.toFixed(0)} MiB`);
    console.log(`      100 MiB of usual rows: page ${(page.length / MiB).toFixed(2)} MiB, heap +${heapGrowthMiB.toFixed(0)} MiB`);
  });

  it('100 MiB of rows just under the record limit: the page stays a few MiB (it was four copies of every kept path)', async () => {
    const rowBytes = 63 * 1024;
    const rows = Math.ceil((100 * MiB) / rowBytes);
    const [taskId] = emulator.state.addTasks([ended({ totalCount: rows, failedCount: rows })]);
    const restore = emulator.s3.replaceReport(taskId, () => longRows(rows, rowBytes));
    try {
      const { outcome, page, heapGrowthMiB } = await readAndBuild(await described(taskId));
      const { summary } = outcome;
      assert.equal(summary.cut, undefined);
      assert.equal(summary.totalRows, rows);
      assert.equal(summary.malformedRows, 0);
      assert.ok(summary.rows.length >= 1 && summary.rows.length < 100, `${summary.rows.length} rows kept`);
      assert.match(page, new RegExp(`Showing the first ${summary.rows.length} of ${rows.toLocaleString('en-US')} rows\\.`));
      assert.ok(page.length < 4 * MiB, `the page is ${(page.length / MiB).toFixed(1)} MiB`);
      assert.ok(heapGrowthMiB < 160, `the heap grew by ${heapGrowthMiB.toFixed(0)} MiB`);
      console.log(`      100 MiB of 63 KiB rows: page ${(page.length / MiB).toFixed(2)} MiB, heap +${heapGrowthMiB.toFixed(0)} MiB`);
    } finally {
      restore();
    }
  });

  it('a 1 MiB record at row 501: reading stops there with a message naming the row; the 500 rows before it are shown', async () => {
    const [taskId] = emulator.state.addTasks([ended({ totalCount: 1_001, failedCount: 1_001 })]);
    const restore = emulator.s3.replaceReport(taskId, function* () {
      yield* longRows(500, 40);
      yield Buffer.from(reportLine('x'.repeat(MiB), 'S3Error'));
      yield* longRows(500, 40, 501);
    });
    try {
      const { outcome, page } = await readAndBuild(await described(taskId));
      const { summary } = outcome;
      assert.deepEqual(summary.cut, { reason: 'oversizedRecord', row: 501, maxRecordBytes: MAX_RECORD_BYTES });
      assert.equal(summary.totalRows, 500);
      assert.deepEqual(
        summary.rows.map((row) => row.filePath.slice(0, 6)),
        Array.from({ length: 500 }, (_, i) => String(i).padStart(6, '0')),
      );
      assert.match(page, /Reading stopped at row 501: it is longer than 64 KiB, which no report row is/);
      assert.match(page, /The part of the report that was read lists 500 failed files; the task counted 1,001\./);
      assert.equal(page.match(/<tr data-path=/g)?.length, 500);
      assert.ok(page.length < MiB);
    } finally {
      restore();
    }
  });
});
