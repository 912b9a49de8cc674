import * as assert from 'node:assert/strict';
import { SharedConfig } from '../../../src/fsx/endpoint';
import { ENGLISH, L10n } from '../../../src/fsx/l10n';
import { Connection } from '../../../src/fsx/types';
import { AwsConfigFiles, ConnectionResolver, ConnectionSettingsSource } from '../../../src/viewModel/connectionResolver';
import { parseConnectionSettings } from '../../../src/viewModel/connectionSettings';
import { ConnectionEntry, isConnection } from '../../../src/viewModel/explorerModel';

type Env = Record<string, string | undefined>;

/** The settings as views/settings.ts hands them over: the raw connections value parsed like it does. */
function settings(connections: unknown, endpoint = '', useFipsEndpoint = false): ConnectionSettingsSource {
  return { connectionSettings: () => parseConnectionSettings(connections, ENGLISH), endpoint: () => endpoint, useFipsEndpoint: () => useFipsEndpoint };
}

/** AWS files with these profiles (name to region); `unreadable` makes every read fail as a broken file does. */
function awsFiles(profiles: Record<string, string | undefined>, options: { unreadable?: boolean; shared?: SharedConfig } = {}): AwsConfigFiles {
  const fail = () => Promise.reject(new Error('unreadable config file'));
  return {
    listProfiles: () => (options.unreadable ? fail() : Promise.resolve(Object.keys(profiles).map((name) => ({ name })))),
    readSharedConfig: () => (options.unreadable ? fail() : Promise.resolve(options.shared ?? { configFile: {}, credentialsFile: {} })),
    defaultRegion: (profile, env) => (options.unreadable ? fail() : Promise.resolve(env.AWS_REGION || profiles[profile ?? 'default'])),
  };
}

function resolver(options: { connections?: unknown; endpoint?: string; fips?: boolean; env?: Env; files?: AwsConfigFiles; sandbox?: Connection; l10n?: L10n }): ConnectionResolver {
  return new ConnectionResolver({
    settings: settings(options.connections ?? [], options.endpoint, options.fips),
    sandbox: { connection: options.sandbox },
    l10n: options.l10n ?? ENGLISH,
    env: options.env ?? {},
    awsFiles: options.files ?? awsFiles({}),
  });
}

/** Label and problem of each row, the way the tree shows them. */
function rows(entries: readonly ConnectionEntry[]): [string, string][] {
  return entries.map((entry) => [entry.label, entry.problem ? `${entry.problem.kind}: ${entry.problem.detail}` : 'ok']);
}

