// Runs the SDK's code paths once, before the first real call needs them: the first request of a
// fresh client spends most of its time on one-off work (endpoint rules, middleware, signing,
// serde being compiled), not on the network. The calls are answered in memory by a request handler
// of ours, with credentials that are not anyone's: nothing leaves the process and no profile is
// read. The extension runs it while the window is idle (Container.start).
import { Readable } from 'node:stream';
import { FSxClient } from '@aws-sdk/client-fsx';
import { FsxService } from './fsxService';

/** Answers every request with an empty JSON document: no file systems, caches or tasks. */
const inMemoryHandler = {
  handle: async () => ({
    response: {
      statusCode: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'warm-up' },
      body: Readable.from([Buffer.from('{}')]),
    },
  }),
};

/** The first tree's calls (the listing, a task page, a describe), on a client thrown away after. */
export async function warmUpSdk(region = 'us-east-1'): Promise<void> {
  const client = new FSxClient({ region, credentials: async () => ({ accessKeyId: 'AKIAWARMUPEXAMPLE', secretAccessKey: 'warm-up-secret-not-a-real-key' }), requestHandler: inMemoryHandler, maxAttempts: 1, ignoreConfiguredEndpointUrls: true });
  try {
    const service = new FsxService(client);
    await service.listResources();
    await service.listTasks({ kind: 'fileSystem', id: 'fs-0123456789abcdef0' }, { pageSize: 50 });
  } finally {
    client.destroy();
  }
}
