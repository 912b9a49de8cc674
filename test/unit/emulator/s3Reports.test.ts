// The S3 side's pure parts: report CSV encoding and generation, key locations, listing pages,
// byte ranges, and which demo tasks have reports.

import * as assert from 'node:assert/strict';
import { EmulatorStore, ManualEmulatorClock, seedScenario } from '../../../src/emulator';
import { S3Faults } from '../../../src/emulator/s3/faults';
import { decodeCursor, encodeCursor, listPage, type ListQuery } from '../../../src/emulator/s3/listing';
import { parseS3Url, reportLocation, taskIdOfReportKey } from '../../../src/emulator/s3/location';
import { REPORT_ERROR_CODES, ReportDigests, encodeReportField, reportChunks, reportRows, sliceChunks, type ReportInput } from '../../../src/emulator/s3/reports';
import { storeReportSource } from '../../../src/emulator/s3/reportSource';
import { parseRange } from '../../../src/emulator/s3/service';

const TASK: ReportInput = { taskId: 'task-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', failedCount: 5000, paths: ['/runs/a', 'runs/b/'] };

/** A minimal RFC 4180 reader (fields of one line, no embedded newlines in our paths). */
function parseLine(line: string): string[] {
  const fields: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let value = '';
      at += 1;
      for (;;) {
        const quote = line.indexOf('"', at);
        if (line[quote + 1] === '"') {
          value += line.slice(at, quote + 1);
          at = quote + 2;
        } else {
          value += line.slice(at, quote);
          at = quote + 2;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = line.indexOf(',', at);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(at, end));
      at = end + 1;
    }
  }
  return fields;
}

