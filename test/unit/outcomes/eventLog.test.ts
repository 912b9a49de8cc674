// The data repository event log, pure: parsing FSx's events tolerantly, grouping them by
// association and code with bounds, the codes' explanations, the logging hints and command, the
// paging and cut of readEventLog over a fake source, and the page's escaping.
import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import type { Association } from '../../../src/fsx/types';
import {
  countText,
  enableLoggingArgv,
  EVENT_CODES,
  explainEventCode,
  loggingHint,
  loggingOf,
  MAX_PATHS_PER_CODE,
  parseEvent,
  shortCountText,
  summarizeEvents,
} from '../../../src/outcomes/eventLog';
import { LogEventSource, readEventLog } from '../../../src/outcomes/eventLogReader';
import { eventLogPage } from '../../../src/outcomes/webviewPages';

const FS = { kind: 'fileSystem' as const, id: 'fs-0123456789abcdef0' };
const association = (id: string, path: string): Association => ({ source: 'association', associationId: id, resource: FS, fileSystemPath: path, dataRepositoryPath: `s3://bucket${path}/`, lifecycle: 'AVAILABLE' });
const CHECKPOINTS = association('dra-0123456789abcdef0', '/checkpoints');
const DATASETS = association('dra-0123456789abcdef1', '/datasets');

function event(fields: Record<string, unknown>): string {
  return JSON.stringify({ version: 'V1', ...fields });
}

