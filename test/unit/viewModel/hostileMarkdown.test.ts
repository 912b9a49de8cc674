// The Markdown built from FSx strings (the task details document, the explorer's hovers) fed
// hostile paths, failure messages and Name tags, rendered as the Markdown preview renders it
// (markdown-it with linkify): no link but our own command links, no image, no HTML.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Association, Connection, Lifecycle, StorageResource, Task } from '../../../src/fsx/types';
import { renderTaskDetails } from '../../../src/viewModel/taskDetailsText';
import { associationTooltipMarkdown, resourceTooltipMarkdown, taskTooltipMarkdown } from '../../../src/viewModel/tooltipText';
import { createTaskText } from '../../../src/viewModel/presentation';
import { createAssociationText } from '../../../src/viewModel/associationText';

const LINK = '[x](command:workbench.action.terminal.new)';
const HOSTILE = [`a\`b${LINK}`, '![i](https://evil.example.com/p.png)', '<img src=x>', 'https://evil.example.com', `\`\`${LINK}\`\``, '$(alert) | cell | **b**'];
const ALL = HOSTILE.join(' ');

const TASK_ID = 'task-0123456789abcdef0';
const hostileTask: Task = {
  taskId: TASK_ID,
  lifecycle: 'FAILED',
  type: 'EXPORT_TO_REPOSITORY',
  creationTime: new Date(0),
  startTime: new Date(1_000),
  endTime: new Date(60_000),
  arn: `arn:aws:fsx:us-east-1:123456789012:task/${TASK_ID}${LINK}`,
  resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
  paths: HOSTILE,
  failureMessage: ALL,
  status: { totalCount: 10, succeededCount: 5, failedCount: 5 },
  report: { enabled: true, path: `s3://bucket/${LINK}`, format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' },
};
const connection: Connection = { profile: `dev${LINK}`, region: 'us-east-1' };

function rendered(markdown: string): string {
  return new MarkdownIt({ html: true, linkify: true }).render(markdown);
}

/** Every href of an anchor in the HTML, and whether there is any image. */
function anchors(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((match) => match[1]);
}

function assertInert(html: string, allowedLinks = 0): void {
  assert.doesNotMatch(html, /<img/, html);
  const links = anchors(html);
  assert.equal((html.match(/<a[\s>]/g) ?? []).length, links.length, html);
  for (const href of links) {
    assert.match(href, /^command:fsxTasks\./, `only our own action links: ${href}`);
  }
  assert.equal(links.length, allowedLinks, html);
}

describe('Markdown from FSx strings', () => {
  it('task details: hostile paths, failure message, Name tag, ARN and profile render as text; only our action links are links', () => {
    const html = rendered(renderTaskDetails(hostileTask, connection, ALL, 60_000, ENGLISH));
    assertInert(html, 1);
    assert.match(html, /href="command:fsxTasks\.showFailedFiles\?/, 'our Show Failed Files link stays');
    // Each path is one code span, whole: a back-tick does not close it.
    for (const path of HOSTILE) {
      const escaped = path.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      assert.ok(html.includes(`<code>${escaped}</code>`) || html.includes(`<code> ${escaped} </code>`), `${path} as one code span in ${html}`);
    }
    // The table keeps its two columns: a `|` in a value does not open a cell.
    for (const row of html.match(/<tr>[^]*?<\/tr>/g) ?? []) {
      assert.equal((row.match(/<t[dh]>/g) ?? []).length, 2, row);
    }
  });

  it('task details: no link at all for a task id that is not one (the id is outside text too)', () => {
    const html = rendered(renderTaskDetails({ ...hostileTask, taskId: `task-1${LINK}`, lifecycle: 'EXECUTING' }, connection, undefined, 60_000, ENGLISH));
    assertInert(html, 0);
  });

  it('task tooltip: hostile type, paths and failure message render as text', () => {
    for (const task of [hostileTask, { ...hostileTask, type: ALL, lifecycle: ALL as Lifecycle }]) {
      assertInert(rendered(taskTooltipMarkdown(task, 60_000, ENGLISH)));
    }
  });

  it('resource tooltip: a hostile Name tag, ids and mount points render as text', () => {
    const resource: StorageResource = {
      kind: 'fileSystem',
      id: `fs-1${LINK}`,
      name: ALL,
      storageType: 'LUSTRE',
      lifecycle: ALL,
      deploymentType: HOSTILE[1],
      dnsName: HOSTILE[3],
      supportsTasks: true,
    };
    assertInert(rendered(resourceTooltipMarkdown(resource, HOSTILE, ENGLISH)));
    assertInert(rendered(resourceTooltipMarkdown({ ...resource, name: undefined }, [], ENGLISH)));
  });

  it('association tooltip: hostile paths and failure message render as text', () => {
    const association: Association = {
      source: 'association',
      resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
      associationId: `dra-1${LINK}`,
      lifecycle: 'MISCONFIGURED',
      fileSystemPath: HOSTILE[0],
      dataRepositoryPath: `s3://b/${HOSTILE[1]}`,
      exportPath: HOSTILE[3],
      failureMessage: ALL,
      autoImportEvents: [HOSTILE[2]],
      autoExportEvents: [],
    };
    assertInert(rendered(associationTooltipMarkdown(association, ENGLISH)));
  });

  it('a lifecycle of __proto__ or constructor (any unknown string from the API) reads as itself and does not throw', () => {
    const text = createTaskText(ENGLISH);
    for (const lifecycle of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const task = { ...hostileTask, lifecycle: lifecycle as Lifecycle };
      assert.deepEqual(text.lifecycleLook(task.lifecycle), { label: lifecycle, icon: 'question' });
      assert.match(taskTooltipMarkdown(task, 60_000, ENGLISH), /^\$\(question\) /);
      assert.doesNotThrow(() => renderTaskDetails(task, connection, undefined, 60_000, ENGLISH));
      assert.ok(text.rowLabel(task, false).startsWith(lifecycle));
      assert.deepEqual(createAssociationText(ENGLISH).look({ lifecycle } as Association), { icon: 'question' });
    }
  });
});
