import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRegion, isPlausibleRegion, isSafeProfileName, listProfiles } from '../../../src/fsx/profiles';

describe('profiles', () => {
  let dir: string;
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fsx-profiles-'));
    writeFileSync(
      join(dir, 'config'),
      [
        '[default]', 'region = eu-west-1',
        '[profile dev-sso]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Dev', 'region = us-east-2',
        '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1',
        '[profile ops-role]', 'role_arn = arn:aws:iam::111122223333:role/Ops', 'source_profile = default',
        '[profile tooling]', 'credential_process = /usr/local/bin/get-creds',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'credentials'), ['[default]', 'aws_access_key_id = AKIDEXAMPLE', 'aws_secret_access_key = secret', '[static-only]', 'aws_access_key_id = AKID2', 'aws_secret_access_key = s2'].join('\n'));
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
  });

  it('lists SSO, role, credential_process and static profiles, but not sso-session sections', async () => {
    const profiles = await listProfiles();
    const byName = Object.fromEntries(profiles.map((profile) => [profile.name, profile]));
    assert.deepEqual(Object.keys(byName), ['default', 'dev-sso', 'ops-role', 'static-only', 'tooling']);
    assert.equal(byName['dev-sso'].kind, 'sso');
    assert.equal(byName['dev-sso'].region, 'us-east-2');
    assert.equal(byName['ops-role'].kind, 'assumeRole');
    assert.equal(byName.tooling.kind, 'process');
    assert.equal(byName['static-only'].kind, 'static');
    assert.equal(byName['static-only'].source, 'credentials');
    assert.equal(byName.default.source, 'both');
  });

  it('takes the default region from the environment, then the profile', async () => {
    assert.equal(await defaultRegion('dev-sso', { AWS_REGION: 'ap-south-1' }), 'ap-south-1');
    assert.equal(await defaultRegion('dev-sso', {}), 'us-east-2');
    assert.equal(await defaultRegion(undefined, {}), 'eu-west-1');
    assert.equal(await defaultRegion('ops-role', {}), undefined);
  });

  it('recognises region names', () => {
    for (const region of ['us-east-1', 'eu-central-2', 'us-gov-west-1', 'ap-southeast-4']) {
      assert.ok(isPlausibleRegion(region), region);
    }
    for (const region of ['', 'us-east', 'US-EAST-1', 'us_east_1', 'us-east-1; rm -rf']) {
      assert.ok(!isPlausibleRegion(region), region);
    }
  });

  it('hands the AWS CLI only conservative profile names: no option, control, quote, space or shell character', () => {
    for (const name of ['default', 'dev-sso', 'AdministratorAccess-111122223333', 'team.prod_admin', 'a+b=c,d@e', '0', 'x'.repeat(128)]) {
      assert.ok(isSafeProfileName(name), name);
    }
    const refused = [
      '', 'x'.repeat(129), '-p', '--endpoint-url', '.hidden', '_x', 'dev sso', 'dev\u0003rm -rf x', 'dev\nrm', 'dev\rx', 'dev\tx', 'dev\u0000',
      "dev'x", 'dev"x', 'dev;rm', 'dev$(id)', 'dev`id`', 'dev|x', 'dev&x', 'dev%PATH%', 'dev>x', 'dev<x', 'dev\\x', 'dev/x', 'dev*', 'dev?', 'dev!x',
      'dév', 'dev\u202ex', 'dev\u00a0x', 'dev\n',
    ];
    for (const name of refused) {
      assert.ok(!isSafeProfileName(name), JSON.stringify(name));
    }
    for (const value of [undefined, null, 42, ['dev'], { toString: () => 'dev' }]) {
      assert.ok(!isSafeProfileName(value), String(value));
    }
  });
});
