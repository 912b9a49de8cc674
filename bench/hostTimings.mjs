// Timings a person feels, measured in the real host: the packaged extension installed into
// code-server beside a baseline (bench/companion: one tree view, five static rows, a node with 50
// in-memory children), driven in headless Chromium. Each figure is the median of `samples` window
// loads per extension, the loads of ours and of the baseline interleaved in the same server, each
// starting `SETTLE_MS` after the load's extension host started (the built-in extensions' start-up
// otherwise lands in the sample). The first load of each server is a warm-up.
//
// - activation: VS Code's own figures for this extension ("Load Code" and "Call Activate" of the
//   Startup Performance document's Extension Activation Stats), read by the companion after each
//   demo load of ours: a window that starts the sandbox, so the main code loads at activation.
// - activation.idleWindow: the same figures in a window that has not used the extension (no
//   sandbox, a new workspace whose FSx view is never opened, nothing tracked), where activation's
//   entry stops without the main code; the baseline's after a click on its view, loads interleaved.
//   In the same loads as ours, bench/companion-startup (no code, activated on onStartupFinished like
//   ours): VS Code starts an extension's Load Code timer before an await, so an extension activated
//   with others at start-up is counted their code too; what ours costs beyond that one is ours.
// - firstTree: demo sandbox, view closed (Explorer shown): from the mousedown on the activity bar
//   entry to the first row drawn ('genomics-scratch'; the baseline's 'Baseline row 1'), timed in
//   the page (MutationObserver, then the next animation frame). The baseline activates on the
//   click; ours has activated once start-up finished and started the sandbox and warmed the SDK
//   while the window was idle (warmUp: how many loads had finished that before the click), so the
//   sample is the first listing and rendering.
// - scaleFirstPage: scale sandbox (1,000 file systems), the view open after the reload: from the
//   mousedown on the expand arrow of scale-fs-0001 (10,000 tasks) to its first task row drawn;
//   the baseline's is its node of 50 children. The sandbox is a process of its own, which the
//   reloads reattach to. rtt40: the same with the sandbox answering every request 40 ms late
//   (FSX_SANDBOX_LATENCY_MS), against the baseline's median plus 40 ms.
//
//   node bench/hostTimings.mjs [--vsix test-results/fsx-data-repository-tasks.vsix] [--samples 5] [--only activation|scale]
//
// `--only activation` runs the demo and idle windows' loads (the activation figures, and the first
// tree that comes with the demo's), not the scale scenario's; `scaleFirstPage` is then null.
// `--only scale` runs the scale scenario's alone; the other figures are then null.
// prints the figures as JSON (progress goes to stderr). Build the VSIX first (npm run package).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { execa } from 'execa';
import { isMain, repoRoot, resultsDir } from '../scripts/host/paths.mjs';
import { startUi } from '../scripts/host/uiHarness.mjs';

const OURS = {
  id: 'fsx-tools.fsx-data-repository-tasks',
  container: 'FSx',
  firstRow: { pattern: '^genomics-scratch' },
  parent: 'scale-fs-0001', // the one with 10,000 tasks (src/emulator/scenarios.ts)
  child: 'task-[0-9a-f]',
};
const BASELINE = {
  id: 'fsx-bench.bench-baseline',
  container: 'Baseline Tree',
  firstRow: { pattern: '^Baseline row 1' },
  parent: 'Baseline fifty',
  child: '^Baseline child 01',
};
/** bench/companion-startup: activates on onStartupFinished like ours, with no code. */
const STARTUP_BASELINE_ID = 'fsx-bench.bench-startup-baseline';
const ACTIVATION_MARKER = 'FSX_BENCH_ACTIVATION ';
const ROW_TIMEOUT_MS = 30_000;
const STATE_SAVE_MS = 1000;
const SETTLE_MS = 4000;

/** The simulated round trip of scaleFirstPage.rtt40. */
const RTT_MS = 40;
export const DEFAULT_VSIX = join(repoRoot, 'test-results', 'fsx-data-repository-tasks.vsix');

