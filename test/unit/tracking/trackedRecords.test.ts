import * as assert from 'node:assert/strict';
import { SharedConfig } from '../../../src/fsx/endpoint';
import { Connection } from '../../../src/fsx/types';
import { copyConnection, MAX_TRACKED_RECORDS, parseRecords, recordsToRestore, restoredConnection, trackedRecord, TrackedRecord } from '../../../src/tracking/trackedRecords';

const good = (n: number) => ({ taskId: `task-${n.toString(16).padStart(17, '0')}`, connection: { region: 'us-east-1' }, reason: 'user', addedAt: 1 });

describe('parseRecords (the saved tracked tasks)', () => {
  it('keeps the readable records and counts the rest', () => {
    const parsed = parseRecords([good(1), 'task-1', null, { ...good(2), reason: 'bored' }, { ...good(3), connection: 'us-east-1' }, { ...good(4), addedAt: 'yesterday' }, good(1), good(5)]);
    assert.deepEqual(
      parsed.records.map((record) => record.taskId),
      [good(1).taskId, good(5).taskId],
    );
    assert.equal(parsed.dropped, 6);
    assert.equal(parsed.notAList, false);
  });

  it('says when the value is not a list at all, and is quiet when nothing was saved', () => {
    assert.deepEqual(parseRecords({ tasks: [good(1)] }), { records: [], dropped: 0, notAList: true });
    assert.deepEqual(parseRecords('{"broken'), { records: [], dropped: 0, notAList: true });
    assert.deepEqual(parseRecords(undefined), { records: [], dropped: 0, notAList: false });
  });

  it('keeps at most MAX_TRACKED_RECORDS of an oversized record', () => {
    const parsed = parseRecords(Array.from({ length: MAX_TRACKED_RECORDS + 250 }, (_, index) => good(index + 1)));
    assert.equal(parsed.records.length, MAX_TRACKED_RECORDS);
    assert.equal(parsed.dropped, 250);
  });

  it('drops a record whose region is no region name (it would become part of a host name)', () => {
    const valid = { ...good(1), addedAt: 5 };
    const parsed = parseRecords([{ ...valid, connection: { region: 'evil.example.com#' } }, { ...valid, connection: { region: 'us-east-1.evil' } }, { ...valid, taskId: good(2).taskId }]);
    assert.deepEqual(
      parsed.records.map((record) => record.taskId),
      [good(2).taskId],
    );
    assert.equal(parsed.dropped, 2);
  });

  it('reads nothing from malformed records, and keeps only the known connection fields', () => {
    const sandbox: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', sandbox: true };
    const valid = { taskId: good(1).taskId, connection: sandbox, reason: 'user', addedAt: 5 };
    const parsed = parseRecords([
      null,
      'task',
      { ...valid, taskId: 'task-xyz' },
      { ...valid, reason: 'whim' },
      { ...valid, connection: { profile: 'dev' } },
      { ...valid, lastLifecycle: 'RUNNING' },
      { ...valid, addedAt: 'yesterday' },
      { ...valid, taskId: good(2).taskId, connection: { ...sandbox, extra: 'dropped' } },
    ]);
    assert.deepEqual(parsed.records, [{ taskId: good(2).taskId, connection: sandbox, lastLifecycle: undefined, reason: 'user', addedAt: 5 }]);
    assert.equal(parsed.dropped, 7);
    assert.deepEqual(parseRecords({ not: 'a list' }), { records: [], dropped: 0, notAList: true });
  });
});

