// Task ids from the API are used in keys, URIs and log lines (issue 18, finding 10): a real
// FSxClient over canned wire answers, so the SDK's parsing is the one in production.
import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { FSxClient } from '@aws-sdk/client-fsx';
import { FsxError } from '../../src/fsx/errors';
import { FsxService } from '../../src/fsx/fsxService';

/** A client whose every request is answered with this JSON body. */
function clientAnswering(body: unknown): FSxClient {
  return new FSxClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIACANNEDEXAMPLE', secretAccessKey: 'canned-secret-not-a-real-key' },
    maxAttempts: 1,
    ignoreConfiguredEndpointUrls: true,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: 200,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'canned' },
          body: Readable.from([Buffer.from(JSON.stringify(body))]),
        },
      }),
    },
  });
}

const task = (id: string, fileSystemId = 'fs-0123456789abcdef0') => ({ TaskId: id, Lifecycle: 'EXECUTING', Type: 'EXPORT_TO_REPOSITORY', CreationTime: 1_700_000_000, FileSystemId: fileSystemId });
const GOOD = 'task-0123456789abcdef0';

describe('tasks with malformed ids in FSx answers', () => {
  it('leaves them out of a listing and a describe, and says so', async () => {
    const reports: [string, number][] = [];
    const answer = { DataRepositoryTasks: [task(GOOD), task('task-../../x'), task('[x](command:y)'), task('task-0123456789abcdef1', 'fs-../evil'), task(`task-${'a'.repeat(200)}`)] };
    const client = clientAnswering(answer);
    try {
      const service = new FsxService(client, (operation, dropped) => reports.push([operation, dropped]));
      assert.deepEqual((await service.listTasks(undefined, {})).tasks.map((t) => t.taskId), [GOOD]);
      assert.deepEqual((await service.describeTasks([GOOD])).map((t) => t.taskId), [GOOD]);
      assert.deepEqual(reports, [
        ['DescribeDataRepositoryTasks', 4],
        ['DescribeDataRepositoryTasks', 4],
      ]);
    } finally {
      client.destroy();
    }
  });

  it('refuses a created task whose id is malformed', async () => {
    const client = clientAnswering({ DataRepositoryTask: task('task-<img src=x>') });
    try {
      await assert.rejects(
        new FsxService(client).createTask({ fileSystemId: 'fs-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', report: { enabled: false } }),
        (error: unknown) => error instanceof FsxError && /task ID that is not one/.test(error.message),
      );
    } finally {
      client.destroy();
    }
  });
});
