// Starts code-server (VS Code's server with its web workbench) fully isolated from the
// user's own VS Code: a throw-away HOME, XDG folders, TMPDIR, user data, extensions and
// config, all under one short temporary folder (socket paths must stay under 108 bytes).
// The extension host is a child of the server and inherits its environment, so variables
// passed in `env` (FSX_SANDBOX=1, ...) reach the extension.
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { execa } from 'execa';
import getPort from 'get-port';
import { onExit } from 'signal-exit';
import waitOn from 'wait-on';
import { ensureHost } from './install.mjs';
import { killTree, killTreeSync } from './processTree.mjs';

export const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
};

/** Variables of the caller that must not leak into the isolated server. */
function isolatedBaseEnvironment() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const leaks =
      /^(VSCODE_|ELECTRON_|npm_|CODE_SERVER_)/i.test(key) ||
      ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'NODE', 'INIT_CWD', 'XDG_RUNTIME_DIR'].includes(key);
    if (!leaks) {
      env[key] = value;
    }
  }
  return env;
}

/** A short temporary folder: TMPDIR may be long, and unix socket paths are limited. */
function shortTempRoot() {
  const candidate = tmpdir();
  return candidate.length <= 24 ? candidate : '/tmp';
}

/**
 * Makes the isolated folders and settings one code-server run uses.
 * @param {{ userSettings?: Record<string, unknown> }} [options]
 */
export function createProfile({ userSettings = {} } = {}) {
  const root = mkdtempSync(join(shortTempRoot(), 'fsxh-'));
  const profile = {
    root,
    home: join(root, 'home'),
    tmpDir: join(root, 'tmp'),
    xdgConfig: join(root, 'xdg', 'config'),
    xdgData: join(root, 'xdg', 'data'),
    xdgCache: join(root, 'xdg', 'cache'),
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    configFile: join(root, 'config.yaml'),
    serverLog: join(root, 'code-server.log'),
  };
  profile.logsDir = join(profile.userDataDir, 'logs');
  for (const dir of [profile.home, profile.tmpDir, profile.xdgConfig, profile.xdgData, profile.xdgCache, profile.extensionsDir]) {
    mkdirSync(dir, { recursive: true });
  }
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(profile.userDataDir, 'User', 'settings.json'),
    `${JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...userSettings }, null, 2)}\n`,
  );
  // Auth and certificates off; the bind address is always passed on the command line.
  writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  profile.env = {
    HOME: profile.home,
    TMPDIR: profile.tmpDir,
    XDG_CONFIG_HOME: profile.xdgConfig,
    XDG_DATA_HOME: profile.xdgData,
    XDG_CACHE_HOME: profile.xdgCache,
  };
  profile.remove = () => rmSync(root, { recursive: true, force: true });
  return profile;
}

/** code-server's password login for this profile (see startCodeServer's `password`). */
function requirePassword(profile, password) {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(password)) {
    throw new Error('startCodeServer: the password must be at least 16 characters of A-Z a-z 0-9 _ -');
  }
  // The login page's own text points at the config file; ours says where the password really is.
  const welcome = 'Enter the password that npm start printed in its terminal, under the address.';
  writeFileSync(profile.configFile, `auth: password\npassword: "${password}"\nwelcome-text: "${welcome}"\ncert: false\n`, { mode: 0o600 });
}

/**
 * The extension's sandbox runs as a detached process that outlives its window on purpose (a reload
 * reattaches to it: src/sandbox/localSandbox.ts); a server's run must not leave it behind. Its
 * record in the profile's global storage names it.
 */
function stopSandboxProcesses(userDataDir) {
  const globalStorage = join(userDataDir, 'User', 'globalStorage');
  if (!existsSync(globalStorage)) {
    return;
  }
  for (const folder of readdirSync(globalStorage)) {
    const record = join(globalStorage, folder, 'sandbox.json');
    try {
      const { pid } = JSON.parse(readFileSync(record, 'utf8'));
      if (Number.isInteger(pid) && pid > 0) {
        process.kill(pid, 'SIGTERM');
      }
    } catch {
      // No record, or its process already gone.
    }
  }
}

function profileArgs(profile) {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--config', profile.configFile];
}

/**
 * Installs a packaged extension into the profile's isolated extensions folder
 * (`code-server --install-extension`); call before starting the server on that profile.
 * @param {{ codeServerVersion?: string }} [options] the host to install with (default: the default host)
 */
