// Settings out of range or of the wrong shape: one warning per bad value, naming the setting and
// what is used instead, with "Open Settings"; the value set is left as it is.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, useExtension, waitFor } from './helpers';

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
    assert.equal(warnings()[0].text, 'fsxTasks.tracking.pollIntervalSeconds is a text, not a whole number from 10–600: using the default, 30.');
    assert.equal(extension.api().container.settings.pollIntervalMs(), 30_000);
    await waitFor('the Settings editor', () => /Settings/.test(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? ''), 10_000);
    assert.equal(config().get('tracking.pollIntervalSeconds'), 'often', 'the setting is left as set');
    assert.equal(warnings().length, 1);
  });

  describe('a workspace whose settings.json writes links and Markdown into every window-scoped setting', () => {
    const LINK = '[x](command:workbench.action.terminal.new "t")';
    const HOSTILE = `${LINK} ![i](https://evil.example.com/p.png) <img src=x> **bold** $(alert) https://evil.example.com`;
    let file: vscode.Uri | undefined;

    /** The fsxTasks settings a repository's .vscode/settings.json may set: those without a machine scope. */
    function windowScopedKeys(): string[] {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
      return Object.entries(manifest.contributes.configuration.properties)
        .filter(([, declared]) => (declared.scope ?? 'window') === 'window' || declared.scope === 'resource')
        .map(([key]) => key);
    }

    afterEach(async () => {
      if (file) {
        await vscode.workspace.fs.delete(file);
        file = undefined;
      }
    });

    it('warns naming each key, with no link, image or icon syntax, and the extension still works', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'the tests run in a workspace folder');
      const keys = windowScopedKeys();
      // Seven today; fewer once some are made machine-scoped, which a workspace cannot set at all.
      assert.ok(keys.length > 0, 'some setting a workspace may set');
      // Text, a list and an object: every shape a value of the wrong type can take.
      const values = [HOSTILE, [HOSTILE], { [LINK]: HOSTILE }];
      const settings = Object.fromEntries(keys.map((key, index) => [key, values[index % values.length]]));
      file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(settings, null, 2)));
      await waitFor('a warning for each setting', () => keys.every((key) => warnings().some((message) => message.text.includes(`${key} `))), 20_000);
      for (const { text, actions } of warnings()) {
        for (const piece of ['](', '$(', '<img', 'evil', 'command:', '**']) {
          assert.ok(!text.includes(piece), `no ${piece} in: ${text}`);
        }
        assert.deepEqual(actions, ['Open Settings']);
      }
      // Every value is replaced by its default, and the explorer still lists the sandbox's tasks.
      const api = extension.api();
      assert.equal(api.container.settings.pageSize(), 50);
      assert.equal(api.container.settings.cancelConfirmation(), 'dialog');
      assert.equal(api.container.settings.sandboxTimeScale(), 1);
      api.container.model.refresh();
      assert.ok((await api.container.explorer.tree.getChildren()).length > 0, 'the explorer lists');
    });
  });
});
