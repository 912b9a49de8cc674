// `npm test`: every tier, in order, each with its own counts, then one closing line
// "N passed, N failed". Installs the real VS Code host on first use (cached in .vscode-test/).
//
//   static   tsc (strict) and eslint, zero warnings
//   unit     plain-Node tests of the vscode-free core (fake FsxApi allowed: pure logic)
//   boundary the real FSxClient over HTTP against the emulator
//   cli      the real AWS CLI (when installed) and the emulator's own CLI
//   host     the extension-host suite inside a real VS Code (code-server), source folder
//   ui       the UI scenario in headless Chromium, source folder
//   package  the .vsix built by vsce: the host suite and the UI scenario on the installed package
//   compat   the same .vsix, host suite and UI scenario, in code-server 4.100.3: VS Code 1.100,
//            the minimum engines.vscode (installs that older host beside the default on first use)
//
// FSX_TEST_TIERS=unit,boundary runs only those tiers.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { COMPAT_CODE_SERVER_VERSION, ensureHost } from './host/install.mjs';
import { repoRoot, resultsDir } from './host/paths.mjs';
import { runExtensionTests } from './host/runExtensionTests.mjs';

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const vsixPath = join(resultsDir, 'fsx-data-repository-tasks.vsix');
const selected = process.env.FSX_TEST_TIERS?.split(',').map((tier) => tier.trim());
const results = [];

/** Runs a command, echoing its output; resolves with { code, output }. */
function run(command, args, { env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Mocha's spec reporter summary: "N passing", "N failing", "N pending". */
function mochaCounts(output) {
  const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(output)?.[1] ?? 0);
  return { passed: count('passing'), failed: count('failing'), skipped: count('pending') };
}

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

async function mochaTier(name, specs, extra = []) {
  await tier(name, async () => {
    const { code, output } = await run(bin('mocha'), ['--config', join('test', '.mocharc.json'), ...specs, ...extra]);
    const counts = mochaCounts(output);
    // A crash before any summary still fails the tier.
    return code !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
  });
}

/** Reads the counts the extension-host run() wrote; a missing file means the run never finished. */
function hostCounts(file, code) {
  if (!existsSync(file)) {
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const { passed, failed, pending } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed, failed: failed || (code === 0 ? 0 : 1), skipped: pending };
}

async function hostTier(name, options) {
  await tier(name, async () => {
    const resultsFile = join(resultsDir, `${name}-results.json`);
    rmSync(resultsFile, { force: true });
    const code = await runExtensionTests({ ...options, resultsFile });
    return hostCounts(resultsFile, code);
  });
}

async function uiTier(name, env) {
  await tier(name, async () => {
    const { code, output } = await run(bin('mocha'), ['--timeout', '200000', 'test/ui/scenario.test.mjs'], { env });
    const counts = mochaCounts(output);
    return code !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
  });
}

await tier('static', async () => {
  const tsc = await run(bin('tsc'), ['-p', '.']);
  const lint = await run(bin('eslint'), ['--max-warnings', '0', '.']);
  return { passed: Number(tsc.code === 0) + Number(lint.code === 0), failed: Number(tsc.code !== 0) + Number(lint.code !== 0), skipped: 0 };
});
await mochaTier('unit', ['out/test/unit/**/*.test.js']);
await mochaTier('boundary', ['out/test/boundary/**/*.test.js']);
await mochaTier('cli', ['out/test/cli/**/*.test.js']);

const needsHost = !selected || ['host', 'ui', 'package'].some((name) => selected.includes(name));
if (needsHost) {
  await ensureHost();
  const build = await run(process.execPath, ['esbuild.js']);
  if (build.code !== 0) {
    results.push({ name: 'build', seconds: 0, passed: 0, failed: 1, skipped: 0 });
  }
}
await hostTier('host', {});
await uiTier('ui', {});

if (!selected || selected.includes('package') || selected.includes('compat')) {
  const packaged = await run(bin('vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsixPath]);
  if (packaged.code !== 0) {
    results.push({ name: 'package', seconds: 0, passed: 0, failed: 1, skipped: 0 });
  } else {
    await hostTier('package-host', { vsix: vsixPath });
    await uiTier('package-ui', { FSX_UI_VSIX: vsixPath });
    if (!selected || selected.includes('compat')) {
      await ensureHost({ version: COMPAT_CODE_SERVER_VERSION });
    }
    await hostTier('compat-host', { vsix: vsixPath, codeServerVersion: COMPAT_CODE_SERVER_VERSION });
    await uiTier('compat-ui', { FSX_UI_VSIX: vsixPath, FSX_UI_HOST_VERSION: COMPAT_CODE_SERVER_VERSION });
  }
}

console.log('\n==== summary ====');
for (const result of results) {
  const skipped = result.skipped ? `, ${result.skipped} skipped` : '';
  console.log(`${result.name.padEnd(13)} ${result.passed} passed, ${result.failed} failed${skipped} (${result.seconds.toFixed(1)} s)`);
}
const total = results.reduce((sum, result) => ({ passed: sum.passed + result.passed, failed: sum.failed + result.failed, skipped: sum.skipped + result.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
