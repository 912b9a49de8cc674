// `npm start`: the extension in a real VS Code (code-server) you open in your own browser,
// against the built-in FSx sandbox (FSX_SANDBOX=1), with no AWS account and no VS Code install.
//
//   npm start                    # port 8080, or PORT=9000 npm start; a free port if busy
//   node scripts/start.mjs --no-build --workspace some/folder
//   node scripts/start.mjs --payload   # as an Extension Development Host (see below)
//
// Installs the host on first use (about 2 minutes), builds the extension (node esbuild.js),
// starts code-server and prints the address to open. Ctrl-C stops everything.
//
// By default this folder is linked into the server's (throw-away) extensions folder, so VS Code
// loads it as an installed extension and behaves as it does for users: notifications show as
// toasts. With --payload it is loaded through the URL instead (extensionDevelopmentPath), which
// needs the server's smoke-test driver, and that driver turns toasts off: notifications then
// appear only under the bell in the status bar. After a rebuild, reload the browser window.
//
// The server asks for a password, a new random one each run, printed with the address. It binds
// to 127.0.0.1 only, but without a password any web page open in any browser on this machine
// could reach it through DNS rebinding (a name of the page's own that resolves to 127.0.0.1;
// code-server checks that a WebSocket's Origin matches its Host, and both are then the page's
// name), and so could every other user of the machine: both would get the workbench, its terminal
// and everything this user can run. The login cookie is set for 127.0.0.1 only, and the password
// is in no URL, command line or environment variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { startCodeServer } from './host/codeServer.mjs';
import { workbenchUrl } from './host/browser.mjs';
import { ensureHost } from './host/install.mjs';
import { cacheDir, repoRoot } from './host/paths.mjs';

const DEFAULT_PORT = 8080;

async function build() {
  await execa(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
}

/** A small folder to open, kept between runs in the ignored .vscode-test/. */
function sampleWorkspace() {
  const folder = join(cacheDir, 'sample-workspace');
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'README.md'),
      '# Sample workspace\n\nOpened by `npm start`. The FSx view in the activity bar talks to the built-in\n' +
        'sandbox emulator (FSX_SANDBOX=1), so no AWS account is needed.\n',
    );
  }
  return folder;
}

async function main() {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      workspace: { type: 'string' },
      'extension-path': { type: 'string' },
      port: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      payload: { type: 'boolean', default: false },
    },
  });
  const extensionPath = resolve(values['extension-path'] ?? repoRoot);
  const requestedPort = Number(values.port ?? process.env.PORT ?? DEFAULT_PORT);

  const host = await ensureHost();
  if (!values['no-build'] && extensionPath === repoRoot) {
    console.log('[start] building the extension (node esbuild.js)');
    await build();
  }
  const workspace = resolve(values.workspace ?? sampleWorkspace());

  let server;
  let stopping = false;
  const stop = async (reason) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`\n[start] ${reason}: stopping code-server`);
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('Ctrl-C'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));

  const password = randomBytes(18).toString('base64url');
  server = await startCodeServer({
    workspace,
    password,
    port: requestedPort,
    env: { FSX_SANDBOX: '1' },
    link: values.payload ? [] : [extensionPath],
    smokeTestDriver: values.payload,
    onOutput: values.verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
  });
  if (stopping) {
    await server.stop();
    return;
  }
  if (server.port !== requestedPort) {
    console.log(`[start] port ${requestedPort} is busy: using ${server.port}`);
  }
  const address = workbenchUrl({
    url: server.url,
    folder: workspace,
    extensionDevelopmentPath: values.payload ? extensionPath : undefined,
  });
  console.log(`[start] code-server ${host.version} (VS Code ${host.vscodeVersion}), sandbox mode, logs in ${server.logsDir}`);
  console.log(`Open ${address} in your browser`);
  console.log(`Password: ${password}  (asked once by code-server's login page; a new one each run)`);
  console.log('[start] Ctrl-C stops it');

  const { code, signal } = await server.exited;
  if (!stopping) {
    console.error(`[start] code-server exited on its own (${signal ?? `exit code ${code}`}); its output:\n${server.recentOutput()}`);
    await server.stop({ keep: true });
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
