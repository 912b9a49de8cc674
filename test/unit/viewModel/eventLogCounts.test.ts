// The tree's event log counts: one read per file system at a time, kept COUNTS_TTL_MS, forgotten
// on Refresh (an answer landing after that is dropped), at most COUNTS_KEPT file systems.
import * as assert from 'node:assert/strict';
import type { Association, Connection, StorageResource } from '../../../src/fsx/types';
import { parseEvent } from '../../../src/outcomes/eventLog';
import type { EventLogRead } from '../../../src/outcomes/eventLogReader';
import { COUNTS_KEPT, COUNTS_TTL_MS, EventLogCounts } from '../../../src/viewModel/eventLogCounts';

const CONNECTION: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:1', sandbox: true };
const fileSystem = (id: string): StorageResource => ({ kind: 'fileSystem', id, storageType: 'LUSTRE', lifecycle: 'AVAILABLE', supportsTasks: true });
const FS = fileSystem('fs-0123456789abcdef0');
const ASSOCIATION: Association = { source: 'association', associationId: 'dra-0123456789abcdef0', resource: FS, fileSystemPath: '/ckpt', dataRepositoryPath: 's3://b/ckpt/', lifecycle: 'AVAILABLE' };

function read(codes: readonly string[]): EventLogRead {
  return { entries: codes.map((code, i) => parseEvent(JSON.stringify({ errorCode: code, filePath: `/ckpt/${i}` }), i)), window: '24h', startTime: 0, endTime: 0, cut: false, pages: 1 };
}

describe('EventLogCounts', () => {
  it('reads once while a read is under way, keeps the answer for the TTL, then reads again', async () => {
    let now = 0;
    let reads = 0;
    const counts = new EventLogCounts(async () => (reads++, read(['S3ExportAccessDenied', 'S3ExportAccessDenied'])), () => now);
    const landed = new Promise<void>((resolve) => counts.onDidChange(() => resolve()));
    counts.request(CONNECTION, FS, [ASSOCIATION]);
    counts.request(CONNECTION, FS, [ASSOCIATION]);
    assert.equal(counts.get(CONNECTION, FS)?.kind, 'loading');
    await landed;
    const state = counts.get(CONNECTION, FS);
    assert.ok(state?.kind === 'ready');
    assert.equal(state.summary.groups[0].exportFailures, 2);
    now = COUNTS_TTL_MS - 1;
    counts.request(CONNECTION, FS, [ASSOCIATION]);
    assert.equal(reads, 1);
    now = COUNTS_TTL_MS;
    counts.request(CONNECTION, FS, [ASSOCIATION]);
    assert.equal(reads, 2);
  });

  it('keeps a failure as the row’s error, and drops an answer that lands after Refresh', async () => {
    let fail = true;
    let release: () => void = () => undefined;
    const counts = new EventLogCounts(() => (fail ? Promise.reject(Object.assign(new Error('denied'), { name: 'AccessDeniedException' })) : new Promise<EventLogRead>((resolve) => (release = () => resolve(read([]))))));
    counts.request(CONNECTION, FS, []);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(counts.get(CONNECTION, FS)?.kind, 'failed');
    fail = false;
    counts.forget(CONNECTION);
    counts.request(CONNECTION, FS, []);
    counts.forget();
    release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(counts.get(CONNECTION, FS), undefined);
  });

  it(`keeps at most ${COUNTS_KEPT} file systems, the oldest going first`, () => {
    const counts = new EventLogCounts(() => new Promise(() => undefined));
    const ids = Array.from({ length: COUNTS_KEPT + 3 }, (_, i) => fileSystem(`fs-${i.toString(16).padStart(17, '0')}`));
    for (const resource of ids) {
      counts.request(CONNECTION, resource, []);
    }
    assert.equal(counts.get(CONNECTION, ids[0]), undefined);
    assert.equal(counts.get(CONNECTION, ids[ids.length - 1])?.kind, 'loading');
  });
});
