import * as assert from 'node:assert/strict';
import { configuredEndpoint, EndpointGate, isLoopbackHost, resolveEndpoint, SharedConfig, validateEndpoint } from '../../../src/fsx/endpoint';
import { FsxError } from '../../../src/fsx/errors';
import { ENGLISH, type L10n } from '../../../src/fsx/l10n';

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

describe('endpoints the SDK would read by itself (issue 18, finding 6)', () => {
  const shared = (configFile: SharedConfig['configFile'], credentialsFile: SharedConfig['credentialsFile'] = {}): SharedConfig => ({ configFile, credentialsFile });
  const detailOf = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof FsxError && error.kind === 'validation', String(error));
      return error.detail;
    }
    assert.fail('was accepted');
  };

  it('checks AWS_ENDPOINT_URL by the setting\'s rule and names it', () => {
    assert.equal(resolveEndpoint({ env: { AWS_ENDPOINT_URL: 'https://all.example.com' } }), 'https://all.example.com');
    assert.match(detailOf(() => resolveEndpoint({ env: { AWS_ENDPOINT_URL: 'http://capture.example.com' } })), /from the environment variable AWS_ENDPOINT_URL\b/);
    assert.match(detailOf(() => resolveEndpoint({ env: { AWS_ENDPOINT_URL_FSX: 'http://10.0.0.9' } })), /AWS_ENDPOINT_URL_FSX.*plain http/);
    assert.match(detailOf(() => resolveEndpoint({ service: 's3', env: { AWS_ENDPOINT_URL_S3: 'https://u:secret@s3.example.com' } })), /AWS_ENDPOINT_URL_S3.*user name or password/);
    assert.doesNotMatch(detailOf(() => resolveEndpoint({ service: 's3', env: { AWS_ENDPOINT_URL_S3: 'https://u:secret@s3.example.com' } })), /secret/);
  });

  it('reads the endpoint_url of the connection\'s own profile, or of AWS_PROFILE / default without one', () => {
    const files = shared({ default: { endpoint_url: 'https://default.example.com' }, dev: { endpoint_url: 'http://evil.example.com' }, prod: { region: 'us-east-1' } });
    assert.equal(resolveEndpoint({ env: {}, shared: files }), 'https://default.example.com');
    assert.equal(resolveEndpoint({ env: {}, shared: files, profile: 'prod' }), undefined, 'not the default profile\'s endpoint for another profile');
    assert.match(detailOf(() => resolveEndpoint({ env: {}, shared: files, profile: 'dev' })), /endpoint_url of profile "dev" in the AWS config file.*plain http/);
    assert.match(detailOf(() => resolveEndpoint({ env: { AWS_PROFILE: 'dev' }, shared: files })), /profile "dev"/);
  });

  it('reads the profile\'s services section for its own service only', () => {
    const files = shared({
      default: { services: 'mine', endpoint_url: 'https://generic.example.com' },
      'services.mine': { 'fsx.endpoint_url': 'http://fsx.evil.example.com', 's3.endpoint_url': 'https://s3.example.com' },
    });
    assert.match(detailOf(() => resolveEndpoint({ env: {}, shared: files })), /services section "mine" \(fsx endpoint_url\) of profile "default".*plain http/);
    assert.equal(resolveEndpoint({ service: 's3', env: {}, shared: files }), 'https://s3.example.com');
    const s3Only = shared({ default: { services: 'mine', endpoint_url: 'https://generic.example.com' }, 'services.mine': { 's3.endpoint_url': 'https://s3.example.com' } });
    assert.equal(resolveEndpoint({ env: {}, shared: s3Only }), 'https://generic.example.com', 'no fsx entry: the profile endpoint_url');
  });

  it('keeps the SDK\'s order: setting, service variable, AWS_ENDPOINT_URL, services section, endpoint_url', () => {
    const files = shared({ default: { services: 'mine', endpoint_url: 'https://profile.example.com' }, 'services.mine': { 'fsx.endpoint_url': 'https://section.example.com' } });
    const env = { AWS_ENDPOINT_URL_FSX: 'https://fsx-env.example.com', AWS_ENDPOINT_URL: 'https://env.example.com' };
    assert.equal(configuredEndpoint({ setting: 'https://setting.example.com', env, shared: files })?.raw, 'https://setting.example.com');
    assert.equal(configuredEndpoint({ env, shared: files })?.raw, 'https://fsx-env.example.com');
    assert.equal(configuredEndpoint({ env: { AWS_ENDPOINT_URL: env.AWS_ENDPOINT_URL }, shared: files })?.raw, 'https://env.example.com');
    assert.equal(configuredEndpoint({ env: {}, shared: files })?.raw, 'https://section.example.com');
  });

  it('honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS and ignore_configured_endpoint_urls, but not for the setting', () => {
    const files = shared({ default: { endpoint_url: 'http://evil.example.com' }, quiet: { endpoint_url: 'http://evil.example.com', ignore_configured_endpoint_urls: 'true' } });
    assert.equal(resolveEndpoint({ env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://evil.example.com' }, shared: files }), undefined);
    assert.equal(resolveEndpoint({ env: {}, shared: files, profile: 'quiet' }), undefined);
    assert.equal(resolveEndpoint({ setting: 'https://fsx.example.com', env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } }), 'https://fsx.example.com');
  });

  it('merges a profile from the credentials file, the config file winning', () => {
    const files = shared({ dev: { endpoint_url: 'https://config.example.com' } }, { dev: { endpoint_url: 'https://credentials.example.com' }, other: { endpoint_url: 'https://creds-only.example.com' } });
    assert.equal(resolveEndpoint({ env: {}, shared: files, profile: 'dev' }), 'https://config.example.com');
    assert.equal(resolveEndpoint({ env: {}, shared: files, profile: 'other' }), 'https://creds-only.example.com');
  });
});

