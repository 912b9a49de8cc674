import * as assert from 'node:assert/strict';
import { selectAssociations, selectFileSystems, selectTasks } from '../../../src/emulator/queries';
import { serviceCode, world } from './world';

const MINUTE = 60_000;

describe('emulator store', () => {
  it('creates tasks with precise plans that tests can observe over time', () => {
    const { clock, store, lustre } = world();
    const id = store.addTask({
      fileSystemId: lustre,
      pendingMs: 0,
      executingMs: 10 * MINUTE,
      outcome: 'FAILED',
      failureMessage: 'X',
      totalCount: 7,
      failedCount: 7,
    });
    assert.match(id, /^task-[0-9a-f]{17}$/);
    assert.equal(store.getTask(id)?.lifecycle, 'EXECUTING');
    clock.advance(10 * MINUTE - 1);
    assert.equal(store.getTask(id)?.lifecycle, 'EXECUTING');
    clock.advance(1);
    const failed = store.getTask(id);
    assert.equal(failed?.lifecycle, 'FAILED');
    assert.equal(failed?.failureMessage, 'X');
    assert.equal(failed?.status?.failedCount, 7);
    assert.equal(failed?.endTime, clock.now());
    assert.equal(store.getTask('task-00000000000000000'), undefined);
  });

  it('refuses impossible plans without changing anything', () => {
    const { store, lustre, cache } = world();
    assert.throws(() => store.addTask({}), RangeError, 'no resource');
    assert.throws(() => store.addTask({ fileSystemId: lustre, fileCacheId: cache }), RangeError, 'two resources');
    assert.throws(() => store.addTask({ fileSystemId: 'fs-00000000000000000' }), RangeError);
    assert.throws(() => store.addTask({ fileSystemId: lustre, totalCount: 1, failedCount: 2 }), RangeError);
    assert.throws(() => store.addTask({ fileSystemId: lustre, executingMs: -1 }), RangeError);
    assert.throws(() => store.addTask({ fileSystemId: lustre, taskId: 'task-123' }), RangeError);
    assert.throws(() => store.addTasks([{ fileSystemId: lustre }, { fileSystemId: lustre, pendingMs: Number.NaN }]), RangeError);
    assert.equal(store.taskCount(), 0);
  });

  it('clear() forgets every record and gives the same ids again, like a new store with the same seed', () => {
    const { store, lustre, other, windows, cache } = world();
    const task = store.addTask({ fileSystemId: lustre });
    store.addAssociation({ fileSystemId: lustre, resourcePath: '/a', dataRepositoryPath: 's3://b/a' });
    store.clear();
    assert.deepEqual([store.fileSystems().length, store.fileCaches().length, store.associations().length, store.taskCount()], [0, 0, 0, 0]);
    assert.equal(store.getTask(task), undefined);
    assert.deepEqual(store.tasksOf(lustre), []);
    assert.deepEqual([...store.taskPlansNewestFirst()], []);
    const again = [store.addFileSystem(), store.addFileSystem(), store.addFileSystem({ type: 'WINDOWS' })];
    assert.deepEqual(again, [lustre, other, windows]);
    assert.equal(store.addFileCache(), cache);
    assert.equal(store.addTask({ fileSystemId: lustre }), task);
  });

  it('endedTasks() lists the tasks that have ended by now, newest first, with their report and counts', () => {
    const { clock, store, lustre, cache } = world();
    const report = { Enabled: true, Path: 's3://b/reports', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' };
    const failed = store.addTask({ fileSystemId: lustre, executingMs: MINUTE, outcome: 'FAILED', totalCount: 9, failedCount: 3, report });
    const running = store.addTask({ fileSystemId: lustre, createdAt: clock.now() + 1, executingMs: 10 * MINUTE });
    const released = store.addTask({ fileCacheId: cache, createdAt: clock.now() + 2, executingMs: 2 * MINUTE, releasedCapacity: 5 });
    assert.deepEqual(store.endedTasks(), []);
    clock.advance(3 * MINUTE);
    const ended = store.endedTasks();
    assert.deepEqual(ended.map((task) => task.taskId), [released, failed]);
    assert.deepEqual(ended[1].report, report);
    assert.equal(ended[1].status?.failedCount, 3);
    assert.equal(ended[0].status?.releasedCapacity, 5);
    assert.ok(!ended.some((task) => task.taskId === running));
  });

  describe('data repository links (checked against the API model)', () => {
    it('keeps an association with its lifecycle, policies and failure details', () => {
      const { store, lustre, cache } = world();
      const misconfigured = store.addAssociation({
        fileSystemId: lustre,
        resourcePath: '/ns1',
        dataRepositoryPath: 's3://bucket/ns1/',
        lifecycle: 'MISCONFIGURED',
        failureMessage: 'No event notification on the bucket.',
        autoExportEvents: [],
        importedFileChunkSize: 2048,
      });
      const record = store.getAssociation(misconfigured);
      assert.deepEqual(
        [record?.lifecycle, record?.failureMessage, record?.autoImportEvents, record?.autoExportEvents, record?.importedFileChunkSize, record?.batchImportMetaDataOnCreate],
        ['MISCONFIGURED', 'No event notification on the bucket.', ['NEW', 'CHANGED', 'DELETED'], [], 2048, true],
      );
      const failed = store.getAssociation(store.addAssociation({ fileSystemId: lustre, resourcePath: '/ns2', dataRepositoryPath: 's3://b/x', lifecycle: 'FAILED' }));
      assert.ok(failed?.failureMessage, 'FAILED always carries a message');
      const nfs = store.getAssociation(store.addAssociation({ fileCacheId: cache, resourcePath: '/n', dataRepositoryPath: 'nfs://nas/export' }));
      assert.deepEqual([nfs?.repositoryType, nfs?.autoImportEvents, nfs?.importedFileChunkSize], ['NFS', [], undefined]);
    });

    it('refuses associations the model or FSx would not have, changing nothing', () => {
      const { store, lustre, windows, cache } = world();
      store.addAssociation({ fileSystemId: lustre, resourcePath: '/a', dataRepositoryPath: 's3://b/a' });
      const scratch = store.addFileSystem({ deploymentType: 'SCRATCH_2', dataRepository: { importPath: 's3://b' } });
      const refused = [
        { fileSystemId: lustre, resourcePath: '/a/b', dataRepositoryPath: 's3://b/ab' },
        { fileSystemId: lustre, resourcePath: '/', dataRepositoryPath: 's3://b/root' },
        { fileSystemId: lustre, resourcePath: 'relative', dataRepositoryPath: 's3://b/r' },
        { fileSystemId: lustre, resourcePath: `/${'x'.repeat(4096)}`, dataRepositoryPath: 's3://b/r' },
        { fileSystemId: lustre, resourcePath: '/n', dataRepositoryPath: 'nfs://nas/export' },
        { fileSystemId: lustre, resourcePath: '/h', dataRepositoryPath: 'https://b/h' },
        { fileSystemId: lustre, resourcePath: '/l', dataRepositoryPath: 's3://b/l', lifecycle: 'BROKEN' as never },
        { fileSystemId: lustre, resourcePath: '/m', dataRepositoryPath: 's3://b/m', failureMessage: 'only when failed' },
        { fileSystemId: lustre, resourcePath: '/e', dataRepositoryPath: 's3://b/e', autoImportEvents: ['NEW', 'NEW'] as const },
        { fileSystemId: lustre, resourcePath: '/c', dataRepositoryPath: 's3://b/c', importedFileChunkSize: 512_001 },
        { fileCacheId: cache, resourcePath: '/k', dataRepositoryPath: 's3://b/k', batchImportMetaDataOnCreate: true },
        { fileSystemId: windows, resourcePath: '/w', dataRepositoryPath: 's3://b/w' },
        { fileSystemId: scratch, resourcePath: '/s', dataRepositoryPath: 's3://b/s' },
      ];
      for (const spec of refused) {
        assert.throws(() => store.addAssociation(spec), RangeError, JSON.stringify(spec).slice(0, 120));
      }
      assert.equal(store.associations().length, 1);
      assert.ok(store.addAssociation({ fileSystemId: lustre, resourcePath: '/ab', dataRepositoryPath: 's3://b/ab' }), '"/ab" does not nest in "/a"');
    });

    it('links Scratch and Persistent 1 file systems through DataRepositoryConfiguration only', () => {
      const { store } = world();
      const id = store.addFileSystem({
        deploymentType: 'PERSISTENT_1',
        dataRepository: { importPath: 's3://b', exportPath: 's3://b/out', lifecycle: 'MISCONFIGURED', autoImportPolicy: 'NEW' },
      });
      const link = store.getFileSystem(id)?.dataRepository;
      assert.deepEqual(
        [link?.importPath, link?.exportPath, link?.lifecycle, link?.autoImportPolicy, link?.importedFileChunkSize, typeof link?.failureMessage],
        ['s3://b', 's3://b/out', 'MISCONFIGURED', 'NEW', 1024, 'string'],
      );
      const count = store.fileSystems().length;
      for (const spec of [
        { deploymentType: 'PERSISTENT_2', dataRepository: { importPath: 's3://b' } },
        { type: 'WINDOWS' as const, deploymentType: 'SCRATCH_2', dataRepository: { importPath: 's3://b' } },
        { deploymentType: 'SCRATCH_1', dataRepository: { exportPath: 's3://b/out' } },
        { deploymentType: 'SCRATCH_1', dataRepository: { importPath: 's3://b', exportPath: 's3://other/out' } },
        { deploymentType: 'SCRATCH_1', dataRepository: { importPath: 's3://b', autoImportPolicy: 'ALL' as never } },
        { deploymentType: 'SCRATCH_1', dataRepository: { importPath: 's3://b', failureMessage: 'not when AVAILABLE' } },
      ]) {
        assert.throws(() => store.addFileSystem(spec), RangeError, JSON.stringify(spec));
      }
      assert.equal(store.fileSystems().length, count);
    });
  });

  describe('queries', () => {
    it('selectTasks: AND across filters, OR within values, newest first', () => {
      const { clock, store, lustre, other, cache } = world();
      const now = clock.now();
      const a = store.addTask({ fileSystemId: lustre, createdAt: now - 3 * MINUTE, executingMs: MINUTE });
      const b = store.addTask({ fileSystemId: lustre, createdAt: now - 2 * MINUTE, executingMs: 10 * MINUTE });
      const c = store.addTask({ fileSystemId: other, createdAt: now - MINUTE, executingMs: 10 * MINUTE });
      const d = store.addTask({ fileCacheId: cache, createdAt: now, executingMs: 10 * MINUTE });
      const ids = (query: Parameters<typeof selectTasks>[1]) => selectTasks(store, query, undefined, 50, now).items.map((p) => p.taskId);
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
      const { store, lustre } = world();
      store.addTask({ fileSystemId: lustre });
      const run = (query: Parameters<typeof selectTasks>[1]) => () => selectTasks(store, query, undefined, 50, store.now());
      assert.throws(run({ TaskIds: ['task-00000000000000000'] }), serviceCode('DataRepositoryTaskNotFound'));
      assert.throws(run({ Filters: [{ Name: 'file-system-id', Values: ['fs-00000000000000000'] }] }), serviceCode('FileSystemNotFound'));
      assert.throws(run({ Filters: [{ Name: 'file-cache-id', Values: ['fc-00000000000000000'] }] }), serviceCode('FileCacheNotFound'));
      assert.throws(
        run({ Filters: [{ Name: 'data-repository-association-id', Values: ['dra-00000000000000000'] }] }),
        serviceCode('DataRepositoryAssociationNotFound'),
      );
      assert.throws(run({ Filters: [{ Name: 'task-lifecycle', Values: ['RUNNING'] }] }), serviceCode('BadRequest'));
      assert.throws(run({ Filters: [{ Name: 'task-lifecycle', Values: [] }] }), serviceCode('BadRequest'));
      assert.throws(run({ Filters: [{ Values: ['PENDING'] }] }), serviceCode('BadRequest'));
    });

    it('selectTasks: the data-repository-association-id filter selects tasks inside the association', () => {
      const { store, lustre } = world();
      const dra = store.addAssociation({ fileSystemId: lustre, resourcePath: '/ns1', dataRepositoryPath: 's3://bucket/ns1' });
      const inside = store.addTask({ fileSystemId: lustre, paths: ['ns1/data'], createdAt: 3 });
      const whole = store.addTask({ fileSystemId: lustre, createdAt: 2 });
      const byRepository = store.addTask({ fileSystemId: lustre, type: 'IMPORT_METADATA_FROM_REPOSITORY', paths: ['s3://bucket/ns1/x'], createdAt: 1 });
      store.addTask({ fileSystemId: lustre, paths: ['ns10/data'], createdAt: 0 });
      const page = selectTasks(store, { Filters: [{ Name: 'data-repository-association-id', Values: [dra] }] }, undefined, 50, store.now());
      assert.deepEqual(page.items.map((p) => p.taskId), [inside, whole, byRepository]);
    });

    it('selectFileSystems and selectAssociations page in creation order with filters', () => {
      const { store, lustre, other, windows, cache } = world();
      const first = selectFileSystems(store, undefined, undefined, 2);
      assert.deepEqual(first.items.map((r) => r.fileSystemId), [lustre, other]);
      assert.equal(first.more, true);
      const rest = selectFileSystems(store, undefined, first.items[1].seq, 2);
      assert.deepEqual(rest.items.map((r) => r.fileSystemId), [windows]);
      assert.equal(rest.more, false);
      assert.throws(() => selectFileSystems(store, ['fs-00000000000000000'], undefined, 10), serviceCode('FileSystemNotFound'));

      const a = store.addAssociation({ fileSystemId: lustre, resourcePath: '/a', dataRepositoryPath: 's3://b/a' });
      const n = store.addAssociation({ fileCacheId: cache, resourcePath: '/n', dataRepositoryPath: 'nfs://nas/export' });
      const select = (query: Parameters<typeof selectAssociations>[1]) => selectAssociations(store, query, undefined, 25).items.map((r) => r.associationId);
      assert.deepEqual(select({}), [a, n]);
      assert.deepEqual(select({ Filters: [{ Name: 'data-repository-type', Values: ['NFS'] }] }), [n]);
      assert.deepEqual(select({ Filters: [{ Name: 'file-system-id', Values: [lustre] }] }), [a]);
      assert.throws(() => select({ Filters: [{ Name: 'data-repository-type', Values: ['FTP'] }] }), serviceCode('InvalidDataRepositoryType'));
      assert.throws(() => select({ Filters: [{ Name: 'backup-type', Values: ['AUTOMATIC'] }] }), serviceCode('BadRequest'));
      assert.throws(() => select({ AssociationIds: ['dra-00000000000000000'] }), serviceCode('DataRepositoryAssociationNotFound'));
    });
  });
});
