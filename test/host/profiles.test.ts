// The non-sandbox path: real profiles through the SDK's credential chain inside the extension
// host (credential_process, an expired SSO session, no region, refused endpoints), against an
// emulator of the test's own reached through the fsxTasks.endpoint setting. The sandbox is
// stopped for these tests and started again afterwards.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FsxEmulator } from '../../src/emulator';
import { scanRegions } from '../../src/fsx/regions';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, connectionOf, contextValue, label, ScriptedPrompts, waitFor } from './helpers';
import { useOwnEmulator } from './ownEmulator';

describe('real AWS profiles (no sandbox)', function () {
  this.timeout(60_000);
  const own = useOwnEmulator();
  let api: FsxTasksApi;
  let emulator: FsxEmulator;
  let dir: string;
  const config = () => vscode.workspace.getConfiguration('fsxTasks');

  async function connect(connections: unknown[], settings: { endpoint?: string; useFipsEndpoint?: boolean } = {}): Promise<ExplorerNode[]> {
    const [root] = await own.connect(connections, settings);
    assert.ok(root, 'a connection node');
    return children(api, root);
  }

  function errorOf(nodes: ExplorerNode[]): ExplorerNode {
    const error = nodes.find((node) => contextValue(node).startsWith('error.'));
    assert.ok(error, `an error node among: ${nodes.map(label).join(' | ')}`);
    return error;
  }

  before(async () => {
    api = own.api();
    emulator = own.emulator();
    dir = own.dir();
    const credentials = join(dir, 'credentials.js');
    writeFileSync(
      credentials,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDPROCESS', SecretAccessKey: 'process-secret', SessionToken: 'process-token', Expiration: new Date(Date.now() + 3600e3).toISOString() }));`,
    );
    writeFileSync(
      join(dir, 'config'),
      [
        '[profile tooling]',
        `credential_process = "${process.execPath}" "${credentials}"`,
        'region = us-east-1',
        '[profile broken-process]',
        `credential_process = "${process.execPath}" -e "process.exit(3)"`,
        '[profile no-region]',
        `credential_process = "${process.execPath}" "${credentials}"`,
        '[profile expired-sso]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = Developer',
        'region = us-east-1',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_registration_scopes = sso:account:access',
      ].join('\n'),
    );
    // The token `aws sso login` cached, long expired.
    const cache = join(dir, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`),
      JSON.stringify({ accessToken: 'expired', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://corp.awsapps.com/start' }),
    );
    assert.equal(api.container.sandbox.running, false);
  });

  it('lists file systems through a credential_process profile and the endpoint setting', async () => {
    emulator.resetRequestCounts();
    const nodes = await connect([{ profile: 'tooling', region: 'us-east-1' }]);
    const [root] = await children(api);
    assert.equal(label(root), 'tooling · us-east-1');
    assert.equal(contextValue(root), 'connection.configured');
    assert.ok(nodes.filter((node) => contextValue(node).startsWith('resource.')).length >= 4, nodes.map(label).join(' | '));
    assert.ok(emulator.requestCounts().DescribeFileSystems >= 1, 'the emulator behind the endpoint setting answered');
  });

  it('says the credentials are missing when credential_process fails, and offers another profile', async () => {
    const error = errorOf(await connect([{ profile: 'broken-process', region: 'us-east-1' }]));
    assert.equal(contextValue(error), 'error.credentials');
    assert.equal(error.getTreeItem().command?.command, 'fsxTasks.addConnection');
    assert.ok((await children(api, (await children(api))[0])).some((node) => /local sandbox/.test(label(node))), 'a hint to try the sandbox');
  });

  it('offers AWS SSO sign-in when the SSO session has expired', async () => {
    const error = errorOf(await connect([{ profile: 'expired-sso', region: 'us-east-1' }]));
    assert.equal(contextValue(error), 'error.credentials');
    assert.equal(label(error), 'AWS SSO session expired');
    const command = error.getTreeItem().command;
    assert.equal(command?.command, 'fsxTasks.ssoLogin');
    assert.deepEqual(command?.arguments, ['expired-sso']);
  });

  it('a start command failing on an expired SSO session offers that profile\'s sign-in, from the palette and from a handed-over file system', async () => {
    await connect([{ profile: 'expired-sso', region: 'us-east-1' }]);
    const [root] = await children(api);
    const resource = { kind: 'fileSystem', id: 'fs-0123456789abcdef0', storageType: 'LUSTRE', lifecycle: 'AVAILABLE', supportsTasks: true };
    // The palette form lists no file system to pick; the handed-over one cannot list its associations.
    for (const arg of [undefined, { connection: connectionOf(root), resource }]) {
      const prompts = new ScriptedPrompts();
      api.setPrompts(prompts);
      await vscode.commands.executeCommand('fsxTasks.startExport', arg);
      assert.deepEqual(prompts.unexpected, [], 'no pick of nothing, no step');
      assert.equal(prompts.messages.length, 1, prompts.messages.map((message) => message.text).join(' | '));
      assert.equal(prompts.messages[0].severity, 'error');
      assert.deepEqual(prompts.messages[0].actions, ['Sign in with AWS SSO'], `with ${arg ? 'a file system' : 'no argument'}`);
    }
  });

  it('the palette start with no Lustre file system says so, with a next step, instead of an empty pick', async () => {
    const empty = await FsxEmulator.start({ scenario: 'empty' });
    try {
      await connect([{ profile: 'tooling', region: 'us-east-1' }], { endpoint: empty.url });
      const prompts = new ScriptedPrompts();
      api.setPrompts(prompts);
      await vscode.commands.executeCommand('fsxTasks.startRelease');
      assert.deepEqual(prompts.unexpected, [], 'no pick was opened');
      assert.equal(prompts.messages.length, 1);
      assert.equal(prompts.messages[0].severity, 'info');
      assert.match(prompts.messages[0].text, /^No FSx for Lustre file system in tooling · us-east-1; only Lustre file systems have data repository tasks\./);
      assert.deepEqual(prompts.messages[0].actions, ['Add Connection', 'Open FSx View']);
      assert.equal(empty.requestCounts().CreateDataRepositoryTask ?? 0, 0);
    } finally {
      await empty.close();
    }
  });

  it('asks for a region when neither the profile nor the environment has one', async () => {
    process.env.AWS_PROFILE = 'no-region';
    try {
      const error = errorOf(await connect([]));
      assert.equal(contextValue(error), 'error.region');
      assert.equal(label(error), 'No region set');
      assert.equal(error.getTreeItem().command?.command, 'fsxTasks.setRegion');
    } finally {
      delete process.env.AWS_PROFILE;
    }
  });

  it('refuses a plain-http endpoint that is not loopback, before any request', async () => {
    const settings = { endpoint: 'http://fsx.example.com' };
    // Settle first: a reload the previous test's settings and environment started may still list
    // (AWS_PROFILE removed, the default profile's region); what is counted is this connection's.
    await connect([{ profile: 'tooling', region: 'us-east-1' }], settings);
    emulator.resetRequestCounts();
    const error = errorOf(await connect([{ profile: 'tooling', region: 'us-east-1' }], settings));
    assert.equal(contextValue(error), 'error.validation');
    assert.match(label(error), /plain http; only loopback addresses may/);
    assert.equal(error.getTreeItem().command?.command, 'workbench.action.openSettings');
    assert.equal(emulator.totalRequests(), 0, JSON.stringify(emulator.requestCounts()));
  });

  it('refuses the FIPS endpoint together with a custom endpoint', async () => {
    const error = errorOf(await connect([{ profile: 'tooling', region: 'us-east-1' }], { useFipsEndpoint: true }));
    assert.match(label(error), /FIPS/);
  });

  it('changes a connection\'s region and removes a connection from its context menu', async () => {
    await connect([{ profile: 'tooling', region: 'us-east-1' }, { profile: 'expired-sso', region: 'us-east-1' }]);
    const [tooling] = await children(api);
    api.setPrompts(new ScriptedPrompts().pickWith((items) => items.find((item) => item.label === 'eu-west-1')));
    await vscode.commands.executeCommand('fsxTasks.setRegion', tooling);
    assert.deepEqual(config().get('connections'), [{ profile: 'tooling', region: 'eu-west-1' }, { profile: 'expired-sso', region: 'us-east-1' }]);
    await api.container.connections.reload();
    const roots = await children(api);
    assert.deepEqual(roots.map(label), ['tooling · eu-west-1', 'expired-sso · us-east-1']);
    await vscode.commands.executeCommand('fsxTasks.removeConnection', roots[1]);
    assert.deepEqual(config().get('connections'), [{ profile: 'tooling', region: 'eu-west-1' }]);
  });

  it('lists the profiles of the config file when adding a connection', async () => {
    await connect([]);
    let offered: string[] = [];
    api.setPrompts(
      new ScriptedPrompts().pickManyWith((items) => {
        offered = items.map((item) => item.label);
        return undefined;
      }),
    );
    await vscode.commands.executeCommand('fsxTasks.addConnection');
    assert.deepEqual(offered, ['Default credential chain', 'broken-process', 'expired-sso', 'no-region', 'tooling']);
    await waitFor('no connection added', () => config().get<unknown[]>('connections')?.length === 0);
  });

  it('adds every region where two profiles have file systems, in one pass; refusing regions are reported, not errors', async function () {
    this.timeout(120_000);
    await connect([]);
    // The emulator answers every region alike, except these two.
    emulator.injectFault({ kind: 'unrecognizedClient', region: 'ap-east-1' });
    emulator.injectFault({ kind: 'accessDenied', region: 'me-south-1' });
    emulator.resetRequestCounts();
    const prompts = new ScriptedPrompts()
      .pickManyWith((items) => items.filter((item) => item.label === 'tooling' || item.label === 'no-region'))
      .pickWith((items) => items.find((item) => /All regions where I have file systems/.test(item.label)));
    api.setPrompts(prompts);
    try {
      await vscode.commands.executeCommand('fsxTasks.addConnection');
    } finally {
      emulator.clearFaults();
    }
    assert.deepEqual(prompts.unexpected, []);
    const regions = scanRegions('us-east-1');
    // In the order of the profile pick (alphabetical), each profile's regions in scan order.
    const expected = ['no-region', 'tooling'].flatMap((profile) => regions.filter((region) => region !== 'ap-east-1' && region !== 'me-south-1').map((region) => ({ profile, region })));
    assert.deepEqual(config().get('connections'), expected);
    // One DescribeFileSystems and one DescribeFileCaches per profile and region, nothing twice.
    assert.equal(emulator.requestCounts().DescribeFileSystems, 2 * regions.length);
    assert.equal(prompts.messages.length, 1, prompts.messages.map((m) => m.text).join(' | '));
    assert.equal(prompts.messages[0].severity, 'info');
    assert.match(prompts.messages[0].text, new RegExp(`^Added ${expected.length} connections: no-region · us-east-1, .*tooling · us-east-1, `));
    assert.match(prompts.messages[0].text, /4 regions refused \(see the log\)\.$/);
    assert.deepEqual(prompts.messages[0].actions, ['Show Log']);
  });

  it('starts many connections collapsed: the tree sends no request until one is opened', async () => {
    const many = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1'].map((region) => ({ profile: 'tooling', region }));
    await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('fsxTasks.explorer.focus');
    emulator.resetRequestCounts();
    await config().update('connections', many, vscode.ConfigurationTarget.Global);
    await api.container.connections.reload();
    const roots = await children(api);
    assert.equal(roots.length, many.length);
    for (const root of roots) {
      assert.equal(root.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, label(root));
    }
    // Give the visible tree time to ask for whatever it would.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(emulator.totalRequests(), 0, 'no request for a collapsed connection');
    await children(api, roots[0]);
    assert.equal(emulator.requestCounts().DescribeFileSystems, 1, 'opening one asks that one');
  });
});
