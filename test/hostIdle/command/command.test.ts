import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi } from '../../../src/testApi';
import { activated, assertDormant } from '../dormant';

describe('a window that has not used the extension: a palette command wakes it', () => {
  let api: FsxTasksTestApi;

  before(async () => {
    api = await activated();
  });

  it('activates without loading the main code', () => {
    assertDormant(api);
  });

  it('Explore the Sandbox loads the main code and runs again, answered by its handler; the next command goes straight to its own', async () => {
    await vscode.commands.executeCommand('fsxTasks.exploreSandbox');
    assert.equal(api.wokenBy, 'command:fsxTasks.exploreSandbox');
    assert.equal(api.wakers, 0, 'the wakers made way for the handlers');
    assert.ok(api.container.sandbox.running, 'the handler started the sandbox');
    await vscode.commands.executeCommand('fsxTasks.stopSandbox');
    assert.equal(api.container.sandbox.running, false, 'Stop Sandbox reached its handler');
  });
});
