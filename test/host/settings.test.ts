// Settings out of range or of the wrong shape: one warning per bad value, naming the setting and
// what is used instead, with "Open Settings"; the value set is left as it is.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { useExtension, waitFor } from './helpers';

describe('bad setting values', () => {
  const extension = useExtension();
  const config = () => vscode.workspace.getConfiguration('fsxTasks');
  const warnings = () => extension.prompts().messages.filter((message) => message.severity === 'warning');

  afterEach(async () => {
    for (const key of ['tasks.pageSize', 'tracking.pollIntervalSeconds']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('warns once per bad value, however often it is read, and uses the nearest bound; the setting is not changed', async () => {
    const api = extension.api();
    await config().update('tasks.pageSize', 500, vscode.ConfigurationTarget.Global);
    await waitFor('the warning', () => warnings().length > 0);
    for (let read = 0; read < 5; read++) {
      assert.equal(api.container.settings.pageSize(), 50);
    }
    // The tree lists with it too (every listing reads it).
    api.container.model.refresh();
    await api.container.explorer.tree.getChildren();
    assert.deepEqual(
      warnings().map((message) => [message.text, message.actions]),
      [['fsxTasks.tasks.pageSize is 500, above its maximum of 50: using 50.', ['Open Settings']]],
    );
    assert.equal(config().get('tasks.pageSize'), 500, 'the setting is left as set');
    // Another bad value is another warning; a good one is none.
    await config().update('tasks.pageSize', 0, vscode.ConfigurationTarget.Global);
    await waitFor('the second warning', () => warnings().length === 2);
    assert.match(warnings()[1].text, /below its minimum of 1: using 1\./);
    await config().update('tasks.pageSize', 20, vscode.ConfigurationTarget.Global);
    assert.equal(api.container.settings.pageSize(), 20);
    assert.equal(warnings().length, 2);
  });

  it('a wrong-shape value read only at activation is reported when set, and Open Settings opens it', async () => {
    extension.prompts().chooseMessageAction('Open Settings');
    await config().update('tracking.pollIntervalSeconds', 'often', vscode.ConfigurationTarget.Global);
    await waitFor('the warning', () => warnings().length > 0);
    assert.equal(warnings()[0].text, 'fsxTasks.tracking.pollIntervalSeconds is "often", not a whole number from 10–600: using the default, 30.');
    assert.equal(extension.api().container.settings.pollIntervalMs(), 30_000);
    await waitFor('the Settings editor', () => /Settings/.test(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? ''), 10_000);
    assert.equal(config().get('tracking.pollIntervalSeconds'), 'often', 'the setting is left as set');
    assert.equal(warnings().length, 1);
  });
});
