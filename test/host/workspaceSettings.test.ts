// What a repository's `.vscode/settings.json` may set. Starting the sandbox's server and polling in
// the background with the user's credentials are the user's choice: VS Code does not apply a
// workspace value of those (machine scope), while a presentation setting from the same file applies.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { useExtension, waitFor } from './helpers';

describe("a workspace's own settings file", () => {
  const extension = useExtension();
  const config = () => vscode.workspace.getConfiguration('fsxTasks');
  let file = '';
  let before: string | undefined;

  beforeEach(() => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run in a folder');
    mkdirSync(join(folder.uri.fsPath, '.vscode'), { recursive: true });
    file = join(folder.uri.fsPath, '.vscode', 'settings.json');
    before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  });
  afterEach(async () => {
    if (before === undefined) {
      rmSync(file, { force: true });
    } else {
      writeFileSync(file, before);
    }
    await waitFor('the workspace settings put back', () => config().inspect('tasks.pageSize')?.workspaceValue === undefined, 10_000);
  });

  it('cannot start the sandbox or background tracking, and still sets how the tree looks', async () => {
    writeFileSync(
      file,
      JSON.stringify({ 'fsxTasks.sandbox.startOnActivation': true, 'fsxTasks.tracking.autoTrackActiveTasks': true, 'fsxTasks.tasks.pageSize': 20 }, null, 2),
    );
    await waitFor('the workspace settings file read', () => config().inspect('tasks.pageSize')?.workspaceValue === 20, 10_000);
    const settings = extension.api().container.settings;
    assert.equal(settings.pageSize(), 20, 'a window setting applies');
    for (const key of ['sandbox.startOnActivation', 'tracking.autoTrackActiveTasks']) {
      assert.equal(config().inspect(key)?.workspaceValue, undefined, `${key}: the workspace value is not applied`);
      assert.equal(config().get(key), false, key);
    }
    assert.equal(settings.sandboxOnActivation(), false);
    assert.equal(settings.autoTrackActiveTasks(), false);
  });
});
