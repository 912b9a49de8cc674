// For suites that test real profiles rather than the sandbox: the sandbox stopped, an emulator of
// the suite's own behind the fsxTasks.endpoint setting, AWS files in a temporary folder named by
// AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, and everything put back afterwards.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FsxEmulator } from '../../src/emulator';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, clearEnv, getApi } from './helpers';

const ENV_KEYS = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'HOME', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_FSX', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] as const;
const SETTING_KEYS = ['connections', 'endpoint', 'useFipsEndpoint', 'tasks.pageSize', 'tracking.pollIntervalSeconds'];

export interface OwnEmulator {
  api(): FsxTasksApi;
  emulator(): FsxEmulator;
  /** The folder holding `config`, `credentials` and `.aws/sso/cache` (HOME points here). */
  dir(): string;
  writeConfig(text: string): void;
  writeCredentials(text: string): void;
  /** Sets the settings, reloads the connections and returns the top-level nodes. */
  connect(connections: unknown, settings?: Record<string, unknown>): Promise<ExplorerNode[]>;
}

export function useOwnEmulator(): OwnEmulator {
  let api: FsxTasksApi | undefined;
  let emulator: FsxEmulator | undefined;
  let dir = '';
  let restoreEnv: () => void = () => {};
  const config = () => vscode.workspace.getConfiguration('fsxTasks');
  before(async () => {
    api = await getApi();
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    dir = mkdtempSync(join(tmpdir(), 'fsx-own-'));
    restoreEnv = clearEnv(ENV_KEYS);
    writeFileSync(join(dir, 'config'), '');
    writeFileSync(join(dir, 'credentials'), '');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    process.env.HOME = dir;
    await vscode.commands.executeCommand('fsxTasks.stopSandbox');
  });
  after(async () => {
    restoreEnv();
    for (const key of SETTING_KEYS) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('fsxTasks.exploreSandbox');
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const own: OwnEmulator = {
    api: () => {
      assert.ok(api, 'activated');
      return api;
    },
    emulator: () => {
      assert.ok(emulator, 'the emulator runs');
      return emulator;
    },
    dir: () => dir,
    writeConfig: (text) => writeFileSync(join(dir, 'config'), text),
    writeCredentials: (text) => writeFileSync(join(dir, 'credentials'), text),
    async connect(connections, settings = {}) {
      for (const [key, value] of Object.entries({ endpoint: own.emulator().url, useFipsEndpoint: false, ...settings })) {
        await config().update(key, value, vscode.ConfigurationTarget.Global);
      }
      await config().update('connections', connections, vscode.ConfigurationTarget.Global);
      await own.api().container.connections.reload();
      return children(own.api());
    },
  };
  return own;
}