describe('EndpointGate (issue 18, finding 3: the last check before a request is signed)', () => {
  let sandboxUrl: string | undefined;
  let setting: string | undefined;
  let files: SharedConfig;
  let reads: number;
  const gate = (service: 'fsx' | 's3' = 'fsx', env: Record<string, string | undefined> = {}) =>
    new EndpointGate({
      service,
      setting: () => setting,
      env,
      sandboxEndpoint: () => sandboxUrl,
      readShared: async () => {
        reads += 1;
        return files;
      },
    });
  const refusedWith = async (promise: Promise<void>, pattern: RegExp) => {
    await assert.rejects(promise, (error: unknown) => error instanceof FsxError && error.kind === 'validation' && pattern.test(error.detail));
  };

  beforeEach(() => {
    sandboxUrl = 'http://127.0.0.1:4599';
    setting = undefined;
    files = { configFile: {}, credentialsFile: {} };
    reads = 0;
  });

  it('admits the configured endpoint, the public one when none is configured, and the running sandbox', async () => {
    await gate().admit({ region: 'us-east-1' }, undefined);
    setting = 'https://vpce.example.com/';
    await gate().admit({ region: 'us-east-1', profile: 'dev' }, 'https://vpce.example.com');
    await gate().admit({ region: 'us-east-1', endpoint: sandboxUrl, sandbox: true }, sandboxUrl);
  });

  it('refuses any other endpoint, loopback included, without naming it', async () => {
    const capture = 'http://127.0.0.1:9';
    await refusedWith(gate().admit({ region: 'us-east-1', endpoint: capture }, capture), /not the configured one.*Nothing was sent/);
    setting = 'https://vpce.example.com';
    await refusedWith(gate().admit({ region: 'us-east-1' }, undefined), /not the configured one/);
    await refusedWith(gate().admit({ region: 'us-east-1' }, 'https://other.example.com'), /not the configured one/);
  });

  it('refuses a sandbox connection that is not the running sandbox, and any when it is stopped', async () => {
    await refusedWith(gate().admit({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', sandbox: true }, 'http://127.0.0.1:9'), /sandbox is not running/);
    sandboxUrl = undefined;
    await refusedWith(gate().admit({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', sandbox: true }, 'http://127.0.0.1:4599'), /sandbox is not running/);
  });

  it('refuses a region that is no region name (it becomes part of the host name)', async () => {
    for (const region of ['evil.example.com#', 'us-east-1.evil', '', 'US-EAST-1']) {
      await refusedWith(gate().admit({ region }, undefined), /not an AWS region name/);
    }
  });

  it('refuses when what the SDK would read is invalid, naming where it is', async () => {
    files = { configFile: { default: { endpoint_url: 'http://evil.example.com' } }, credentialsFile: {} };
    await refusedWith(gate().admit({ region: 'us-east-1' }, undefined), /endpoint_url of profile "default".*plain http/);
    await refusedWith(gate('s3', { AWS_ENDPOINT_URL: 'http://evil.example.com' }).admit({ region: 'us-east-1', profile: 'x' }, undefined), /AWS_ENDPOINT_URL.*plain http/);
  });

  it('reads the AWS files once for a burst of requests', async () => {
    const shared = gate();
    await Promise.all([1, 2, 3, 4].map(() => shared.admit({ region: 'us-east-1' }, undefined)));
    assert.equal(reads, 1);
  });

  it('admits an endpoint_url added to the files since its last read (it reads them again before refusing)', async () => {
    const shared = gate();
    await shared.admit({ region: 'us-east-1', profile: 'dev' }, undefined);
    files = { configFile: { dev: { endpoint_url: 'http://127.0.0.1:4566' } }, credentialsFile: {} };
    await shared.admit({ region: 'us-east-1', profile: 'dev' }, 'http://127.0.0.1:4566');
    assert.equal(reads, 2);
    await refusedWith(shared.admit({ region: 'us-east-1', profile: 'dev' }, 'http://127.0.0.1:9'), /not the configured one/);
  });
});

describe('the CloudWatch Logs endpoint (the data repository event log)', () => {
  it('reads AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, then AWS_ENDPOINT_URL, never FSx’s or S3’s variable', () => {
    assert.equal(resolveEndpoint({ service: 'logs', env: { AWS_ENDPOINT_URL_FSX: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:2' } }), undefined);
    assert.equal(resolveEndpoint({ service: 'logs', env: { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://127.0.0.1:3', AWS_ENDPOINT_URL: 'http://127.0.0.1:4' } }), 'http://127.0.0.1:3');
    assert.equal(resolveEndpoint({ service: 'logs', env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4' } }), 'http://127.0.0.1:4');
  });

  it('reads the services section’s cloudwatch_logs endpoint_url, and holds it to the same rules', () => {
    const shared = { configFile: { dev: { services: 'local' }, 'services.local': { 'cloudwatch_logs.endpoint_url': 'http://logs.example.com' } }, credentialsFile: {} };
    assert.throws(() => resolveEndpoint({ service: 'logs', shared, profile: 'dev', env: {} }), /cloudwatch_logs endpoint_url.*plain http/);
    const https = { ...shared, configFile: { ...shared.configFile, 'services.local': { 'cloudwatch_logs.endpoint_url': 'https://logs.example.com' } } };
    assert.equal(resolveEndpoint({ service: 'logs', shared: https, profile: 'dev', env: {} }), 'https://logs.example.com');
  });
});

describe('endpoint errors in the person\'s language (through the injected L10n)', () => {
  /** A "language" that marks every word that went through it. */
  const marked: L10n = { t: (message, ...args) => `«${ENGLISH.t(message, ...args)}»` };
  const detailOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof FsxError ? error.detail : String(error);
    }
    return 'no error';
  };

  it('says each refusal of a configured endpoint, and where it was configured, in it', () => {
    assert.equal(
      detailOf(() => resolveEndpoint({ env: { AWS_ENDPOINT_URL: 'http://evil.example.com' }, l10n: marked })),
      '«Endpoint "http://evil.example.com" (from «the environment variable AWS_ENDPOINT_URL») uses plain http; only loopback addresses may. Use https.»',
    );
    const shared = { configFile: { dev: { endpoint_url: 'https://vpce.example.com/x' } }, credentialsFile: {} };
    assert.match(detailOf(() => resolveEndpoint({ shared, profile: 'dev', l10n: marked })), /^«Endpoint .* \(from «endpoint_url of «profile "dev" in the AWS config file»»\) must be only a scheme and host/);
    for (const raw of ['not a url', 'ftp://example.com', 'https://user:secret@example.com']) {
      assert.match(detailOf(() => validateEndpoint(raw, false, undefined, marked)), /^«.*»$/, raw);
    }
    assert.match(detailOf(() => resolveEndpoint({ setting: 'https://vpce.example.com', useFipsEndpoint: true, l10n: marked })), /^«A custom endpoint \(from «the fsxTasks.endpoint setting»\) cannot be combined/);
  });

  it('says the gate\'s refusals in it', async () => {
    const gate = new EndpointGate({ service: 'fsx', setting: () => undefined, env: {}, sandboxEndpoint: () => undefined, readShared: async () => ({ configFile: {}, credentialsFile: {} }), l10n: marked });
    for (const [connection, endpoint] of [
      [{ region: 'evil.example.com#' }, undefined],
      [{ region: 'us-east-1', sandbox: true }, 'http://127.0.0.1:9'],
      [{ region: 'us-east-1' }, 'https://other.example.com'],
    ] as const) {
      await assert.rejects(gate.admit(connection, endpoint), (error: unknown) => error instanceof FsxError && /^«.*»$/.test(error.detail));
    }
  });
});
