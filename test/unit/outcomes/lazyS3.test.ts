import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

// In a fresh process, so that no other test has loaded the S3 client already.
const probe = `
const loaded = () => Object.keys(require.cache).some((file) => file.includes('@aws-sdk/client-s3'));
for (const name of ['loadS3', 'reportReader', 'reportCsv', 'catalog', 'throughput', 's3Endpoint']) {
  require(require('node:path').join(process.argv[1], name));
}
const before = loaded();
require(require('node:path').join(process.argv[1], 'loadS3')).loadS3Module().then((s3) => {
  console.log(JSON.stringify({ before, after: loaded(), factory: typeof s3.S3ClientFactory, reader: typeof s3.createReportReader }));
});
`;

describe('loading the S3 client on demand', () => {
  it('the rest of outcomes/ does not load @aws-sdk/client-s3; loadS3Module() does', async () => {
    const outcomes = join(__dirname, '..', '..', '..', 'src', 'outcomes');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', probe, outcomes]);
    assert.deepEqual(JSON.parse(stdout), { before: false, after: true, factory: 'function', reader: 'function' });
  });
});