export async function installVsix(vsixPath, profile, { codeServerVersion } = {}) {
  const host = await ensureHost({ version: codeServerVersion });
  const vsix = resolve(vsixPath);
  if (!existsSync(vsix)) {
    throw new Error(`No such VSIX: ${vsix}`);
  }
  const result = await execa(host.nodeBin, [host.codeServerEntry, ...profileArgs(profile), '--install-extension', vsix], {
    env: { ...isolatedBaseEnvironment(), ...profile.env },
    extendEnv: false,
    stdin: 'ignore',
    all: true,
    reject: false,
  });
  const text = (result.all ?? '').trim();
  if (result.failed || /failed|error/i.test(text)) {
    throw new Error(`Installing ${vsix} failed (${result.shortMessage ?? 'it printed an error'}):\n${text}`);
  }
  return text;
}

/**
 * Links an extension folder into the profile's extensions folder as if it were installed
 * (`publisher.name-version` -> the folder): the server then loads it with no URL payload, so
 * it can run without enable-smoke-test-driver, and notification toasts show. Call before
 * starting the server on that profile (it registers the extensions it finds at first start).
 */
export function linkExtension(extensionPath, profile) {
  const folder = resolve(extensionPath);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const link = join(profile.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase());
  symlinkSync(folder, link, 'dir');
  return link;
}

/** `preferred` when it is free, else (unless `strict`) any free port. */
async function choosePort(preferred, { strict = false } = {}) {
  const port = await getPort({ host: '127.0.0.1', ...(preferred ? { port: preferred } : {}) });
  if (strict && preferred && port !== preferred) {
    throw new Error(`Port ${preferred} on 127.0.0.1 is in use`);
  }
  return port;
}

/**
 * Resolves with undefined once GET `url` answers 2xx, or with what `exited` resolves with should
 * the server exit first (no point waiting out the timeout then); rejects after `timeoutMs`.
 */
function waitUntilAnswering(url, exited, timeoutMs) {
  const answering = waitOn({
    resources: [url.replace(/^http:/, 'http-get:')],
    interval: 100,
    httpTimeout: 2000,
    timeout: timeoutMs,
    proxy: false, // axios would otherwise send 127.0.0.1 through an HTTP(S)_PROXY of the environment
  });
  // wait-on cannot be cancelled: after an early exit it polls on, unheard, until its timeout.
  return Promise.race([answering.then(() => undefined), exited]);
}

/**
 * Starts code-server on 127.0.0.1 and waits until GET /healthz answers.
 *
 * @param {object} options
 * @param {string} options.workspace folder the server opens by default
 * @param {Record<string, string>} [options.env] extra variables for the server and so the extension host
 * @param {Record<string, unknown>} [options.userSettings] merged over DEFAULT_USER_SETTINGS
 * @param {number} [options.port] preferred port; a free one when unset or (unless strictPort) busy
 * @param {boolean} [options.strictPort]
 * @param {string | string[]} [options.vsix] packaged extension(s) to install first
 * @param {string | string[]} [options.link] extension folder(s) to load as installed (see linkExtension)
 * @param {boolean} [options.keepProfile] keep the temporary folders after stop() (also FSX_HOST_KEEP=1)
 * @param {(line: string) => void} [options.onOutput] gets each line code-server prints
 * @param {number} [options.startTimeoutMs]
 * @param {(profile: ReturnType<typeof createProfile>) => void | Promise<void>} [options.beforeStart]
 *   called with the isolated folders before the server starts (to add files, link an extension)
 * @param {boolean} [options.smokeTestDriver] pass enable-smoke-test-driver (default true): the
 *   workbench then honours the URL payload (extensionDevelopmentPath, extensionTestsPath) and
 *   codeAutomationExit, but shows no notification toasts (they go to the notifications center)
 * @param {string} [options.codeServerVersion] the host to run (see ensureHost; default: the default host)
 * @param {string[]} [options.extraArgs] more code-server arguments (`--log trace`)
 * @param {string} [options.password] require this password at code-server's login page
 *   (`--auth password`); without it the server has no authentication (`--auth none`), which only
 *   automated runs use. Written to the profile's config file (its folder is private to this user),
 *   never to the command line or the environment, where other processes and the terminals would see it.
 */
