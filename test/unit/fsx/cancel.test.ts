import * as assert from 'node:assert/strict';
import { requestCancel } from '../../../src/fsx/cancel';
import { FsxError } from '../../../src/fsx/errors';

describe('requestCancel', () => {
  it('returns the lifecycle FSx answers', async () => {
    assert.deepEqual(await requestCancel({ cancelTask: async () => 'CANCELING' }, 'task-0123456789abcdef0'), { accepted: true, lifecycle: 'CANCELING' });
  });

  it('treats DataRepositoryTaskEnded as "it had already ended", not as a failure', async () => {
    const ended = Object.assign(new Error('Task already ended'), { name: 'DataRepositoryTaskEnded', $metadata: { httpStatusCode: 400 } });
    assert.deepEqual(await requestCancel({ cancelTask: () => Promise.reject(ended) }, 'task-0123456789abcdef0'), { accepted: false });
  });

  it('lets every other error through to the command boundary', async () => {
    const denied = new FsxError('accessDenied', 'not authorized');
    await assert.rejects(requestCancel({ cancelTask: () => Promise.reject(denied) }, 'task-0123456789abcdef0'), (error) => error === denied);
  });
});
