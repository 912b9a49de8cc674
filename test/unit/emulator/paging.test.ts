import * as assert from 'node:assert/strict';
import { ServiceError } from '../../../src/emulator/errors';
import { PageTokens, pageSize, takePage } from '../../../src/emulator/paging';
import { Timeline, mergeNewestFirst, type TaskKey } from '../../../src/emulator/timeline';

function assertInvalidToken(fn: () => unknown): void {
  assert.throws(fn, (error: unknown) => error instanceof ServiceError && error.code === 'BadRequest' && error.message === 'Invalid NextToken');
}

describe('emulator paging', () => {
  describe('PageTokens', () => {
    const tokens = new PageTokens();

    it('round-trips a cursor for the same operation and scope', () => {
      const token = tokens.issue('DescribeDataRepositoryTasks', '{"a":1}', [123, 'task-0123456789abcdef0']);
      assert.match(token, /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'the model pattern for NextToken');
      assert.ok(token.length <= 255);
      assert.deepEqual(tokens.verify('DescribeDataRepositoryTasks', '{"a":1}', token), [123, 'task-0123456789abcdef0']);
    });

    it('rejects a token for another operation, other filters, or another emulator', () => {
      const token = tokens.issue('DescribeFileSystems', '{}', 7);
      assertInvalidToken(() => tokens.verify('DescribeFileCaches', '{}', token));
      assertInvalidToken(() => tokens.verify('DescribeFileSystems', '{"FileSystemIds":[]}', token));
      assertInvalidToken(() => new PageTokens().verify('DescribeFileSystems', '{}', token));
    });

    it('rejects forged, tampered, truncated and malformed tokens', () => {
      const token = tokens.issue('DescribeFileSystems', '{}', 7);
      const bytes = Buffer.from(token, 'base64');
      bytes[0] ^= 1;
      assertInvalidToken(() => tokens.verify('DescribeFileSystems', '{}', bytes.toString('base64')));
      assertInvalidToken(() => tokens.verify('DescribeFileSystems', '{}', Buffer.from('8').toString('base64')));
      assertInvalidToken(() => tokens.verify('DescribeFileSystems', '{}', token.slice(0, -4)));
      assertInvalidToken(() => tokens.verify('DescribeFileSystems', '{}', 'not base64!'));
      assertInvalidToken(() => tokens.verify('DescribeFileSystems', '{}', ''));
      assertInvalidToken(() => tokens.verify('DescribeFileSystems', '{}', 'A'.repeat(256)));
    });
  });

  it('pageSize is MaxResults capped by the operation maximum', () => {
    assert.equal(pageSize(undefined, 50), 50);
    assert.equal(pageSize(10, 50), 10);
    assert.equal(pageSize(1000, 50), 50);
  });

  it('takePage returns the first matches and says whether more follow', () => {
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8];
    assert.deepEqual(takePage(numbers, (n) => n % 2 === 0, 2), { items: [2, 4], more: true });
    assert.deepEqual(takePage(numbers, (n) => n % 2 === 0, 4), { items: [2, 4, 6, 8], more: false });
    assert.deepEqual(takePage(numbers, (n) => n > 100, 4), { items: [], more: false });
  });

  describe('Timeline', () => {
    const key = (createdAt: number, taskId: string): TaskKey => ({ createdAt, taskId });

    it('lists newest first with TaskId descending as tie-break, whatever the insertion order', () => {
      const timeline = new Timeline<TaskKey>();
      for (const item of [key(2, 'task-b'), key(1, 'task-z'), key(3, 'task-a'), key(2, 'task-c'), key(0, 'task-a')]) {
        timeline.add(item);
      }
      assert.deepEqual(
        [...timeline.newestFirst()].map((item) => `${item.createdAt}${item.taskId}`),
        ['3task-a', '2task-c', '2task-b', '1task-z', '0task-a'],
      );
      assert.deepEqual(
        [...timeline.newestFirst(key(2, 'task-c'))].map((item) => item.taskId),
        ['task-b', 'task-z', 'task-a'],
        'a cursor continues strictly after itself',
      );
    });

    it('a cursor is unaffected by items added after it was taken', () => {
      const timeline = new Timeline<TaskKey>();
      timeline.addAll([key(1, 'task-a'), key(2, 'task-b'), key(3, 'task-c')]);
      const cursor = key(3, 'task-c');
      timeline.add(key(4, 'task-d'));
      timeline.add(key(5, 'task-e'));
      assert.deepEqual([...timeline.newestFirst(cursor)].map((item) => item.taskId), ['task-b', 'task-a']);
    });

    it('mergeNewestFirst interleaves several timelines', () => {
      const a = [key(5, 'task-a'), key(1, 'task-a')];
      const b = [key(4, 'task-b'), key(3, 'task-b'), key(2, 'task-b')];
      assert.deepEqual(
        [...mergeNewestFirst([a, b, []])].map((item) => item.createdAt),
        [5, 4, 3, 2, 1],
      );
    });
  });
});
