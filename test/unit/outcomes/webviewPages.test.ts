import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { failedFilesPage, isFailedFilesMessage, progressPage, webviewPage } from '../../../src/outcomes/webviewPages';
import type { ReportOutcome } from '../../../src/outcomes/reportReader';

type Report = Extract<ReportOutcome, { kind: 'report' }>;

const report: Report = {
  kind: 'report',
  location: { bucket: 'bucket', key: 'reports/task-0123456789abcdef0/failures.csv', uri: 's3://bucket/reports/task-0123456789abcdef0/failures.csv' },
  summary: {
    totalRows: 3,
    byErrorCode: [
      { code: 'S3AccessDenied', count: 2 },
      { code: 'Mystery', count: 1 },
    ],
    rows: [
      { filePath: 'runs/<script>alert(1)</script>.bam', fileStatus: 'failed', errorCode: 'S3AccessDenied' },
      { filePath: '@formula "quoted".txt', fileStatus: 'failed', errorCode: 'Mystery' },
    ],
    rowsTruncated: true,
    malformedRows: 0,
    hadHeader: false,
    bytes: 200,
  },
  failedCount: { reported: 3, expected: 4, matches: false },
};
const task = { taskId: 'task-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', status: { failedCount: 4 } } as const;

describe('webview pages', () => {
  it('has a strict content security policy: nothing but its own nonced style and script', () => {
    const html = webviewPage({ nonce: 'abc123', title: 'T', body: '<p>x</p>', script: 'void 0' });
    assert.match(html, /content="default-src 'none'; img-src data:; style-src 'nonce-abc123'; script-src 'nonce-abc123';"/);
    assert.match(html, /<style nonce="abc123">/);
    assert.match(html, /<script nonce="abc123">void 0<\/script>/);
    assert.doesNotMatch(html, /https?:\/\//);
  });

  it('shows the summary by code with meaning and action, the count mismatch and the escaped paths', () => {
    const html = failedFilesPage(task, report, ENGLISH, 'n0nce');
    assert.match(html, /<code>S3AccessDenied<\/code><\/td><td class="count">2<\/td><td>FSx was denied access to S3: exporting needs s3:PutObject/);
    assert.match(html, /<code>Mystery<\/code><\/td><td class="count">1<\/td><td>FSx reported a failure this extension does not know \(Mystery\)/);
    assert.match(html, /class="mismatch">The report lists 3 failed files, but the task counted 4\./);
    assert.match(html, /Showing the first 2 of 3 rows/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /runs\/&#60;script&#62;alert\(1\)&#60;\/script&#62;\.bam/);
    assert.match(html, /data-path="@formula &#34;quoted&#34;\.txt"/);
    assert.equal(html.match(/<tr data-path=/g)?.length, 2);
    assert.match(html, /id="search"/);
    assert.match(html, /id="openRaw"/);
  });

  it('accepts only the messages the page sends', () => {
    assert.ok(isFailedFilesMessage({ type: 'copy', text: 'a' }));
    assert.ok(isFailedFilesMessage({ type: 'copyShown', paths: ['a', 'b'] }));
    assert.ok(isFailedFilesMessage({ type: 'openRaw' }));
    assert.ok(!isFailedFilesMessage({ type: 'copy', text: 3 }));
    assert.ok(!isFailedFilesMessage({ type: 'copyShown', paths: [1] }));
    assert.ok(!isFailedFilesMessage({ type: 'run' }));
    assert.ok(!isFailedFilesMessage(undefined));
  });

  it('puts the throughput line and the chart on the progress page, without a script', () => {
    const html = progressPage('task-0123456789abcdef0', '<svg></svg>', '2.5 files/s, about 1 min left.', ENGLISH, 'n');
    assert.match(html, /<p id="throughput">2\.5 files\/s, about 1 min left\.<\/p>\n<svg><\/svg>/);
    assert.doesNotMatch(html, /<script/);
  });
});
