// Where the real FSx and S3 clients send signed requests (issue 18, findings 3 and 6): never to an
// endpoint the SDK found on its own (AWS_ENDPOINT_URL, a profile's endpoint_url or services
// section), and, behind the extension's gate, never to an endpoint that is not the configured one
// or the running sandbox's. A capture server on loopback counts what reaches it.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator } from '../../src/emulator';
import { FsxClientFactory } from '../../src/fsx/clientFactory';
import { EndpointGate } from '../../src/fsx/endpoint';
import { FsxError } from '../../src/fsx/errors';
import { FsxService } from '../../src/fsx/fsxService';
import { readSharedConfig } from '../../src/fsx/profiles';
import { Connection } from '../../src/fsx/types';
import { S3ClientFactory, S3ReportStore } from '../../src/outcomes/s3Client';

const ENV_KEYS = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_FSX', 'AWS_ENDPOINT_URL_S3', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'];
const KEYS = { accessKeyId: 'AKIACAPTURETEST00001', secretAccessKey: 'capture-test-secret-not-a-real-key' };

/** A plain HTTP server that counts requests and answers 500. */
async function captureServer(): Promise<{ server: Server; url: string; count: () => number }> {
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    request.resume();
    response.writeHead(500, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => requests };
}

describe('where signed requests go (real SDK clients)', function () {
  this.timeout(20_000);
  let capture: Awaited<ReturnType<typeof captureServer>>;
  let dir: string;
  let saved: Map<string, string | undefined>;
  const options = {
    credentialsFor: () => async () => KEYS,
    retryStrategy: new ConfiguredRetryStrategy(1, () => 0),
    connectionTimeoutMs: 300,
    requestTimeoutMs: 1_000,
  };

  beforeEach(async () => {
    capture = await captureServer();
    dir = mkdtempSync(join(tmpdir(), 'fsx-endpoints-'));
    saved = new Map(ENV_KEYS.map((key) => [key, process.env[key]]));
    for (const key of ENV_KEYS) {
      delete process.env[key];
    }
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    writeFileSync(join(dir, 'credentials'), '');
  });

  afterEach(async () => {
    for (const [key, value] of saved) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
    capture.server.closeAllConnections();
    await new Promise((resolve) => capture.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('never sends to AWS_ENDPOINT_URL or the default profile\'s services section on its own (FSx and S3)', async () => {
    // What the SDK reads for every client, whatever its profile: the default profile's section.
    writeFileSync(join(dir, 'config'), `[default]\nservices = capture\n[profile dev]\nregion = us-east-1\n[services capture]\nfsx =\n  endpoint_url = ${capture.url}\ns3 =\n  endpoint_url = ${capture.url}\n`);
    const connection: Connection = { region: 'us-east-1', profile: 'dev' };
    const fsx = new FsxClientFactory(options);
    const s3 = new S3ClientFactory(options);
    try {
      await assert.rejects(new FsxService(fsx.get(connection)).describeTasks(['task-0123456789abcdef0']));
      await assert.rejects(new S3ReportStore(s3.get(connection, undefined)).open({ bucket: 'bucket', key: 'key', uri: 's3://bucket/key' }));
      process.env.AWS_ENDPOINT_URL = capture.url;
      fsx.dispose();
      s3.dispose();
      await assert.rejects(new FsxService(fsx.get(connection)).describeTasks(['task-0123456789abcdef0']));
      await assert.rejects(new S3ReportStore(s3.get(connection, undefined)).open({ bucket: 'bucket', key: 'key', uri: 's3://bucket/key' }));
    } finally {
      fsx.dispose();
      s3.dispose();
    }
    assert.equal(capture.count(), 0, 'the capture server received no request');
  });

  it('behind the gate: a connection naming another endpoint, or a stale sandbox, sends nothing; the configured one works', async () => {
    writeFileSync(join(dir, 'config'), '');
    const emulator = await FsxEmulator.start({ scenario: 'demo' });
    let sandboxUrl: string | undefined;
    const gate = (service: 'fsx' | 's3') =>
      new EndpointGate({ service, setting: () => emulator.url, env: process.env, sandboxEndpoint: () => sandboxUrl, readShared: readSharedConfig });
    const fsx = new FsxClientFactory({ ...options, gate: gate('fsx') });
    const s3 = new S3ClientFactory({ ...options, gate: gate('s3') });
    const refused = (error: unknown) => error instanceof FsxError && error.kind === 'validation';
    try {
      for (const connection of [
        { region: 'us-east-1', profile: 'dev', endpoint: capture.url },
        { region: 'us-east-1', endpoint: capture.url, sandbox: true },
        { region: 'us-east-1' },
      ] satisfies Connection[]) {
        await assert.rejects(new FsxService(fsx.get(connection)).listTasks(undefined, {}), refused, JSON.stringify(connection));
        await assert.rejects(new S3ReportStore(s3.get(connection, connection.endpoint)).open({ bucket: 'bucket', key: 'key', uri: 's3://bucket/key' }), refused);
      }
      const configured = { region: 'us-east-1', profile: 'dev', endpoint: emulator.url };
      assert.ok((await new FsxService(fsx.get(configured)).listResources()).length > 0, 'the configured endpoint is answered');
      sandboxUrl = emulator.url;
      const sandbox = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
      assert.ok((await new FsxService(fsx.get(sandbox)).listResources()).length > 0, 'the running sandbox is answered');
    } finally {
      fsx.dispose();
      s3.dispose();
      await emulator.close();
    }
    assert.equal(capture.count(), 0, 'the capture server received no request');
  });
});
