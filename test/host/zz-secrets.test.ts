// Last of the host suite (files run in name order): no credential in any log. The run is at
// trace level (scripts/host/runExtensionTests.mjs passes --log trace); this suite adds a profile
// with keys and a session token of known values and an SSO profile with a cached token, works
// through them (list, details, track, cancel, a failed call), then scans every log file of the
// run, the output channel and the details documents.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { children, contextValue, ScriptedPrompts, seenSandboxTokens } from './helpers';
import { useOwnEmulator } from './ownEmulator';

const ACCESS_KEY = 'AKIASECRETSCAN0000042';
const SECRET_KEY = 'secretScanKey/Known+Value0000000000000042';
const SESSION_TOKEN = 'secretScanSessionToken//Known+Value42==';
const SSO_TOKEN = 'secretScanSsoAccessToken0000000000042';
const FORBIDDEN = [ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, SSO_TOKEN, /authorization\s*[:=]/i, /x-amz-security-token/i, /AWS4-HMAC-SHA256 Credential=/];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The run's logs folder: the nearest ancestor of this extension's log folder named "logs". */
function logsRoot(logUri: vscode.Uri): string {
  let folder = logUri.fsPath;
  while (basename(folder) !== 'logs' && dirname(folder) !== folder) {
    folder = dirname(folder);
  }
  assert.equal(basename(folder), 'logs', `a logs folder above ${logUri.fsPath}`);
  return folder;
}

describe('no secret in any log (last)', function () {
  this.timeout(90_000);
  const own = useOwnEmulator();

  before(() => {
    own.writeCredentials(`[keys]\naws_access_key_id = ${ACCESS_KEY}\naws_secret_access_key = ${SECRET_KEY}\naws_session_token = ${SESSION_TOKEN}\n`);
    own.writeConfig(
      [
        '[profile keys]',
        'region = us-east-1',
        '[profile sso]',
        'sso_session = scan',
        'sso_account_id = 111122223333',
        'sso_role_name = Reader',
        'region = us-east-1',
        '[sso-session scan]',
        'sso_start_url = https://scan.awsapps.com/start',
        'sso_region = us-east-1',
      ].join('\n'),
    );
    const cache = join(own.dir(), '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      join(cache, `${createHash('sha1').update('scan').digest('hex')}.json`),
      JSON.stringify({ accessToken: SSO_TOKEN, expiresAt: new Date(Date.now() + 3600e3).toISOString(), region: 'us-east-1', startUrl: 'https://scan.awsapps.com/start' }),
    );
  });

  it('runs at trace level', () => {
    assert.equal(own.api().container.log.logLevel, vscode.LogLevel.Trace);
  });

  it('finds neither the keys, the tokens nor a signed header after real work with them', async () => {
    const api = own.api();
    const prompts = new ScriptedPrompts().confirmWith(true);
    api.setPrompts(prompts);
    const roots = await own.connect([
      { profile: 'keys', region: 'us-east-1' },
      { profile: 'sso', region: 'us-east-1' },
    ]);
    for (const root of roots) {
      await children(api, root); // the SSO one fails (its portal is not reachable here): a logged failure
    }
    const keys = api.container.model.connections().find((entry) => entry.connection.profile === 'keys');
    assert.ok(keys);
    const [running] = (await api.container.apiFor(keys.connection).listTasks(undefined, { lifecycles: ['EXECUTING', 'PENDING'] })).tasks;
    assert.ok(running, 'a running task in the demo data');
    await vscode.commands.executeCommand('fsxTasks.showTaskDetails', { connection: keys.connection, task: running });
    await vscode.commands.executeCommand('fsxTasks.trackTask', { connection: keys.connection, task: running });
    await vscode.commands.executeCommand('fsxTasks.cancelTask', { connection: keys.connection, task: running });
    own.emulator().injectFault({ kind: 'expiredToken', count: 3 });
    await vscode.commands.executeCommand('fsxTasks.refresh');
    for (const root of await children(api)) {
      await children(api, root);
    }
    api.container.tracking.tracker.untrack(running.taskId);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the log channel writes its file a moment later

    const scanned: { where: string; text: string }[] = [];
    for (const file of filesUnder(logsRoot(api.logUri)).filter((path) => statSync(path).size < 50 * 2 ** 20)) {
      scanned.push({ where: file, text: readFileSync(file, 'utf8') });
    }
    const details = vscode.workspace.textDocuments.filter((document) => document.uri.scheme !== 'file' && document.getText().includes(running.taskId));
    assert.ok(details.length >= 1, 'the details document is open');
    scanned.push(...details.map((document) => ({ where: document.uri.toString(), text: document.getText() })));
    const ownLog = scanned.filter((entry) => /FSx Data Repository Tasks|fsx-tools\.fsx-data-repository-tasks/.test(entry.where));
    assert.ok(ownLog.some((entry) => /DescribeFileSystems region=us-east-1 profile=keys/.test(entry.text)), 'the output channel logged the calls of the keys profile');
    // The sandbox processes' control tokens too (every one the suite used).
    assert.ok(seenSandboxTokens.size > 0, 'the suite used the sandbox');
    const hits = scanned.flatMap(({ where, text }) =>
      [...FORBIDDEN, ...seenSandboxTokens].filter((needle) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text))).map((needle) => `${String(needle)} in ${where}`),
    );
    assert.deepEqual(hits, [], `scanned ${scanned.length} files and documents`);
    assert.ok(contextValue((await children(api))[0]).startsWith('connection.'));
  });
});
