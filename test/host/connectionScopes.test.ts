// Add, Set Region and Remove Connection write `fsxTasks.connections` where the entry came from: a
// workspace entry is changed in the workspace's settings, and the user's settings never gain the
// workspace's entries. VS Code does not merge lists: with a workspace list, that list is the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { children, label, ScriptedPrompts } from './helpers';
import { useOwnEmulator } from './ownEmulator';

const KEYS = (name: string) => `[${name}]\naws_access_key_id = AKIASCOPES00000000001\naws_secret_access_key = scopesSecret000000000000000000000000000\n`;

describe('connection settings scopes', function () {
  this.timeout(60_000);
  const own = useOwnEmulator();
  const config = () => vscode.workspace.getConfiguration('fsxTasks');
  const scopes = () => {
    const inspected = config().inspect<unknown>('connections');
    return { user: inspected?.globalValue, workspace: inspected?.workspaceValue };
  };
  const user = [{ profile: 'mine', region: 'us-east-1' }];
  const workspace = [{ profile: 'team', region: 'us-west-2' }, { profile: 'team', region: 'eu-west-1' }];
  let prompts: ScriptedPrompts;

  before(() => {
    own.writeConfig('[profile mine]\nregion = us-east-1\n[profile team]\nregion = us-west-2\n[profile extra]\nregion = us-east-1\n');
    own.writeCredentials(['mine', 'team', 'extra'].map(KEYS).join('\n'));
  });
  beforeEach(async () => {
    prompts = new ScriptedPrompts();
    own.api().setPrompts(prompts);
    await own.connect(user);
    await config().update('connections', workspace, vscode.ConfigurationTarget.Workspace);
    await own.api().container.connections.reload();
  });
  afterEach(async () => {
    await config().update('connections', undefined, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(prompts.unexpected, [], 'no unexpected prompt');
  });

  async function root(name: string) {
    const roots = await children(own.api());
    const node = roots.find((candidate) => label(candidate) === name);
    assert.ok(node, `${name} among ${roots.map(label).join(' | ')}`);
    return node;
  }

  it('lists the workspace list, which replaces the user one in this window', async () => {
    assert.deepEqual((await children(own.api())).map(label), ['team · us-west-2', 'team · eu-west-1']);
  });

  it("removes a workspace entry from the workspace's settings; the user's settings do not gain it", async () => {
    await vscode.commands.executeCommand('fsxTasks.removeConnection', await root('team · eu-west-1'));
    assert.deepEqual(scopes(), { user, workspace: [workspace[0]] });
    assert.deepEqual((await children(own.api())).map(label), ['team · us-west-2']);
  });

  it("changes a workspace entry's region in the workspace's settings only", async () => {
    prompts.pickWith((items) => items.find((item) => item.label === 'ap-south-1'));
    await vscode.commands.executeCommand('fsxTasks.setRegion', await root('team · us-west-2'));
    assert.deepEqual(scopes(), { user, workspace: [{ profile: 'team', region: 'ap-south-1' }, workspace[1]] });
  });

  it("adds to the user's settings only the new connection, and says the workspace list is what this window shows", async () => {
    prompts.pickManyWith((items) => items.filter((item) => item.label === 'extra')).pickWith((items) => items.find((item) => item.label === 'ca-central-1'));
    await vscode.commands.executeCommand('fsxTasks.addConnection');
    assert.deepEqual(scopes(), { user: [...user, { profile: 'extra', region: 'ca-central-1' }], workspace });
    assert.deepEqual(
      prompts.messages.map((message) => [message.severity, message.actions]),
      [['info', ['Open Workspace Settings']]],
    );
    assert.match(prompts.messages[0].text, /^Added to your user settings\. This workspace sets fsxTasks\.connections/);
  });

  it("without a workspace list, changes and removes the user's own entries as before", async () => {
    await config().update('connections', undefined, vscode.ConfigurationTarget.Workspace);
    await own.connect([...user, { profile: 'extra', region: 'us-east-1' }]);
    prompts.pickWith((items) => items.find((item) => item.label === 'eu-west-1'));
    await vscode.commands.executeCommand('fsxTasks.setRegion', await root('mine · us-east-1'));
    await vscode.commands.executeCommand('fsxTasks.removeConnection', await root('extra · us-east-1'));
    assert.deepEqual(scopes(), { user: [{ profile: 'mine', region: 'eu-west-1' }], workspace: undefined });
    assert.deepEqual(prompts.messages, []);
  });
});
