import * as assert from 'node:assert/strict';
import { ServiceError } from '../../../src/emulator/errors';
import { OPERATIONS } from '../../../src/emulator/operations';
import { validateInput } from '../../../src/emulator/validation';

const TASK_ID = 'task-0123456789abcdef0';

function rejects(operation: keyof typeof OPERATIONS, input: unknown, code: string, message?: RegExp): void {
  assert.throws(
    () => validateInput(OPERATIONS[operation].input, input),
    (error: unknown) => {
      assert.ok(error instanceof ServiceError, `not a ServiceError: ${String(error)}`);
      assert.equal(error.code, code, error.message);
      if (message) {
        assert.match(error.message, message);
      }
      return true;
    },
  );
}

describe('emulator input validation (from the FSx model)', () => {
  it('accepts a well-formed request and keeps only modelled members', () => {
    const input = validateInput(OPERATIONS.DescribeDataRepositoryTasks.input, {
      TaskIds: [TASK_ID],
      Filters: [{ Name: 'task-lifecycle', Values: ['EXECUTING'] }],
      MaxResults: 5,
      Extra: { deeply: { nested: true } },
      NextToken: null,
    });
    assert.deepEqual(input, { TaskIds: [TASK_ID], Filters: [{ Name: 'task-lifecycle', Values: ['EXECUTING'] }], MaxResults: 5 });
  });

  it('enforces list limits: TaskIds <= 50, Filters <= 3, Values <= 20, FileSystemIds <= 50', () => {
    const ids = (n: number, make: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => make(i));
    const taskId = (i: number): string => `task-${i.toString(16).padStart(17, '0')}`;
    const fsId = (i: number): string => `fs-${i.toString(16).padStart(17, '0')}`;
    assert.doesNotThrow(() => validateInput(OPERATIONS.DescribeDataRepositoryTasks.input, { TaskIds: ids(50, taskId) }));
    rejects('DescribeDataRepositoryTasks', { TaskIds: ids(51, taskId) }, 'BadRequest', /at 'taskIds' .*less than or equal to 50/);
    const filter = { Name: 'task-lifecycle', Values: ['PENDING'] };
    rejects('DescribeDataRepositoryTasks', { Filters: [filter, filter, filter, filter] }, 'BadRequest', /filters/);
    rejects('DescribeDataRepositoryTasks', { Filters: [{ Name: 'file-system-id', Values: ids(21, fsId) }] }, 'BadRequest', /filters\.1\.member\.values/);
    rejects('DescribeFileSystems', { FileSystemIds: ids(51, fsId) }, 'BadRequest', /fileSystemIds/);
    rejects('DescribeFileCaches', { FileCacheIds: ids(51, (i) => `fc-${i.toString(16).padStart(17, '0')}`) }, 'BadRequest', /fileCacheIds/);
  });

  it('enforces id patterns and filter names', () => {
    rejects('DescribeDataRepositoryTasks', { TaskIds: ['task-0123456789ABCDEF0'] }, 'BadRequest', /regular expression pattern/);
    rejects('DescribeDataRepositoryTasks', { TaskIds: ['task-0123456789abcdef'] }, 'BadRequest', /pattern/);
    rejects('DescribeFileSystems', { FileSystemIds: ['fs-xyz12345678'] }, 'BadRequest', /pattern/);
    rejects('CancelDataRepositoryTask', { TaskId: 'fs-0123456789abcdef0' }, 'BadRequest');
    rejects('DescribeDataRepositoryTasks', { Filters: [{ Name: 'task-type', Values: ['x'] }] }, 'BadRequest', /enum value set/);
  });

  it('enforces MaxResults ranges (and 25 for associations)', () => {
    rejects('DescribeFileSystems', { MaxResults: 0 }, 'BadRequest', /greater than or equal to 1/);
    rejects('DescribeDataRepositoryAssociations', { MaxResults: 26 }, 'BadRequest', /less than or equal to 25/);
    assert.doesNotThrow(() => validateInput(OPERATIONS.DescribeDataRepositoryAssociations.input, { MaxResults: 25 }));
    assert.doesNotThrow(() => validateInput(OPERATIONS.DescribeDataRepositoryTasks.input, { MaxResults: 1_000_000 }));
  });

  it('reports missing required members together', () => {
    rejects('CreateDataRepositoryTask', {}, 'BadRequest', /^3 validation errors detected: .*'type'.*'fileSystemId'.*'report'/);
    rejects('CreateDataRepositoryTask', { Type: 'EXPORT_TO_REPOSITORY', FileSystemId: 'fs-0123456789abcdef0', Report: {} }, 'BadRequest', /report\.enabled/);
    rejects('CancelDataRepositoryTask', { TaskId: null }, 'BadRequest', /Member must not be null/);
  });

  it('rejects invalid enum values and too many paths on create', () => {
    const base = { FileSystemId: 'fs-0123456789abcdef0', Report: { Enabled: false } };
    rejects('CreateDataRepositoryTask', { ...base, Type: 'EXPORT' }, 'BadRequest', /enum value set/);
    rejects('CreateDataRepositoryTask', { ...base, Type: 'EXPORT_TO_REPOSITORY', Paths: Array(101).fill('a') }, 'BadRequest', /paths/);
    rejects(
      'CreateDataRepositoryTask',
      { ...base, Type: 'EXPORT_TO_REPOSITORY', Report: { Enabled: true, Format: 'CSV' } },
      'BadRequest',
      /report\.format/,
    );
  });

  it('admits up to 100 paths of up to 4,096 characters each on create', () => {
    const base = { Type: 'EXPORT_TO_REPOSITORY', FileSystemId: 'fs-0123456789abcdef0', Report: { Enabled: false } };
    const longest = 'p'.repeat(4096);
    const input = validateInput(OPERATIONS.CreateDataRepositoryTask.input, { ...base, Paths: [...Array(99).fill('a'), longest] });
    assert.equal((input.Paths as string[]).length, 100);
    rejects('CreateDataRepositoryTask', { ...base, Paths: [`${longest}p`] }, 'BadRequest', /paths\.1\.member.*less than or equal to 4096/);
    rejects('CreateDataRepositoryTask', { ...base, Paths: ['a\nb'] }, 'BadRequest', /paths\.1\.member.*pattern/);
  });

  it('answers wrong JSON types with SerializationException', () => {
    rejects('DescribeFileSystems', [], 'SerializationException');
    rejects('DescribeFileSystems', 'x', 'SerializationException');
    rejects('DescribeFileSystems', { MaxResults: '10' }, 'SerializationException', /MaxResults|maxResults/);
    rejects('DescribeFileSystems', { MaxResults: 1.5 }, 'SerializationException');
    rejects('DescribeFileSystems', { MaxResults: 2 ** 40 }, 'SerializationException', /out of range/);
    rejects('DescribeFileSystems', { FileSystemIds: 'fs-0123456789abcdef0' }, 'SerializationException');
    rejects('DescribeDataRepositoryTasks', { Filters: [{ Name: 'task-lifecycle', Values: [1] }] }, 'SerializationException');
    rejects('CreateDataRepositoryTask', { Type: 'EXPORT_TO_REPOSITORY', FileSystemId: 'fs-0123456789abcdef0', Report: { Enabled: 'yes' } }, 'SerializationException');
  });

  it('keeps its message bounded for hostile input', () => {
    const many = Array.from({ length: 5000 }, () => 'bad');
    assert.throws(
      () => validateInput(OPERATIONS.DescribeDataRepositoryTasks.input, { TaskIds: many }),
      (error: unknown) => error instanceof ServiceError && error.message.startsWith('5001 validation errors') && error.message.length < 4000,
    );
  });
});
