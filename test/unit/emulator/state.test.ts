import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../src/emulator/clock';
import { FsxError } from '../../../src/emulator/errors';
import { selectAssociations, selectFileSystems, selectTasks } from '../../../src/emulator/queries';
import { EmulatorState, type CreateTaskRequest } from '../../../src/emulator/state';

const MINUTE = 60_000;

function fsxCode(code: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof FsxError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  };
}

function world() {
  const clock = new ManualClock(Date.UTC(2025, 5, 1));
  const state = new EmulatorState({ clock, seed: 42 });
  const lustre = state.addFileSystem({ name: 'lustre-a' });
  const other = state.addFileSystem({ name: 'lustre-b' });
  const windows = state.addFileSystem({ name: 'win', type: 'WINDOWS' });
  const cache = state.addFileCache();
  return { clock, state, lustre, other, windows, cache };
}

describe('emulator state', () => {
  it('creates tasks with precise plans that tests can observe over time', () => {
    const { clock, state, lustre } = world();
    const id = state.addTask({
      fileSystemId: lustre,
      pendingMs: 0,
      executingMs: 10 * MINUTE,
      outcome: 'FAILED',
      failureMessage: 'X',
      totalCount: 7,
      failedCount: 7,
    });
    assert.match(id, /^task-[0-9a-f]{17}$/);
    assert.equal(state.getTask(id)?.lifecycle, 'EXECUTING');
    clock.advance(10 * MINUTE - 1);
    assert.equal(state.getTask(id)?.lifecycle, 'EXECUTING');
    clock.advance(1);
    const failed = state.getTask(id);
    assert.equal(failed?.lifecycle, 'FAILED');
    assert.equal(failed?.failureMessage, 'X');
    assert.equal(failed?.status?.failedCount, 7);
    assert.equal(failed?.endTime, clock.now());
    assert.equal(state.getTask('task-00000000000000000'), undefined);
  });

  it('refuses impossible plans without changing anything', () => {
    const { state, lustre, cache } = world();
    assert.throws(() => state.addTask({}), RangeError, 'no resource');
    assert.throws(() => state.addTask({ fileSystemId: lustre, fileCacheId: cache }), RangeError, 'two resources');
    assert.throws(() => state.addTask({ fileSystemId: 'fs-00000000000000000' }), RangeError);
    assert.throws(() => state.addTask({ fileSystemId: lustre, totalCount: 1, failedCount: 2 }), RangeError);
    assert.throws(() => state.addTask({ fileSystemId: lustre, executingMs: -1 }), RangeError);
    assert.throws(() => state.addTask({ fileSystemId: lustre, taskId: 'task-123' }), RangeError);
    assert.throws(() => state.addTasks([{ fileSystemId: lustre }, { fileSystemId: lustre, pendingMs: Number.NaN }]), RangeError);
    assert.equal(state.taskCount(), 0);
  });

  describe('cancelTask', () => {
    it('moves PENDING and EXECUTING tasks to CANCELING, then CANCELED after the cancel delay', () => {
      const { clock, state, lustre } = world();
      const pending = state.addTask({ fileSystemId: lustre, pendingMs: 5 * MINUTE, cancelingMs: 20_000 });
      const executing = state.addTask({ fileSystemId: lustre, cancelingMs: 20_000 });
      assert.equal(state.cancelTask(pending), 'CANCELING');
      assert.equal(state.cancelTask(executing), 'CANCELING');
      assert.equal(state.getTask(executing)?.lifecycle, 'CANCELING');
      clock.advance(5_000);
      assert.equal(state.cancelTask(executing), 'CANCELING', 'idempotent while CANCELING');
      assert.equal(state.getTaskPlan(executing)?.cancelRequestedAt, clock.now() - 5_000, 'a repeat does not restart the cancel');
      clock.advance(15_000);
      const canceled = state.getTask(executing);
      assert.equal(canceled?.lifecycle, 'CANCELED');
      assert.equal(canceled?.endTime, clock.now());
    });

    it('answers DataRepositoryTaskEnded for finished tasks and DataRepositoryTaskNotFound for unknown ones', () => {
      const { clock, state, lustre } = world();
      const id = state.addTask({ fileSystemId: lustre, executingMs: MINUTE });
      clock.advance(MINUTE);
      assert.throws(() => state.cancelTask(id), fsxCode('DataRepositoryTaskEnded'));
      assert.equal(state.getTask(id)?.lifecycle, 'SUCCEEDED');
      assert.throws(() => state.cancelTask('task-00000000000000000'), fsxCode('DataRepositoryTaskNotFound'));
    });
  });

  describe('createTask', () => {
    const request = (fileSystemId: string, extra: Partial<CreateTaskRequest> = {}): CreateTaskRequest => ({
      Type: 'EXPORT_TO_REPOSITORY',
      FileSystemId: fileSystemId,
      Report: { Enabled: false },
      ...extra,
    });

    it('creates a PENDING task that then runs to its outcome', () => {
      const { clock, state, lustre } = world();
      state.setCreatedTaskBehaviour({ pendingMs: 1_000, executingMs: MINUTE, outcome: 'SUCCEEDED', totalCount: 10 });
      const task = state.createTask(request(lustre, { Paths: ['data/a'] }));
      assert.equal(task.lifecycle, 'PENDING');
      assert.deepEqual(task.paths, ['data/a']);
      assert.equal(task.creationTime, clock.now());
      clock.advance(1_000);
      assert.equal(state.getTask(task.taskId)?.lifecycle, 'EXECUTING');
      clock.advance(MINUTE);
      assert.equal(state.getTask(task.taskId)?.status?.succeededCount, 10);
    });

    it('refuses a second task while one is PENDING or EXECUTING on the file system', () => {
      const { clock, state, lustre, other } = world();
      state.setCreatedTaskBehaviour({ pendingMs: 1_000, executingMs: MINUTE });
      const first = state.createTask(request(lustre));
      assert.throws(() => state.createTask(request(lustre)), fsxCode('DataRepositoryTaskExecuting'));
      clock.advance(2_000);
      assert.throws(() => state.createTask(request(lustre)), fsxCode('DataRepositoryTaskExecuting'));
      assert.equal(state.createTask(request(other)).lifecycle, 'PENDING', 'other file systems are independent');
      clock.advance(MINUTE);
      assert.equal(state.getTask(first.taskId)?.lifecycle, 'SUCCEEDED');
      assert.equal(state.createTask(request(lustre)).lifecycle, 'PENDING');
      assert.equal(state.taskCount(), 3);
    });

    it('is idempotent per ClientRequestToken and refuses the token with other parameters', () => {
      const { state, lustre } = world();
      const a = state.createTask(request(lustre, { ClientRequestToken: 'token-1' }));
      const b = state.createTask(request(lustre, { ClientRequestToken: 'token-1' }));
      assert.equal(b.taskId, a.taskId);
      assert.equal(state.taskCount(), 1);
      assert.throws(
        () => state.createTask(request(lustre, { ClientRequestToken: 'token-1', Paths: ['other'] })),
        (error: unknown) => fsxCode('IncompatibleParameterError')(error) && (error as FsxError).members.Parameter === 'ClientRequestToken',
      );
      assert.equal(state.taskCount(), 1);
    });

    it('answers FileSystemNotFound, UnsupportedOperation, BadRequest and IncompatibleParameterError as FSx does', () => {
      const { state, windows, lustre } = world();
      assert.throws(() => state.createTask(request('fs-00000000000000000')), fsxCode('FileSystemNotFound'));
      assert.throws(() => state.createTask(request(windows)), fsxCode('UnsupportedOperation'));
      assert.throws(() => state.createTask(request(lustre, { Report: { Enabled: true } })), fsxCode('BadRequest'));
      assert.throws(() => state.createTask(request(lustre, { Type: 'AUTO_RELEASE_DATA' })), fsxCode('BadRequest'));
      assert.throws(
        () => state.createTask(request(lustre, { ReleaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 1 } } })),
        fsxCode('IncompatibleParameterError'),
      );
      assert.equal(state.taskCount(), 0);
    });
  });

  describe('queries', () => {
    it('selectTasks: AND across filters, OR within values, newest first', () => {
      const { clock, state, lustre, other, cache } = world();
      const now = clock.now();
      const a = state.addTask({ fileSystemId: lustre, createdAt: now - 3 * MINUTE, executingMs: MINUTE });
      const b = state.addTask({ fileSystemId: lustre, createdAt: now - 2 * MINUTE, executingMs: 10 * MINUTE });
      const c = state.addTask({ fileSystemId: other, createdAt: now - MINUTE, executingMs: 10 * MINUTE });
      const d = state.addTask({ fileCacheId: cache, createdAt: now, executingMs: 10 * MINUTE });
      const ids = (query: Parameters<typeof selectTasks>[1]) => selectTasks(state, query, undefined, 50, now).items.map((p) => p.taskId);
      assert.deepEqual(ids({}), [d, c, b, a]);
      assert.deepEqual(ids({ Filters: [{ Name: 'file-system-id', Values: [lustre, other] }] }), [c, b, a]);
      assert.deepEqual(
        ids({ Filters: [{ Name: 'file-system-id', Values: [lustre, other] }, { Name: 'task-lifecycle', Values: ['SUCCEEDED'] }] }),
        [a],
      );
      assert.deepEqual(ids({ Filters: [{ Name: 'task-lifecycle', Values: ['EXECUTING', 'SUCCEEDED'] }] }), [d, c, b, a]);
      assert.deepEqual(ids({ Filters: [{ Name: 'file-cache-id', Values: [cache] }] }), [d]);
      assert.deepEqual(
        ids({ Filters: [{ Name: 'file-cache-id', Values: [cache] }, { Name: 'file-system-id', Values: [lustre] }] }),
        [],
        'a task is on a file system or a cache, never both',
      );
      assert.deepEqual(ids({ TaskIds: [a, c], Filters: [{ Name: 'file-system-id', Values: [lustre] }] }), [a]);
    });

    it('selectTasks: unknown ids answer the matching not-found error; bad lifecycle values are BadRequest', () => {
      const { state, lustre } = world();
      state.addTask({ fileSystemId: lustre });
      const run = (query: Parameters<typeof selectTasks>[1]) => () => selectTasks(state, query, undefined, 50, state.now());
      assert.throws(run({ TaskIds: ['task-00000000000000000'] }), fsxCode('DataRepositoryTaskNotFound'));
      assert.throws(run({ Filters: [{ Name: 'file-system-id', Values: ['fs-00000000000000000'] }] }), fsxCode('FileSystemNotFound'));
      assert.throws(run({ Filters: [{ Name: 'file-cache-id', Values: ['fc-00000000000000000'] }] }), fsxCode('FileCacheNotFound'));
      assert.throws(
        run({ Filters: [{ Name: 'data-repository-association-id', Values: ['dra-00000000000000000'] }] }),
        fsxCode('DataRepositoryAssociationNotFound'),
      );
      assert.throws(run({ Filters: [{ Name: 'task-lifecycle', Values: ['RUNNING'] }] }), fsxCode('BadRequest'));
      assert.throws(run({ Filters: [{ Name: 'task-lifecycle', Values: [] }] }), fsxCode('BadRequest'));
      assert.throws(run({ Filters: [{ Values: ['PENDING'] }] }), fsxCode('BadRequest'));
    });

    it('selectTasks: the data-repository-association-id filter selects tasks inside the association', () => {
      const { state, lustre } = world();
      const dra = state.addAssociation({ fileSystemId: lustre, resourcePath: '/ns1', dataRepositoryPath: 's3://bucket/ns1' });
      const inside = state.addTask({ fileSystemId: lustre, paths: ['ns1/data'], createdAt: 3 });
      const whole = state.addTask({ fileSystemId: lustre, createdAt: 2 });
      const byRepository = state.addTask({ fileSystemId: lustre, type: 'IMPORT_METADATA_FROM_REPOSITORY', paths: ['s3://bucket/ns1/x'], createdAt: 1 });
      state.addTask({ fileSystemId: lustre, paths: ['ns10/data'], createdAt: 0 });
      const page = selectTasks(state, { Filters: [{ Name: 'data-repository-association-id', Values: [dra] }] }, undefined, 50, state.now());
      assert.deepEqual(page.items.map((p) => p.taskId), [inside, whole, byRepository]);
    });

    it('selectFileSystems and selectAssociations page in creation order with filters', () => {
      const { state, lustre, other, windows, cache } = world();
      const first = selectFileSystems(state, undefined, undefined, 2);
      assert.deepEqual(first.items.map((r) => r.fileSystemId), [lustre, other]);
      assert.equal(first.more, true);
      const rest = selectFileSystems(state, undefined, first.items[1].seq, 2);
      assert.deepEqual(rest.items.map((r) => r.fileSystemId), [windows]);
      assert.equal(rest.more, false);
      assert.throws(() => selectFileSystems(state, ['fs-00000000000000000'], undefined, 10), fsxCode('FileSystemNotFound'));

      const a = state.addAssociation({ fileSystemId: lustre, resourcePath: '/a', dataRepositoryPath: 's3://b/a' });
      const n = state.addAssociation({ fileCacheId: cache, resourcePath: '/n', dataRepositoryPath: 'nfs://nas/export' });
      const select = (query: Parameters<typeof selectAssociations>[1]) => selectAssociations(state, query, undefined, 25).items.map((r) => r.associationId);
      assert.deepEqual(select({}), [a, n]);
      assert.deepEqual(select({ Filters: [{ Name: 'data-repository-type', Values: ['NFS'] }] }), [n]);
      assert.deepEqual(select({ Filters: [{ Name: 'file-system-id', Values: [lustre] }] }), [a]);
      assert.throws(() => select({ Filters: [{ Name: 'data-repository-type', Values: ['FTP'] }] }), fsxCode('InvalidDataRepositoryType'));
      assert.throws(() => select({ Filters: [{ Name: 'backup-type', Values: ['AUTOMATIC'] }] }), fsxCode('BadRequest'));
      assert.throws(() => select({ AssociationIds: ['dra-00000000000000000'] }), fsxCode('DataRepositoryAssociationNotFound'));
    });
  });
});
