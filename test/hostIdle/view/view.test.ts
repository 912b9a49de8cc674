import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi } from '../../../src/testApi';
import { waitFor } from '../../host/helpers';
import { activated, assertDormant } from '../dormant';

describe('a window that has not used the extension: showing the view wakes it', () => {
  let api: FsxTasksTestApi;

  before(async () => {
    api = await activated();
  });

  it('activates without loading the main code', () => {
    assertDormant(api);
  });

  it('showing the view loads the main code, which fills it and marks it used, so the next window loads at activation', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.fsxTasks');
    assert.equal(await waitFor('the main code', () => api.wokenBy), 'view');
    await api.ready;
    assert.equal(api.wakers, 0);
    assert.ok(api.container.explorer.view.visible, 'the view the entry created is the explorer\'s');
    await waitFor('the view marked used in this workspace', () => api.container.workspaceState.get('fsxTasks.viewUsed') === true);
    // The commands are the main code's now: the view's own Refresh runs its handler.
    await vscode.commands.executeCommand('fsxTasks.refresh');
  });
});
