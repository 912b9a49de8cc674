import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { Connection } from '../../../src/fsx/types';
import { S3ClientFactory } from '../../../src/outcomes/s3Client';
import { s3EndpointFor } from '../../../src/outcomes/s3Endpoint';

const aws: Connection = { profile: 'dev', region: 'eu-west-1' };
const sandbox: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', sandbox: true };

describe('s3EndpointFor', () => {
  it('gives the sandbox its one loopback URL, whatever the setting says', () => {
    assert.equal(s3EndpointFor(sandbox, { setting: 'https://s3.example.com', env: { AWS_ENDPOINT_URL_S3: 'https://other.example.com' } }), 'http://127.0.0.1:4599');
  });

  it('prefers the setting, then AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL, then the public endpoint', () => {
    const env = { AWS_ENDPOINT_URL_S3: 'https://s3-env.example.com/', AWS_ENDPOINT_URL: 'https://all.example.com', AWS_ENDPOINT_URL_FSX: 'https://fsx.example.com' };
    assert.equal(s3EndpointFor(aws, { setting: 'https://s3.example.com', env }), 'https://s3.example.com');
    assert.equal(s3EndpointFor(aws, { setting: ' ', env }), 'https://s3-env.example.com');
    assert.equal(s3EndpointFor(aws, { env: { AWS_ENDPOINT_URL: 'https://all.example.com' } }), 'https://all.example.com');
    assert.equal(s3EndpointFor(aws, { env: { AWS_ENDPOINT_URL_FSX: 'https://fsx.example.com' } }), undefined, "FSx's endpoint is no S3 endpoint");
    assert.equal(s3EndpointFor(aws, { env: {} }), undefined);
  });

  it('allows plain http only for loopback, from the setting and from the environment', () => {
    assert.equal(s3EndpointFor(aws, { setting: 'http://localhost:9000', env: {} }), 'http://localhost:9000');
    for (const sources of [{ setting: 'http://s3.example.com' }, { env: { AWS_ENDPOINT_URL_S3: 'http://10.1.2.3:9000' } }]) {
      assert.throws(() => s3EndpointFor(aws, sources), (error: unknown) => error instanceof FsxError && error.kind === 'validation' && /plain http/.test(error.message));
    }
  });

  it('refuses FIPS with a custom endpoint', () => {
    assert.throws(() => s3EndpointFor({ ...aws, useFipsEndpoint: true }, { setting: 'https://s3.example.com' }), /FIPS/);
    assert.equal(s3EndpointFor({ ...aws, useFipsEndpoint: true }, {}), undefined);
  });
});

describe('S3ClientFactory', () => {
  let factory: S3ClientFactory;
  beforeEach(() => (factory = new S3ClientFactory()));
  afterEach(() => factory.dispose());

  it('uses path-style addressing for a custom endpoint only', async () => {
    const custom = factory.get(sandbox, 'http://127.0.0.1:4599');
    assert.equal(custom.config.forcePathStyle, true);
    const endpoint = await custom.config.endpoint?.();
    assert.equal(endpoint?.hostname, '127.0.0.1');
    assert.equal(endpoint?.port, 4599);
    const regional = factory.get(aws, undefined);
    assert.equal(regional.config.forcePathStyle, false);
    assert.equal(await regional.config.region(), 'eu-west-1');
  });

  it('gives the sandbox its fixed credentials, never the chain', async () => {
    const credentials = await factory.get(sandbox, sandbox.endpoint).config.credentials();
    assert.equal(credentials.accessKeyId, 'AKIASANDBOXEXAMPLE');
  });

  it('keeps one client per connection and endpoint, and forgets them by connection', () => {
    const first = factory.get(aws, undefined);
    assert.equal(factory.get({ ...aws }, undefined), first);
    const viaProxy = factory.get(aws, 'https://s3.example.com');
    assert.notEqual(viaProxy, first);
    assert.notEqual(factory.get({ ...aws, region: 'us-west-2' }, undefined), first);
    factory.forget(aws);
    assert.notEqual(factory.get(aws, undefined), first);
    assert.notEqual(factory.get(aws, 'https://s3.example.com'), viaProxy);
  });
});
