// Hostile input: settings of the wrong shape, broken AWS files, typed ids no one should type.
// Each gives one node or message that says what to fix; the other connections and the tracked
// tasks keep working; nothing is thrown unhandled.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, contextValue, label, ScriptedPrompts, waitFor } from './helpers';
import { useOwnEmulator } from './ownEmulator';

const KEYS = (name: string) => `[${name}]\naws_access_key_id = AKIAHOSTILE0000000001\naws_secret_access_key = hostileSecret0000000000000000000000000000\n`;

describe('hostile input', function () {
  this.timeout(60_000);
  const own = useOwnEmulator();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let prompts: ScriptedPrompts;

  before(() => {
    own.writeConfig('[profile good]\nregion = us-east-1\n[profile other]\nregion = us-east-1\n');
    own.writeCredentials(`${KEYS('good')}\n${KEYS('other')}`);
    process.on('unhandledRejection', onUnhandled);
  });
  beforeEach(() => {
    prompts = new ScriptedPrompts();
    own.api().setPrompts(prompts);
  });
  afterEach(() => {
    assert.deepEqual(prompts.unexpected, [], 'no unexpected prompt');
  });
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
  });

  /** The top-level node labelled `name`, and its children. */
  async function childrenOf(roots: ExplorerNode[], name: string | RegExp): Promise<ExplorerNode[]> {
    const root = roots.find((node) => (typeof name === 'string' ? label(node) === name : name.test(label(node))));
    assert.ok(root, `a node ${name} among: ${roots.map(label).join(' | ')}`);
    return children(own.api(), root);
  }

  function settingsError(nodes: ExplorerNode[], pattern: RegExp): ExplorerNode {
    assert.equal(nodes.length, 1, `one node: ${nodes.map(label).join(' | ')}`);
    const [error] = nodes;
    assert.equal(contextValue(error), 'error.validation');
    assert.match(label(error), pattern);
    assert.equal(error.getTreeItem().command?.command, 'workbench.action.openSettings', 'the next step opens the settings');
    return error;
  }

  const resources = (nodes: ExplorerNode[]) => nodes.filter((node) => contextValue(node).startsWith('resource.'));

  it('names a connections setting that is not a list, once', async () => {
    const roots = await own.connect('us-east-1');
    settingsError(await childrenOf(roots, 'fsxTasks.connections'), /must be a list of entries with a profile and a region, not a string/);
    assert.equal(roots.filter((node) => label(node) === 'fsxTasks.connections').length, 1);
  });

  it('names each bad entry and keeps the good connection and a tracked task working', async () => {
    const api = own.api();
    const roots = await own.connect([
      { profile: 'good', region: 'us-east-1' },
      { profile: 'other' },
      { profile: 'other', region: 'moon-base' },
      { profile: 'good', region: 'us-east-1' },
      { profile: 'ghost', region: 'us-east-1' },
    ]);
    assert.ok(resources(await childrenOf(roots, 'good · us-east-1')).length >= 4, 'the good connection lists its file systems');
    settingsError(await childrenOf(roots, 'Connection setting 2'), /entry 2 has no region/);
    settingsError(await childrenOf(roots, 'Connection setting 3'), /entry 3: the region is not an AWS region name/);
    settingsError(await childrenOf(roots, 'Connection setting 4'), /entry 4 repeats entry 1/);
    settingsError(await childrenOf(roots, 'ghost · us-east-1'), /This profile is not in your AWS config or credentials file/);
    assert.equal(new Set(roots.map((node) => node.id)).size, roots.length, 'every node id is unique');
    const settingRows = roots.filter((node) => /^Connection setting /.test(label(node)));
    assert.equal(settingRows.length, 3);
    assert.ok(
      settingRows.every((node) => !('connection' in node)),
      'a setting that names no connection is no connection: nothing below it can send a request',
    );
    assert.ok(!('connection' in (await childrenOf(roots, 'Connection setting 2'))[0]), 'nor is its error row');
    assert.deepEqual(
      api.container.model.usableConnections().map((entry) => entry.label),
      ['good · us-east-1'],
      'the unknown profile and the bad entries are listed, not usable',
    );

    const good = api.container.model.connections().find((entry) => entry.connection.profile === 'good');
    assert.ok(good);
    const [target] = (await api.container.apiFor(good.connection).listTasks(undefined, {})).tasks;
    assert.ok(target, 'a task to track');
    api.container.tracking.tracker.track(good.connection, target.taskId, 'user');
    await own.connect([{ profile: 'good', region: 'us-east-1' }, 'garbage', { region: '' }]);
    await waitFor('the tracked task observed', () => api.container.tracking.tracker.list().find((entry) => entry.taskId === target.taskId)?.lifecycle, 20_000);
    api.container.tracking.tracker.untrack(target.taskId);
  });

  it('refuses an endpoint with another scheme, credentials or a path, naming what to fix', async () => {
    const cases: [string, RegExp][] = [
      ['ftp://fsx.example.com', /must use https/],
      ['https://admin:hunter2@fsx.example.com', /must not contain a user name or password/],
      [`${own.emulator().url}/fsx/proxy`, /remove "\/fsx\/proxy"/],
    ];
    for (const [endpoint, pattern] of cases) {
      const roots = await own.connect([{ profile: 'good', region: 'us-east-1' }], { endpoint });
      const error = settingsError(await childrenOf(roots, 'good · us-east-1'), pattern);
      const tooltip = error.getTreeItem().tooltip;
      assert.doesNotMatch(`${label(error)} ${typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')}`, /hunter2/);
    }
  });

  it('keeps listing with a page size and poll interval out of range', async () => {
    for (const [pageSize, interval] of [
      [5000, 1],
      [-3, 1e9],
      ['fifty', 'often'],
    ]) {
      const roots = await own.connect([{ profile: 'good', region: 'us-east-1' }], { 'tasks.pageSize': pageSize, 'tracking.pollIntervalSeconds': interval });
      const [resource] = resources(await childrenOf(roots, 'good · us-east-1'));
      assert.ok(resource, 'a file system');
      const rows = (await children(own.api(), resource)).filter((node) => contextValue(node).startsWith('task.'));
      assert.ok(rows.length >= 1 && rows.length <= 50, `1 to 50 task rows with page size ${pageSize}, got ${rows.length}`);
    }
  });

  it('survives broken, very large, unreadable and edited AWS files', async () => {
    const connection = [{ profile: 'good', region: 'us-east-1' }];
    // Broken INI: the loader keeps what it can read; our profile stays usable.
    own.writeConfig('[profile good\nregion = us-east-1\n=== not ini ===\n[[[\n');
    let roots = await own.connect(connection);
    assert.ok(resources(await childrenOf(roots, 'good · us-east-1')).length >= 4, 'keys from the credentials file still work');
    // Very large: 20,000 profiles.
    own.writeConfig(Array.from({ length: 20_000 }, (_, index) => `[profile p${index}]\nregion = us-east-1\n`).join(''));
    roots = await own.connect(connection);
    assert.ok(resources(await childrenOf(roots, 'good · us-east-1')).length >= 4, 'a 20,000-profile config file');
    // Unreadable: a folder where the file should be (root reads any file, so no chmod).
    rmSync(join(own.dir(), 'config'));
    mkdirSync(join(own.dir(), 'config'));
    chmodSync(join(own.dir(), 'config'), 0o000);
    roots = await own.connect(connection);
    assert.ok(roots.length >= 1, 'the tree still shows the connection');
    rmSync(join(own.dir(), 'config'), { recursive: true });
    // Edited while running: a profile added in a terminal works on the next reload.
    own.writeConfig('[profile good]\nregion = us-east-1\n');
    roots = await own.connect([{ profile: 'fresh', region: 'us-east-1' }]);
    settingsError(await childrenOf(roots, 'fresh · us-east-1'), /This profile is not in your AWS config/);
    own.writeCredentials(`${KEYS('good')}\n${KEYS('fresh')}`);
    roots = await own.connect([{ profile: 'fresh', region: 'us-east-1' }]);
    assert.ok(resources(await childrenOf(roots, 'fresh · us-east-1')).length >= 4, 'the new profile lists file systems');
  });

  it('reads typed task ids with care: case, spaces, look-alikes, 10,000 characters', async () => {
    const api = own.api();
    await own.connect([{ profile: 'good', region: 'us-east-1' }]);
    const good = api.container.model.connections().find((entry) => entry.connection.profile === 'good');
    assert.ok(good);
    const [task] = (await api.container.apiFor(good.connection).listTasks(undefined, {})).tasks;
    assert.ok(task, 'a task of the demo data');
    await vscode.commands.executeCommand('fsxTasks.trackTask', `  ${task.taskId.toUpperCase()} `);
    assert.ok(api.container.tracking.tracker.has(task.taskId), 'an upper-case id with spaces around is tracked');
    api.container.tracking.tracker.untrack(task.taskId);
    for (const typed of [task.taskId.replace('-', '- '), task.taskId.replace('a', 'а'), `task-${'a'.repeat(9_995)}`]) {
      const before = prompts.messages.length;
      await vscode.commands.executeCommand('fsxTasks.trackTask', typed);
      const shown = prompts.messages.slice(before);
      assert.equal(shown.length, 1, `one message for ${typed.slice(0, 30)}`);
      assert.equal(shown[0].severity, 'error');
      assert.match(shown[0].text, /is not a task ID/);
      assert.ok(shown[0].text.length < 300, 'the message stays short');
      assert.equal(api.container.tracking.tracker.list().length, 0);
    }
  });
});
