import * as assert from 'node:assert/strict';
import { MAX_TRACKED_RECORDS, parseRecords } from '../../../src/tracking/taskTracker';

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
});
