import * as assert from 'node:assert/strict';
import { Connection, CreateTaskInput, Task } from '../../../src/fsx/types';
import { ManualClock } from '../../../src/tracking/clock';
import { Emitter } from '../../../src/tracking/events';
import { MAX_QUEUED_STARTS, parseQueuedStarts, QueueAttempt, QueuedStart, QueueSendOutcome, StartQueue } from '../../../src/tracking/startQueue';
import { makeTask, taskId } from './fakeFsx';

const connection: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', sandbox: true };
const fileSystemId = 'fs-0123456789abcdef0';
const input: CreateTaskInput = { fileSystemId, type: 'EXPORT_TO_REPOSITORY', paths: ['data/a'], report: { enabled: false }, clientRequestToken: 'first-token' };

function setUp(answers: (QueueSendOutcome | Error)[], stored?: unknown) {
  const clock = new ManualClock(1_000);
  const ended = new Emitter<{ taskId: string; connection: Connection; task: Task }>();
  const vanished = new Emitter<{ taskId: string; connection: Connection }>();
  const sent: CreateTaskInput[] = [];
  const attempts: QueueAttempt[] = [];
  let saved: unknown = stored;
  const queue = new StartQueue({
    clock,
    store: { get: () => saved, set: (items) => void (saved = JSON.parse(JSON.stringify(items))) },
    tracker: { onDidEnd: ended.event, onDidVanish: vanished.event },
    create: async (_connection, sentInput) => {
      sent.push(sentInput);
      const answer = answers.shift();
      if (!answer || answer instanceof Error) {
        throw answer ?? new Error('no answer scripted');
      }
      return answer;
    },
    onAttempt: (attempt) => attempts.push(attempt),
  });
  const end = async (task: Task) => {
    ended.fire({ taskId: task.taskId, connection, task });
    await queue.whenPersisted();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, queue, sent, attempts, end, vanished, saved: () => saved };
}

const started = (n: number): QueueSendOutcome => ({ kind: 'started', task: makeTask(taskId(n), 'PENDING') });

