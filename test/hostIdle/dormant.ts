// A window that has not used the extension: no sandbox (FSX_SANDBOX empty), a new workspace (no
// tracked task, the view never shown there), auto-track off. Activation's entry runs and stops;
// each folder here wakes it one way, in a window of its own (scripts/test.mjs, the host-idle tiers).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FsxTasksTestApi } from '../../src/testApi';
import { EXTENSION_ID } from '../host/helpers';

export async function activated(): Promise<FsxTasksTestApi> {
  const extension = vscode.extensions.getExtension<FsxTasksTestApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  return extension.activate();
}

/** Activated, the main code not loaded: every command a waker, no container, no log channel yet. */
export function assertDormant(api: FsxTasksTestApi): void {
  assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  assert.equal(api.wokenBy, undefined, 'nothing woke the main code');
  assert.ok(api.wakers >= 15, `${api.wakers} command wakers`);
  assert.throws(() => api.container, /mainNotLoaded/);
  // The main code creates the log channel (views/log.ts), and logs as it starts.
  const logs = existsSync(api.logUri.fsPath) ? readdirSync(api.logUri.fsPath).filter((file) => file.endsWith('.log')) : [];
  assert.deepEqual(logs, [], 'no log channel before the main code loads');
}
