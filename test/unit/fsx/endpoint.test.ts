import * as assert from 'node:assert/strict';
import { isLoopbackHost, resolveEndpoint, validateEndpoint } from '../../../src/fsx/endpoint';
import { FsxError } from '../../../src/fsx/errors';

describe('resolveEndpoint', () => {
  it('is undefined when nothing is set (the public regional endpoint)', () => {
    assert.equal(resolveEndpoint({ env: {} }), undefined);
    assert.equal(resolveEndpoint({ setting: '  ', env: {} }), undefined);
  });

  it('prefers the setting over AWS_ENDPOINT_URL_FSX', () => {
    assert.equal(resolveEndpoint({ setting: 'https://fsx.example.com/', env: { AWS_ENDPOINT_URL_FSX: 'https://other.example.com' } }), 'https://fsx.example.com');
    assert.equal(resolveEndpoint({ env: { AWS_ENDPOINT_URL_FSX: 'https://other.example.com' } }), 'https://other.example.com');
  });

  it('accepts plain http only for loopback', () => {
    assert.equal(resolveEndpoint({ setting: 'http://127.0.0.1:4566', env: {} }), 'http://127.0.0.1:4566');
    assert.equal(resolveEndpoint({ setting: 'http://localhost:4566', env: {} }), 'http://localhost:4566');
    assert.equal(resolveEndpoint({ setting: 'http://[::1]:4566', env: {} }), 'http://[::1]:4566');
    for (const bad of ['http://evil.example.com', 'http://10.0.0.1:80', 'http://127.0.0.1.evil.com']) {
      assert.throws(() => resolveEndpoint({ setting: bad, env: {} }), (error: unknown) => error instanceof FsxError && error.kind === 'validation' && /plain http/.test(error.message), bad);
    }
  });

  it('refuses non-URLs, other schemes and embedded credentials', () => {
    for (const bad of ['not a url', 'ftp://x.example.com', 'https://user:pw@x.example.com']) {
      assert.throws(() => resolveEndpoint({ setting: bad, env: {} }), FsxError, bad);
    }
  });

  it('refuses FIPS together with a custom endpoint', () => {
    assert.throws(() => resolveEndpoint({ setting: 'https://fsx.example.com', useFipsEndpoint: true, env: {} }), /FIPS/);
    assert.equal(resolveEndpoint({ useFipsEndpoint: true, env: {} }), undefined);
  });

  it('knows loopback hosts', () => {
    assert.ok(isLoopbackHost('127.8.9.10'));
    assert.ok(!isLoopbackHost('128.0.0.1'));
  });
});

describe('validateEndpoint: hostile values', () => {
  const refusal = (raw: string) => {
    try {
      validateEndpoint(raw);
    } catch (error) {
      assert.ok(error instanceof FsxError && error.kind === 'validation');
      return error.detail;
    }
    assert.fail(`${raw} was accepted`);
  };

  it('refuses another scheme', () => {
    for (const raw of ['ftp://fsx.example.com', 'file:///etc/passwd', 'ws://127.0.0.1:1']) {
      assert.match(refusal(raw), /must use https/);
    }
  });

  it('refuses credentials in the URL without repeating them', () => {
    for (const raw of ['https://user:hunter2@fsx.example.com', 'ftp://user:hunter2@fsx.example.com', 'https://user:hunter2@fsx example.com']) {
      const detail = refusal(raw);
      assert.doesNotMatch(detail, /hunter2/);
    }
  });

  it('refuses a path, query or fragment and says what to remove', () => {
    assert.match(refusal('https://fsx.example.com/proxy/fsx'), /remove "\/proxy\/fsx"/);
    assert.match(refusal('https://fsx.example.com/?x=1'), /remove "\/\?x=1"/);
    assert.match(refusal('https://fsx.example.com/#top'), /remove "\/#top"/);
  });

  it('keeps the origin of an accepted endpoint', () => {
    assert.equal(validateEndpoint('https://FSX.us-east-1.amazonaws.com:443/'), 'https://fsx.us-east-1.amazonaws.com');
    assert.equal(validateEndpoint('http://127.0.0.1:4566'), 'http://127.0.0.1:4566');
  });
});
