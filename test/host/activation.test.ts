import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi, waitFor } from './helpers';

describe('activation', () => {
  it('activates and starts the sandbox when FSX_SANDBOX=1', async () => {
    const api = await getApi();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.ok(api.container.sandbox.running, 'sandbox running');
    assert.match(api.container.sandbox.connection?.endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('registers every contributed command, each with a handler once the features load', async () => {
    const api = await getApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const manifest = extension?.packageJSON ?? JSON.parse(readFileSync(join(extension?.extensionPath ?? '', 'package.json'), 'utf8'));
    const contributed: string[] = manifest.contributes.commands.map((command: { command: string }) => command.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, []);
    // The forwarders above are registered at activation; the handlers come with the features.
    await api.container.features();
    const handled = new Set(api.container.commands.registered());
    assert.deepEqual(contributed.filter((command) => !handled.has(command)), [], 'contributed commands without a handler');
    assert.deepEqual([...handled].filter((command) => !contributed.includes(command)), [], 'handlers of commands the manifest does not contribute');
    assert.ok(contributed.length >= 15, `${contributed.length} commands`);
  });

  it('logs to one log output channel, whose file VS Code writes', async () => {
    const api = await getApi();
    assert.equal(api.container.log.name, 'FSx Data Repository Tasks');
    const marker = `host-test-marker-${Date.now()}`;
    api.container.log.info(marker);
    // The channel's file lives in the extension's log folder; VS Code flushes it asynchronously.
    const written = await waitFor('the log line in the channel file', () => {
      const files = readdirSync(api.logUri.fsPath).filter((file) => file.endsWith('.log'));
      return files.find((file) => readFileSync(join(api.logUri.fsPath, file), 'utf8').includes(marker));
    }, 15_000, 200);
    assert.equal(written, 'FSx Data Repository Tasks.log');
    assert.match(readFileSync(join(api.logUri.fsPath, written), 'utf8'), /Activated in \d+ ms/);
  });

  it('returns only the documented test API (and only because this is ExtensionMode.Test)', async () => {
    const api = await getApi();
    assert.deepEqual(Object.keys(api).sort(), ['container', 'logUri', 'ready', 'setPrompts']);
  });
});