describe('S3 side: completion reports', function () {
  it('quotes fields as the FSx user guide shows', function () {
    assert.equal(encodeReportField('@filename.txt'), '"""@filename.txt"""');
    assert.equal(encodeReportField('+filename.txt'), '"""+filename.txt"""');
    assert.equal(encodeReportField('-x'), '"""-x"""');
    assert.equal(encodeReportField('=x'), '"""=x"""');
    assert.equal(encodeReportField('file,name.txt'), '"file,name.txt"');
    assert.equal(encodeReportField('file"name.txt'), '"file""name.txt"');
    assert.equal(encodeReportField('dir1/myLargeFile'), 'dir1/myLargeFile');
    assert.equal(encodeReportField('a@b'), 'a@b');
  });

  it('generates FailedCount rows, the same for the same task, different for another', function () {
    const rows = [...reportRows(TASK)];
    assert.equal(rows.length, 5000);
    assert.deepEqual([...reportRows(TASK)], rows);
    assert.notDeepEqual([...reportRows({ ...TASK, taskId: 'task-0123456789abcdef1' })].slice(0, 20), rows.slice(0, 20));
    assert.equal(new Set(rows.map((row) => row.path)).size, rows.length, 'each file once');
    const codes = new Set(rows.map((row) => row.errorCode));
    assert.ok([...codes].every((code) => REPORT_ERROR_CODES.includes(code)));
    assert.ok(codes.size >= 5, [...codes].join());
    for (const row of rows.filter((r) => r.errorCode === 'PathSizeTooLong' && !/^[@+=-]|[,"]/.test(r.path))) {
      assert.ok(row.path.length > 1024, 'a path too long for S3 is long');
    }
    assert.ok(rows.filter((row) => !/^[@+=-]|[,"]/.test(row.path)).every((row) => /^runs\/[ab]\//.test(row.path)), 'under the task paths');
  });

  it('round-trips through an RFC 4180 reader, awkward names included', function () {
    const text = Buffer.concat([...reportChunks(TASK)]).toString('utf8');
    const lines = text.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    const rows = [...reportRows(TASK)];
    assert.equal(lines.length, rows.length);
    lines.forEach((line, i) => {
      const [path, status, code] = parseLine(line);
      const expected = /^[@+=-]/.test(rows[i].path) ? `"${rows[i].path}"` : rows[i].path;
      assert.deepEqual([path, status, code], [expected, 'failed', rows[i].errorCode], line);
    });
    for (const lead of ['@', '+', '-', '=']) {
      assert.ok(rows.some((row) => row.path.startsWith(lead)), lead);
    }
    assert.ok(rows.some((row) => row.path.includes(',')) && rows.some((row) => row.path.includes('"')));
  });

  it('an empty report has no bytes; a size and ETag come from one pass', function () {
    assert.deepEqual([...reportChunks({ ...TASK, failedCount: 0 })], []);
    const digests = new ReportDigests(2);
    const digest = digests.of(TASK);
    assert.equal(digest.size, Buffer.concat([...reportChunks(TASK)]).length);
    assert.match(digest.etag, /^"[0-9a-f]{32}"$/);
    assert.deepEqual(digests.of({ ...TASK }), digest);
  });

  it('slices byte ranges across chunks', function () {
    const whole = Buffer.concat([...reportChunks(TASK)]);
    for (const [start, end] of [
      [0, 0],
      [65_530, 65_600],
      [10, whole.length - 1],
      [whole.length - 3, whole.length + 10],
    ]) {
      assert.deepEqual(Buffer.concat([...sliceChunks(reportChunks(TASK), start, end)]), whole.subarray(start, end + 1));
    }
    assert.deepEqual(parseRange('bytes=0-9', 100), [0, 9]);
    assert.deepEqual(parseRange('bytes=90-', 100), [90, 99]);
    assert.deepEqual(parseRange('bytes=-10', 100), [90, 99]);
    assert.deepEqual(parseRange('bytes=50-500', 100), [50, 99]);
    assert.equal(parseRange('bytes=100-', 100), 'unsatisfiable');
    assert.equal(parseRange('bytes=9-1', 100), undefined);
    assert.equal(parseRange('bytes=0-1,5-6', 100), undefined);
    assert.equal(parseRange(undefined, 100), undefined);
  });

  it('places reports where FSx does', function () {
    const report = { Enabled: true, Path: 's3://bucket/export/reports/' };
    assert.deepEqual(reportLocation({ taskId: TASK.taskId, type: 'EXPORT_TO_REPOSITORY', report }), {
      bucket: 'bucket',
      key: `export/reports/${TASK.taskId}/failures.csv`,
    });
    assert.deepEqual(reportLocation({ taskId: TASK.taskId, type: 'IMPORT_METADATA_FROM_REPOSITORY', report: { Enabled: true, Path: 's3://b' } }), {
      bucket: 'b',
      key: `${TASK.taskId}/report.csv`,
    });
    assert.equal(reportLocation({ taskId: TASK.taskId, type: 'EXPORT_TO_REPOSITORY', report: { Enabled: false, Path: 's3://b' } }), undefined);
    assert.equal(reportLocation({ taskId: TASK.taskId, type: 'EXPORT_TO_REPOSITORY', report: { Enabled: true, Path: '/fsx/reports' } }), undefined);
    assert.equal(taskIdOfReportKey(`a/${TASK.taskId}/failures.csv`), TASK.taskId);
    assert.equal(taskIdOfReportKey(`${TASK.taskId}/report.csv`), TASK.taskId);
    assert.equal(taskIdOfReportKey(`a/${TASK.taskId}/other.csv`), undefined);
    assert.deepEqual(parseS3Url('s3://b'), { bucket: 'b', key: '' });
    assert.equal(parseS3Url('nfs://host/x'), undefined);
  });
});

describe('S3 side: ListObjectsV2 pages', function () {
  const keys = ['a/1/x.csv', 'a/2/x.csv', 'a/2/y.csv', 'a/3/x.csv', 'b.csv', 'c/z.csv'];
  const query = (overrides: Partial<ListQuery>): ListQuery => ({ prefix: '', delimiter: '', startAfter: '', maxKeys: 1000, ...overrides });

  it('filters by prefix and start-after', function () {
    assert.deepEqual(listPage(keys, query({ prefix: 'a/2/' })).keys, ['a/2/x.csv', 'a/2/y.csv']);
    assert.deepEqual(listPage(keys, query({ startAfter: 'a/3/x.csv' })).keys, ['b.csv', 'c/z.csv']);
  });

  it('groups by delimiter, a common prefix counting as one key', function () {
    const page = listPage(keys, query({ delimiter: '/' }));
    assert.deepEqual(page.keys, ['b.csv']);
    assert.deepEqual(page.commonPrefixes, ['a/', 'c/']);
    assert.deepEqual(listPage(keys, query({ prefix: 'a/', delimiter: '/' })).commonPrefixes, ['a/1/', 'a/2/', 'a/3/']);
  });

  it('pages through every key exactly once, with or without a delimiter', function () {
    for (const delimiter of ['', '/']) {
      for (const maxKeys of [1, 2, 3]) {
        const seen: string[] = [];
        let cursor: ReturnType<typeof decodeCursor> | undefined;
        for (let pages = 0; pages < 20; pages++) {
          const page = listPage(keys, query({ delimiter, maxKeys, cursor }));
          assert.ok(page.keys.length + page.commonPrefixes.length <= maxKeys);
          seen.push(...page.keys, ...page.commonPrefixes);
          if (!page.next) {
            break;
          }
          cursor = decodeCursor(encodeCursor(page.next));
        }
        const whole = listPage(keys, query({ delimiter }));
        assert.deepEqual(seen.sort(), [...whole.keys, ...whole.commonPrefixes].sort(), `${delimiter} ${maxKeys}`);
      }
    }
    assert.throws(() => decodeCursor('not-a-token'), /continuation token/);
  });
});

describe('S3 side: faults and the demo scenario', function () {
  it('scopes faults to a bucket and an operation, and counts them down', function () {
    const faults = new S3Faults();
    faults.add({ kind: 'accessDenied', bucket: 'locked' });
    faults.add({ kind: 'throttle', operation: 'ListObjectsV2', count: 1 });
    assert.equal(faults.decide('GetObject', 'locked').error?.code, 'AccessDenied');
    assert.equal(faults.decide('GetObject', 'open').error, undefined);
    assert.equal(faults.decide('ListObjectsV2', 'open').error?.code, 'SlowDown');
    assert.equal(faults.decide('ListObjectsV2', 'open').error, undefined);
    assert.throws(() => faults.add({ kind: 'latency' }), RangeError);
  });

  it('demo holds ended FAILED and CANCELED tasks whose enabled reports have rows', function () {
    const state = new EmulatorStore({ clock: new ManualEmulatorClock(Date.UTC(2025, 3, 1, 12)) });
    seedScenario(state, 'demo');
    const source = storeReportSource(state);
    const withRows = [...source.reportedTasks()].filter((task) => task.failedCount > 0);
    const lifecycles = new Set(withRows.map((task) => state.getTask(task.taskId)?.lifecycle));
    assert.ok(lifecycles.has('FAILED') && lifecycles.has('CANCELED'), [...lifecycles].join());
    assert.deepEqual(new Set(withRows.map((task) => task.type)), new Set(['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM']));
    for (const task of withRows) {
      const location = reportLocation(task);
      assert.ok(location && source.bucketNames().has(location.bucket));
      assert.equal([...reportRows(task)].length, state.getTask(task.taskId)?.status?.failedCount);
    }
    assert.equal(source.bucketNames().has('genomics-raw-reads-prod'), true);
    assert.equal(source.bucketNames().has('render-farm-assets'), true);
    assert.equal(source.bucketNames().has('elsewhere'), false);
  });
});
