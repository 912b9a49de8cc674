// ReportReader over the real S3Client (from S3ClientFactory, as the extension builds it) against
// the emulator's S3 side on the FSx URL. Tasks come from the real FSxClient through FsxService,
// so the report is found from what FSx describes, not from the emulator's insides.
import * as assert from 'node:assert/strict';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock as ManualClock, type TaskSpec } from '../../src/emulator';
import { ApiCallEvent, FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxService } from '../../src/fsx/fsxService';
import { ENGLISH } from '../../src/fsx/l10n';
import { Connection, Task } from '../../src/fsx/types';
import { DOCUMENTED_ERROR_CODES } from '../../src/outcomes/catalog';
import { ReportOutcome, unavailableText } from '../../src/outcomes/reportReader';
import { createReportReader, S3ClientFactory } from '../../src/outcomes/s3Client';
import { s3EndpointFor } from '../../src/outcomes/s3Endpoint';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 30, 12);
const FILE_SYSTEM = 'fs-0123456789abcdef0';
const REPORT = { Enabled: true, Path: 's3://reports-bucket/fsx/reports', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' } as const;

function ended(spec: Partial<TaskSpec>): TaskSpec {
  return { fileSystemId: FILE_SYSTEM, type: 'EXPORT_TO_REPOSITORY', createdAt: NOW - 3 * HOUR, pendingMs: 1000, executingMs: HOUR, report: REPORT, ...spec };
}

function report(outcome: ReportOutcome) {
  assert.equal(outcome.kind, 'report', JSON.stringify(outcome));
  return outcome as Extract<ReportOutcome, { kind: 'report' }>;
}

function unavailable(outcome: ReportOutcome) {
  assert.equal(outcome.kind, 'unavailable', JSON.stringify(outcome));
  return outcome as Extract<ReportOutcome, { kind: 'unavailable' }>;
}

describe('ReportReader with the real S3Client against the emulator', function () {
  this.timeout(120_000);
  let emulator: FsxEmulator;
  let fsxFactory: FsxClientFactory;
  let s3Factory: S3ClientFactory;
  let connection: Connection;
  let service: FsxService;
  const calls: ApiCallEvent[] = [];
  const ids: Record<string, string> = {};

  before(async () => {
    emulator = await FsxEmulator.start({ clock: new ManualClock(NOW) });
    emulator.state.addFileSystem({ fileSystemId: FILE_SYSTEM, deploymentType: 'SCRATCH_2', dataRepository: { exportPath: 's3://reports-bucket/fsx', importPath: 's3://reports-bucket' } });
    [ids.failed, ids.clean, ids.running, ids.imported] = emulator.state.addTasks([
      ended({ outcome: 'FAILED', totalCount: 1000, failedCount: 37, failureMessage: 'the bucket policy denies s3:PutObject', paths: ['runs/aligned'] }),
      ended({ outcome: 'SUCCEEDED', totalCount: 500, failedCount: 0 }),
      ended({ outcome: 'SUCCEEDED', totalCount: 500, failedCount: 9, createdAt: NOW - HOUR / 2 }),
      ended({ outcome: 'SUCCEEDED', type: 'IMPORT_METADATA_FROM_REPOSITORY', totalCount: 500, failedCount: 4, paths: ['s3://reports-bucket/incoming'] }),
    ]);
    const options = { retryStrategy: new ConfiguredRetryStrategy(1, () => 0), onApiCall: (event: ApiCallEvent) => calls.push(event) };
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

  const reader = () => createReportReader(s3Factory, connection, s3EndpointFor(connection, {}));

  async function described(taskId: string): Promise<Task> {
    const [task] = await service.describeTasks([taskId]);
    assert.ok(task, taskId);
    return task;
  }

  it('found: summarises the failed export, codes explained, total equal to FailedCount', async () => {
    calls.length = 0;
    const task = await described(ids.failed);
    const outcome = report(await reader().read(task));
    assert.equal(outcome.location.uri, `s3://reports-bucket/fsx/reports/${ids.failed}/failures.csv`);
    assert.equal(outcome.summary.totalRows, 37);
    assert.deepEqual(outcome.failedCount, { reported: 37, expected: 37, matches: true });
    assert.equal(outcome.summary.malformedRows, 0);
    assert.ok(outcome.summary.byErrorCode.every(({ code }) => (DOCUMENTED_ERROR_CODES as readonly string[]).includes(code)), JSON.stringify(outcome.summary.byErrorCode));
    assert.equal(outcome.summary.byErrorCode[0].code, 'S3AccessDenied', 'the cause the failure message names leads');
    // The anti-formula quotes are gone; commas in names survived.
    assert.ok(outcome.summary.rows.some((row) => row.filePath.startsWith('@mentions-')), JSON.stringify(outcome.summary.rows));
    assert.ok(outcome.summary.rows.some((row) => /^results, final-\d+\.csv$/.test(row.filePath)));
    assert.ok(calls.some((call) => call.operation === 'GetObject' && call.outcome === 'ok'), JSON.stringify(calls));
  });

  it('found: an import reads report.csv', async () => {
    const outcome = report(await reader().read(await described(ids.imported)));
    assert.match(outcome.location.key, /\/report\.csv$/);
    assert.equal(outcome.summary.totalRows, 4);
  });

  it('not found: NoSuchKey is "not there yet", or "no failed files" when FSx counted none', async () => {
    const task = await described(ids.failed);
    const moved = unavailable(await reader().read({ ...task, report: { ...task.report!, path: 's3://reports-bucket/elsewhere' } }));
    assert.equal(moved.reason, 'notWritten');
    assert.equal(moved.error?.code, 'NoSuchKey');
    assert.match(unavailableText(moved, ENGLISH).message, /s3:\/\/reports-bucket\/elsewhere\/task-[0-9a-f]+\/failures\.csv is not there yet/);
    assert.equal(unavailable(await reader().read(await described(ids.clean))).reason, 'noFailedFiles');
  });

  it('not found: a bucket that does not exist', async () => {
    const task = await described(ids.failed);
    const outcome = unavailable(await reader().read({ ...task, report: { ...task.report!, path: 's3://no-such-bucket/reports' } }));
    assert.equal(outcome.reason, 'bucketMissing');
    assert.match(unavailableText(outcome, ENGLISH).message, /no-such-bucket/);
  });

  it('access denied on the bucket, then readable once allowed', async () => {
    const task = await described(ids.failed);
    const allow = emulator.s3.denyBucket('reports-bucket');
    try {
      const outcome = unavailable(await reader().read(task));
      assert.equal(outcome.reason, 'accessDenied');
      assert.match(unavailableText(outcome, ENGLISH).nextStep, /s3:GetObject/);
    } finally {
      allow();
    }
    assert.equal(report(await reader().read(task)).summary.totalRows, 37);
  });

  it('an expired session is a credentials problem with its next step', async () => {
    const task = await described(ids.failed);
    emulator.s3.injectFault({ kind: 'expiredToken', operation: 'GetObject', count: 1 });
    const outcome = unavailable(await reader().read(task));
    assert.equal(outcome.reason, 'credentials');
    assert.match(unavailableText(outcome, ENGLISH).message, /credentials are missing or expired/);
  });

  it('a running task and a task without a report do not touch S3', async () => {
    const before = emulator.s3.requestCounts().GetObject;
    const running = await described(ids.running);
    assert.equal(running.lifecycle, 'EXECUTING');
    assert.equal(unavailable(await reader().read(running)).reason, 'stillRunning');
    assert.equal(unavailable(await reader().read({ ...running, lifecycle: 'FAILED', report: { enabled: false } })).reason, 'reportsOff');
    assert.equal(emulator.s3.requestCounts().GetObject, before);
  });

  it('large report: a million rows over HTTP, counted in full with the heap bounded', async () => {
    const [taskId] = emulator.state.addTasks([ended({ outcome: 'FAILED', totalCount: 2_000_000, failedCount: 1_000_000 })]);
    const task = await described(taskId);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 25);
    const started = performance.now();
    let outcome: ReportOutcome;
    try {
      outcome = await reader().read(task, { keepRows: 1_000 });
    } finally {
      clearInterval(sampler);
    }
    const ms = performance.now() - started;
    const summary = report(outcome).summary;
    assert.equal(summary.totalRows, 1_000_000);
    assert.equal(summary.rows.length, 1_000);
    assert.equal(summary.rowsTruncated, true);
    assert.equal(summary.malformedRows, 0);
    assert.equal(
      summary.byErrorCode.reduce((sum, entry) => sum + entry.count, 0),
      1_000_000,
    );
    assert.deepEqual(report(outcome).failedCount, { reported: 1_000_000, expected: 1_000_000, matches: true });
    const grownMiB = (heapPeak - heapBefore) / 2 ** 20;
    // The object is tens of MB; the emulator writing it shares this heap, and still it stays small.
    assert.ok(grownMiB > 0 && grownMiB < 128, `heap grew by ${grownMiB.toFixed(0)} MiB`);
    console.log(`      1,000,000-row report over HTTP: ${(summary.bytes / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s, heap +${grownMiB.toFixed(0)} MiB`);
  });
});
