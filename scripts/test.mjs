// `npm test`: every tier, in order, each with its own counts, then one closing line
// "N passed, N failed". Installs the real VS Code host on first use (cached in .vscode-test/).
//
//   static   tsc (strict), eslint with zero warnings, the layer rules and no import cycle
//   unit     plain-Node tests of the vscode-free core (fake FsxApi allowed: pure logic)
//   boundary the real FSxClient over HTTP against the emulator
//   cli      the real AWS CLI (when installed) and the emulator's own CLI
//   host     the extension-host suite inside a real VS Code (code-server), on the packaged .vsix
//            (what users install: built by vsce with the production bundles); then host-idle-*,
//            a window that has not used the extension, woken by a command, the view, a document
//   ui       the UI scenario in headless Chromium, on the same .vsix
//   soak-short  scripts/soak.mjs for 6 simulated hours with two reloads (about 2 minutes)
//   compat   the same .vsix in code-server 4.100.3 (VS Code 1.100, the minimum engines.vscode;
//            installs that older host beside the default on first use): the host suite's files
//            that go through workbench APIs, and a smoke of the UI scenario
//
// Each suite runs once per host version: the source folder's bundles are the packaged ones
// without minification, so a second run of the suite on them found nothing the package run did not.
//
// FSX_TEST_TIERS=unit,boundary runs only those tiers.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { COMPAT_CODE_SERVER_VERSION, ensureHost } from './host/install.mjs';
import { repoRoot, resultsDir } from './host/paths.mjs';
import { runExtensionTests } from './host/runExtensionTests.mjs';

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const vsixPath = join(resultsDir, 'fsx-data-repository-tasks.vsix');
const selected = process.env.FSX_TEST_TIERS?.split(',').map((tier) => tier.trim());
const results = [];

