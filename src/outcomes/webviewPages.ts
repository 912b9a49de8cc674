// The HTML of the extension's two webviews (failed files, progress chart), built as strings by
// pure functions so they are unit-tested without VS Code. Strict CSP: nothing remote, styles and
// the one script carry a nonce; colours come from the theme's CSS variables.
import type { L10n } from '../fsx/l10n';
import type { Task } from '../fsx/types';
import { explainCounts, failedCountText } from './catalog';
import type { ReportSummary } from './reportCsv';
import type { ReportOutcome } from './reportReader';
import { escapeXml } from './progressChart';
import { EVENT_CODES, explainEventCode, type EventLogSummary } from './eventLog';

const formatCount = (value: number): string => value.toLocaleString('en-US');

export interface PageFrame {
  readonly nonce: string;
  readonly title: string;
  readonly body: string;
  readonly script?: string;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
code { font-family: var(--vscode-editor-font-family); }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: var(--vscode-descriptionForeground); }
.mismatch { color: var(--vscode-editorWarning-foreground); }
.toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
input { flex: 1 1 16em; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 4px 6px; }
input:focus, button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
.chart { max-width: 720px; width: 100%; height: auto; }
.chart .axis { stroke: var(--vscode-foreground); stroke-width: 1; }
.chart .label { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.chart polyline.done { fill: none; stroke: var(--vscode-charts-blue); stroke-width: 2; }
.chart circle.done { fill: var(--vscode-charts-blue); }
.chart polyline.estimate { fill: none; stroke: var(--vscode-charts-orange); stroke-width: 2; stroke-dasharray: 6 4; }
.legend .done { color: var(--vscode-charts-blue); } .legend .estimate { color: var(--vscode-charts-orange); }
`;

/** A complete page: `default-src 'none'`, style and script only with the nonce. */
export function webviewPage(frame: PageFrame): string {
  const csp = `default-src 'none'; img-src data:; style-src 'nonce-${frame.nonce}'; script-src 'nonce-${frame.nonce}';`;
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(frame.title)}</title>`,
    `<style nonce="${frame.nonce}">${STYLE}</style></head><body>`,
    frame.body,
    frame.script ? `<script nonce="${frame.nonce}">${frame.script}</script>` : '',
    '</body></html>',
  ].join('\n');
}

/** Messages the failed-files page posts to the extension. */
export type FailedFilesMessage = { readonly type: 'copy'; readonly text: string } | { readonly type: 'copyShown'; readonly paths: readonly string[] } | { readonly type: 'openRaw' };

export function isFailedFilesMessage(value: unknown): value is FailedFilesMessage {
  const message = value as { type?: unknown; text?: unknown; paths?: unknown } | undefined;
  switch (message?.type) {
    case 'copy':
      return typeof message.text === 'string';
    case 'copyShown':
      return Array.isArray(message.paths) && message.paths.every((path) => typeof path === 'string');
    case 'openRaw':
      return true;
    default:
      return false;
  }
}

// Filters the rows as the person types and posts the copy and open actions; no DOM from strings.
// Each path is in the page once as text and once in its row's data-path (what is copied): the
// page's size is twice the kept paths, which summariseReport bounds.
const FAILED_FILES_SCRIPT = `
const vscode = acquireVsCodeApi();
const search = document.getElementById('search');
const shown = document.getElementById('shown');
const rows = [...document.querySelectorAll('tbody#paths tr')].map((row) => ({ row, text: (row.cells[0].textContent + ' ' + row.cells[1].textContent).toLowerCase() }));
const template = shown.dataset.template;
function filter() {
  const needle = search.value.trim().toLowerCase();
  let count = 0;
  for (const { row, text } of rows) {
    const visible = !needle || text.includes(needle);
    row.hidden = !visible;
    if (visible) count++;
  }
  shown.textContent = template.replace('{0}', count.toLocaleString('en-US'));
}
search.addEventListener('input', filter);
document.body.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  const row = button.closest('tr');
  if (row && row.dataset.path !== undefined) vscode.postMessage({ type: 'copy', text: row.dataset.path });
  else if (button.id === 'copyShown') vscode.postMessage({ type: 'copyShown', paths: rows.filter(({ row }) => !row.hidden).map(({ row }) => row.dataset.path) });
  else if (button.id === 'openRaw') vscode.postMessage({ type: 'openRaw' });
});
filter();
`;

