import * as assert from 'node:assert/strict';
import type { ServiceError } from '../../../src/emulator/errors';
import type { CreateTaskRequest } from '../../../src/emulator/taskRules';
import { serviceCode, world } from './world';

const MINUTE = 60_000;

describe('emulator task rules', () => {
  describe('cancelTask', () => {
    it('moves PENDING and EXECUTING tasks to CANCELING, then CANCELED after the cancel delay', () => {
      const { clock, store, rules, lustre } = world();
      const pending = store.addTask({ fileSystemId: lustre, pendingMs: 5 * MINUTE, cancelingMs: 20_000 });
      const executing = store.addTask({ fileSystemId: lustre, cancelingMs: 20_000 });
      assert.equal(rules.cancelTask(pending), 'CANCELING');
      assert.equal(rules.cancelTask(executing), 'CANCELING');
      assert.equal(store.getTask(executing)?.lifecycle, 'CANCELING');
      clock.advance(5_000);
      assert.equal(rules.cancelTask(executing), 'CANCELING', 'idempotent while CANCELING');
      assert.equal(store.getTaskPlan(executing)?.cancelRequestedAt, clock.now() - 5_000, 'a repeat does not restart the cancel');
      clock.advance(15_000);
      const canceled = store.getTask(executing);
      assert.equal(canceled?.lifecycle, 'CANCELED');
      assert.equal(canceled?.endTime, clock.now());
    });

    it('answers DataRepositoryTaskEnded for finished tasks and DataRepositoryTaskNotFound for unknown ones', () => {
      const { clock, store, rules, lustre } = world();
      const id = store.addTask({ fileSystemId: lustre, executingMs: MINUTE });
      clock.advance(MINUTE);
      assert.throws(() => rules.cancelTask(id), serviceCode('DataRepositoryTaskEnded'));
      assert.equal(store.getTask(id)?.lifecycle, 'SUCCEEDED');
      assert.throws(() => rules.cancelTask('task-00000000000000000'), serviceCode('DataRepositoryTaskNotFound'));
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
      const { clock, store, rules, lustre } = world();
      rules.setCreatedTaskBehaviour({ pendingMs: 1_000, executingMs: MINUTE, outcome: 'SUCCEEDED', totalCount: 10 });
      const task = rules.createTask(request(lustre, { Paths: ['data/a'] }));
      assert.equal(task.lifecycle, 'PENDING');
      assert.deepEqual(task.paths, ['data/a']);
      assert.equal(task.creationTime, clock.now());
      clock.advance(1_000);
      assert.equal(store.getTask(task.taskId)?.lifecycle, 'EXECUTING');
      clock.advance(MINUTE);
      assert.equal(store.getTask(task.taskId)?.status?.succeededCount, 10);
    });

    it('refuses a second task while one is PENDING or EXECUTING on the file system', () => {
      const { clock, store, lustre, other, rules } = world();
      rules.setCreatedTaskBehaviour({ pendingMs: 1_000, executingMs: MINUTE });
      const first = rules.createTask(request(lustre));
      assert.throws(() => rules.createTask(request(lustre)), serviceCode('DataRepositoryTaskExecuting'));
      clock.advance(2_000);
      assert.throws(() => rules.createTask(request(lustre)), serviceCode('DataRepositoryTaskExecuting'));
      assert.equal(rules.createTask(request(other)).lifecycle, 'PENDING', 'other file systems are independent');
      clock.advance(MINUTE);
      assert.equal(store.getTask(first.taskId)?.lifecycle, 'SUCCEEDED');
      assert.equal(rules.createTask(request(lustre)).lifecycle, 'PENDING');
      assert.equal(store.taskCount(), 3);
    });

    it('is idempotent per ClientRequestToken and refuses the token with other parameters', () => {
      const { store, lustre, rules } = world();
      const a = rules.createTask(request(lustre, { ClientRequestToken: 'token-1' }));
      const b = rules.createTask(request(lustre, { ClientRequestToken: 'token-1' }));
      assert.equal(b.taskId, a.taskId);
      assert.equal(store.taskCount(), 1);
      assert.throws(
        () => rules.createTask(request(lustre, { ClientRequestToken: 'token-1', Paths: ['other'] })),
        (error: unknown) => serviceCode('IncompatibleParameterError')(error) && (error as ServiceError).members.Parameter === 'ClientRequestToken',
      );
      assert.equal(store.taskCount(), 1);
    });

    it('answers FileSystemNotFound and UnsupportedOperation, and refuses a file system that is not AVAILABLE', () => {
      const { store, windows, rules } = world();
      const creating = store.addFileSystem({ lifecycle: 'CREATING' });
      assert.throws(() => rules.createTask(request('fs-00000000000000000')), serviceCode('FileSystemNotFound'));
      assert.throws(() => rules.createTask(request(windows)), serviceCode('UnsupportedOperation'));
      assert.throws(() => rules.createTask(request(creating)), serviceCode('BadRequest'));
      assert.equal(store.taskCount(), 0);
    });

    it('admits each member only with the task type the model gives it', () => {
      const { store, lustre, rules } = world();
      const release = { DurationSinceLastAccess: { Unit: 'DAYS', Value: 0 } };
      assert.throws(() => rules.createTask(request(lustre, { Type: 'AUTO_RELEASE_DATA' })), serviceCode('BadRequest'), 'caches start those');
      for (const type of ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY'] as const) {
        assert.throws(() => rules.createTask(request(lustre, { Type: type, ReleaseConfiguration: release })), serviceCode('BadRequest'), type);
      }
      for (const type of ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM'] as const) {
        assert.throws(() => rules.createTask(request(lustre, { Type: type, CapacityToRelease: 10 })), serviceCode('BadRequest'), type);
      }
      assert.equal(store.taskCount(), 0);
      const created = rules.createTask(request(lustre, { Type: 'RELEASE_DATA_FROM_FILESYSTEM', ReleaseConfiguration: release, Paths: ['/'] }));
      assert.deepEqual(created.releaseConfiguration, release);
      assert.equal(created.type, 'RELEASE_DATA_FROM_FILESYSTEM');
    });

    describe('completion report', () => {
      const report = (path: string) => ({ Enabled: true, Path: path, Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' });

      it('needs Path, Format and Scope when enabled, and none of them when not', () => {
        const { store, lustre, rules } = world();
        store.addAssociation({ fileSystemId: lustre, resourcePath: '/ns1', dataRepositoryPath: 's3://bucket/ns1/' });
        const full = report('s3://bucket/ns1/reports');
        for (const missing of ['Path', 'Format', 'Scope'] as const) {
          const partial = { ...full, [missing]: undefined };
          assert.throws(() => rules.createTask(request(lustre, { Report: partial })), serviceCode('BadRequest'), missing);
        }
        assert.equal(store.taskCount(), 0);
        assert.equal(rules.createTask(request(lustre, { Report: { Enabled: false } })).report.Enabled, false);
      });

      it("must lie within an association's data repository path", () => {
        const { store, lustre, rules } = world();
        store.addAssociation({ fileSystemId: lustre, resourcePath: '/ns1', dataRepositoryPath: 's3://bucket/ns1/' });
        store.addAssociation({ fileSystemId: lustre, resourcePath: '/ns2', dataRepositoryPath: 's3://other/ns2' });
        for (const outside of ['s3://bucket/ns10/reports', 's3://bucket/reports', 's3://elsewhere/ns1/reports']) {
          assert.throws(() => rules.createTask(request(lustre, { Report: report(outside) })), (error: unknown) => {
            serviceCode('BadRequest')(error);
            assert.match((error as ServiceError).message, /s3:\/\/bucket\/ns1\/, s3:\/\/other\/ns2/, 'names the export paths');
            return true;
          });
        }
        assert.equal(store.taskCount(), 0);
        assert.equal(rules.createTask(request(lustre, { Report: report('s3://other/ns2/r') })).report.Path, 's3://other/ns2/r');
      });

      it("must lie within the legacy ExportPath (not merely the ImportPath) of a Scratch or Persistent 1 file system", () => {
        const { store, rules } = world();
        const scratch = store.addFileSystem({
          deploymentType: 'SCRATCH_2',
          dataRepository: { importPath: 's3://bucket', exportPath: 's3://bucket/export' },
        });
        assert.throws(() => rules.createTask(request(scratch, { Report: report('s3://bucket/reports') })), serviceCode('BadRequest'));
        assert.equal(rules.createTask(request(scratch, { Report: report('s3://bucket/export/reports') })).lifecycle, 'PENDING');
      });

      it('cannot be written by a file system with no linked S3 repository', () => {
        const { store, lustre, rules } = world();
        assert.throws(() => rules.createTask(request(lustre, { Report: report('s3://bucket/reports') })), serviceCode('BadRequest'));
        const importOnly = store.addFileSystem({ deploymentType: 'PERSISTENT_1', dataRepository: { importPath: 's3://bucket' } });
        assert.throws(() => rules.createTask(request(importOnly, { Report: report('s3://bucket/reports') })), serviceCode('BadRequest'));
        assert.equal(store.taskCount(), 0);
      });
    });

    it('names the running task in DataRepositoryTaskExecuting', () => {
      const { store, lustre, rules } = world();
      const running = store.addTask({ fileSystemId: lustre, executingMs: 10 * MINUTE });
      assert.throws(() => rules.createTask(request(lustre)), (error: unknown) => {
        serviceCode('DataRepositoryTaskExecuting')(error);
        assert.match((error as ServiceError).message, new RegExp(`${running} is EXECUTING on file system ${lustre}`));
        return true;
      });
    });

    it('a retried request with the same token gets the same task even once it runs or has ended', () => {
      const { clock, store, lustre, rules } = world();
      rules.setCreatedTaskBehaviour({ pendingMs: 0, executingMs: MINUTE });
      const first = rules.createTask(request(lustre, { ClientRequestToken: 'retry' }));
      clock.advance(30_000);
      assert.equal(rules.createTask(request(lustre, { ClientRequestToken: 'retry' })).taskId, first.taskId, 'not DataRepositoryTaskExecuting');
      clock.advance(MINUTE);
      const again = rules.createTask(request(lustre, { ClientRequestToken: 'retry' }));
      assert.deepEqual([again.taskId, again.lifecycle], [first.taskId, 'SUCCEEDED']);
      assert.equal(store.taskCount(), 1);
      assert.throws(() => rules.createTask(request(lustre, { ClientRequestToken: 'retry', FileSystemId: lustre, Tags: [{ Key: 'a', Value: 'b' }] })), serviceCode('IncompatibleParameterError'));
    });

    it('a token whose request was refused is not spent', () => {
      const { clock, store, lustre, rules } = world();
      store.addTask({ fileSystemId: lustre, executingMs: MINUTE });
      assert.throws(() => rules.createTask(request(lustre, { ClientRequestToken: 'later' })), serviceCode('DataRepositoryTaskExecuting'));
      clock.advance(MINUTE);
      assert.equal(rules.createTask(request(lustre, { ClientRequestToken: 'later' })).lifecycle, 'PENDING');
    });

    it('a created task counts up on the 30-second cadence; a release reports ReleasedCapacity', () => {
      const { clock, lustre, rules, store } = world();
      rules.setCreatedTaskBehaviour({ pendingMs: 0, executingMs: 10 * MINUTE, totalCount: 1_000 });
      const created = rules.createTask(request(lustre, { Type: 'RELEASE_DATA_FROM_FILESYSTEM', Paths: ['/scratch'] }));
      const seen: number[] = [];
      for (let step = 0; step < 4; step++) {
        clock.advance(20_000);
        seen.push(store.getTask(created.taskId)?.status?.succeededCount ?? -1);
      }
      assert.deepEqual(seen, [0, 50, 100, 100], 'at 20, 40, 60 and 80 s: it moves every 30 s, not on every read');
      clock.advance(10 * MINUTE);
      const ended = store.getTask(created.taskId);
      assert.equal(ended?.lifecycle, 'SUCCEEDED');
      assert.equal(ended?.status?.succeededCount, 1_000);
      assert.ok((ended?.status?.releasedCapacity ?? 0) > 0, 'GiB released');

      const exported = rules.createTask(request(lustre, { ClientRequestToken: 'x' }));
      clock.advance(10 * MINUTE);
      assert.equal(store.getTask(exported.taskId)?.status?.releasedCapacity, undefined, 'only releases release capacity');
    });

    it('created-task behaviour may be decided per request', () => {
      const { clock, store, lustre, other, rules } = world();
      rules.setCreatedTaskBehaviour((created) =>
        created.FileSystemId === lustre ? { pendingMs: 0, executingMs: MINUTE, outcome: 'FAILED', failureMessage: 'planned' } : undefined,
      );
      const failing = rules.createTask(request(lustre));
      const normal = rules.createTask(request(other));
      clock.advance(MINUTE);
      assert.deepEqual([store.getTask(failing.taskId)?.lifecycle, store.getTask(failing.taskId)?.failureMessage], ['FAILED', 'planned']);
      assert.equal(normal.lifecycle, 'PENDING');
      assert.equal(store.getTask(normal.taskId)?.lifecycle, 'EXECUTING', 'the default plan: up to 20 s pending, at least 2 minutes exporting');
    });

    it('reset() forgets tokens and created-task behaviour', () => {
      const { clock, lustre, rules } = world();
      rules.setCreatedTaskBehaviour({ pendingMs: 0, executingMs: 1_000, totalCount: 3 });
      const first = rules.createTask(request(lustre, { ClientRequestToken: 't' }));
      assert.equal(first.lifecycle, 'EXECUTING');
      clock.advance(1_000);
      rules.reset();
      const second = rules.createTask(request(lustre, { ClientRequestToken: 't' }));
      assert.notEqual(second.taskId, first.taskId);
      assert.equal(second.lifecycle, 'PENDING', 'default plans start PENDING');
    });
  });
});
