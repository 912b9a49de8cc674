// The instance-role path for real: no profile, no keys, AWS_EC2_METADATA_SERVICE_ENDPOINT at the
// emulated IMDSv2 on loopback (served on the FSx emulator's own port); the SDK's own credential
// chain gets the role's credentials and the extension's FSx boundary lists file systems with them.

import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator, InstanceMetadata, InstanceMetadataService, ManualEmulatorClock, type ImdsMode, type ImdsRequestLogEntry } from '../../src/emulator';
import { FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxError, classifyError } from '../../src/fsx/errors';
import { FsxService } from '../../src/fsx/fsxService';
import { lustreMountsOf, matchMounts } from '../../src/mounts';

describe('Instance-role credentials from the emulated metadata service', function () {
  this.timeout(30_000);
  let emulator: FsxEmulator;
  let imds: InstanceMetadata;
  let saved: NodeJS.ProcessEnv;
  const requests: ImdsRequestLogEntry[] = [];
  const details: string[] = [];

  before(async function () {
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    imds = new InstanceMetadata({ onRequest: (entry) => requests.push(entry) });
    emulator.addRoute(imds);
    saved = { ...process.env };
    for (const key of Object.keys(process.env)) {
      // As on a head node with only an instance role: no keys, no profile, no config files.
      if (key.startsWith('AWS_')) {
        delete process.env[key];
      }
    }
    process.env.AWS_CONFIG_FILE = join(tmpdir(), 'fsx-imds-test-no-config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(tmpdir(), 'fsx-imds-test-no-credentials');
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = emulator.url;
  });

  after(async function () {
    for (const detail of details) {
      console.log(`      ${detail}`);
    }
    process.env = saved;
    await emulator?.close();
  });

  beforeEach(() => {
    requests.length = 0;
    imds.setMode('available');
  });

  function service(): { service: FsxService; factory: FsxClientFactory } {
    const factory = new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(1, () => 0) });
    return { service: new FsxService(factory.get({ region: 'us-east-1', endpoint: emulator.url })), factory };
  }

  it('listens on loopback only, on the emulator port or a port of its own', async function () {
    assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    await assert.rejects(InstanceMetadataService.start({ host: '0.0.0.0' }), /loopback/);
    const own = await InstanceMetadataService.start();
    try {
      assert.match(own.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await fetch(`${own.url}/latest/api/token`, { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '5' } })).status, 200);
      assert.equal((await fetch(`${own.url}/other`)).status, 404);
    } finally {
      await own.close();
    }
  });

  it('fromNodeProviderChain() gets the role credentials through IMDSv2 (token PUT, then GETs with it)', async function () {
    const credentials = await fromNodeProviderChain()();
    assert.match(credentials.accessKeyId, /^ASIA[0-9A-F]{16}$/);
    assert.ok(credentials.sessionToken && credentials.sessionToken.length > 20);
    assert.ok(credentials.expiration && credentials.expiration.getTime() > Date.now() + 5 * 3600_000);
    assert.deepEqual(
      requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`),
      [
        'PUT /latest/api/token 200',
        'GET /latest/meta-data/iam/security-credentials/ 200',
        `GET /latest/meta-data/iam/security-credentials/${imds.roleName} 200`,
      ],
    );
  });

  it('the FSx boundary with no profile lists the demo file systems using those credentials', async function () {
    const { service: fsx, factory } = service();
    try {
      const resources = await fsx.listResources();
      assert.deepEqual(
        resources.filter((resource) => resource.kind === 'fileSystem').map((resource) => resource.name),
        emulator.state.fileSystems().map((record) => record.tags.find((tag) => tag.Key === 'Name')?.Value),
      );
      assert.ok(imds.requestCounts().credentials >= 1);
      // On the head node, the mount of a listed file system is recognised from what FSx describes.
      const genomics = resources.find((resource) => resource.name === 'genomics-scratch');
      assert.ok(genomics?.dnsName && genomics.mountName);
      const mounts = lustreMountsOf(`${genomics.dnsName}@tcp:/${genomics.mountName} /fsx lustre rw,flock,lazystatfs 0 0\n`);
      assert.equal(matchMounts(mounts, resources)[0].resource, genomics);
      const used = await factory.get({ region: 'us-east-1', endpoint: emulator.url }).config.credentials();
      assert.match(used.accessKeyId, /^ASIA/);
    } finally {
      factory.dispose();
    }
  });

  it('FsxEmulator.reset() puts the metadata route back to its starting mode', async function () {
    imds.setMode('tokenExpired');
    emulator.reset();
    assert.equal(imds.requestCounts().token, 0);
    assert.match((await fromNodeProviderChain()()).accessKeyId, /^ASIA/);
  });

  it('a token needs a TTL of 1..21600 s and stops working when it runs out', async function () {
    const clock = new ManualEmulatorClock(Date.UTC(2025, 3, 1));
    const own = await InstanceMetadataService.start({ clock });
    try {
      const put = (ttl?: string): Promise<Response> =>
        fetch(`${own.url}/latest/api/token`, { method: 'PUT', headers: ttl === undefined ? {} : { 'x-aws-ec2-metadata-token-ttl-seconds': ttl } });
      assert.equal((await put()).status, 400);
      assert.equal((await put('21601')).status, 400);
      const answer = await put('60');
      assert.equal(answer.headers.get('x-aws-ec2-metadata-token-ttl-seconds'), '60');
      const token = await answer.text();
      const roles = (): Promise<Response> => fetch(`${own.url}/latest/meta-data/iam/security-credentials/`, { headers: { 'x-aws-ec2-metadata-token': token } });
      assert.equal(await (await roles()).text(), own.metadata.roleName);
      assert.equal((await fetch(`${own.url}/latest/meta-data/iam/security-credentials/`)).status, 401, 'IMDSv1 (no token) is refused');
      clock.advance(60_000);
      assert.equal((await roles()).status, 401);
    } finally {
      await own.close();
    }
  });

  for (const mode of ['tokenRefused', 'tokenExpired', 'noRole'] as const satisfies readonly ImdsMode[]) {
    it(`${mode}: the credential chain fails and classifyError calls it a credentials error`, async function () {
      imds.setMode(mode);
      const error = await fromNodeProviderChain()().then(
        () => assert.fail('credentials were served'),
        (caught: unknown) => caught,
      );
      assert.equal(classifyError(error).kind, 'credentials', String(error));
      const { service: fsx, factory } = service();
      const sentBefore = emulator.totalRequests();
      try {
        await assert.rejects(fsx.listResources(), (caught: unknown) => {
          assert.ok(caught instanceof FsxError);
          assert.equal(caught.kind, 'credentials', caught.detail);
          details.push(`${mode}: ${caught.detail}`);
          return true;
        });
      } finally {
        factory.dispose();
      }
      assert.equal(emulator.totalRequests(), sentBefore, 'nothing is sent to FSx without credentials');
      const statuses = requests.map((entry) => entry.status);
      assert.ok(statuses.some((status) => status === 401 || status === 403 || status === 404), statuses.join());
    });
  }
});