describe('data repository event log', () => {
  it('reads an event’s code, level, association and path from JSON under several spellings', () => {
    const a = parseEvent(event({ errorCode: 'S3ExportAccessDenied', logLevel: 'ERROR', dataRepositoryAssociationId: CHECKPOINTS.associationId, filePath: '/checkpoints/a.pt', message: 'denied' }), 5);
    assert.deepEqual(a, { timestamp: 5, level: 'ERROR', code: 'S3ExportAccessDenied', direction: 'export', associationId: CHECKPOINTS.associationId, path: '/checkpoints/a.pt', message: 'denied' });
    const b = parseEvent(event({ error_code: 'S3ImportObjectDeleted', file_path: '/datasets/x' }), 6);
    assert.equal(b.code, 'S3ImportObjectDeleted');
    assert.equal(b.level, 'ERROR', 'the guide’s level when the event gives none');
    assert.equal(b.direction, 'import');
  });

  it('finds a documented code and a level word in plain text, and never throws on junk', () => {
    const text = parseEvent('WARN S3ExportLocalObjectNotMatchDra: Export skipped for dra-0123456789abcdef1', 1);
    assert.equal(text.code, 'S3ExportLocalObjectNotMatchDra');
    assert.equal(text.level, 'WARN');
    assert.equal(text.associationId, 'dra-0123456789abcdef1');
    for (const junk of ['', '{', '[1,2]', 'null', '{"errorCode": 3}', '{"associationId":"dra-x; rm"}']) {
      const parsed = parseEvent(junk, 0);
      assert.equal(parsed.associationId, undefined, junk);
    }
  });

  it('groups by the association the event names, else the longest path prefix; counts failures and warnings apart', () => {
    const entries = [
      parseEvent(event({ errorCode: 'S3ExportAccessDenied', dataRepositoryAssociationId: CHECKPOINTS.associationId, filePath: '/checkpoints/1' }), 1),
      parseEvent(event({ errorCode: 'S3ExportAccessDenied', filePath: '/checkpoints/2' }), 2),
      parseEvent(event({ errorCode: 'S3ExportPathSizeTooLong', filePath: '/checkpoints/3' }), 3),
      parseEvent(event({ errorCode: 'S3ImportUnsupportedTierWarning', filePath: '/datasets/old.tar' }), 4),
      parseEvent(event({ errorCode: 'S3ImportObjectDeleted', filePath: '/datasets/gone' }), 5),
      parseEvent(event({ errorCode: 'S3ExportLocalObjectNotMatchDra', filePath: '/elsewhere/f' }), 6),
    ];
    const summary = summarizeEvents(entries, [CHECKPOINTS, DATASETS]);
    assert.equal(summary.events, 6);
    const [checkpoints, datasets, other] = summary.groups;
    assert.equal(checkpoints.associationId, CHECKPOINTS.associationId);
    assert.deepEqual([checkpoints.exportFailures, checkpoints.importFailures, checkpoints.warnings], [3, 0, 0]);
    assert.deepEqual(checkpoints.codes.map((code) => [code.code, code.count]), [['S3ExportAccessDenied', 2], ['S3ExportPathSizeTooLong', 1]]);
    assert.deepEqual([datasets.exportFailures, datasets.importFailures, datasets.warnings], [0, 1, 1]);
    assert.equal(other.associationId, undefined);
    assert.equal(countText(checkpoints, '24h', ENGLISH), 'auto-export: 3 failures in 24 h');
    assert.equal(countText(datasets, '7d', ENGLISH), 'auto-import: 1 failure in 7 days');
    assert.equal(countText(other, '24h', ENGLISH), undefined, 'a warning is no failure');
    // The tree row's short form, for a side bar of the default width.
    assert.equal(shortCountText(checkpoints, ENGLISH), '3 failed exports');
    assert.equal(shortCountText(datasets, ENGLISH), '1 failed import');
    assert.equal(shortCountText({ exportFailures: 1, importFailures: 1_200 }, ENGLISH), '1 failed export · 1,200 failed imports');
    assert.equal(shortCountText(other, ENGLISH), undefined);
  });

  it('keeps at most MAX_PATHS_PER_CODE paths of a code and says it cut', () => {
    const entries = Array.from({ length: MAX_PATHS_PER_CODE + 50 }, (_, i) => parseEvent(event({ errorCode: 'S3ExportAccessDenied', filePath: `/checkpoints/${i}` }), i));
    const [group] = summarizeEvents(entries, [CHECKPOINTS]).groups;
    assert.equal(group.codes[0].count, MAX_PATHS_PER_CODE + 50);
    assert.equal(group.codes[0].paths.length, MAX_PATHS_PER_CODE);
    assert.equal(group.codes[0].pathsCut, true);
  });

  it('explains every documented code with its own words, and an unknown one generically', () => {
    const unknown = explainEventCode('SomethingNew', ENGLISH);
    for (const code of Object.keys(EVENT_CODES)) {
      assert.notDeepEqual(explainEventCode(code, ENGLISH), unknown, code);
    }
    assert.match(explainEventCode('S3ExportAccessDenied', ENGLISH).action, /s3:PutObject/);
  });

  it('says where logging is off or warnings only, and builds the command that turns it on', () => {
    assert.equal(loggingHint(loggingOf({ ...FS, logConfiguration: { level: 'WARN_ERROR', destination: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/fsx/ml' } }), ENGLISH), undefined);
    assert.deepEqual(loggingOf({ ...FS, logConfiguration: { level: 'ERROR_ONLY', destination: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/fsx/ml:*' } }), { level: 'ERROR_ONLY', logGroup: '/aws/fsx/ml', logStream: `datarepo_${FS.id}` });
    assert.equal(loggingOf({ ...FS, logConfiguration: { level: 'WARN_ERROR' } }).logGroup, '/aws/fsx/lustre');
    assert.match(loggingHint(loggingOf({ ...FS, logConfiguration: { level: 'DISABLED' } }), ENGLISH)!.label, /off/);
    assert.match(loggingHint(loggingOf({ ...FS, logConfiguration: { level: 'WARN_ONLY' } }), ENGLISH)!.label, /warnings only/);
    assert.ok(loggingHint(loggingOf(FS), ENGLISH));
    assert.deepEqual(enableLoggingArgv({ id: FS.id, logConfiguration: { level: 'DISABLED' } }, { region: 'us-east-1', profile: 'dev' }), [
      'aws', 'fsx', 'update-file-system', '--file-system-id', FS.id, '--lustre-configuration', 'LogConfiguration={Level=WARN_ERROR}', '--profile', 'dev', '--region', 'us-east-1',
    ]);
    const destination = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/fsx/ml';
    assert.equal(enableLoggingArgv({ id: FS.id, logConfiguration: { level: 'WARN_ONLY', destination } }, { region: 'us-east-1' })[6], `LogConfiguration={Level=WARN_ERROR,Destination=${destination}}`);
    assert.equal(enableLoggingArgv({ id: FS.id, logConfiguration: { level: 'WARN_ONLY', destination: 'a,b}' } }, { region: 'us-east-1' })[6], 'LogConfiguration={Level=WARN_ERROR}');
  });

  it('reads every page of the window, asks for no more than is left, and stops at the bound saying so', async () => {
    const requests: { nextToken?: string; limit: number; startTime: number }[] = [];
    const pages = [0, 1, 2].map((page) => ({ events: Array.from({ length: 4 }, (_, i) => ({ timestamp: page * 4 + i, message: event({ errorCode: 'S3ExportAccessDenied' }) })), nextToken: page < 2 ? `t${page}` : undefined }));
    const source: LogEventSource = { filterPage: async (request) => (requests.push(request), pages[request.nextToken ? Number(request.nextToken.slice(1)) + 1 : 0]) };
    const all = await readEventLog(source, { logGroup: 'g', logStream: 's' }, { window: '1h', now: 3_600_000 });
    assert.equal(all.entries.length, 12);
    assert.equal(all.cut, false);
    assert.equal(requests[0].startTime, 0);
    assert.equal('endTime' in requests[0], false, 'open-ended: the sandbox’s clock may run ahead');
    requests.length = 0;
    const bounded = await readEventLog(source, { logGroup: 'g', logStream: 's' }, { window: '1h', now: 3_600_000, max: 6 });
    assert.equal(bounded.entries.length, 6);
    assert.equal(bounded.cut, true);
    assert.deepEqual(requests.map((request) => request.limit), [6, 2]);
  });

  it('stops paging on a repeated token', async () => {
    const source: LogEventSource = { filterPage: async () => ({ events: [], nextToken: 'same' }) };
    await assert.rejects(readEventLog(source, { logGroup: 'g', logStream: 's' }, { window: '24h', now: 0 }), /already returned/);
  });

  it('renders the page with every outside string escaped and one association only when asked', () => {
    const entries = [
      parseEvent(event({ errorCode: 'S3ExportAccessDenied', filePath: '/checkpoints/<img src=x onerror=alert(1)>' }), 1),
      parseEvent(event({ errorCode: '<b>New</b>', message: '<script>x</script>', filePath: '/datasets/a' }), 2),
    ];
    const summary = summarizeEvents(entries, [CHECKPOINTS, DATASETS]);
    const input = { title: 'T', fileSystem: 'fs', windowText: '24 h', logGroup: '/aws/fsx/lustre', logStream: 'datarepo_fs', summary, cut: true, missingGroup: false };
    const html = eventLogPage(input, ENGLISH, 'n0nce');
    assert.doesNotMatch(html, /<img|<script>x|<b>New/);
    assert.match(html, /&#60;img src=x/);
    assert.match(html, /Reading stopped after 2 events/);
    const one = eventLogPage({ ...input, associationId: CHECKPOINTS.associationId }, ENGLISH, 'n0nce');
    assert.doesNotMatch(one, /\/datasets\/a/);
    assert.match(eventLogPage({ ...input, summary: summarizeEvents([], []), missingGroup: true }, ENGLISH, 'n'), /does not exist/);
  });
});
