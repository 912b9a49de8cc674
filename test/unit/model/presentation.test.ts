import * as assert from 'node:assert/strict';
import { LIFECYCLES, Task } from '../../../src/fsx/model';
import { consoleUrl, failureReportLocation, formatDuration, lifecycleLook, percentText, progressText, relativeTime, shortTaskId, taskSummary } from '../../../src/model/presentation';

const base: Task = {
  taskId: 'task-0123456789abcdef0',
  lifecycle: 'EXECUTING',
  type: 'EXPORT_TO_REPOSITORY',
  creationTime: new Date(0),
  resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
  paths: [],
};

describe('presentation', () => {
  it('gives every lifecycle a distinct icon, spinning only while the task can change', () => {
    const icons = LIFECYCLES.map((lifecycle) => lifecycleLook(lifecycle).icon);
    assert.equal(new Set(icons).size, LIFECYCLES.length);
    for (const lifecycle of LIFECYCLES) {
      assert.equal(lifecycleLook(lifecycle).icon.endsWith('~spin'), ['PENDING', 'EXECUTING', 'CANCELING'].includes(lifecycle), lifecycle);
    }
    assert.equal(lifecycleLook('PAUSED' as never).label, 'PAUSED');
  });

  it('formats progress with thousands separators and failures', () => {
    const task = { ...base, status: { totalCount: 5000, succeededCount: 1200, failedCount: 4 } };
    assert.equal(progressText(task), '1,204 / 5,000 files, 4 failed');
    assert.equal(percentText(task), '24%');
    assert.equal(progressText(base), undefined);
    assert.equal(percentText({ ...task, lifecycle: 'SUCCEEDED' }), undefined);
    assert.equal(taskSummary(task), 'Export to repository · Executing · 1,204 / 5,000 files, 4 failed');
  });

  it('shortens ids, formats times and durations', () => {
    assert.equal(shortTaskId('task-0123456789abcdef0'), 'task-0123…def0');
    assert.equal(relativeTime(new Date(0), 30_000), 'just now');
    assert.equal(relativeTime(new Date(0), 5 * 60_000), '5 min ago');
    assert.equal(relativeTime(new Date(0), 3 * 3600_000), '3 h ago');
    assert.equal(formatDuration(42_000), '42 s');
    assert.equal(formatDuration(3_900_000), '1 h 5 min');
  });

  it('points at the console page and the failure report', () => {
    assert.equal(consoleUrl(base, 'eu-west-1'), 'https://eu-west-1.console.aws.amazon.com/fsx/home?region=eu-west-1#file-system-details/fs-0123456789abcdef0');
    assert.equal(failureReportLocation({ ...base, report: { enabled: true, path: 's3://bucket/reports/' } }), 's3://bucket/reports/task-0123456789abcdef0/failures.csv');
    assert.equal(failureReportLocation({ ...base, report: { enabled: false, path: 's3://bucket/reports' } }), undefined);
  });
});