describe('ConnectionResolver', () => {
  it('lists the running sandbox alone, whatever the settings say', async () => {
    const sandbox: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', sandbox: true };
    const entries = await resolver({ connections: [{ profile: 'dev', region: 'us-east-1' }], sandbox }).resolve();
    assert.deepEqual(entries, [{ connection: sandbox, label: 'Sandbox', sandbox: true }]);
  });

  it('lists the configured connections, then one row per unusable setting entry that names no connection', async () => {
    const entries = await resolver({
      connections: [{ profile: 'dev', region: 'us-east-1' }, { profile: 'dev' }, { region: 'eu-west-1' }, { profile: 'dev', region: 'us-east-1' }],
      files: awsFiles({ dev: 'us-east-1' }),
    }).resolve();
    assert.deepEqual(rows(entries), [
      ['dev · us-east-1', 'ok'],
      ['default profile · eu-west-1', 'ok'],
      ['Connection setting 2', 'validation: Connection entry 2 has no region. Add one such as "us-east-1".'],
      ['Connection setting 4', 'validation: Connection entry 4 repeats entry 1; remove one of them.'],
    ]);
    assert.deepEqual(entries.map(isConnection), [true, true, false, false]);
    const problems = entries.filter((entry) => !isConnection(entry));
    assert.deepEqual(
      problems.map((entry) => ('connection' in entry ? 'a fake connection' : entry.id)),
      ['2.0', '4.1'],
      'a setting problem carries no connection, and an id unique among them',
    );
    assert.deepEqual(entries[0], { connection: { profile: 'dev', region: 'us-east-1', endpoint: undefined, useFipsEndpoint: false }, label: 'dev · us-east-1', sandbox: false, problem: undefined });
  });

  it('names a setting that is not a list by its key', async () => {
    const entries = await resolver({ connections: 'dev/us-east-1' }).resolve();
    assert.deepEqual(
      entries.map((entry) => [entry.label, isConnection(entry)]),
      [['fsxTasks.connections', false]],
    );
  });

  it('refuses a profile the AWS files do not have, unless they cannot be read', async () => {
    const connections = [{ profile: 'ghost', region: 'us-east-1' }];
    const [ghost] = await resolver({ connections, files: awsFiles({ dev: 'us-east-1' }) }).resolve();
    assert.match(ghost.problem?.detail ?? '', /This profile is not in your AWS config or credentials file/);
    assert.ok(isConnection(ghost), 'still a connection: Set Region and Remove act on it');
    const [unread] = await resolver({ connections, files: awsFiles({}, { unreadable: true }) }).resolve();
    assert.equal(unread.problem, undefined, 'unreadable files refuse nothing: listing says what is wrong');
  });

  it('gives every connection the endpoint and FIPS choice of the settings, and a refused endpoint as its problem', async () => {
    const connections = [{ profile: 'dev', region: 'us-east-1' }];
    const files = awsFiles({ dev: 'us-east-1' });
    const [custom] = await resolver({ connections, files, endpoint: 'https://fsx.example.com' }).resolve();
    assert.ok(isConnection(custom));
    assert.equal(custom.connection.endpoint, 'https://fsx.example.com');
    assert.equal(custom.problem, undefined);
    const [fips] = await resolver({ connections, files, fips: true }).resolve();
    assert.ok(isConnection(fips));
    assert.equal(fips.connection.useFipsEndpoint, true);
    const [refused] = await resolver({ connections, files, endpoint: 'ftp://fsx.example.com' }).resolve();
    assert.match(refused.problem?.detail ?? '', /must use https/);
    const [both] = await resolver({ connections, files, endpoint: 'https://fsx.example.com', fips: true }).resolve();
    assert.match(both.problem?.detail ?? '', /cannot be combined with the FIPS endpoint option/);
  });

  it('reads a profile endpoint_url from the AWS files, as the SDK would not for a named profile', async () => {
    const shared: SharedConfig = { configFile: { dev: { region: 'us-east-1', endpoint_url: 'https://fsx.internal.example.com' } }, credentialsFile: {} };
    const [entry] = await resolver({ connections: [{ profile: 'dev', region: 'us-east-1' }], files: awsFiles({ dev: 'us-east-1' }, { shared }) }).resolve();
    assert.ok(isConnection(entry));
    assert.equal(entry.connection.endpoint, 'https://fsx.internal.example.com');
  });

  it('lists nothing but the setting problems when nothing is configured and there is no sign of credentials', async () => {
    assert.deepEqual(await resolver({}).resolve(), []);
    assert.deepEqual(rows(await resolver({ connections: [{ profile: 'dev' }] }).resolve()), [['Connection setting 1', 'validation: Connection entry 1 has no region. Add one such as "us-east-1".']]);
  });

  it('falls back to the default chain with a sign of credentials: its region, or a region to ask for', async () => {
    const fromEnv = await resolver({ env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_REGION: 'eu-west-1' } }).resolve();
    assert.deepEqual(rows(fromEnv), [['default profile · eu-west-1', 'ok']]);
    const named = await resolver({ env: { AWS_PROFILE: 'dev' }, files: awsFiles({ dev: 'ap-south-1' }) }).resolve();
    assert.deepEqual(rows(named), [['dev · ap-south-1', 'ok']]);
    const fromFiles = await resolver({ files: awsFiles({ default: undefined }) }).resolve();
    assert.deepEqual(rows(fromFiles), [['default profile · no region', 'region: ']]);
    const [unreadable] = await resolver({ env: { AWS_PROFILE: 'dev' }, files: awsFiles({}, { unreadable: true }) }).resolve();
    assert.ok(isConnection(unreadable));
    assert.equal(unreadable.problem?.kind, 'region', 'an unreadable config file: ask for a region');
    assert.equal(unreadable.connection.region, '');
  });

  it('words every label and problem through the l10n it is given', async () => {
    const marked: L10n = { t: (text, ...args) => `«${ENGLISH.t(text, ...args)}»` };
    const entries = await resolver({
      connections: [{ profile: 'ghost', region: 'us-east-1' }, { region: 5 }],
      files: awsFiles({ dev: 'us-east-1' }),
      l10n: marked,
    }).resolve();
    assert.deepEqual(
      entries.map((entry) => entry.label),
      ['ghost · us-east-1', '«Connection setting 2»'],
    );
    assert.match(entries[0].problem?.detail ?? '', /^«.*»$/);
    assert.equal((await resolver({ sandbox: { region: 'us-east-1', sandbox: true }, l10n: marked }).resolve())[0].label, '«Sandbox»');
    assert.equal(resolver({ l10n: marked }).entry(undefined, undefined).label, '«default profile» · «no region»');
  });
});
