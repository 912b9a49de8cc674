// Our FSx boundary (FsxClientFactory + FsxService) with the real FSxClient over HTTP against the
// emulator: paging, batching, filters, errors as our classification, retries, lifecycles.
import * as assert from 'node:assert/strict';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, ManualEmulatorClock } from '../../src/emulator';
import { listActiveTasks } from '../../src/fsx/activeTasks';
import { ApiCallEvent, FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxError, FsxErrorKind } from '../../src/fsx/errors';
import { FsxService } from '../../src/fsx/fsxService';
import { Connection } from '../../src/fsx/types';

const MINUTE = 60_000;

describe('FsxService against the emulator (real FSxClient)', () => {
  let clock: ManualEmulatorClock;
  let emulator: FsxEmulator;
  let factory: FsxClientFactory;
  let calls: ApiCallEvent[];
  let connection: Connection;
  let service: FsxService;

  beforeEach(async () => {
    clock = new ManualEmulatorClock(Date.UTC(2025, 5, 1, 12));
    emulator = await FsxEmulator.start({ clock, scenario: 'empty' });
    calls = [];
    factory = new FsxClientFactory({
      onApiCall: (event) => calls.push(event),
      // Three attempts like production, without the waiting.
      retryStrategy: new ConfiguredRetryStrategy(3, () => 0),
    });
    connection = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
    service = new FsxService(factory.get(connection));
  });

  afterEach(async () => {
    factory.dispose();
    await emulator.close();
  });

  async function expectKind(promise: Promise<unknown>, kind: FsxErrorKind): Promise<FsxError> {
    let caught: unknown;
    await promise.then(
      () => assert.fail(`expected a ${kind} error`),
      (error: unknown) => {
        caught = error;
      },
    );
    assert.ok(caught instanceof FsxError, `an FsxError, got ${String(caught)}`);
    assert.equal(caught.kind, kind, caught.message);
    return caught;
  }

  it('lists every file system and cache, paging at the largest page the API gives', async () => {
    for (let i = 0; i < 230; i++) {
      emulator.state.addFileSystem({ type: i % 10 === 0 ? 'WINDOWS' : 'LUSTRE', name: `fs-${i}` });
    }
    emulator.state.addFileCache({});
    const resources = await service.listResources();
    assert.equal(resources.length, 231);
    assert.equal(resources.filter((resource) => resource.kind === 'fileCache').length, 1);
    assert.equal(resources.filter((resource) => resource.supportsTasks).length, 231 - 23);
    assert.equal(resources.find((resource) => resource.storageType === 'WINDOWS')?.supportsTasks, false);
    assert.equal(resources[1].name, 'fs-1');
    const counts = emulator.requestCounts();
    assert.equal(counts.DescribeFileSystems, 3, 'ceil(230 / 100) pages');
    assert.equal(counts.DescribeFileCaches, 1);
    assert.deepEqual(calls.map((call) => call.outcome), ['ok', 'ok', 'ok', 'ok']);
    assert.ok(calls.every((call) => call.requestId && call.region === 'us-east-1'));
  });

  it('pages a file system’s tasks newest first with a continuation token, and filters by lifecycle', async () => {
    const fileSystemId = emulator.state.addFileSystem({});
    const other = emulator.state.addFileSystem({});
    for (let i = 0; i < 120; i++) {
      emulator.state.addTask({ fileSystemId, createdAt: clock.now() - i * MINUTE, pendingMs: 0, executingMs: i < 7 ? 10 * MINUTE * 60 : 0 });
    }
    emulator.state.addTask({ fileSystemId: other, createdAt: clock.now(), pendingMs: 0, executingMs: 60 * MINUTE });
    const resource = { kind: 'fileSystem' as const, id: fileSystemId };
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await service.listTasks(resource, { nextToken });
      seen.push(...page.tasks.map((task) => task.taskId));
      assert.ok(page.tasks.every((task) => task.resource.id === fileSystemId));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 120);
    const times = seen.map((id) => emulator.state.getTask(id)?.creationTime ?? 0);
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    const executing = await service.listTasks(resource, { lifecycles: ['EXECUTING', 'CANCELING'] });
    assert.equal(executing.tasks.length, 7);
    assert.ok(executing.tasks.every((task) => task.lifecycle === 'EXECUTING'));
    const active = await listActiveTasks(service);
    assert.equal(active.length, 8, 'active tasks across the connection, in one filter');
  });

  it('describes 120 task ids in 3 calls', async () => {
    const fileSystemId = emulator.state.addFileSystem({});
    const ids = Array.from({ length: 120 }, (_, i) => emulator.state.addTask({ fileSystemId, createdAt: clock.now() - i * 1000 }));
    emulator.resetRequestCounts();
    const tasks = await service.describeTasks([...ids, ids[0]]);
    assert.equal(tasks.length, 120);
    assert.equal(emulator.requestCounts().DescribeDataRepositoryTasks, 3);
    assert.deepEqual(new Set(tasks.map((task) => task.taskId)), new Set(ids));
  });

  it('leaves out unknown ids and still returns the known ones', async () => {
    const fileSystemId = emulator.state.addFileSystem({});
    const ids = Array.from({ length: 10 }, () => emulator.state.addTask({ fileSystemId }));
    const unknown = 'task-00000000000000000';
    const tasks = await service.describeTasks([...ids.slice(0, 5), unknown, ...ids.slice(5)]);
    assert.deepEqual(tasks.map((task) => task.taskId).sort(), [...ids].sort());
  });

  it('maps task fields into our model, Dates included', async () => {
    const fileSystemId = emulator.state.addFileSystem({});
    const taskId = emulator.state.addTask({
      fileSystemId,
      type: 'EXPORT_TO_REPOSITORY',
      pendingMs: MINUTE,
      executingMs: 10 * MINUTE,
      outcome: 'FAILED',
      failureMessage: 'S3 bucket policy denies PutObject',
      totalCount: 1_000,
      paths: ['/data/out'],
      report: { Enabled: true, Path: 's3://reports/fsx', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' },
    });
    const [pending] = await service.describeTasks([taskId]);
    assert.equal(pending.lifecycle, 'PENDING');
    assert.ok(pending.creationTime instanceof Date);
    clock.advance(5 * MINUTE);
    const [executing] = await service.describeTasks([taskId]);
    assert.equal(executing.lifecycle, 'EXECUTING');
    assert.ok(executing.startTime instanceof Date);
    assert.ok((executing.status?.succeededCount ?? 0) > 0);
    clock.advance(10 * MINUTE);
    const [failed] = await service.describeTasks([taskId]);
    assert.equal(failed.lifecycle, 'FAILED');
    assert.equal(failed.failureMessage, 'S3 bucket policy denies PutObject');
    assert.ok(failed.endTime instanceof Date);
    assert.deepEqual(failed.paths, ['/data/out']);
    assert.deepEqual(failed.report, { enabled: true, path: 's3://reports/fsx', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' });
    assert.equal(failed.resource.id, fileSystemId);
    assert.match(failed.arn ?? '', /^arn:aws:fsx:/);
  });

  it('cancels: CANCELING, then CANCELED; a second cancel is idempotent; an ended task says taskEnded', async () => {
    const fileSystemId = emulator.state.addFileSystem({});
    const taskId = emulator.state.addTask({ fileSystemId, pendingMs: 0, executingMs: 60 * MINUTE, cancelingMs: MINUTE });
    assert.equal(await service.cancelTask(taskId), 'CANCELING');
    assert.equal(await service.cancelTask(taskId), 'CANCELING');
    clock.advance(2 * MINUTE);
    const [canceled] = await service.describeTasks([taskId]);
    assert.equal(canceled.lifecycle, 'CANCELED');
    assert.ok(canceled.endTime);
    const error = await expectKind(service.cancelTask(taskId), 'taskEnded');
    assert.equal(error.code, 'DataRepositoryTaskEnded');
    assert.ok(error.requestId);
  });

  it('refuses a malformed task id before any call', async () => {
    await expectKind(service.cancelTask('task-123'), 'validation');
    await expectKind(service.describeTasks(['nope']), 'validation');
    assert.equal(emulator.totalRequests(), 0);
  });

  it('maps service errors to our kinds', async () => {
    const fileSystemId = emulator.state.addFileSystem({});
    const windows = emulator.state.addFileSystem({ type: 'WINDOWS' });
    await expectKind(service.cancelTask('task-0123456789abcdef0'), 'notFound');
    await expectKind(service.listTasks({ kind: 'fileSystem', id: 'fs-00000000deadbeef0' }), 'notFound');
    await expectKind(service.createTask({ fileSystemId: windows, type: 'EXPORT_TO_REPOSITORY' }), 'unsupported');
    const created = await service.createTask({ fileSystemId, type: 'EXPORT_TO_REPOSITORY', paths: ['/a'] });
    assert.equal(created.lifecycle, 'PENDING');
    await expectKind(service.createTask({ fileSystemId, type: 'EXPORT_TO_REPOSITORY' }), 'taskExecuting');
  });

  const faults = [
    { kind: 'throttle', expected: 'throttled', attempts: 3 },
    { kind: 'internal', expected: 'service', attempts: 3 },
    { kind: 'unavailable', expected: 'service', attempts: 3 },
    { kind: 'drop', expected: 'network', attempts: 3 },
    { kind: 'expiredToken', expected: 'credentials', attempts: 1 },
    { kind: 'accessDenied', expected: 'accessDenied', attempts: 1 },
  ] as const;
  for (const fault of faults) {
    it(`turns a ${fault.kind} fault into ${fault.expected} after ${fault.attempts} attempt(s)`, async () => {
      emulator.injectFault({ kind: fault.kind, operation: 'DescribeFileSystems' });
      await expectKind(service.listResources(), fault.expected);
      assert.equal(emulator.requestCounts().DescribeFileSystems, fault.attempts);
      const logged = calls.find((call) => call.operation === 'DescribeFileSystems');
      assert.match(logged?.outcome ?? '', new RegExp(`^${fault.expected}`));
    });
  }

  it('recovers when throttling stops within the retries', async () => {
    emulator.state.addFileSystem({});
    emulator.injectFault({ kind: 'throttle', operation: 'DescribeFileSystems', count: 2 });
    const resources = await service.listResources();
    assert.equal(resources.length, 1);
    assert.equal(emulator.requestCounts().DescribeFileSystems, 3);
    assert.equal(calls.find((call) => call.operation === 'DescribeFileSystems')?.attempts, 3);
  });

  it('reports a refused connection as network', async () => {
    await emulator.close();
    const dead = new FsxService(factory.get({ ...connection, endpoint: emulator.url.replace(/:\d+$/, ':9') }));
    await expectKind(dead.listResources(), 'network');
  });

  it('honours an abort signal', async () => {
    emulator.state.addFileSystem({});
    emulator.injectFault({ kind: 'latency', latencyMs: 5_000 });
    const controller = new AbortController();
    const pending = service.listResources(controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expectKind(pending, 'cancelled');
  });

  it('keeps one client per connection and destroys them on dispose', () => {
    assert.equal(factory.get(connection), factory.get({ ...connection }));
    assert.notEqual(factory.get(connection), factory.get({ ...connection, region: 'eu-west-1' }));
  });

  it('never logs credentials', async () => {
    emulator.state.addFileSystem({});
    await service.listResources();
    const text = JSON.stringify(calls);
    assert.ok(!/AKIA|secret|sandbox-secret/i.test(text), text);
  });
});
