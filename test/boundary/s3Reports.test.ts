// The real S3Client against the emulator's S3 side, on the same URL as FSx: completion reports
// of ended tasks, their errors, and a large report streamed.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DescribeDataRepositoryTasksCommand, FSxClient } from '@aws-sdk/client-fsx';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchBucket,
  NoSuchKey,
  S3Client,
  S3ServiceException,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock, reportLocation, type TaskSpec } from '../../src/emulator';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 3, 1, 12);
const REPORT = { Enabled: true, Path: 's3://reports-bucket/fsx/reports', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' } as const;

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };
const noRetries = new ConfiguredRetryStrategy(1, () => 0);

function ended(spec: Partial<TaskSpec>): TaskSpec {
  return { fileSystemId: 'fs-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', createdAt: NOW - 3 * HOUR, pendingMs: 1000, executingMs: HOUR, report: REPORT, ...spec };
}

describe('S3 side of the emulator (real S3Client)', function () {
  this.timeout(60_000);
  let emulator: FsxEmulator;
  let s3: S3Client;
  let fsx: FSxClient;
  const ids: Record<string, string> = {};

  before(async function () {
    emulator = await FsxEmulator.start({ clock: new ManualEmulatorClock(NOW) });
    const state = emulator.state;
    state.addFileSystem({ fileSystemId: 'fs-0123456789abcdef0', deploymentType: 'SCRATCH_2', dataRepository: { importPath: 's3://reports-bucket', exportPath: 's3://reports-bucket/fsx' } });
    state.addFileSystem({ fileSystemId: 'fs-0123456789abcdef1', deploymentType: 'SCRATCH_2', dataRepository: { importPath: 's3://locked-bucket', exportPath: 's3://locked-bucket/out' } });
    [ids.failed, ids.succeeded, ids.canceled, ids.clean, ids.running, ids.imported, ids.noReport, ids.locked] = state.addTasks([
      ended({ outcome: 'FAILED', totalCount: 1000, failedCount: 37, failureMessage: 'the bucket policy denies s3:PutObject', paths: ['runs/aligned'] }),
      ended({ outcome: 'SUCCEEDED', totalCount: 500, failedCount: 3 }),
      ended({ outcome: 'SUCCEEDED', totalCount: 800, failedCount: 100, cancelRequestedAt: NOW - 3 * HOUR + 1000 + HOUR / 2, cancelingMs: 10_000 }),
      ended({ outcome: 'SUCCEEDED', totalCount: 500, failedCount: 0 }),
      ended({ outcome: 'SUCCEEDED', totalCount: 500, failedCount: 9, createdAt: NOW - HOUR / 2 }),
      ended({ outcome: 'SUCCEEDED', type: 'IMPORT_METADATA_FROM_REPOSITORY', totalCount: 500, failedCount: 4, paths: ['s3://reports-bucket/incoming'] }),
      ended({ outcome: 'FAILED', totalCount: 10, failedCount: 10, report: { Enabled: false } }),
      ended({
        fileSystemId: 'fs-0123456789abcdef1',
        outcome: 'FAILED',
        totalCount: 10,
        failedCount: 2,
        report: { ...REPORT, Path: 's3://locked-bucket/out/reports' },
      }),
    ]);
    s3 = new S3Client({ endpoint: emulator.url, region: 'us-east-1', forcePathStyle: true, credentials, retryStrategy: noRetries });
    fsx = new FSxClient({ endpoint: emulator.url, region: 'us-east-1', credentials, retryStrategy: noRetries });
  });

  after(async function () {
    s3.destroy();
    fsx.destroy();
    await emulator.close();
  });

  async function keyOf(taskId: string): Promise<{ bucket: string; key: string }> {
    // As the extension will: from the task FSx describes, not from the emulator's insides.
    const described = await fsx.send(new DescribeDataRepositoryTasksCommand({ TaskIds: [taskId] }));
    const task = described.DataRepositoryTasks?.[0];
    assert.ok(task?.Report && task.TaskId && task.Type);
    const location = reportLocation({ taskId: task.TaskId, type: task.Type, report: { Enabled: task.Report.Enabled ?? false, Path: task.Report.Path } });
    assert.ok(location);
    return location;
  }

  async function getText(bucket: string, key: string, range?: string): Promise<{ text: string; length?: number; etag?: string; contentRange?: string }> {
    const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range }));
    return { text: await answer.Body!.transformToString(), length: answer.ContentLength, etag: answer.ETag, contentRange: answer.ContentRange };
  }

  it('serves failures.csv of a FAILED export with FailedCount rows, on the FSx URL', async function () {
    const { bucket, key } = await keyOf(ids.failed);
    assert.equal(bucket, 'reports-bucket');
    assert.equal(key, `fsx/reports/${ids.failed}/failures.csv`);
    const { text, length, etag } = await getText(bucket, key);
    const lines = text.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 37);
    assert.equal(length, Buffer.byteLength(text));
    assert.equal(etag, `"${createHash('md5').update(text).digest('hex')}"`);
    // Mostly the cause the failure message names; awkward names quoted as FSx quotes them.
    assert.ok(lines.filter((line) => line.endsWith(',failed,S3AccessDenied')).length > 20, text);
    assert.ok(lines.some((line) => line.startsWith('"""@')), text);
    assert.ok(lines.some((line) => /^"results, final-\d+\.csv",failed,/.test(line)), text);
    assert.ok(lines.some((line) => line.startsWith('runs/aligned/')), text);
    // Deterministic: the same bytes on every read.
    assert.equal((await getText(bucket, key)).text, text);
  });

  it('serves reports of SUCCEEDED and CANCELED tasks with failed files, and report.csv for an import', async function () {
    const succeeded = await keyOf(ids.succeeded);
    assert.equal((await getText(succeeded.bucket, succeeded.key)).text.trimEnd().split('\n').length, 3);
    const canceled = await keyOf(ids.canceled);
    // Counts freeze at the cancel: about half of the 100 failures happened.
    const canceledRows = (await getText(canceled.bucket, canceled.key)).text.trimEnd().split('\n').length;
    const described = await fsx.send(new DescribeDataRepositoryTasksCommand({ TaskIds: [ids.canceled] }));
    assert.equal(described.DataRepositoryTasks?.[0].Lifecycle, 'CANCELED');
    assert.equal(canceledRows, described.DataRepositoryTasks?.[0].Status?.FailedCount);
    const imported = await keyOf(ids.imported);
    assert.match(imported.key, /\/report\.csv$/);
    const importRows = (await getText(imported.bucket, imported.key)).text.trimEnd().split('\n');
    assert.equal(importRows.length, 4);
    assert.ok(importRows.every((row) => /,failed,(S3AccessDenied|S3Error|PathSizeTooLong|InternalError)$/.test(row)), importRows.join('\n'));
  });

  it('HeadObject gives the size and ETag without a body', async function () {
    const { bucket, key } = await keyOf(ids.failed);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const { text, etag } = await getText(bucket, key);
    assert.equal(head.ContentLength, Buffer.byteLength(text));
    assert.equal(head.ETag, etag);
    assert.equal(head.ContentType, 'text/csv');
    assert.ok(head.LastModified instanceof Date);
  });

  it('answers a byte range', async function () {
    const { bucket, key } = await keyOf(ids.failed);
    const whole = (await getText(bucket, key)).text;
    const part = await getText(bucket, key, 'bytes=10-49');
    assert.equal(part.text, Buffer.from(whole).subarray(10, 50).toString());
    assert.equal(part.contentRange, `bytes 10-49/${Buffer.byteLength(whole)}`);
    const tail = await getText(bucket, key, 'bytes=-20');
    assert.equal(tail.text, Buffer.from(whole).subarray(-20).toString());
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=999999-' })), (error: S3ServiceException) => {
      assert.equal(error.name, 'InvalidRange');
      assert.equal(error.$metadata.httpStatusCode, 416);
      return true;
    });
  });

  it('NoSuchKey for a task without a report: running, no failures, report disabled, unknown', async function () {
    const bucket = 'reports-bucket';
    for (const taskId of [ids.running, ids.clean, ids.noReport, 'task-0000000000000000f']) {
      const key = `fsx/reports/${taskId}/failures.csv`;
      await assert.rejects(s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })), (error: unknown) => {
        assert.ok(error instanceof NoSuchKey, `${taskId}: ${String(error)}`);
        assert.equal(error.$metadata.httpStatusCode, 404);
        return true;
      });
    }
    // HEAD has no body: the SDK names a 404 NotFound.
    await assert.rejects(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'nothing.csv' })), (error: S3ServiceException) => {
      assert.equal(error.name, 'NotFound');
      assert.equal(error.$metadata.httpStatusCode, 404);
      return true;
    });
  });

  it('NoSuchBucket for a bucket nothing names', async function () {
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'a/b.csv' })), (error: unknown) => {
      assert.ok(error instanceof NoSuchBucket, String(error));
      return true;
    });
    await assert.rejects(s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })), NoSuchBucket);
  });

  it('AccessDenied on a denied bucket, for objects and listings, until the fault is removed', async function () {
    const { bucket, key } = await keyOf(ids.locked);
    const allow = emulator.s3.denyBucket(bucket);
    try {
      for (const call of [s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })), s3.send(new ListObjectsV2Command({ Bucket: bucket }))]) {
        await assert.rejects(call, (error: S3ServiceException) => {
          assert.equal(error.name, 'AccessDenied');
          assert.equal(error.$metadata.httpStatusCode, 403);
          return true;
        });
      }
      // Other buckets are not affected.
      const other = await keyOf(ids.failed);
      assert.ok((await getText(other.bucket, other.key)).text.length > 0);
    } finally {
      allow();
    }
    assert.equal((await getText(bucket, key)).text.trimEnd().split('\n').length, 2);
  });

  it('reuses the fault kinds: throttling and a dropped connection on S3 only', async function () {
    const { bucket, key } = await keyOf(ids.failed);
    emulator.s3.injectFault({ kind: 'throttle', operation: 'GetObject', count: 1 });
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })), (error: S3ServiceException) => error.name === 'SlowDown');
    emulator.s3.injectFault({ kind: 'drop', count: 1 });
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
    assert.ok((await getText(bucket, key)).text.length > 0);
  });

  it('lists report objects with prefix, delimiter and pages', async function () {
    const all = await s3.send(new ListObjectsV2Command({ Bucket: 'reports-bucket' }));
    const keys = (all.Contents ?? []).map((object) => object.Key);
    const expected = await Promise.all([ids.failed, ids.succeeded, ids.canceled, ids.imported].map(async (id) => (await keyOf(id)).key));
    assert.deepEqual(keys, [...expected].sort());
    assert.equal(all.KeyCount, 4);
    assert.equal(all.IsTruncated, false);
    for (const object of all.Contents ?? []) {
      const { text, etag } = await getText('reports-bucket', object.Key!);
      assert.equal(object.Size, Buffer.byteLength(text));
      assert.equal(object.ETag, etag);
    }
    const folders = await s3.send(new ListObjectsV2Command({ Bucket: 'reports-bucket', Prefix: 'fsx/reports/', Delimiter: '/' }));
    assert.deepEqual(
      folders.CommonPrefixes?.map((common) => common.Prefix),
      [...expected].sort().map((key) => key.replace(/[^/]+$/, '')),
    );
    assert.equal(folders.Contents, undefined);
    const paged: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 1 }, { Bucket: 'reports-bucket' })) {
      pages += 1;
      paged.push(...(page.Contents ?? []).map((object) => object.Key!));
    }
    assert.equal(pages, 4);
    assert.deepEqual(paged, keys);
    const empty = await s3.send(new ListObjectsV2Command({ Bucket: 'reports-bucket', Prefix: 'elsewhere/' }));
    assert.equal(empty.KeyCount, 0);
    assert.equal(emulator.s3.requestCounts().ListObjectsV2 >= 7, true);
  });

  it('streams a report of a million rows, byte count and ETag matching HeadObject', async function () {
    const [taskId] = emulator.state.addTasks([ended({ fileSystemId: 'fs-0123456789abcdef0', outcome: 'FAILED', totalCount: 2_000_000, failedCount: 1_000_000 })]);
    const { bucket, key } = await keyOf(taskId);
    const started = performance.now();
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const hash = createHash('md5');
    let bytes = 0;
    let rows = 0;
    for await (const chunk of answer.Body as AsyncIterable<Uint8Array>) {
      // Streamed: no chunk is anywhere near the whole object.
      assert.ok(chunk.length < 1024 * 1024, `chunk of ${chunk.length} bytes`);
      hash.update(chunk);
      bytes += chunk.length;
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) {
        rows += 1;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    assert.equal(rows, 1_000_000);
    assert.equal(bytes, head.ContentLength);
    assert.equal(`"${hash.digest('hex')}"`, head.ETag);
    console.log(`      a 1,000,000-row report: ${(bytes / 1e6).toFixed(1)} MB, HEAD + GET in ${seconds.toFixed(1)} s`);
  });

  it('FsxEmulator.reset() clears S3 faults and counts; the demo reports come back the same', async function () {
    const demo = await FsxEmulator.start({ scenario: 'demo', clock: new ManualEmulatorClock(NOW) });
    const client = new S3Client({ endpoint: demo.url, region: 'us-east-1', forcePathStyle: true, credentials, retryStrategy: noRetries });
    try {
      const list = async (): Promise<string[]> =>
        ((await client.send(new ListObjectsV2Command({ Bucket: 'genomics-raw-reads-prod' }))).Contents ?? []).map((object) => object.Key ?? '');
      const before = await list();
      assert.ok(before.some((key) => key.endsWith('/failures.csv')) && before.some((key) => key.endsWith('/report.csv')), before.join());
      demo.s3.denyBucket('genomics-raw-reads-prod');
      await assert.rejects(list(), (error: S3ServiceException) => error.name === 'AccessDenied');
      demo.reset();
      assert.equal(demo.s3.requestCounts().ListObjectsV2, 0);
      assert.deepEqual(await list(), before);
    } finally {
      client.destroy();
      await demo.close();
    }
  });
});
