import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Task } from '../../../src/fsx/types';
import { canRetryFailedFiles, foldFolders, folderWithin, MAX_RETRY_TASKS, planRetry, RETRYABLE_CODES, retryCause, RetryCollector, retryPlanText, retryTaskInput, taskPathForm, nothingToRetryText } from '../../../src/outcomes/retryPlan';
import { DOCUMENTED_ERROR_CODES } from '../../../src/outcomes/catalog';

function collect(rows: [string, string][], scope: string[] = [], maxPaths?: number) {
  const collector = new RetryCollector(scope, maxPaths);
  for (const [filePath, errorCode] of rows) {
    collector.add({ filePath, errorCode });
  }
  return collector.collected();
}

const exportTask: Pick<Task, 'taskId' | 'type' | 'resource' | 'report' | 'daysSinceLastAccess'> = {
  taskId: 'task-0123456789abcdef0',
  type: 'EXPORT_TO_REPOSITORY',
  resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
  report: { enabled: true, path: 's3://bucket/reports' },
};

describe('Retry Failed Files: the plan', () => {
  it('retries only the causes a retry can fix; every other documented code needs a change first', () => {
    assert.deepEqual([...RETRYABLE_CODES].sort(), ['INTERNAL_ERROR', 'InternalError', 'ResourceBusy', 'S3Error']);
    for (const code of DOCUMENTED_ERROR_CODES) {
      assert.equal(retryCause(code), ['ResourceBusy', 'InternalError', 'S3Error'].includes(code) ? 'retry' : 'change', code);
    }
    assert.equal(retryCause('SomethingNew'), 'change', 'an unknown code is not retried blindly');
    assert.equal(canRetryFailedFiles({ type: 'EXPORT_TO_REPOSITORY' }), true);
    assert.equal(canRetryFailedFiles({ type: 'RELEASE_DATA_FROM_FILESYSTEM' }), true);
    assert.equal(canRetryFailedFiles({ type: 'IMPORT_METADATA_FROM_REPOSITORY' }), false);
  });

  it("turns a report's paths into the task's form, relative to the root", () => {
    assert.equal(taskPathForm('/dir1//myLargeFile'), 'dir1/myLargeFile');
    assert.equal(taskPathForm('dir1/myLargeFile'), 'dir1/myLargeFile');
  });

  it('one task with exactly the retryable paths, the others apart by code', () => {
    const plan = planRetry(
      collect([
        ['data/a.bin', 'ResourceBusy'],
        ['/data/b.bin', 'InternalError'],
        ['data/c.bin', 'S3AccessDenied'],
        ['data/d.bin', 'PathSizeTooLong'],
        ['data/e.bin', 'FileSizeTooLarge'],
        ['data/a.bin', 'ResourceBusy'],
        ['data/f.bin', 'S3Error'],
      ]),
    );
    assert.equal(plan.form, 'paths');
    assert.deepEqual(plan.tasks, [['data/a.bin', 'data/b.bin', 'data/f.bin']]);
    assert.deepEqual(plan.apart.map((entry) => entry.code).sort(), ['FileSizeTooLarge', 'PathSizeTooLong', 'S3AccessDenied']);
    assert.equal(plan.files, 4);
  });

  it('101 to 500 files: several tasks of at most 100 exact paths', () => {
    const rows = Array.from({ length: 250 }, (_, i): [string, string] => [`d${i % 7}/f${String(i).padStart(3, '0')}`, 'ResourceBusy']);
    const plan = planRetry(collect(rows));
    assert.equal(plan.form, 'paths');
    assert.deepEqual(plan.tasks.map((paths) => paths.length), [100, 100, 50]);
    assert.equal(new Set(plan.tasks.flat()).size, 250);
  });

  it('more than 500 files: their common folders, folded up to at most 100, never above the first task\'s paths', () => {
    const rows = Array.from({ length: 600 }, (_, i): [string, string] => [`scratch/run-${i % 150}/part/f${i}`, 'ResourceBusy']);
    const plan = planRetry(collect(rows, ['/scratch']));
    assert.equal(plan.form, 'folders');
    assert.equal(plan.tasks.length, 1);
    // 150 run folders do not fit in 100 paths: their parent is the scope itself.
    assert.deepEqual(plan.tasks[0], ['scratch']);
    const fewer = planRetry(collect(Array.from({ length: 600 }, (_, i): [string, string] => [`scratch/run-${i % 40}/part/f${i}`, 'S3Error']), ['scratch']));
    assert.equal(fewer.tasks[0]?.length, 40);
    assert.ok(fewer.tasks[0]?.every((folder) => /^scratch\/run-\d+\/part$/.test(folder)));
  });

  it('paths that cannot be folded and do not fit in five tasks are left out, and the confirmation says so', () => {
    // Files outside the first task's paths stay themselves: 700 of them do not fold.
    const rows = Array.from({ length: 700 }, (_, i): [string, string] => [`stray-${i}.bin`, 'ResourceBusy']);
    const plan = planRetry(collect(rows, ['scratch']));
    assert.equal(plan.form, 'folders');
    assert.deepEqual(plan.tasks.map((paths) => paths.length), [100, 100, 100, 100, 100]);
    assert.equal(plan.leftOut, 200);
    assert.match(retryPlanText(plan, exportTask, {}, ENGLISH).detail, /200 more paths did not fit in 5 tasks and are not retried/);
  });

  it('folds deepest first and stops at the scope path holding a folder', () => {
    assert.deepEqual(foldFolders(['a/b/c', 'a/b/d', 'a/x', 'e/f/g'], [], 2), ['a', 'e']);
    assert.deepEqual(foldFolders(['a/b/c', 'a/b/d', 'a/x'], ['a/b', 'a/x'], 1), ['a/b', 'a/x'], 'never above a scope path');
    assert.equal(folderWithin('a/file', ['a/file']), 'a/file', 'a file named in the scope is its own folder');
    assert.equal(folderWithin('a/b/file', ['a']), 'a/b');
    assert.equal(folderWithin('elsewhere/file', ['a']), 'elsewhere/file', 'a file outside the scope stays itself, never its folder');
    assert.equal(folderWithin('top-level-file', ['a']), 'top-level-file', 'never the whole file system when the first task had paths');
    assert.equal(folderWithin('top-level-file', []), '', 'the root when the first task covered the whole file system');
  });

  it('keeps memory bounded on a huge report: past the bound, only folders are kept', () => {
    const rows = Array.from({ length: 1_000 }, (_, i): [string, string] => [`big/d${i % 3}/f${i}`, 'ResourceBusy']);
    const collected = collect(rows, [], 100);
    assert.equal(collected.paths.length, 100);
    assert.equal(collected.overflowFiles, 900);
    assert.deepEqual([...collected.overflowFolders].sort(), ['big/d0', 'big/d1', 'big/d2']);
    const plan = planRetry(collected);
    assert.equal(plan.form, 'folders');
    assert.deepEqual(plan.tasks, [['big/d0', 'big/d1', 'big/d2']]);
    assert.equal(plan.files, 1_000);
    assert.ok(MAX_RETRY_TASKS >= 1);
  });

  it('a path no task can name is counted apart', () => {
    const plan = planRetry(collect([['ok', 'ResourceBusy'], ['bad\nname', 'ResourceBusy'], ['x'.repeat(5000), 'S3Error']]));
    assert.deepEqual(plan.tasks, [['ok']]);
    assert.equal(plan.unnamable, 2);
  });

  it('the new task keeps the first one\'s type, report and release age, with a token of its own', () => {
    const input = retryTaskInput({ ...exportTask, type: 'RELEASE_DATA_FROM_FILESYSTEM', daysSinceLastAccess: 30 }, ['a', 'b']);
    assert.deepEqual({ ...input, clientRequestToken: undefined }, {
      fileSystemId: 'fs-0123456789abcdef0',
      type: 'RELEASE_DATA_FROM_FILESYSTEM',
      paths: ['a', 'b'],
      report: { enabled: true, path: 's3://bucket/reports', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' },
      clientRequestToken: undefined,
      daysSinceLastAccess: 30,
    });
    assert.match(input.clientRequestToken ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(retryTaskInput(exportTask, ['']).paths, undefined, 'the root folder is the whole file system');
    assert.deepEqual(retryTaskInput({ ...exportTask, type: 'RELEASE_DATA_FROM_FILESYSTEM' }, ['']).paths, ['/'], 'a whole-file-system release sends `/`');
  });

  it('the confirmation says what is sent, why it takes that form, and what to change for the rest', () => {
    const rows = Array.from({ length: 150 }, (_, i): [string, string] => [`d/f${i}`, 'ResourceBusy']);
    rows.push(['[x](command:evil)', 'S3AccessDenied']);
    const plan = planRetry(collect(rows));
    const text = retryPlanText(plan, exportTask, {}, ENGLISH);
    assert.equal(text.confirmLabel, 'Retry 150 Files');
    assert.match(text.message, /Export again the failed files of task-0123456789abcdef0/);
    assert.match(text.detail, /ResourceBusy 150/);
    assert.match(text.detail, /2 tasks: the first starts now, the others are queued in this VS Code window/);
    assert.match(text.detail, /1 × S3AccessDenied: Check the bucket policy/);
    assert.match(text.detail, /s3:\/\/bucket\/reports/);
    assert.doesNotMatch(text.detail, /command:evil/, 'paths are not listed in the confirmation');
    const cut = retryPlanText(plan, exportTask, { cut: { reason: 'byteCap', maxBytes: 1 } }, ENGLISH);
    assert.match(cut.detail, /not read to its end/);
    const none = planRetry(collect([['a', 'PathSizeTooLong']]));
    assert.deepEqual(none.tasks, []);
    assert.match(nothingToRetryText(none, exportTask, ENGLISH), /No failed file .* PathSizeTooLong \(1 files\): Shorten/);
  });
});
