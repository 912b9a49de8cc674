// DNS rebinding: a web page that points a name of its own at 127.0.0.1 reaches a loopback server
// from the browser, with its own name in the Host header. The emulator (FSx, S3 and IMDS on one
// port) and the standalone metadata service refuse such requests; their own clients still work.

import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { DescribeFileSystemsCommand, FSxClient } from '@aws-sdk/client-fsx';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, InstanceMetadata, InstanceMetadataService } from '../../src/emulator';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** One request to the server at `port` with the given Host header, as a rebound browser sends it. */
function send(port: number, host: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/', headers: { ...options.headers, host }, setHost: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const describeFileSystems = {
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'AWSSimbaAPIService_v20180301.DescribeFileSystems',
    authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/fsx/aws4_request, SignedHeaders=host, Signature=0',
  },
  body: '{}',
};

function foreignHosts(port: number): string[] {
  return ['evil.example.com', `127.0.0.1.evil.example.com:${port}`, `attacker.com:${port}`, `localhost.attacker.com:${port}`, `127.0.0.1:${port + 1}`, `localhost:${port}.evil.example.com`, '127.0.0.1', ''];
}

describe('The emulator refuses requests addressed to another host (DNS rebinding)', function () {
  this.timeout(30_000);
  let emulator: FsxEmulator;

  before(async () => {
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    emulator.addRoute(new InstanceMetadata());
  });

  after(() => emulator.close());

  it('answers 421 with a body that says why to a foreign Host, for FSx, S3 and IMDS alike, and counts no operation', async () => {
    const before = emulator.requestCounts().DescribeFileSystems;
    for (const host of foreignHosts(emulator.port)) {
      for (const [what, options] of [
        ['FSx', describeFileSystems],
        ['S3', { method: 'GET', path: '/reports-bucket?list-type=2', headers: { authorization: describeFileSystems.headers.authorization.replace('/fsx/', '/s3/') } }],
        ['IMDS', { method: 'PUT', path: '/latest/api/token', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' } }],
      ] as const) {
        const answer = await send(emulator.port, host, options);
        assert.equal(answer.status, 421, `${what} with Host '${host}'`);
        assert.match(JSON.parse(answer.body).message, /only requests addressed to its own loopback address and port/);
      }
    }
    assert.equal(emulator.requestCounts().DescribeFileSystems, before);
  });

  it('answers its own loopback names with its port, in any case', async () => {
    for (const host of [`127.0.0.1:${emulator.port}`, `localhost:${emulator.port}`, `LocalHost:${emulator.port}`, `[::1]:${emulator.port}`]) {
      const answer = await send(emulator.port, host, describeFileSystems);
      assert.equal(answer.status, 200, `Host '${host}': ${answer.body}`);
    }
  });

  it('still serves the SDK: FSx and S3 clients at its URL and at localhost', async () => {
    for (const endpoint of [emulator.url, `http://localhost:${emulator.port}`]) {
      const fsx = new FSxClient({ endpoint, region: 'us-east-1', credentials, retryStrategy: new ConfiguredRetryStrategy(1, () => 0) });
      const s3 = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true, retryStrategy: new ConfiguredRetryStrategy(1, () => 0) });
      try {
        assert.ok(((await fsx.send(new DescribeFileSystemsCommand({}))).FileSystems ?? []).length > 0);
        assert.ok(Array.isArray((await s3.send(new ListBucketsCommand({}))).Buckets));
      } finally {
        fsx.destroy();
        s3.destroy();
      }
    }
  });
});

describe('The standalone metadata service refuses a foreign Host too', function () {
  let imds: InstanceMetadataService;

  before(async () => {
    imds = await InstanceMetadataService.start();
  });

  after(() => imds.close());

  it('421 to a rebound name, a token to its own address', async () => {
    const port = Number(new URL(imds.url).port);
    const token = { method: 'PUT', path: '/latest/api/token', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' } };
    for (const host of foreignHosts(port)) {
      assert.equal((await send(port, host, token)).status, 421, `Host '${host}'`);
    }
    assert.equal((await send(port, `127.0.0.1:${port}`, token)).status, 200);
  });
});
