import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { ENGLISH } from '../../../src/fsx/l10n';
import { busyMessage, createTaskErrorMessage, sendQueuedStart } from '../../../src/fsx/createTask';
import { CreateTaskInput, FsxApi } from '../../../src/fsx/types';
import { makeTask } from '../tracking/fakeFsx';

function serviceError(code: string, kind: ConstructorParameters<typeof FsxError>[0], detail = `${code} said so`): FsxError {
  return new FsxError(kind, detail, { code, requestId: 'req-42', operation: 'CreateDataRepositoryTask' });
}

const running = makeTask('task-0123456789abcdef0', 'EXECUTING');

describe('create-task messages', () => {
  it('says which task is in the way and what to do', () => {
    const error = serviceError('DataRepositoryTaskExecuting', 'taskExecuting');
    assert.equal(
      busyMessage({ kind: 'busy', running, error }, ENGLISH),
      'Task task-0123456789abcdef0 (EXPORT_TO_REPOSITORY) is already EXECUTING on this file system; FSx runs one task at a time. Track it, or cancel it and start again.',
    );
    assert.match(busyMessage({ kind: 'busy', error }, ENGLISH), /none is listed \(automatic export may be busy\)/);
    assert.match(busyMessage({ kind: 'busy', running, error }, ENGLISH, true), /one task at a time\. Queue this start to run when it ends, track it, or cancel it/, 'where Queue is offered');
  });

  const cases: Array<[string, ConstructorParameters<typeof FsxError>[0], RegExp]> = [
    ['IncompatibleParameterError', 'validation', /already has a request with this token and different settings, so it started nothing/],
    ['ServiceLimitExceeded', 'conflict', /service limit was reached .*higher quota\./],
    ['UnsupportedOperation', 'unsupported', /does not support this task on this file system/],
    ['BadRequest', 'validation', /rejected the request as invalid\. Check the paths/],
    ['DataRepositoryTaskExecuting', 'taskExecuting', /already running on this file system/],
  ];
  for (const [code, kind, expected] of cases) {
    it(`explains ${code} with a next step, FSx's words and the request id`, () => {
      const text = createTaskErrorMessage(serviceError(code, kind), ENGLISH);
      assert.match(text, expected);
      assert.match(text, new RegExp(`\\(${code} said so\\) Request ID: req-42$`));
    });
  }

  it('falls back to the general message for other errors', () => {
    const error = new FsxError('throttled', 'Rate exceeded', { code: 'ThrottlingException', requestId: 'req-1' });
    assert.equal(createTaskErrorMessage(error, ENGLISH), error.userMessageIn(ENGLISH));
  });
});

describe('sending a queued start', () => {
  const input: CreateTaskInput = { fileSystemId: 'fs-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', report: { enabled: false } };
  const api = (create: () => Promise<never> | ReturnType<FsxApi['createTask']>, listed: readonly ReturnType<typeof makeTask>[] = []): FsxApi =>
    ({ createTask: create, listTasks: async () => ({ tasks: listed }) }) as unknown as FsxApi;

  it('started, busy behind the task FSx lists, or refused in FSx\'s words', async () => {
    const started = makeTask('task-0123456789abcdef1', 'PENDING');
    assert.deepEqual(await sendQueuedStart(api(async () => started), input, ENGLISH), { kind: 'started', task: started });
    const busy = serviceError('DataRepositoryTaskExecuting', 'taskExecuting');
    assert.deepEqual(await sendQueuedStart(api(() => Promise.reject(busy), [running]), input, ENGLISH), { kind: 'busy', running });
    const none = await sendQueuedStart(api(() => Promise.reject(busy), []), input, ENGLISH);
    assert.equal(none.kind, 'refused', 'busy with nothing listed: nothing would wake it');
    const refused = await sendQueuedStart(api(() => Promise.reject(serviceError('BadRequest', 'validation', 'Paths are invalid'))), input, ENGLISH);
    assert.ok(refused.kind === 'refused' && /rejected the request as invalid.*Paths are invalid.*req-42/.test(refused.message), JSON.stringify(refused));
  });
});
