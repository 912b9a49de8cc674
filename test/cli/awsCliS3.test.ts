// The real AWS CLI reads completion reports from the emulator's S3 side, on the FSx URL:
// `aws s3 cp s3://BUCKET/KEY - --endpoint-url URL`, and `aws s3 ls`.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsxEmulator, reportChunks, reportLocation, storeReportSource, type EndedTask } from '../../src/emulator';
import { aws, skipWithoutAwsCli } from './awsCliRunner';

describe('AWS CLI against the emulator S3 side', function () {
  this.timeout(120_000);
  let emulator: FsxEmulator;
  let endpoint: string[];
  let directory: string;

  before(async function () {
    await skipWithoutAwsCli(this);
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    endpoint = ['--endpoint-url', emulator.url];
    directory = await mkdtemp(join(tmpdir(), 'fsx-s3-cli-'));
  });

  after(async () => {
    await emulator?.close();
    if (directory) {
      await rm(directory, { recursive: true, force: true });
    }
  });

  function demoReport(lifecycle: string): { task: EndedTask; url: string } {
    const snapshot = emulator.state
      .fileSystems()
      .flatMap((fs) => emulator.state.tasksOf(fs.fileSystemId))
      .find((task) => task.lifecycle === lifecycle && task.report.Enabled && (task.status?.failedCount ?? 0) > 0);
    assert.ok(snapshot, `a ${lifecycle} demo task with failed files`);
    const task: EndedTask | undefined = storeReportSource(emulator.state).endedTask(snapshot.taskId);
    assert.ok(task);
    const location = reportLocation(task);
    assert.ok(location);
    return { task, url: `s3://${location.bucket}/${location.key}` };
  }

  it('aws s3 cp s3://BUCKET/KEY - prints a FAILED task report: FailedCount rows', async () => {
    const { task, url } = demoReport('FAILED');
    const result = await aws(['s3', 'cp', url, '-', ...endpoint]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, Buffer.concat([...reportChunks(task)]).toString('utf8'));
    assert.equal(result.stdout.trimEnd().split('\n').length, task.failedCount);
    assert.ok(emulator.s3.requestCounts().GetObject >= 1);
  });

  it('aws s3 cp of a CANCELED task report, and a missing key fails with 404', async () => {
    const { task, url } = demoReport('CANCELED');
    const result = await aws(['s3', 'cp', url, '-', ...endpoint]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trimEnd().split('\n').length, task.failedCount);
    const missing = await aws(['s3', 'cp', url.replace(/task-[0-9a-f]+/, 'task-00000000000000000'), '-', ...endpoint]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /404|Not Found/i);
  });

  it('aws s3 ls --recursive lists the reports of a bucket with their sizes', async () => {
    const { task, url } = demoReport('FAILED');
    const bucket = url.slice('s3://'.length).split('/')[0];
    const result = await aws(['s3', 'ls', `s3://${bucket}/`, '--recursive', ...endpoint]);
    assert.equal(result.code, 0, result.stderr);
    const key = url.slice(`s3://${bucket}/`.length);
    const line = result.stdout.split('\n').find((candidate) => candidate.endsWith(` ${key}`));
    assert.ok(line, result.stdout);
    assert.equal(Number(line.trim().split(/\s+/)[2]), Buffer.concat([...reportChunks(task)]).length);
  });

  it('aws s3 cp of a report above the multipart threshold downloads it in byte ranges', async () => {
    const fileSystemId = emulator.state.fileSystems()[0].fileSystemId;
    const now = emulator.state.now();
    const [taskId] = emulator.state.addTasks([
      {
        fileSystemId,
        type: 'EXPORT_TO_REPOSITORY',
        createdAt: now - 7_200_000,
        pendingMs: 1000,
        executingMs: 3_600_000,
        outcome: 'FAILED',
        totalCount: 400_000,
        failedCount: 200_000,
        report: { Enabled: true, Path: 's3://genomics-raw-reads-prod/fsx-export/reports', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' },
      },
    ]);
    const key = `fsx-export/reports/${taskId}/failures.csv`;
    const file = join(directory, 'failures.csv');
    emulator.s3.resetRequestCounts();
    const result = await aws(['s3', 'cp', `s3://genomics-raw-reads-prod/${key}`, file, ...endpoint]);
    assert.equal(result.code, 0, result.stderr);
    const downloaded = await readFile(file);
    assert.ok(downloaded.length > 8 * 1024 * 1024, `${downloaded.length} bytes`);
    const head = emulator.state.getTask(taskId);
    assert.equal(downloaded.toString('utf8').trimEnd().split('\n').length, head?.status?.failedCount);
    const expected = createHash('md5');
    for (const chunk of reportChunks({ taskId, type: 'EXPORT_TO_REPOSITORY', failedCount: 200_000, paths: [] })) {
      expected.update(chunk);
    }
    assert.equal(createHash('md5').update(downloaded).digest('hex'), expected.digest('hex'));
    assert.ok(emulator.s3.requestCounts().GetObject > 1, 'ranged GETs');
  });
});
