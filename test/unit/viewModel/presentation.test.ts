import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIFECYCLES, Task } from '../../../src/fsx/types';
import { consoleUrl, createTaskText, ENGLISH, formatCount, L10n, percentText, shortTaskId, taskContextValue } from '../../../src/viewModel/presentation';

const base: Task = {
  taskId: 'task-0123456789abcdef0',
  lifecycle: 'EXECUTING',
  type: 'EXPORT_TO_REPOSITORY',
  creationTime: new Date(0),
  resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
  paths: [],
};
const text = createTaskText(ENGLISH);

describe('presentation', () => {
  it('gives every lifecycle a distinct icon, spinning only while the task can change', () => {
    const icons = LIFECYCLES.map((lifecycle) => text.lifecycleLook(lifecycle).icon);
    assert.equal(new Set(icons).size, LIFECYCLES.length);
    for (const lifecycle of LIFECYCLES) {
      assert.equal(text.lifecycleLook(lifecycle).icon.endsWith('~spin'), ['PENDING', 'EXECUTING', 'CANCELING'].includes(lifecycle), lifecycle);
    }
    assert.deepEqual(text.lifecycleLook('PAUSED' as never), { label: 'PAUSED', icon: 'question' });
  });

  it('formats progress with thousands separators and failures', () => {
    const task = { ...base, status: { totalCount: 5000, succeededCount: 1200, failedCount: 4 } };
    assert.equal(text.progress(task), '1,204 / 5,000 files, 4 failed');
    assert.equal(text.progress({ ...task, status: { totalCount: 5000, succeededCount: 1200 } }), '1,200 / 5,000 files');
    assert.equal(percentText(task), '24%');
    assert.equal(text.progress(base), undefined);
    assert.equal(percentText({ ...task, lifecycle: 'SUCCEEDED' }), undefined);
    assert.equal(text.accessibleLabel(task), 'Export to repository task-0123456789abcdef0, Executing, 1,204 / 5,000 files, 4 failed');
    assert.equal(text.rowLabel(task, true), 'Executing 24% · tracked');
    assert.equal(text.rowLabel(base, false), 'Executing');
    assert.equal(text.rowLabel({ ...task, lifecycle: 'CANCELING' }, false), 'Canceling', 'no percent that reads as the cancel being done');
    assert.equal(text.rowLabel({ ...task, lifecycle: 'SUCCEEDED' }, false), 'Succeeded, 4 failed');
    assert.equal(text.rowLabel({ ...task, lifecycle: 'FAILED' }, false), 'Failed: 4 files');
    assert.equal(text.rowLabel({ ...task, lifecycle: 'SUCCEEDED', status: { totalCount: 5, succeededCount: 5, failedCount: 0 } }, false), 'Succeeded');
    assert.equal(text.rowDescription(task, task.creationTime.getTime() + 5 * 60_000), 'Export · 5 min ago · task-0123…def0');
  });

  it('writes counts as Intl.NumberFormat en-US does', () => {
    const intl = new Intl.NumberFormat('en-US');
    for (const value of [0, 7, 999, 1000, 1204, 12_345, 999_999, 1_000_000, 5_000_000, 123_456_789, Number.MAX_SAFE_INTEGER, -1, -1000, -1_234_567, -0, 1.5, 1234.5678, 2 ** 60, NaN, Infinity]) {
      assert.equal(formatCount(value), intl.format(value), String(value));
    }
  });

  it('formats whole counts without an Intl formatter, whose first use loads ICU data (the first task row paid it)', () => {
    const format = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format');
    assert.ok(format);
    Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
      configurable: true,
      get() {
        throw new Error('an Intl formatter was used');
      },
    });
    try {
      assert.equal(formatCount(1_204), '1,204');
      assert.equal(text.progress({ ...base, status: { totalCount: 5000, succeededCount: 1200, failedCount: 4 } }), '1,204 / 5,000 files, 4 failed');
    } finally {
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', format);
    }
  });

  it('shortens ids, formats times and durations', () => {
    assert.equal(shortTaskId('task-0123456789abcdef0'), 'task-0123…def0');
    assert.equal(text.relativeTime(new Date(0), 30_000), 'just now');
    assert.equal(text.relativeTime(new Date(0), 5 * 60_000), '5 min ago');
    assert.equal(text.relativeTime(new Date(0), 3 * 3600_000), '3 h ago');
    assert.equal(text.relativeTime(new Date(0), 72 * 3600_000), '3 d ago');
    assert.equal(text.duration(42_000), '42 s');
    assert.equal(text.duration(125_000), '2 min 5 s');
    assert.equal(text.duration(3_900_000), '1 h 5 min');
  });

  it('says every word through the l10n it is given', () => {
    const german: L10n = {
      t: (message, ...args) =>
        ENGLISH.t(({ Executing: 'Wird ausgeführt', 'Export to repository': 'Export ins Repository', '{0} / {1} files': '{0} / {1} Dateien', '{0} min ago': 'vor {0} Min.' } as Record<string, string>)[message] ?? message, ...args),
    };
    const translated = createTaskText(german);
    assert.equal(translated.accessibleLabel({ ...base, status: { totalCount: 10, succeededCount: 3 } }), `Export ins Repository ${base.taskId}, Wird ausgeführt, 3 / 10 Dateien`);
    assert.equal(translated.relativeTime(new Date(0), 5 * 60_000), 'vor 5 Min.');
  });

  it('writes every word in src as a literal l10n.t call, so the l10n tools can extract it', () => {
    const root = join(__dirname, '..', '..', '..', '..', 'src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    let literal = 0;
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      literal += (source.match(/l10n\.t\(\s*'/g) ?? []).length;
      const dynamic = source.match(/l10n\.t\((?!\s*')[^)]*\)/g) ?? [];
      assert.deepEqual(dynamic, [], `${file}: an l10n.t call with a computed key`);
    }
    assert.ok(literal >= 150, `${literal} literal calls`);
  });

  it('points at the console page', () => {
    assert.equal(consoleUrl(base, 'eu-west-1'), 'https://eu-west-1.console.aws.amazon.com/fsx/home?region=eu-west-1#file-system-details/fs-0123456789abcdef0');
  });
});

describe('consoleUrl: outside text never becomes part of the host (issue 18, finding 10)', () => {
  const task = { taskId: 'task-0123456789abcdef0', resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' } } as Task;

  it('uses only a region name, and each partition\'s console', () => {
    assert.equal(consoleUrl(task, 'us-gov-west-1'), 'https://console.amazonaws-us-gov.com/fsx/home?region=us-gov-west-1#file-system-details/fs-0123456789abcdef0');
    assert.equal(consoleUrl(task, 'cn-north-1'), 'https://console.amazonaws.cn/fsx/home?region=cn-north-1#file-system-details/fs-0123456789abcdef0');
    for (const region of ['evil.example.com#', 'us-east-1.evil.example.com/', 'attacker.example.com/x?', '', 'us-east-1 ', 'US-EAST-1']) {
      assert.equal(consoleUrl(task, region), undefined, region);
    }
  });

  it('refuses a resource id that is not one', () => {
    assert.equal(consoleUrl({ ...task, resource: { kind: 'fileSystem', id: 'fs-01234567/../../x' } }, 'us-east-1'), undefined);
    assert.equal(consoleUrl({ ...task, resource: { kind: 'fileCache', id: 'fs-0123456789abcdef0' } }, 'us-east-1'), undefined);
    assert.match(consoleUrl({ ...task, resource: { kind: 'fileCache', id: 'fc-0123456789abcdef0' } }, 'us-east-1') ?? '', /#file-cache-details\/fc-0123456789abcdef0$/);
  });
});

describe('task context value', () => {
  const report = { enabled: true, path: 's3://bucket/reports' } as Task['report'];

  it('adds .report after .tracked only to ended tasks with a report that lists failed files', () => {
    assert.equal(taskContextValue({ lifecycle: 'FAILED', report }, false), 'task.FAILED.report');
    assert.equal(taskContextValue({ lifecycle: 'FAILED', report }, true), 'task.FAILED.tracked.report');
    assert.equal(taskContextValue({ lifecycle: 'SUCCEEDED', report, status: { failedCount: 3 } }, false), 'task.SUCCEEDED.report');
    assert.equal(taskContextValue({ lifecycle: 'CANCELED', report, status: { failedCount: 1 } }, true), 'task.CANCELED.tracked.report');
  });

  it('leaves it off without failed files, without a report, or while the task runs', () => {
    assert.equal(taskContextValue({ lifecycle: 'SUCCEEDED', report, status: { failedCount: 0 } }, false), 'task.SUCCEEDED');
    assert.equal(taskContextValue({ lifecycle: 'FAILED', report: { ...report, enabled: false } as Task['report'] }, false), 'task.FAILED');
    assert.equal(taskContextValue({ lifecycle: 'FAILED' }, true), 'task.FAILED.tracked');
    assert.equal(taskContextValue({ lifecycle: 'EXECUTING', report, status: { failedCount: 9 } }, false), 'task.EXECUTING');
  });
});