export async function startCodeServer({
  workspace,
  env = {},
  userSettings = {},
  port: preferredPort,
  strictPort = false,
  vsix = [],
  keepProfile = process.env.FSX_HOST_KEEP === '1',
  onOutput,
  startTimeoutMs = 60_000,
  beforeStart,
  smokeTestDriver = true,
  link = [],
  codeServerVersion,
  extraArgs = [],
  password,
}) {
  if (!workspace || !existsSync(workspace)) {
    throw new Error(`startCodeServer: workspace folder ${workspace} does not exist`);
  }
  const host = await ensureHost({ version: codeServerVersion });
  const profile = createProfile({ userSettings });
  try {
    for (const file of [vsix].flat()) {
      await installVsix(file, profile, { codeServerVersion });
    }
    for (const folder of [link].flat()) {
      linkExtension(folder, profile);
    }
    if (password !== undefined) {
      requirePassword(profile, password);
    }
    await beforeStart?.(profile);
  } catch (error) {
    profile.remove(); // unlinks links, never follows them
    throw error;
  }
  const port = await choosePort(preferredPort, { strict: strictPort });
  const args = [
    host.codeServerEntry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    password === undefined ? 'none' : 'password',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(smokeTestDriver ? host.smokeTestDriverArgs : []),
    ...extraArgs,
    ...profileArgs(profile),
    resolve(workspace),
  ];
  const serverEnv = { ...isolatedBaseEnvironment(), ...profile.env, ...env };
  const child = execa(host.nodeBin, args, {
    cwd: profile.home,
    env: serverEnv,
    extendEnv: false,
    stdin: 'ignore',
    all: true,
    buffer: false,
    reject: false,
    detached: true, // its own process group: Ctrl-C goes to us, and stop() takes the whole group
  });
  // Its own process group also means a terminal's Ctrl-C does not reach it: kill it when this
  // process ends, on a signal too. signal-exit leaves a signal to the process's own handlers
  // when it has some (start.mjs, Playwright's) and runs this at their process.exit().
  const removeExitHook = onExit(() => {
    killTreeSync(child.pid);
    if (!keepProfile) {
      profile.remove();
    }
  });

  const logStream = createWriteStream(profile.serverLog);
  const recent = [];
  const output = (async () => {
    for await (const line of child.iterable({ from: 'all' })) {
      if (!logStream.writableEnded) {
        logStream.write(`${line}\n`);
      }
      recent.push(line);
      if (recent.length > 60) {
        recent.shift();
      }
      onOutput?.(line);
    }
  })().catch(() => {}); // the output ends with the process, however it ends
  // 'exit' first: execa's result waits for the output pipes too, which a grandchild may hold
  // open; the result still comes when the process never started (no 'exit' then).
  const exited = new Promise((resolvePromise) => {
    child.once('exit', (code, signal) => resolvePromise({ code, signal }));
    child.then(({ exitCode, signal }) => resolvePromise({ code: exitCode, signal }));
  });

  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async ({ keep = keepProfile } = {}) => {
    if (stopped) {
      return;
    }
    stopped = true;
    await killTree(child.pid);
    stopSandboxProcesses(profile.userDataDir);
    removeExitHook();
    await Promise.race([output, delay(1000)]); // the last lines, unless someone still holds the pipe
    await new Promise((resolvePromise) => logStream.end(resolvePromise));
    if (!keep) {
      profile.remove();
    }
  };

  let exitInfo;
  try {
    exitInfo = await waitUntilAnswering(`${url}/healthz`, exited, startTimeoutMs);
  } catch {
    await stop({ keep: true });
    throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs} ms; log: ${profile.serverLog}`);
  }
  if (exitInfo) {
    await stop({ keep: true });
    throw new Error(
      `code-server exited before it answered (${exitInfo.signal ?? `exit code ${exitInfo.code}`}); ` +
        `log: ${profile.serverLog}\n${recent.join('\n')}`,
    );
  }

  return {
    url,
    port,
    pid: child.pid,
    workspace: resolve(workspace),
    userDataDir: profile.userDataDir,
    extensionsDir: profile.extensionsDir,
    logsDir: profile.logsDir,
    serverLog: profile.serverLog,
    profile,
    host,
    exited,
    recentOutput: () => recent.join('\n'),
    stop,
  };
}
