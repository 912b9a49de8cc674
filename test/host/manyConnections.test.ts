// 200 connections (50 profiles of a temporary AWS config, 4 regions each) behind the endpoint
// setting: opening the view shows 200 collapsed rows and sends the emulator no FSx request.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { waitFor } from './helpers';
import { useOwnEmulator } from './ownEmulator';

const PROFILES = Array.from({ length: 50 }, (_, index) => `team-${String(index + 1).padStart(2, '0')}`);
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

describe('200 connections (50 profiles x 4 regions)', function () {
  this.timeout(120_000);
  const own = useOwnEmulator();

  it('opens the view with all 200 collapsed and sends no FSx request', async () => {
    const api = own.api();
    const emulator = own.emulator();
    // Static keys: a request, if the view sent one, would be signed and reach the emulator.
    own.writeConfig(PROFILES.map((profile) => `[profile ${profile}]\nregion = us-east-1\n`).join(''));
    own.writeCredentials(PROFILES.map((profile) => `[${profile}]\naws_access_key_id = AKIA${profile.replace('-', '').toUpperCase()}\naws_secret_access_key = secret-${profile}\n`).join(''));
    const tree = api.container.explorer.tree;
    // Which rows VS Code itself asked to render: it calls getTreeItem for each child it shows.
    const rendered = new Map<string, vscode.TreeItem>();
    const getTreeItem = tree.getTreeItem.bind(tree);
    tree.getTreeItem = (node: ExplorerNode) => {
      const item = getTreeItem(node);
      rendered.set(node.id, item);
      return item;
    };
    try {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.workspace.getConfiguration('fsxTasks').update('tracking.autoTrackActiveTasks', false, vscode.ConfigurationTarget.Global);
      const connections = PROFILES.flatMap((profile) => REGIONS.map((region) => ({ profile, region })));
      emulator.resetRequestCounts();
      await own.connect(connections);
      rendered.clear();
      await vscode.commands.executeCommand('fsxTasks.explorer.focus');
      const rows = await waitFor('the 200 connection rows', () => {
        const shown = [...rendered].filter(([id]) => id.startsWith('conn:'));
        return shown.length === connections.length ? shown : undefined;
      });
      assert.ok(api.container.explorer.view.visible, 'the view is open');
      for (const [id, item] of rows) {
        assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, id);
      }
      // Give the open view time to ask for whatever it would (the tree's watch, polls).
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.deepEqual(
        Object.entries(emulator.requestCounts()).filter(([, count]) => count > 0),
        [],
        'no FSx request for 200 collapsed connections',
      );
    } finally {
      Reflect.deleteProperty(tree, 'getTreeItem');
      await vscode.workspace.getConfiguration('fsxTasks').update('tracking.autoTrackActiveTasks', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