describe('StartQueue (starts waiting for a running task)', () => {
  it('sends a queued start when the task it waits for ends, with a token of its own, once', async () => {
    const { queue, sent, attempts, end, clock } = setUp([started(2)]);
    await clock.advance(500);
    const item = queue.add(connection, input, taskId(1));
    assert.equal(item.queuedAt, 1_500);
    assert.notEqual(item.input.clientRequestToken, 'first-token', 'the refused request token is never sent again');
    assert.equal(sent.length, 0, 'nothing is sent while the task runs');
    await end(makeTask(taskId(1), 'SUCCEEDED'));
    assert.deepEqual(sent, [item.input]);
    assert.equal(attempts[0]?.kind, 'started');
    assert.deepEqual(queue.list(), []);
    await end(makeTask(taskId(2), 'SUCCEEDED'));
    assert.equal(sent.length, 1, 'an empty queue sends nothing');
  });

  it('ignores the end of a task on another file system or connection', async () => {
    const { queue, sent, end } = setUp([started(2)]);
    queue.add(connection, input, taskId(1));
    await end(makeTask(taskId(5), 'FAILED', { resource: { kind: 'fileSystem', id: 'fs-0fffffffffffffff0' } }));
    assert.equal(sent.length, 0);
    assert.equal(queue.list().length, 1);
  });

  it('starts them one at a time: the second waits for the first one started', async () => {
    const { queue, sent, end } = setUp([started(2), started(3)]);
    const first = queue.add(connection, input, taskId(1));
    const second = queue.add(connection, { ...input, paths: ['data/b'] }, taskId(1));
    await end(makeTask(taskId(1), 'CANCELED'));
    assert.deepEqual(sent.map((entry) => entry.paths), [first.input.paths]);
    assert.equal(queue.list()[0]?.behind, taskId(2), 'the second now waits for the task just started');
    await end(makeTask(taskId(2), 'SUCCEEDED'));
    assert.deepEqual(sent.map((entry) => entry.paths), [first.input.paths, second.input.paths]);
    assert.deepEqual(queue.list(), []);
  });

  it('keeps waiting, behind the new one, when FSx names another running task', async () => {
    const other = makeTask(taskId(7), 'EXECUTING');
    const { queue, attempts, end } = setUp([{ kind: 'busy', running: other }]);
    queue.add(connection, input, taskId(1));
    await end(makeTask(taskId(1), 'SUCCEEDED'));
    assert.equal(attempts[0]?.kind, 'waiting');
    assert.equal(queue.list()[0]?.behind, taskId(7));
    assert.equal(queue.list()[0]?.refusal, undefined);
  });

  it("keeps FSx's reason on a start it refuses, and does not send it again by itself", async () => {
    const { queue, sent, attempts, end } = setUp([{ kind: 'refused', message: 'FSx rejected the request as invalid. (Paths are invalid)' }, started(9)]);
    const item = queue.add(connection, input, taskId(1));
    await end(makeTask(taskId(1), 'SUCCEEDED'));
    assert.equal(attempts[0]?.kind, 'refused');
    assert.match(queue.list()[0]?.refusal ?? '', /FSx rejected the request as invalid.*Paths are invalid/);
    assert.equal(queue.list()[0]?.behind, taskId(1));
    await end(makeTask(taskId(4), 'SUCCEEDED'));
    assert.equal(sent.length, 1, 'a refused start waits for the person');
    const again = await queue.startNow(item.id);
    assert.equal(again?.kind, 'started', 'Start Now sends it');
    assert.equal(sent.length, 2);
  });

  it('a send that throws counts as a refusal, never as an unhandled rejection', async () => {
    const { queue, attempts, end } = setUp([new Error('socket hang up')]);
    queue.add(connection, input, taskId(1));
    await end(makeTask(taskId(1), 'SUCCEEDED'));
    assert.equal(attempts[0]?.kind, 'refused');
    assert.match(queue.list()[0]?.refusal ?? '', /socket hang up/);
  });

  it('a vanished task frees its queued start too', async () => {
    const { queue, sent, vanished } = setUp([started(2)]);
    queue.add(connection, input, taskId(1));
    vanished.fire({ taskId: taskId(1), connection });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(sent.length, 1);
  });

  it('Remove drops a start without sending it', async () => {
    const { queue, sent, end } = setUp([started(2)]);
    const item = queue.add(connection, input, taskId(1));
    assert.equal(queue.remove(item.id), true);
    assert.equal(queue.remove(item.id), false);
    await end(makeTask(taskId(1), 'SUCCEEDED'));
    assert.equal(sent.length, 0);
  });

  it('survives a reload: the saved queue is restored on the reconnected connection, and a foreign one is dropped', async () => {
    const first = setUp([]);
    first.queue.add(connection, input, taskId(1));
    first.queue.add({ region: 'us-west-2', endpoint: 'https://evil.example' }, input, taskId(1));
    await first.queue.whenPersisted();
    const saved = first.saved();
    const reloaded = setUp([started(2)], saved);
    const moved = { ...connection, endpoint: 'http://127.0.0.1:5000' };
    const result = reloaded.queue.restore((saved) => (saved.sandbox ? moved : undefined));
    assert.equal(result.restored.length, 1);
    assert.equal(result.dropped, 1);
    assert.deepEqual(reloaded.queue.list()[0]?.connection, moved);
    assert.equal(reloaded.queue.list()[0]?.input.clientRequestToken, (saved as QueuedStart[])[0].input.clientRequestToken, 'the same token after a reload');
  });

  it('reads the saved value field by field', () => {
    const { queue } = setUp([]);
    const good = JSON.parse(JSON.stringify(queue.add(connection, input, taskId(1)))) as Record<string, unknown>;
    const bad = [
      'queued',
      null,
      { ...good, id: 'queued-x' },
      { ...good, behind: 'task-1' },
      { ...good, connection: { region: 'evil.example.com#' } },
      { ...good, input: { ...(good.input as object), fileSystemId: 'fc-0123456789abcdef0' } },
      { ...good, input: { ...(good.input as object), type: 'AUTO_RELEASE_DATA' } },
      { ...good, input: { ...(good.input as object), paths: Array.from({ length: 101 }, () => 'a') } },
      { ...good, input: { ...(good.input as object), report: { enabled: true, path: 'http://x' } } },
      { ...good, input: { ...(good.input as object), clientRequestToken: 'a b' } },
      { ...good, queuedAt: 'now' },
      good,
    ];
    const parsed = parseQueuedStarts(bad);
    assert.equal(parsed.items.length, 1);
    assert.equal(parsed.dropped, bad.length - 1);
    assert.deepEqual(parseQueuedStarts({ not: 'a list' }), { items: [], dropped: 1 });
    assert.deepEqual(parseQueuedStarts(undefined), { items: [], dropped: 0 });
    const many = Array.from({ length: MAX_QUEUED_STARTS + 5 }, (_, n) => ({ ...good, id: `queued-00000000-0000-0000-0000-${String(n).padStart(12, '0')}` }));
    assert.equal(parseQueuedStarts(many).items.length, MAX_QUEUED_STARTS);
  });
});