/** Packages bench/<name> (a companion extension) into test-results/ (never committed) and returns the VSIX path. */
export async function buildCompanion(name = 'companion') {
  const folder = join(resultsDir, `bench-${name}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  cpSync(join(repoRoot, 'bench', name), folder, { recursive: true });
  const vsix = join(resultsDir, `bench-${name}.vsix`);
  await execa(join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository', '--skip-license', '--no-dependencies', '--out', vsix], { cwd: folder });
  return vsix;
}

/**
 * Medians (and every sample) of activation, first tree and the scale scenario's first page,
 * ours against the baseline, each over `samples` window loads of the installed `vsix`.
 * @param {{ vsix?: string, samples?: number, only?: 'activation' | 'scale', progress?: (line: string) => void }} [options]
 */
export async function measureHostTimings({ vsix = DEFAULT_VSIX, samples = 5, only, progress = () => {} } = {}) {
  vsix = resolve(vsix);
  if (!existsSync(vsix)) {
    throw new Error(`No VSIX at ${vsix}: build it first (npm run package)`);
  }
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`samples must be a positive integer, not ${samples}`);
  }
  if (only !== undefined && only !== 'activation' && only !== 'scale') {
    throw new Error(`--only takes activation or scale, not ${only}`);
  }
  const companion = await buildCompanion();
  const startupCompanion = await buildCompanion('companion-startup');
  // --only activation: the demo and idle windows' loads (activation is read in both); --only scale: the scale scenario's.
  const activationToo = only !== 'scale';
  const scaleToo = only !== 'activation';
  const demo = activationToo ? await withUi({ vsix: [vsix, companion], env: { FSX_SANDBOX: '1' } }, (ui, log) => measureDemo(ui, log, samples, progress)) : null;
  const scale = scaleToo ? await withUi({ vsix: [vsix, companion], env: { FSX_SANDBOX: 'scale' } }, (ui) => measureScale(ui, samples, progress)) : null;
  const scaleRtt = scaleToo ? await withUi({ vsix: [vsix, companion], env: { FSX_SANDBOX: 'scale', FSX_SANDBOX_LATENCY_MS: String(RTT_MS) } }, (ui) => measureScale(ui, samples, progress)) : null;
  const idle = activationToo ? await withUi({ vsix: [vsix, companion, startupCompanion], env: { FSX_SANDBOX: '' } }, (ui, log) => measureIdle(ui, log, samples, progress)) : null;
  const scaleFirstPage = scale && scaleRtt ? { ...ratioOf(scale.ours, scale.baseline), rtt40: ratioOf(scaleRtt.ours, scaleRtt.baseline.map((ms) => ms + RTT_MS)) } : null;
  const scaleSamples = { scaleOurs: scale?.ours ?? null, scaleBaseline: scale?.baseline ?? null, scaleRtt40Ours: scaleRtt?.ours ?? null, scaleRtt40Baseline: scaleRtt?.baseline ?? null };
  if (!demo || !idle) {
    return { activation: null, warmUp: null, firstTree: null, scaleFirstPage, settleMs: SETTLE_MS, samples: scaleSamples };
  }
  const activation = {
    ...activationFigures(demo),
    idleWindow: { ...activationFigures(idle), ...sameMomentFigures(idle), dormantLoads: idle.dormant.filter(Boolean).length, loads: idle.dormant.length },
  };
  const warmed = demo.warmUpMs.filter((ms) => ms !== null);
  const warmUp = { loadsWarmedBeforeClick: warmed.length, loads: demo.warmUpMs.length, ms: warmed.length > 0 ? median(warmed) : null };
  return {
    activation,
    warmUp,
    firstTree: ratioOf(demo.ours, demo.baseline),
    scaleFirstPage,
    settleMs: SETTLE_MS,
    samples: { ...demo, ...scaleSamples, idleWindow: idle },
  };
}

/**
 * The start-up baseline's figures, read in the same loads as ours: VS Code's Load Code timer of an
 * extension activated on onStartupFinished starts before an await, so it also counts the code of
 * the extensions activated with it; what ours costs beyond that is ours.
 */
function sameMomentFigures({ codeLoadingMs, activateCallMs, sameMomentBaselineMs }) {
  const ours = codeLoadingMs.map((load, i) => load + activateCallMs[i]);
  return {
    sameMomentBaselineTotalMs: median(sameMomentBaselineMs),
    overSameMomentBaselineMs: median(ours.map((total, i) => total - sameMomentBaselineMs[i])),
  };
}

/** Medians of our Load Code, Call Activate and their sum per load, and of the baseline's sum. */
function activationFigures({ codeLoadingMs, activateCallMs, baselineActivationMs }) {
  return {
    codeLoadingMs: median(codeLoadingMs),
    activateCallMs: median(activateCallMs),
    totalMs: median(codeLoadingMs.map((load, i) => load + activateCallMs[i])),
    baselineTotalMs: median(baselineActivationMs),
  };
}

function ratioOf(ours, baseline) {
  const ms = median(ours);
  const baselineMs = median(baseline);
  return { ms, baselineMs, ratio: Math.round((ms / baselineMs) * 100) / 100 };
}

async function withUi(options, run) {
  const log = [];
  const ui = await startUi({ ...options, onExtensionHostLog: (line) => log.push(line) });
  try {
    return await run(ui, log);
  } finally {
    await ui.close();
  }
}

/** Demo sandbox: loads alternate ours / baseline; per load the mousedown on the entry to its first row. */
async function measureDemo(ui, log, samples, progress) {
  const result = { ours: [], baseline: [], codeLoadingMs: [], activateCallMs: [], baselineActivationMs: [], warmUpMs: [] };
  for (let load = 0; load <= samples * 2 + 1; load++) {
    const subject = load % 2 === 0 ? OURS : BASELINE;
    const host = load === 0 ? await waitForNewExtensionHost(ui, []) : await reloadWithViewClosed(ui, progress);
    await delay(SETTLE_MS);
    if (existsSync(join(host, BASELINE.id))) {
      throw new Error('The baseline activated before the click');
    }
    // Ours activates once start-up has finished (onStartupFinished) and warms the SDK while the
    // window is idle: what it had done by the click is recorded with the sample.
    const warmedUpMs = subject === OURS ? warmUpLogged(host) : undefined;
    const elapsed = await timeInPage(ui, `.activitybar a.action-label[aria-label^="${subject.container}"]`, subject.firstRow, () => activityBarEntry(ui, subject.container).click());
    const stats = await readActivation(ui, log);
    const own = stats[subject.id];
    if (!own) {
      throw new Error(`No activation figures for ${subject.id} in ${JSON.stringify(stats)}`);
    }
    const name = subject === OURS ? 'ours' : 'baseline';
    if (load < 2) {
      progress(`demo warm-up load (${name}): first tree ${elapsed} ms`);
      continue;
    }
    result[name].push(elapsed);
    if (subject === OURS) {
      result.warmUpMs.push(warmedUpMs ?? null);
      result.codeLoadingMs.push(own.codeLoadingMs);
      result.activateCallMs.push(own.activateCallMs);
    } else {
      result.baselineActivationMs.push(own.codeLoadingMs + own.activateCallMs);
    }
    const warm = subject === OURS ? `, warm-up before the click ${warmedUpMs === undefined ? 'not done' : `${warmedUpMs} ms`}` : '';
    progress(`demo load ${load} (${name}): first tree ${elapsed} ms, load code ${own.codeLoadingMs} ms, call activate ${own.activateCallMs} ms${warm}`);
  }
  return result;
}

/**
 * A window that has not used the extension: loads alternate ours / baseline. Ours activates after
 * start-up and is read as it is (nothing of ours is clicked); the baseline activates on a click on
 * its view. Each of our loads records whether our main code stayed unloaded (no log channel).
 */
async function measureIdle(ui, log, samples, progress) {
  const result = { codeLoadingMs: [], activateCallMs: [], baselineActivationMs: [], sameMomentBaselineMs: [], dormant: [] };
  for (let load = 0; load <= samples * 2 + 1; load++) {
    const subject = load % 2 === 0 ? OURS : BASELINE;
    const host = load === 0 ? await waitForNewExtensionHost(ui, []) : await reloadWithViewClosed(ui, progress);
    await delay(SETTLE_MS);
    if (subject === BASELINE) {
      await timeInPage(ui, `.activitybar a.action-label[aria-label^="${BASELINE.container}"]`, BASELINE.firstRow, () => activityBarEntry(ui, BASELINE.container).click());
    }
    const stats = await readActivation(ui, log);
    const own = stats[subject.id];
    const sameMoment = stats[STARTUP_BASELINE_ID];
    if (!own || !sameMoment) {
      throw new Error(`No activation figures for ${own ? STARTUP_BASELINE_ID : subject.id} in the idle window`);
    }
    // Recorded, not required, so that the code before the entry existed can be measured too.
    const dormant = !mainCodeRan(host);
    const name = subject === OURS ? 'ours' : 'baseline';
    if (load < 2) {
      progress(`idle-window warm-up load (${name})`);
      continue;
    }
    if (subject === OURS) {
      result.codeLoadingMs.push(own.codeLoadingMs);
      result.activateCallMs.push(own.activateCallMs);
      result.dormant.push(dormant);
      result.sameMomentBaselineMs.push(sameMoment.codeLoadingMs + sameMoment.activateCallMs);
    } else {
      result.baselineActivationMs.push(own.codeLoadingMs + own.activateCallMs);
    }
    const ourDetails = `, main code ${dormant ? 'not loaded' : 'loaded'}; start-up baseline ${sameMoment.codeLoadingMs} + ${sameMoment.activateCallMs} ms`;
    progress(`idle-window load ${load} (${name}): load code ${own.codeLoadingMs} ms, call activate ${own.activateCallMs} ms${subject === OURS ? ourDetails : ''}`);
  }
  return result;
}

/** Whether our main code ran in this extension host: it creates the log channel, activation's entry does not. */
function mainCodeRan(host) {
  const folder = join(host, OURS.id);
  return existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.log'));
}

/** Scale sandbox: loads alternate ours / baseline; per load the mousedown on the expand arrow to the first child drawn. */
async function measureScale(ui, samples, progress) {
  const result = { ours: [], baseline: [] };
  for (let load = 0; load <= samples * 2 + 1; load++) {
    const subject = load % 2 === 0 ? OURS : BASELINE;
    if (load > 0) {
      await reload(ui);
    }
    await ui.openViewContainer(subject.container);
    const parent = ui.treeRow(subject.parent, { exact: true });
    await parent.waitFor({ state: 'visible', timeout: ROW_TIMEOUT_MS * 2 });
    if ((await parent.getAttribute('aria-expanded')) !== 'false') {
      throw new Error(`${subject.parent} is not collapsed after the reload (aria-expanded=${await parent.getAttribute('aria-expanded')})`);
    }
    await delay(SETTLE_MS);
    const level = Number(await parent.getAttribute('aria-level'));
    const index = Number(await parent.getAttribute('data-index'));
    const twistie = parent.locator('.monaco-tl-twistie');
    // The first task row, wherever it is among the children (ours puts Associations first).
    const elapsed = await timeInPage(ui, undefined, { pattern: subject.child, level: level + 1 }, () => twistie.click(), index);
    // Collapse again, so that a restored tree state cannot start the next load expanded.
    await twistie.click();
    await ui.page.locator(`.monaco-list-row[aria-level="${level + 1}"]`).first().waitFor({ state: 'hidden' });
    const name = subject === OURS ? 'ours' : 'baseline';
    if (load < 2) {
      progress(`scale warm-up load (${name}): first page ${elapsed} ms`);
      continue;
    }
    result[name].push(elapsed);
    progress(`scale load ${load} (${name}): first page ${elapsed} ms`);
  }
  return result;
}

/**
 * Arms an in-page timer on the next mousedown (on `selector`, or on the list row at
 * `parentIndex`), runs `click`, and resolves with the ms from that mousedown to the frame after
 * the first `.monaco-list-row` matching `row` ({ pattern, level?, index? }) is in the DOM.
 */
async function timeInPage(ui, selector, row, click, parentIndex) {
  /* global document, window, MutationObserver, requestAnimationFrame -- this callback runs in the page */
  await ui.page.evaluate(
    ({ selector, row, parentIndex }) => {
      const matches = () =>
        [...document.querySelectorAll('.monaco-list-row')].some(
          (element) =>
            (row.level === undefined || element.getAttribute('aria-level') === String(row.level)) &&
            (row.index === undefined || element.getAttribute('data-index') === String(row.index)) &&
            new RegExp(row.pattern).test(element.textContent.trim()),
        );
      const isTarget = (target) => (selector ? target.closest(selector) : target.closest(`.monaco-list-row[data-index="${parentIndex}"] .monaco-tl-twistie`));
      window.__fsxBenchTimer = new Promise((resolve) => {
        const onDown = (event) => {
          if (!isTarget(event.target)) {
            return;
          }
          document.removeEventListener('mousedown', onDown, true);
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (matches()) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - started));
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        };
        document.addEventListener('mousedown', onDown, true);
      });
    },
    { selector, row, parentIndex },
  );
  await click();
  const elapsed = await Promise.race([ui.page.evaluate(() => window.__fsxBenchTimer), delay(ROW_TIMEOUT_MS).then(() => undefined)]);
  if (elapsed === undefined) {
    throw new Error(`No row matching ${JSON.stringify(row)} within ${ROW_TIMEOUT_MS} ms`);
  }
  return round(elapsed);
}

/** Runs the companion's reader and returns the host's activation figures, by extension id. */
async function readActivation(ui, log, timeoutMs = 30_000) {
  const before = log.length;
  await ui.runCommand('Bench: Report Activation Times');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = log.slice(before).find((entry) => entry.includes(ACTIVATION_MARKER));
    if (line) {
      const report = JSON.parse(line.slice(line.indexOf(ACTIVATION_MARKER) + ACTIVATION_MARKER.length));
      if (report.error) {
        throw new Error(`The companion could not read the activation figures: ${line}`);
      }
      return report.stats;
    }
    await delay(50);
  }
  throw new Error(`No activation report within ${timeoutMs} ms`);
}

/**
 * Reloads the window with the Explorer shown, so the load starts with the FSx view closed and
 * the extension idle. The workbench saves which view is shown when it gets to it: should the
 * FSx view come back open anyway, that load activated the extension and another one is needed.
 */
async function reloadWithViewClosed(ui, progress, attempts = 3) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await showExplorer(ui);
    await delay(STATE_SAVE_MS);
    const before = extensionHostDirs(ui);
    await reload(ui);
    const host = await waitForNewExtensionHost(ui, before);
    if (!(await viewContainerOpen(ui, OURS.container)) && !(await viewContainerOpen(ui, BASELINE.container))) {
      return host;
    }
    progress(`a measured view came back open after reload ${attempt}; reloading again`);
  }
  throw new Error(`A measured view came back open after ${attempts} reloads with the Explorer shown`);
}

/** The ms of the idle warm-up our extension logged in this extension host, if it has finished. */
function warmUpLogged(host) {
  const folder = join(host, OURS.id);
  if (!existsSync(folder)) {
    return undefined;
  }
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.log'))) {
    const match = /Warmed up the FSx client in (\d+) ms/.exec(readFileSync(join(folder, file), 'utf8'));
    if (match) {
      return Number(match[1]);
    }
  }
  return undefined;
}

function activityBarEntry(ui, title) {
  return ui.page.locator(`.activitybar a.action-label[aria-label^="${title}"]`);
}

async function viewContainerOpen(ui, title) {
  return (await ui.page.locator(`.activitybar .action-item.checked a.action-label[aria-label^="${title}"]`).count()) > 0;
}

async function showExplorer(ui) {
  if (!(await viewContainerOpen(ui, 'Explorer'))) {
    await activityBarEntry(ui, 'Explorer').click();
    await ui.page.locator('.activitybar .action-item.checked a.action-label[aria-label^="Explorer"]').waitFor();
  }
}

async function reload(ui) {
  await ui.page.reload({ waitUntil: 'load' });
  await ui.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await activityBarEntry(ui, OURS.container).waitFor({ state: 'visible', timeout: 60_000 });
}

/** The extension hosts' log folders (logs/<session>/exthost<N>) there are so far. */
function extensionHostDirs(ui) {
  const dirs = [];
  if (!existsSync(ui.server.logsDir)) {
    return dirs;
  }
  for (const session of readdirSync(ui.server.logsDir, { withFileTypes: true })) {
    if (!session.isDirectory()) {
      continue;
    }
    const sessionDir = join(ui.server.logsDir, session.name);
    for (const entry of readdirSync(sessionDir, { withFileTypes: true })) {
      if (entry.isDirectory() && /^exthost\d+$/.test(entry.name)) {
        dirs.push(join(sessionDir, entry.name));
      }
    }
  }
  return dirs;
}

/** Waits for the extension host of this window load to have started; returns its log folder. */
async function waitForNewExtensionHost(ui, before, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const fresh = extensionHostDirs(ui).filter((dir) => !before.includes(dir));
    for (const dir of fresh) {
      const log = join(dir, 'remoteexthost.log');
      if (existsSync(log) && /Extension host with pid \d+ started/.test(readFileSync(log, 'utf8'))) {
        await delay(500); // let the built-in extensions' start-up settle before the click
        return dir;
      }
    }
    await delay(50);
  }
  throw new Error(`No new extension host started within ${timeoutMs} ms (logs: ${ui.server.logsDir})`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : round((sorted[middle - 1] + sorted[middle]) / 2);
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--vsix') {
      options.vsix = value();
    } else if (flag === '--samples') {
      options.samples = Number(value());
    } else if (flag === '--only') {
      options.only = value();
    } else {
      throw new Error(`Unknown argument ${argv[i]} (use --vsix FILE, --samples N, --only activation|scale)`);
    }
  }
  return options;
}

if (isMain(import.meta.url)) {
  const started = performance.now();
  try {
    const timings = await measureHostTimings({ ...parseArgs(process.argv.slice(2)), progress: (line) => console.error(`[bench] ${line}`) });
    console.error(`[bench] done in ${Math.round((performance.now() - started) / 1000)} s`);
    console.log(JSON.stringify(timings, null, 2));
  } catch (error) {
    console.error(`[bench] ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 1;
  }
}
