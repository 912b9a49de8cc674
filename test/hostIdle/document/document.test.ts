import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi } from '../../../src/testApi';
import { activated, assertDormant } from '../dormant';

describe('a window that has not used the extension: a document of ours wakes it', () => {
  let api: FsxTasksTestApi;

  before(async () => {
    api = await activated();
  });

  it('activates without loading the main code', () => {
    assertDormant(api);
  });

  it('a task details tab restored from an earlier window loads the main code, whose provider answers it', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'fsx-task', path: '/task-0123456789abcdef0.md' }));
    assert.equal(api.wokenBy, 'document:fsx-task');
    assert.equal(document.getText(), 'This task is no longer loaded. Open its details again from the FSx view.');
    assert.equal(api.wakers, 0);
  });
});