/** The body of the failed-files page: summary by error code, the count check, the paths. */
export function failedFilesPage(task: Pick<Task, 'taskId' | 'type' | 'status'>, outcome: Extract<ReportOutcome, { kind: 'report' }>, l10n: L10n, nonce: string): string {
  const { summary } = outcome;
  const text = (value: string) => escapeXml(value);
  const codes = explainCounts(summary, l10n, task.type)
    .map((row) => `<tr><td><code>${text(row.code || l10n.t('no code'))}</code></td><td class="count">${formatCount(row.count)}</td><td>${text(row.meaning)}</td><td>${text(row.action)}</td></tr>`)
    .join('');
  const check = outcome.failedCount;
  const copyTitle = text(l10n.t('Copy this path'));
  const copyLabel = text(l10n.t('Copy'));
  const paths = summary.rows
    .map(
      (row) =>
        `<tr data-path="${text(row.filePath)}"><td><code>${text(row.filePath)}</code></td><td><code>${text(row.errorCode)}</code></td>` +
        `<td><button class="secondary" title="${copyTitle}">${copyLabel}</button></td></tr>`,
    )
    .join('');
  const title = l10n.t('Failed files of {0}', task.taskId);
  const body = [
    `<h1>${text(title)}</h1>`,
    `<p class="note">${text(outcome.location.uri)}</p>`,
    `<h2>${text(l10n.t('Summary by error code'))}</h2>`,
    `<table id="summary"><thead><tr><th>${text(l10n.t('Error code'))}</th><th>${text(l10n.t('Files'))}</th><th>${text(l10n.t('What it means'))}</th><th>${text(l10n.t('What to do'))}</th></tr></thead><tbody>${codes}</tbody></table>`,
    `<p id="total" class="${check.matches === false ? 'mismatch' : ''}">${text(failedCountText(check, l10n))}</p>`,
    summary.malformedRows > 0 ? `<p class="note">${text(l10n.t('{0} lines of the report were not valid report rows and were left out.', formatCount(summary.malformedRows)))}</p>` : '',
    `<h2>${text(l10n.t('Failed paths'))}</h2>`,
    cutText(summary, l10n),
    summary.rowsTruncated ? `<p id="shownRows" class="note">${text(shownRowsText(summary, l10n))}</p>` : '',
    '<div class="toolbar">',
    `<input id="search" type="search" placeholder="${text(l10n.t('Search paths and error codes'))}" aria-label="${text(l10n.t('Search paths and error codes'))}">`,
    `<span id="shown" class="note" aria-live="polite" data-template="${text(l10n.t('{0} shown'))}"></span>`,
    `<button id="copyShown">${text(l10n.t('Copy shown paths'))}</button>`,
    `<button id="openRaw" class="secondary">${text(l10n.t('Open raw CSV'))}</button>`,
    '</div>',
    `<table><thead><tr><th>${text(l10n.t('Path'))}</th><th>${text(l10n.t('Error code'))}</th><th></th></tr></thead><tbody id="paths">${paths}</tbody></table>`,
  ].join('\n');
  return webviewPage({ nonce, title, body, script: FAILED_FILES_SCRIPT });
}

/** Why the report was not read to its end, as a paragraph; empty when it was. */
function cutText(summary: ReportSummary, l10n: L10n): string {
  const cut = summary.cut;
  if (!cut) {
    return '';
  }
  const message =
    cut.reason === 'oversizedRecord'
      ? l10n.t(
          'Reading stopped at row {0}: it is longer than {1} KiB, which no report row is, so the report is damaged or is not a completion report. The rows before it are counted and listed.',
          formatCount(cut.row),
          formatCount(cut.maxRecordBytes / 1024),
        )
      : l10n.t('The report is larger than {0} MiB: reading stopped there, and the counts cover that part only.', formatCount(cut.maxBytes / 1024 / 1024));
  return `<p id="cut" class="mismatch">${escapeXml(message)}</p>`;
}

/** "Showing the first N of M", where M is every row, or every row read when reading stopped early. */
function shownRowsText(summary: ReportSummary, l10n: L10n): string {
  const shown = formatCount(summary.rows.length);
  const total = formatCount(summary.totalRows);
  return summary.cut ? l10n.t('Showing the first {0} of the {1} rows read.', shown, total) : l10n.t('Showing the first {0} of {1} rows.', shown, total);
}

/** The progress page: the chart, its legend and the throughput line. */
export function progressPage(taskId: string, svg: string, throughput: string, l10n: L10n, nonce: string): string {
  const title = l10n.t('Progress of {0}', taskId);
  const body = [
    `<h1>${escapeXml(title)}</h1>`,
    `<p id="throughput">${escapeXml(throughput)}</p>`,
    svg,
    `<p class="legend note"><span class="done">━ ${escapeXml(l10n.t('files done'))}</span> · <span class="estimate">╌ ${escapeXml(l10n.t('estimate'))}</span></p>`,
  ].join('\n');
  return webviewPage({ nonce, title, body });
}

/** What the automatic-sync failures page shows: one file system's log over a window, maybe one association only. */
export interface EventLogPageInput {
  readonly title: string;
  readonly fileSystem: string;
  readonly windowText: string;
  readonly logGroup: string;
  readonly logStream: string;
  readonly summary: EventLogSummary;
  /** Reading stopped at MAX_EVENTS_READ. */
  readonly cut: boolean;
  readonly missingGroup: boolean;
  /** The association the page is about, when it was opened on one. */
  readonly associationId?: string;
}