/** Runs a command with its output on ours; resolves with its exit code (1 when it did not start). */
async function run(command, args, { env = {} } = {}) {
  const result = await execa(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'], reject: false });
  if (result.failed && result.exitCode === undefined) {
    console.error(result.shortMessage);
  }
  return result.exitCode ?? 1;
}

/**
 * Counts from the JSON file a run wrote (`read` picks passed, failed and skipped from it). A
 * missing file means the run never finished, and a failing exit code with no failure counted
 * (a crash after the counts, a failed hook outside any test) fails the tier too.
 */
function countsFrom(file, code, read) {
  if (!existsSync(file)) {
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  return { ...counts, failed: counts.failed || (code === 0 ? 0 : 1) };
}

const mochaStats = ({ passes, failures, pending }) => ({ passed: passes, failed: failures, skipped: pending });
const hostResults = ({ passed, failed, pending }) => ({ passed, failed, skipped: pending });

async function tier(name, body) {
  if (selected && !selected.some((wanted) => name === wanted || name.startsWith(`${wanted}-`))) {
    return;
  }
  console.log(`\n==== ${name} ====`);
  const started = Date.now();
  let outcome;
  try {
    outcome = await body();
  } catch (error) {
    console.error(error);
    outcome = { passed: 0, failed: 1, skipped: 0 };
  }
  results.push({ name, seconds: (Date.now() - started) / 1000, ...outcome });
}

/** A mocha run whose counts come from runner.stats (scripts/mochaStatsReporter.js). */
async function mocha(name, args, env) {
  const statsFile = join(resultsDir, `${name}-stats.json`);
  rmSync(statsFile, { force: true });
  mkdirSync(resultsDir, { recursive: true });
  const reporter = ['--reporter', join('scripts', 'mochaStatsReporter.js'), '--reporter-option', `stats=${statsFile}`];
  const code = await run(bin('mocha'), [...args, ...reporter], { env });
  return countsFrom(statsFile, code, mochaStats);
}

async function mochaTier(name, specs) {
  await tier(name, () => mocha(name, ['--config', join('test', '.mocharc.json'), ...specs]));
}

async function hostTier(name, options) {
  await tier(name, async () => {
    const resultsFile = join(resultsDir, `${name}-results.json`);
    rmSync(resultsFile, { force: true });
    const code = await runExtensionTests({ ...options, resultsFile });
    return countsFrom(resultsFile, code, hostResults);
  });
}

async function uiTier(name, env, files = ['test/ui/*.test.mjs'], extra = []) {
  await tier(name, () => mocha(name, ['--timeout', '200000', ...extra, ...files], env));
}

/**
 * The UI scenario's steps the minimum version runs: the view, a task's row, a cancel from the
 * context menu and the tracked task across a reload. The whole scenario runs once, in `ui`; what
 * differs between host versions is the workbench the extension draws into, which these cover.
 */
const UI_SMOKE = ['--grep', 'shows the sandbox|expands a file system|cancels an executing task|keeps a tracked task'];

/**
 * The host suite's files the minimum version runs: those whose tests go through a workbench API
 * that could behave differently in an older VS Code (activation and registration, the tree and
 * its filter, the status bar, documents and webviews, Markdown and notifications with outside
 * text, chat tools, file decorations, settings, the log files the secret scan reads). The other
 * files test the product's own logic (profiles, endpoints, associations, arguments...) through
 * the same calls, and run in `host`; their per-file seconds are in host-results.json.
 */
const COMPAT_HOST_FILES = [
  'activation',
  'explorer',
  'filter',
  'tracking',
  'startTasks',
  'outcomes',
  'hostile',
  'outsideText',
  'chatTools',
  'exportState',
  'settings',
  'zz-secrets',
].join(',');

await tier('static', async () => {
  const tsc = await run(bin('tsc'), ['-p', '.']);
  const lint = await run(bin('eslint'), ['--max-warnings', '0', '.']);
  // The layer table of docs/ARCHITECTURE.md and no import cycle (.dependency-cruiser.cjs).
  const layers = await run('npm', ['run', '--silent', 'lint:deps']);
  const codes = [tsc, lint, layers];
  return { passed: codes.filter((code) => code === 0).length, failed: codes.filter((code) => code !== 0).length, skipped: 0 };
});
await mochaTier('unit', ['out/test/unit/**/*.test.js']);
await mochaTier('boundary', ['out/test/boundary/**/*.test.js']);
await mochaTier('cli', ['out/test/cli/**/*.test.js']);

/** Whether a tier of this name (or one of its parts, such as compat-host of compat) was selected. */
const wants = (name) => !selected || selected.some((wanted) => wanted === name || wanted.startsWith(`${name}-`));
const needsHost = ['host', 'ui', 'soak', 'compat'].some(wants);
let packaged = false;
if (needsHost) {
  await ensureHost();
  const code = await run(bin('vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsixPath]);
  packaged = code === 0;
  if (!packaged) {
    results.push({ name: 'package', seconds: 0, passed: 0, failed: 1, skipped: 0 });
  }
}
if (packaged) {
  await hostTier('host', { vsix: vsixPath });
  // A window that has not used the extension (no sandbox, a new workspace): one window per way
  // of waking it, since the main code loads once (test/hostIdle).
  for (const wake of ['command', 'view', 'document']) {
    await hostTier(`host-idle-${wake}`, { vsix: vsixPath, testsPath: join(repoRoot, 'out', 'test', 'hostIdle', wake), env: { FSX_SANDBOX: '', FSX_TEST_FILES: '' } });
  }
  await uiTier('ui', { FSX_UI_VSIX: vsixPath });
}
await tier('soak-short', async () => {
  const { runSoak } = await import('./soak.mjs');
  const summary = await runSoak({ hours: 6, phases: 3, out: join(resultsDir, 'soak-short.json') });
  return { passed: Number(summary.ok), failed: Number(!summary.ok), skipped: 0 };
});
if (packaged && wants('compat')) {
  await ensureHost({ version: COMPAT_CODE_SERVER_VERSION });
  await hostTier('compat-host', { vsix: vsixPath, codeServerVersion: COMPAT_CODE_SERVER_VERSION, env: { FSX_TEST_FILES: COMPAT_HOST_FILES } });
  await uiTier('compat-ui', { FSX_UI_VSIX: vsixPath, FSX_UI_HOST_VERSION: COMPAT_CODE_SERVER_VERSION }, ['test/ui/scenario.test.mjs'], UI_SMOKE);
}

console.log('\n==== summary ====');
for (const result of results) {
  const skipped = result.skipped ? `, ${result.skipped} skipped` : '';
  console.log(`${result.name.padEnd(13)} ${result.passed} passed, ${result.failed} failed${skipped} (${result.seconds.toFixed(1)} s)`);
}
const total = results.reduce((sum, result) => ({ passed: sum.passed + result.passed, failed: sum.failed + result.failed, skipped: sum.skipped + result.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
