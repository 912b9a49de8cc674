// Instance-role credentials for real, as on an EC2 head node: no profile, no keys, no settings;
// the SDK's credential chain (read in this extension host's process.env at resolution time)
// reaches the emulated IMDSv2 on loopback through AWS_EC2_METADATA_SERVICE_ENDPOINT, and signs
// FSx calls to an emulator of the test's own. The sandbox is stopped meanwhile.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FsxEmulator, InstanceMetadataService } from '../../src/emulator';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, clearEnv, contextValue, getApi, label } from './helpers';

const ENV_KEYS = [
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'HOME',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ENDPOINT_URL_FSX',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_EC2_METADATA_SERVICE_ENDPOINT',
  'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE',
] as const;

describe('instance-role credentials through the emulated metadata service (no profile)', function () {
  this.timeout(60_000);
  let api: FsxTasksApi;
  let emulator: FsxEmulator;
  let imds: InstanceMetadataService;
  let dir: string;
  let restoreEnv: () => void = () => {};

  /** A fresh credential chain (no cached credentials) and the default connection's children. */
  async function listDefaultConnection(): Promise<{ root: ExplorerNode; nodes: ExplorerNode[] }> {
    api.container.clients.dropClients();
    await api.container.connections.reload();
    const [root] = await children(api);
    assert.ok(root, 'the default credential chain is listed');
    return { root, nodes: await children(api, root) };
  }

  before(async () => {
    api = await getApi();
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    imds = await InstanceMetadataService.start();
    dir = mkdtempSync(join(tmpdir(), 'fsx-imds-'));
    restoreEnv = clearEnv(ENV_KEYS);
    // No profile anywhere: empty config files, a home without ~/.aws.
    writeFileSync(join(dir, 'config'), '');
    writeFileSync(join(dir, 'credentials'), '');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    process.env.HOME = dir;
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ENDPOINT_URL_FSX = emulator.url;
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imds.url;
    await vscode.workspace.getConfiguration('fsxTasks').update('connections', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('fsxTasks.stopSandbox');
    assert.equal(api.container.sandbox.running, false);
  });

  after(async () => {
    restoreEnv();
    api.container.clients.dropClients();
    await vscode.commands.executeCommand('fsxTasks.exploreSandbox');
    await imds?.close();
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every request on loopback', () => {
    assert.match(imds.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists the file systems with the role credentials (token PUT, role list, credentials GET)', async () => {
    imds.metadata.reset();
    emulator.resetRequestCounts();
    const { root, nodes } = await listDefaultConnection();
    assert.equal(label(root), 'default profile · us-east-1');
    const resources = nodes.filter((node) => contextValue(node).startsWith('resource.'));
    assert.ok(resources.length >= 4, nodes.map(label).join(' | '));
    const counts = imds.metadata.requestCounts();
    assert.ok(counts.token >= 1, 'an IMDSv2 session token was fetched');
    assert.ok(counts.roleList >= 1 && counts.credentials >= 1, JSON.stringify(counts));
    assert.ok(emulator.requestCounts().DescribeFileSystems >= 1, 'the signed call reached the emulator');
  });

  for (const mode of ['tokenRefused', 'tokenExpired'] as const) {
    it(`shows the credentials error node with its next step when the metadata token is ${mode === 'tokenRefused' ? 'refused' : 'expired'}`, async () => {
      imds.metadata.reset();
      imds.metadata.setMode(mode);
      emulator.resetRequestCounts();
      try {
        const { nodes } = await listDefaultConnection();
        const error = nodes.find((node) => contextValue(node).startsWith('error.'));
        assert.ok(error, nodes.map(label).join(' | '));
        assert.equal(contextValue(error), 'error.credentials');
        assert.equal(label(error), 'No valid AWS credentials');
        assert.equal(error.getTreeItem().command?.command, 'fsxTasks.addConnection');
        assert.ok(imds.metadata.requestCounts().token >= 1, 'the chain asked the metadata service');
        assert.equal(emulator.totalRequests(), 0, 'nothing unsigned or unauthorised reached FSx');
      } finally {
        imds.metadata.setMode('available');
      }
    });
  }
});
