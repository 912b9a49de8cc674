import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi, waitFor } from './helpers';

describe('activation', () => {
  it('activates and starts the sandbox when FSX_SANDBOX=1', async () => {
    const api = await getApi();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.ok(api.container.sandbox.running, 'sandbox running');
    assert.match(api.container.sandbox.connection?.endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('loads the main code inside activate() when the window starts the sandbox, and says why in the log', async () => {
    const api = await getApi();
    assert.equal(api.wokenBy, 'sandbox');
    const files = readdirSync(api.logUri.fsPath).filter((file) => file.endsWith('.log'));
    const logged = await waitFor('the activation line', () => files.map((file) => readFileSync(join(api.logUri.fsPath, file), 'utf8')).find((text) => /Activated in \d+ ms \(sandbox; code cache (used|missing|rejected)\)/.test(text)), 15_000, 200);
    assert.ok(logged);
  });

  it("keeps the main code's compiled code in its storage after the load, for the next window's activation", async () => {
    const api = await getApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const mainBundle = statSync(join(extension?.extensionPath ?? '', 'dist', 'main.js'));
    // views/codeCache.ts: named by the bundle's size and time and V8's version, written a little after the load.
    // The extension's global storage holds the sandbox's mount folder too.
    const cacheDir = join(dirname(api.container.sandboxMount.root), 'codeCache');
    const written = await waitFor('the code cache', () => (existsSync(cacheDir) ? readdirSync(cacheDir).find((name) => name.startsWith(`main.${mainBundle.size}.`) && name.endsWith(`.${process.versions.v8}.cache`)) : undefined), 15_000, 200);
    assert.ok(statSync(join(cacheDir, written)).size > 10_000, 'a cache of the compiled code, not an empty file');
  });

  it('registers every contributed command with its handler: no waker is left to answer for one', async () => {
    const api = await getApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const manifest = extension?.packageJSON ?? JSON.parse(readFileSync(join(extension?.extensionPath ?? '', 'package.json'), 'utf8'));
    const contributed: string[] = manifest.contributes.commands.map((command: { command: string }) => command.command);
    assert.ok(contributed.length >= 15, `${contributed.length} commands`);
    // The activation entry's wakers (one per contributed id) were disposed when the main code
    // loaded, so each id registered now is registered by the main code (commands/boundary.ts):
    // a command whose handler registerCommands forgot is missing here.
    assert.equal(api.wakers, 0, 'wakers left after the main code loaded');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), [], 'contributed commands without a handler');
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
    assert.deepEqual(Object.keys(api).sort(), ['container', 'logUri', 'ready', 'setPrompts', 'wakers', 'wokenBy']);
  });
});
