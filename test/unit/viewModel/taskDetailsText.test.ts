// The task details document's report row, rendered as the Markdown preview renders it: it names the
// object Show Failed Files reads, which for an import is report.csv, not failures.csv.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Connection, Task } from '../../../src/fsx/types';
import { reportLocation } from '../../../src/outcomes/reportReader';
import { renderTaskDetails } from '../../../src/viewModel/taskDetailsText';

const connection: Connection = { region: 'us-east-1' };
const ended: Task = {
  taskId: 'task-0123456789abcdef0',
  lifecycle: 'SUCCEEDED',
  type: 'EXPORT_TO_REPOSITORY',
  creationTime: new Date(0),
  endTime: new Date(60_000),
  resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
  paths: ['results'],
  status: { totalCount: 10, succeededCount: 9, failedCount: 1 },
  report: { enabled: true, path: 's3://bucket/reports/', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' },
};

/** The text of the table cell after the one that reads `label`, as the preview shows it. */
function cellAfter(task: Task, label: string): string | undefined {
  const html = new MarkdownIt({ html: true, linkify: true }).render(renderTaskDetails(task, connection, undefined, 60_000, ENGLISH));
  const row = new RegExp(`<td>${label}</td>\\s*<td>(.*?)</td>`).exec(html);
  return row?.[1].replace(/<[^>]+>/g, '');
}

describe('Task details: the report file row', () => {
  it('an export names failures.csv under the task id', () => {
    assert.equal(cellAfter(ended, 'Report file'), 's3://bucket/reports/task-0123456789abcdef0/failures.csv');
  });

  it('an import names report.csv, the object Show Failed Files reads', () => {
    const task: Task = { ...ended, type: 'IMPORT_METADATA_FROM_REPOSITORY', paths: ['s3://bucket/in/'] };
    assert.equal(cellAfter(task, 'Report file'), 's3://bucket/reports/task-0123456789abcdef0/report.csv');
    assert.equal(cellAfter(task, 'Report file'), reportLocation(task)?.uri);
  });

  it('no row when the report is off or its path is not an S3 URI', () => {
    assert.equal(cellAfter({ ...ended, report: { ...ended.report!, enabled: false } }, 'Report file'), undefined);
    assert.equal(cellAfter({ ...ended, report: { ...ended.report!, path: '/not/s3' } }, 'Report file'), undefined);
  });
});