/**
 * The failures and warnings of automatic export and import: per association, each code with its
 * count, meaning and next step, then every kept path (searchable, copyable; the failed-files
 * page's script and messages). Every outside string is escaped; paths and counts are bounded by
 * summarizeEvents.
 */
export function eventLogPage(input: EventLogPageInput, l10n: L10n, nonce: string): string {
  const text = (value: string) => escapeXml(value);
  const groups = input.summary.groups.filter((group) => input.associationId === undefined || group.associationId === input.associationId);
  const copyTitle = text(l10n.t('Copy this path'));
  const copyLabel = text(l10n.t('Copy'));
  const sections: string[] = [];
  const pathRows: string[] = [];
  for (const group of groups) {
    const heading = group.fileSystemPath
      ? `${group.fileSystemPath} ↔ ${group.dataRepositoryPath ?? ''}`
      : group.associationId
        ? l10n.t('Association {0} (not listed now)', group.associationId)
        : l10n.t('Events no association claims');
    const counts = l10n.t('Automatic export failures: {0} · automatic import failures: {1} · warnings: {2}', formatCount(group.exportFailures), formatCount(group.importFailures), formatCount(group.warnings));
    const codes = group.codes
      .map((code) => {
        const explained = explainEventCode(code.code, l10n);
        const meaning = Object.hasOwn(EVENT_CODES, code.code) ? explained.meaning : `${explained.meaning} ${code.sample}`;
        return `<tr><td><code>${text(code.code || l10n.t('no code'))}</code></td><td>${text(code.level ?? '')}</td><td class="count">${formatCount(code.count)}</td><td>${text(meaning)}</td><td>${text(explained.action)}</td></tr>`;
      })
      .join('');
    sections.push(
      `<h2>${text(heading)}</h2>`,
      `<p class="note">${text(counts)}${group.associationId ? ` · <code>${text(group.associationId)}</code>` : ''}</p>`,
      `<table class="codes"><thead><tr><th>${text(l10n.t('Error code'))}</th><th>${text(l10n.t('Level'))}</th><th>${text(l10n.t('Events'))}</th><th>${text(l10n.t('What it means'))}</th><th>${text(l10n.t('What to do'))}</th></tr></thead><tbody>${codes}</tbody></table>`,
    );
    for (const code of group.codes) {
      for (const path of code.paths) {
        pathRows.push(
          `<tr data-path="${text(path)}"><td><code>${text(path)}</code></td><td><code>${text(code.code)}</code> ${text(group.fileSystemPath ?? '')}</td>` +
            `<td><button class="secondary" title="${copyTitle}">${copyLabel}</button></td></tr>`,
        );
      }
      if (code.pathsCut) {
        sections.push(`<p class="note">${text(l10n.t('{0}: only the first {1} paths are listed.', code.code, formatCount(code.paths.length)))}</p>`);
      }
    }
  }
  const empty = input.missingGroup
    ? l10n.t('The log group {0} does not exist: FSx has not logged an event there yet, or it was deleted.', input.logGroup)
    : l10n.t('No automatic export or import failures or warnings were logged in the last {0}.', input.windowText);
  const body = [
    `<h1>${text(input.title)}</h1>`,
    `<p class="note">${text(l10n.t('{0} · last {1} · log group {2}, stream {3}', input.fileSystem, input.windowText, input.logGroup, input.logStream))}</p>`,
    input.cut ? `<p id="cut" class="mismatch">${text(l10n.t('Reading stopped after {0} events: the counts cover those only.', formatCount(input.summary.events)))}</p>` : '',
    groups.length === 0 ? `<p id="empty">${text(empty)}</p>` : sections.join('\n'),
    pathRows.length > 0
      ? [
          `<h2>${text(l10n.t('Paths'))}</h2>`,
          '<div class="toolbar">',
          `<input id="search" type="search" placeholder="${text(l10n.t('Search paths and error codes'))}" aria-label="${text(l10n.t('Search paths and error codes'))}">`,
          `<span id="shown" class="note" aria-live="polite" data-template="${text(l10n.t('{0} shown'))}"></span>`,
          `<button id="copyShown">${text(l10n.t('Copy shown paths'))}</button>`,
          '</div>',
          `<table><thead><tr><th>${text(l10n.t('Path'))}</th><th>${text(l10n.t('Error code'))}</th><th></th></tr></thead><tbody id="paths">${pathRows.join('')}</tbody></table>`,
        ].join('\n')
      : '',
  ].join('\n');
  return webviewPage({ nonce, title: input.title, body, script: pathRows.length > 0 ? FAILED_FILES_SCRIPT : undefined });
}
