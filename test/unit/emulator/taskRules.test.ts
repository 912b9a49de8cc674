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

    it('answers FileSystemNotFound, UnsupportedOperation, BadRequest and IncompatibleParameterError as FSx does', () => {
      const { store, windows, lustre, rules } = world();
      assert.throws(() => rules.createTask(request('fs-00000000000000000')), serviceCode('FileSystemNotFound'));
      assert.throws(() => rules.createTask(request(windows)), serviceCode('UnsupportedOperation'));
      assert.throws(() => rules.createTask(request(lustre, { Report: { Enabled: true } })), serviceCode('BadRequest'));
      assert.throws(() => rules.createTask(request(lustre, { Type: 'AUTO_RELEASE_DATA' })), serviceCode('BadRequest'));
      assert.throws(
        () => rules.createTask(request(lustre, { ReleaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 1 } } })),
        serviceCode('IncompatibleParameterError'),
      );
      assert.equal(store.taskCount(), 0);
    });
  });
});
