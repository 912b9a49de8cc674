import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi } from './helpers';

describe('activation', () => {
  it('activates and starts the sandbox when FSX_SANDBOX=1', async () => {
    const api = await getApi();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.ok(api.sandbox.running, 'sandbox running');
    assert.match(api.sandbox.connection?.endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('registers every contributed command', async () => {
    await getApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const manifest = extension?.packageJSON ?? JSON.parse(readFileSync(join(extension?.extensionPath ?? '', 'package.json'), 'utf8'));
    const contributed: string[] = manifest.contributes.commands.map((command: { command: string }) => command.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, []);
    assert.ok(contributed.length >= 15, `${contributed.length} commands`);
  });

  it('logs to one log output channel', async () => {
    const api = await getApi();
    assert.equal(typeof api.log.debug, 'function');
    assert.equal(api.log.name, 'FSx Data Repository Tasks');
  });
});