describe('trackedRecord and copyConnection (what is saved)', () => {
  it('saves the record fields and the connection fields only', () => {
    const connection = { region: 'us-east-1', profile: 'dev', endpoint: 'https://vpce.example.com', useFipsEndpoint: false, sandbox: false, label: 'mine' } as Connection;
    assert.deepEqual(copyConnection(connection), { region: 'us-east-1', profile: 'dev', endpoint: 'https://vpce.example.com' });
    const tracked = { taskId: good(1).taskId, connection: { region: 'us-east-1' }, lifecycle: 'EXECUTING' as const, reason: 'auto' as const, addedAt: 7, endedAt: 9, task: {} };
    assert.deepEqual(trackedRecord(tracked), { taskId: good(1).taskId, connection: { region: 'us-east-1' }, lastLifecycle: 'EXECUTING', reason: 'auto', addedAt: 7 });
  });
});

describe('recordsToRestore (which saved records come back after a reload)', () => {
  const record = (n: number, patch: Partial<TrackedRecord> = {}): TrackedRecord => ({ taskId: good(n).taskId, connection: { region: 'us-east-1' }, reason: 'user', addedAt: 1, ...patch });

  it('leaves out ended and already tracked tasks, and lists the refused ones', () => {
    const foreign = { region: 'us-east-1', endpoint: 'http://127.0.0.1:9' };
    const moved = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4600', sandbox: true };
    const records = [
      record(1, { lastLifecycle: 'SUCCEEDED' }),
      record(2, { lastLifecycle: 'EXECUTING' }),
      record(3, { connection: foreign }),
      record(4, { connection: { ...moved, endpoint: 'http://127.0.0.1:4599' } }),
      record(5),
    ];
    const asked: Connection[] = [];
    const reconnect = (saved: Connection) => {
      asked.push(saved);
      return saved.sandbox ? moved : saved.endpoint ? undefined : saved;
    };
    const { restore, refused } = recordsToRestore(records, reconnect, (taskId) => taskId === good(5).taskId);
    assert.deepEqual(restore, [record(2, { lastLifecycle: 'EXECUTING' }), record(4, { connection: moved })]);
    assert.deepEqual(refused, [good(3).taskId]);
    assert.equal(asked.length, 3, 'an ended or tracked task is not reconnected, so never reported refused');
  });
});

describe('restoredConnection: which saved tracked-task connections are polled after a reload', () => {
  const sandbox: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4600', sandbox: true };
  const none: SharedConfig = { configFile: {}, credentialsFile: {} };

  it('keeps a connection whose endpoint is the one configured for its profile now', () => {
    assert.deepEqual(restoredConnection({ region: 'us-east-1', profile: 'dev' }, undefined, { env: {}, shared: none }), { region: 'us-east-1', profile: 'dev' });
    const vpce = { region: 'us-east-1', profile: 'dev', endpoint: 'https://vpce.example.com' };
    assert.deepEqual(restoredConnection(vpce, undefined, { setting: 'https://vpce.example.com/', env: {} }), vpce);
    const fromProfile = { configFile: { dev: { endpoint_url: 'https://dev.example.com' } }, credentialsFile: {} };
    assert.ok(restoredConnection({ region: 'us-east-1', profile: 'dev', endpoint: 'https://dev.example.com' }, undefined, { env: {}, shared: fromProfile }));
  });

  it('drops a foreign endpoint, one the configuration no longer names, or one the rule refuses', () => {
    assert.equal(restoredConnection({ region: 'us-east-1', profile: 'dev', endpoint: 'http://127.0.0.1:9' }, sandbox, { env: {}, shared: none }), undefined);
    assert.equal(restoredConnection({ region: 'us-east-1', profile: 'dev' }, undefined, { setting: 'https://vpce.example.com', env: {} }), undefined);
    const remoteHttp = 'http://capture.example.com';
    assert.equal(restoredConnection({ region: 'us-east-1', endpoint: remoteHttp }, undefined, { env: { AWS_ENDPOINT_URL: remoteHttp } }), undefined);
  });

  it('moves a sandbox record to the running sandbox, and drops it when none runs', () => {
    const saved = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', sandbox: true };
    assert.deepEqual(restoredConnection(saved, sandbox, { env: {} }), sandbox);
    assert.equal(restoredConnection(saved, undefined, { env: {} }), undefined);
  });
});
