// Runs the extension-host tests inside a real VS Code (code-server + headless Chromium).
// Builds nothing: it expects dist/extension.js (`npm run build`) and the compiled tests
// (`npm run compile-tests`, whose out/test/host/index.js exports the mocha `run()`).
//
//   node scripts/host/runExtensionTests.mjs                 # the extension from this folder
//   node scripts/host/runExtensionTests.mjs --vsix x.vsix   # the packaged extension instead
//   node scripts/host/runExtensionTests.mjs --vsix x.vsix --code-server-version 4.100.3   # on VS Code 1.100
//
// Exit code: the one the tests' run() produced (0 passed), 1 on a timeout or a start failure.
// The tests get FSX_SANDBOX=1 and FSX_TEST_RESULTS=<repo>/test-results/host-results.json.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { onExit } from 'signal-exit';
import { launchBrowser, openWorkbench } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { isMain, repoRoot, resultsDir } from './paths.mjs';

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** The folder the VSIX was installed into: the only extension in the isolated folder. */
export function installedExtensionPath(extensionsDir) {
  const folders = readdirSync(extensionsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  if (folders.length !== 1) {
    throw new Error(`Expected one installed extension in ${extensionsDir}, found: ${folders.map((entry) => entry.name).join(', ') || 'none'}`);
  }
  return join(extensionsDir, folders[0].name);
}

/**
 * @param {object} [options]
 * @param {string} [options.extensionPath] the extension's folder (default: this repository)
 * @param {string} [options.testsPath] folder of the module exporting run() (default: <repo>/out/test/host)
 * @param {string} [options.vsix] test this packaged extension, installed, instead of extensionPath
 * @param {string} [options.workspace] folder to open (default: a new empty temporary folder)
 * @param {string} [options.resultsFile] passed as FSX_TEST_RESULTS
 * @param {Record<string, string>} [options.env] more variables for the extension host
 * @param {number} [options.timeoutMs]
 * @param {string} [options.codeServerVersion] the host to run in (see ensureHost; default: the default host)
 * @returns {Promise<number>} the exit code
 */
export async function runExtensionTests({
  extensionPath = repoRoot,
  testsPath = join(repoRoot, 'out', 'test', 'host'),
  vsix,
  workspace,
  resultsFile = join(resultsDir, 'host-results.json'),
  env = {},
  timeoutMs = DEFAULT_TIMEOUT_MS,
  codeServerVersion,
} = {}) {
  const started = Date.now();
  extensionPath = resolve(extensionPath);
  testsPath = resolve(testsPath);
  if (!vsix) {
    const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
    const main = resolve(extensionPath, manifest.main ?? 'extension.js');
    if (!existsSync(main) && !existsSync(`${main}.js`)) {
      throw new Error(`${main} does not exist: build the extension first (npm run build)`);
    }
  }
  if (!existsSync(join(testsPath, 'index.js'))) {
    throw new Error(`${join(testsPath, 'index.js')} does not exist: compile the tests first (npm run compile-tests)`);
  }
  const ownWorkspace = !workspace;
  workspace = workspace ? resolve(workspace) : mkdtempSync(join(tmpdir(), 'fsx-host-workspace-'));
  const removeWorkspace = () => ownWorkspace && rmSync(workspace, { recursive: true, force: true });
  const removeExitHook = onExit(removeWorkspace); // also after Ctrl-C
  rmSync(resultsFile, { force: true });
  mkdirSync(dirname(resultsFile), { recursive: true });

  const server = await startCodeServer({
    workspace,
    vsix: vsix ? resolve(vsix) : [],
    env: { FSX_SANDBOX: '1', FSX_TEST_RESULTS: resultsFile, ...env },
    codeServerVersion,
    // Every log at its most verbose, so the secret scan (test/host/zz-secrets.test.ts) sees all.
    extraArgs: ['--log', 'trace'],
  });
  // An installed extension is loaded as a development extension from its installed folder:
  // the web workbench runs extensionTestsPath only in an extension-development window.
  const developmentPath = vsix ? installedExtensionPath(server.extensionsDir) : extensionPath;
  console.log(
    `[host-tests] code-server ${server.host.version} (VS Code ${server.host.vscodeVersion}) at ${server.url}; ` +
      `extension ${vsix ? `installed from ${vsix} (${developmentPath})` : `from ${developmentPath}`}; tests ${testsPath}`,
  );

  let browser;
  let code = 1;
  try {
    browser = await launchBrowser();
    const workbench = await openWorkbench({
      page: browser.page,
      url: server.url,
      folder: workspace,
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath: testsPath,
      // At trace level the workbench echoes its own chatter: print the tests' lines, warnings and errors.
      onExtensionHostLog: (line) => !/^\[Extension Host\] (TRACE|DEBUG) /.test(line) && console.log(line),
      onPageError: (error) => console.log(`[host-tests] page error: ${error.message}`),
    });
    let timer;
    const timedOut = new Promise((resolvePromise) => {
      timer = setTimeout(() => resolvePromise('timeout'), timeoutMs);
    });
    const result = await Promise.race([workbench.exitCode, timedOut]);
    clearTimeout(timer);
    await workbench.flush();
    if (result === 'timeout') {
      console.error(`[host-tests] no result within ${timeoutMs / 1000} s: the tests' run() never settled`);
      await browser.page.screenshot({ path: join(resultsDir, 'host-timeout.png') }).catch(() => {});
      code = 1;
    } else {
      code = result;
    }
    if (code !== 0) {
      saveLogs(server, workbench.workbenchLogs());
    }
  } catch (error) {
    console.error(`[host-tests] ${error.stack ?? error}`);
    saveLogs(server, []);
    code = 1;
  } finally {
    await browser?.close();
    await server.stop();
    removeExitHook();
    removeWorkspace();
  }
  console.log(
    `[host-tests] ${code === 0 ? 'passed' : `failed (exit code ${code})`}${summary(resultsFile)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return code;
}

/** ": 30 passed, 3 failed" from the results file the tests wrote, when they wrote counts. */
function summary(resultsFile) {
  try {
    const { passed, failed, pending } = JSON.parse(readFileSync(resultsFile, 'utf8'));
    if (typeof passed === 'number' && typeof failed === 'number') {
      return `: ${passed} passed, ${failed} failed${pending ? `, ${pending} pending` : ''}`;
    }
  } catch {
    // no results file: run() never got that far
  }
  return '';
}

/** Keeps the server's and the workbench's logs of a failed run in test-results/host-logs/. */
function saveLogs(server, workbenchLogs) {
  const target = join(resultsDir, 'host-logs');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  if (existsSync(server.logsDir)) {
    cpSync(server.logsDir, join(target, 'server'), { recursive: true });
  }
  if (existsSync(server.serverLog)) {
    cpSync(server.serverLog, join(target, 'code-server.log'));
  }
  for (const { relativePath, contents } of workbenchLogs) {
    const file = join(target, 'workbench', relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  console.error(`[host-tests] logs kept in ${target}`);
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      vsix: { type: 'string' },
      'extension-path': { type: 'string' },
      'tests-path': { type: 'string' },
      workspace: { type: 'string' },
      'results-file': { type: 'string' },
      timeout: { type: 'string' },
      'code-server-version': { type: 'string' },
    },
  });
  runExtensionTests({
    vsix: values.vsix,
    extensionPath: values['extension-path'],
    testsPath: values['tests-path'],
    workspace: values.workspace,
    resultsFile: values['results-file'],
    timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined,
    codeServerVersion: values['code-server-version'],
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`[host-tests] ${error.message}`);
      process.exitCode = 1;
    },
  );
}
