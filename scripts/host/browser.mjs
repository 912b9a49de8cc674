// Debian's Chromium, driven by playwright-core, opening code-server's workbench. Never
// `npx playwright install`: it downloads a browser, which these machines cannot.
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { onExit } from 'signal-exit';
import { aptInstallHint } from './install.mjs';

export const CHROMIUM_PATH = process.env.FSX_CHROMIUM_PATH || '/usr/bin/chromium';

/** Without the networking flags Chromium keeps trying hosts a closed network refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Starts Chromium with a fresh profile and one page.
 * @param {{ headless?: boolean, viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, profileDir: string, close(): Promise<void> }>}
 */
export async function launchBrowser({ headless = process.env.FSX_HEADED !== '1', viewport = { width: 1400, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with:\n  ${aptInstallHint(['chromium'])}`);
  }
  const root = mkdtempSync(join(tmpdir().length <= 24 ? tmpdir() : '/tmp', 'fsxb-'));
  const profileDir = join(root, 'profile');
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    args: CHROMIUM_ARGS,
    viewport,
    // Chromium writes to HOME (NSS database, crash reports) even with its own profile.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Playwright closes the browser itself on Ctrl-C; the folders go when this process exits.
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  const removeExitHook = onExit(removeRoot);
  let closed = false;
  return {
    context,
    page,
    profileDir,
    async close() {
      if (closed) {
        return;
      }
      closed = true;
      await context.close().catch(() => {});
      removeExitHook();
      removeRoot();
    },
  };
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`: how the web workbench names a server-side path. */
export function remoteUri(serverUrl, path) {
  const { host } = new URL(serverUrl);
  return `vscode-remote://${host}${encodeURI(resolve(path))}`;
}

/**
 * The workbench address for `folder` (or the `.code-workspace` file `workspaceFile`), with the
 * extension loaded from extensionDevelopmentPath and tests run from extensionTestsPath (both
 * optional; paths on the server's machine). The payload is honoured because the server runs
 * with enable-smoke-test-driver.
 */
export function workbenchUrl({ url, folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath }) {
  const payload = [];
  for (const path of [extensionDevelopmentPath ?? []].flat()) {
    payload.push(['extensionDevelopmentPath', remoteUri(url, path)]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remoteUri(url, extensionTestsPath)]);
  }
  let address = workspaceFile ? `${url}/?workspace=${encodeURIComponent(resolve(workspaceFile))}` : `${url}/?folder=${encodeURIComponent(resolve(folder))}`;
  if (payload.length > 0) {
    address += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return address;
}

/** A console message as the browser would print it: %c styles dropped, %s/%d/%o filled in. */
async function formatConsoleMessage(message) {
  let values;
  try {
    // Errors as their stack, objects as JSON, everything else as is (evaluated in the page).
    values = await Promise.all(
      message.args().map((handle) =>
        handle.evaluate((value) => {
          if (value instanceof Error) {
            return value.stack || String(value);
          }
          if (typeof value === 'object' && value !== null) {
            try {
              return JSON.stringify(value);
            } catch {
              return String(value);
            }
          }
          return value;
        }),
      ),
    );
  } catch {
    return message.text();
  }
  if (values.length === 0) {
    return message.text();
  }
  return formatValues(values);
}

/** printf-style formatting as console.log does it (%c dropped), for already-evaluated values. */
function formatValues(values) {
  const show = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  const rest = [...values];
  const format = (template) =>
    template.replace(/%[csdifjoO%]/g, (specifier) => {
      if (specifier === '%%') {
        return '%';
      }
      if (rest.length === 0) {
        return specifier;
      }
      const value = rest.shift();
      return specifier === '%c' ? '' : show(value);
    });
  const first = rest.shift();
  if (typeof first !== 'string') {
    return [first, ...rest].map(show).join(' ');
  }
  let text = format(first);
  // The workbench's logger prints ('%c INFO', 'color: ...', message, ...args): the extension's
  // own format string (mocha's '%s (%dms)', say) is the message, not the first argument.
  if (/^\s*(TRACE|DEBUG|INFO|WARN|ERR)\s*$/.test(text) && typeof rest[0] === 'string') {
    text = `${text} ${format(rest.shift())}`;
  }
  return [text, ...rest.map(show)].join(' ');
}

/** Workbench chatter that is not the extension host's, in the form tests mode prints it. */
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[(reconnection-grace-time|Service Worker|AgentHost[^\]]*|AccountPolicyGate)\]/,
  /ENOTFOUND open-vsx\.org|getaddrinfo ENOTFOUND/,
  /^Started local extension host/,
];

/**
 * The extension host's part of a console line, or undefined. Normally its lines carry an
 * "[Extension Host]" prefix; in a tests run the workbench logs them through its own logger
 * (" INFO message", no prefix), so there every logger line but known workbench chatter counts.
 */
function extensionHostLine(text, testsMode) {
  const prefixed = /^\[Extension Host\] ?([\s\S]*)$/.exec(text);
  if (prefixed) {
    return `[Extension Host] ${prefixed[1].trimEnd()}`;
  }
  if (!testsMode) {
    return undefined;
  }
  const logged = /^ {0,2}(TRACE|DEBUG|INFO|WARN|ERR) ([\s\S]*)$/.exec(text);
  if (!logged || WORKBENCH_NOISE.some((pattern) => pattern.test(logged[2]))) {
    return undefined;
  }
  return `[Extension Host] ${logged[1] === 'INFO' ? '' : `${logged[1]} `}${logged[2].trimEnd()}`;
}

/**
 * Opens the workbench in `page` and waits until it has rendered.
 *
 * With extensionTestsPath, the workbench calls window.codeAutomationExit(code) when the tests'
 * run() settles: `exitCode` resolves with that code (0 passed, 1 failed).
 * Extension-host console lines (as `[Extension Host] ...`) go to `onExtensionHostLog`
 * (default: stdout); `extensionHostLog()` returns all of them so far, and `workbenchLogs()`
 * the browser-side log files the workbench handed over at exit; `flush()` resolves when every
 * console line received so far has been passed on.
 *
 * @returns {Promise<{ page: import('playwright-core').Page, url: string, exitCode: Promise<number> | undefined, flush(): Promise<void>, extensionHostLog(): string[], workbenchLogs(): { relativePath: string, contents: string }[] }>}
 */
export async function openWorkbench({
  page,
  url,
  folder,
  workspaceFile,
  extensionDevelopmentPath,
  extensionTestsPath,
  onExtensionHostLog = (line) => console.log(line),
  onPageError,
  timeoutMs = 60_000,
}) {
  const address = workbenchUrl({ url, folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath });
  const lines = [];
  const testsMode = Boolean(extensionTestsPath);
  let queue = Promise.resolve(); // keeps lines in order although formatting is async
  page.on('console', (message) => {
    queue = queue.then(async () => {
      const line = extensionHostLine(await formatConsoleMessage(message), testsMode);
      if (line !== undefined) {
        lines.push(line);
        onExtensionHostLog?.(line);
      }
    });
  });
  if (onPageError) {
    page.on('pageerror', onPageError);
  }
  let exitCode;
  let workbenchLogs = [];
  if (extensionTestsPath) {
    let resolveExit;
    exitCode = new Promise((resolvePromise) => {
      resolveExit = resolvePromise;
    });
    // Must be registered before navigation. The workbench passes the exit code and its own
    // log files ({ relativePath, contents }[]).
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      workbenchLogs = Array.isArray(logs) ? logs : [];
      resolveExit(Number(code));
    });
  }
  await page.goto(address, { timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  // Console events all arrive before the exit call, but their formatting is async: flush()
  // waits for it, so nothing prints after a caller's own summary.
  const flush = async () => {
    let pending;
    do {
      pending = queue;
      await pending;
    } while (pending !== queue);
  };
  return { page, url: address, exitCode, flush, extensionHostLog: () => [...lines], workbenchLogs: () => workbenchLogs };
}
