import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { failedFilesPage, isFailedFilesMessage, progressPage, webviewPage } from '../../../src/outcomes/webviewPages';
import type { ReportOutcome } from '../../../src/outcomes/reportReader';
import { summariseReport } from '../../../src/outcomes/reportCsv';
import { checkFailedCount } from '../../../src/outcomes/catalog';
import { reportLine } from './reportFixtures';

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

  it('renders hostile paths, codes and the report URI as text: no element or attribute comes from the data', async () => {
    const hostile = [
      '<img src=https://evil.example/x.png>',
      '</script><script>alert(1)</script>',
      '<a href="command:workbench.action.terminal.new">open</a>',
      '" onmouseover="alert(1)" x="',
      "' autofocus onfocus='alert(1)",
      '<style>body{background:url(https://evil.example)}</style>',
      '<!-- comment --><iframe src=https://evil.example>',
    ];
    const csv = hostile.map((path, i) => reportLine(path, i === 0 ? '<b>S3Error</b>' : 'S3Error')).join('');
    const summary = await summariseReport([csv]);
    const uri = 's3://bucket/<img src=https://evil.example>/</script>/failures.csv';
    const page = failedFilesPage(task, { kind: 'report', location: { bucket: 'bucket', key: 'k', uri }, summary, failedCount: checkFailedCount(summary, task) }, ENGLISH, 'n0nce');
    assert.equal(summary.rows.length, hostile.length);
    const tags = [...page.matchAll(/<([a-zA-Z][^\s/>]*)([^>]*)>/g)];
    const elements = new Set(tags.map((tag) => tag[1].toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'div', 'input', 'span', 'button', 'script'];
    assert.deepEqual([...elements].filter((name) => !allowed.includes(name)), []);
    assert.equal(page.match(/<script/gi)?.length, 1);
    assert.equal(page.match(/<style/gi)?.length, 1);
    assert.equal(page.match(/<\/script/gi)?.length, 1);
    // Every attribute of every element is one the page itself writes.
    // (A value is double-quoted and consumed whole, so nothing inside it reads as an attribute.)
    const attributes = new Set(tags.flatMap((tag) => [...tag[2].matchAll(/\s*([^\s=]+)(?:="[^"]*")?/g)].map((match) => match[1].toLowerCase())));
    const allowedAttributes = ['charset', 'http-equiv', 'content', 'name', 'nonce', 'id', 'class', 'data-path', 'title', 'type', 'placeholder', 'aria-label', 'aria-live', 'data-template'];
    assert.deepEqual([...attributes].filter((name) => !allowedAttributes.includes(name)), []);
    // Each data-path attribute holds the whole path, quotes escaped, so it ends where the page ends it.
    const dataPaths = [...page.matchAll(/data-path="([^"]*)"/g)].map((match) => match[1].replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))));
    assert.deepEqual(dataPaths, hostile);
    const csp = /Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1] ?? '';
    assert.doesNotMatch(csp, /https?:|\*/);
    assert.match(csp, /default-src 'none'/);
  });

  it('keeps the page of a report with long paths to a few MiB', async () => {
    // 1,000 rows of 4,000-character paths: before the character budget, the page held each path four times (16 MB).
    const csv = Array.from({ length: 1_000 }, (_, i) => reportLine(`${i}/${'p'.repeat(4_000)}`, 'S3Error')).join('');
    const summary = await summariseReport([csv]);
    const page = failedFilesPage(task, { ...report, summary, failedCount: checkFailedCount(summary, task) }, ENGLISH, 'n0nce');
    assert.ok(page.length < 3 * 1024 * 1024, `the page is ${(page.length / 1024 / 1024).toFixed(1)} MiB`);
    assert.match(page, new RegExp(`Showing the first ${summary.rows.length} of 1,000 rows\\.`));
  });

  it('says where reading stopped: at an oversized record (its row) or at the byte cap', () => {
    const cutAtRecord = failedFilesPage(task, { ...report, summary: { ...report.summary, cut: { reason: 'oversizedRecord', row: 1_234, maxRecordBytes: 65_536 } } }, ENGLISH, 'n0nce');
    assert.match(cutAtRecord, /id="cut" class="mismatch">Reading stopped at row 1,234: it is longer than 64 KiB/);
    assert.match(cutAtRecord, /Showing the first 2 of the 3 rows read\./);
    const cutAtCap = failedFilesPage(task, { ...report, summary: { ...report.summary, cut: { reason: 'byteCap', maxBytes: 256 * 1024 * 1024 } } }, ENGLISH, 'n0nce');
    assert.match(cutAtCap, /The report is larger than 256 MiB: reading stopped there/);
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
