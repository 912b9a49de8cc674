// Timings a person feels, measured in the real host: the packaged extension installed into
// code-server, driven in headless Chromium. Each figure is the median of `samples` window loads
// (the page is reloaded between samples; the first load of each server is a warm-up, so every
// sample is a reload with the workbench's own code in the browser cache, as a person's day has).
//
// - activationMs: the extension's own "Activated in N ms" line (its LogOutputChannel), one per
//   load. That is activate()'s synchronous body only: neither loading dist/extension.js nor the
//   sandbox start and first listing, which run after activate() returns.
// - firstTreeMs: demo sandbox, FSx view closed (Explorer shown): from the click on the FSx
//   activity bar entry to the 'genomics-scratch' row visible. Includes activation, the sandbox
//   start, the first listing and rendering. The click comes once the window's extension host
//   has started, so the host's own boot is not counted.
// - scaleFirstPageMs: scale sandbox (1,000 file systems), file system rows visible after the
//   reload: from the click that expands scale-fs-0001 (10,000 tasks) to its first task row visible.
//
//   node bench/hostTimings.mjs [--vsix test-results/fsx-data-repository-tasks.vsix] [--samples 5]
//
// prints the figures as JSON (progress goes to stderr). Build the VSIX first (npm run package).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { isMain, repoRoot } from '../scripts/host/paths.mjs';
import { startUi } from '../scripts/host/uiHarness.mjs';

const VIEW_CONTAINER = 'FSx';
const DEMO_FILE_SYSTEM = 'genomics-scratch';
const SCALE_FILE_SYSTEM = 'scale-fs-0001'; // the one with 10,000 tasks (src/emulator/scenarios.ts)
const LOG_FILE = /^FSx Data Repository Tasks\.log$/;
const ACTIVATED = /\[info\] Activated in (\d+) ms/;
const ROW_TIMEOUT_MS = 30_000;
const STATE_SAVE_MS = 1000;

export const DEFAULT_VSIX = join(repoRoot, 'test-results', 'fsx-data-repository-tasks.vsix');

/**
 * Medians (and every sample) of activation, first tree and the scale scenario's first page of
 * tasks, each over `samples` window loads of the installed `vsix`.
 * @param {{ vsix?: string, samples?: number, progress?: (line: string) => void }} [options]
 */
export async function measureHostTimings({ vsix = DEFAULT_VSIX, samples = 5, progress = () => {} } = {}) {
  vsix = resolve(vsix);
  if (!existsSync(vsix)) {
    throw new Error(`No VSIX at ${vsix}: build it first (npm run package)`);
  }
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`samples must be a positive integer, not ${samples}`);
  }
  const demo = await withUi({ vsix, env: { FSX_SANDBOX: '1' } }, (ui) => measureDemo(ui, samples, progress));
  const scaleFirstPageMs = await withUi({ vsix, env: { FSX_SANDBOX: 'scale' } }, (ui) => measureScale(ui, samples, progress));
  const all = { activationMs: demo.activationMs, firstTreeMs: demo.firstTreeMs, scaleFirstPageMs };
  return {
    activationMs: median(all.activationMs),
    firstTreeMs: median(all.firstTreeMs),
    scaleFirstPageMs: median(all.scaleFirstPageMs),
    samples: all,
  };
}

async function withUi(options, run) {
  const ui = await startUi({ ...options, onExtensionHostLog: () => {} });
  try {
    return await run(ui);
  } finally {
    await ui.close();
  }
}

/** Demo sandbox: per load, the click on FSx to the first file system row, and the activation line. */
async function measureDemo(ui, samples, progress) {
  const activationMs = [];
  const firstTreeMs = [];
  for (let load = 0; load <= samples; load++) {
    const host = load === 0 ? await waitForNewExtensionHost(ui, []) : await reloadWithViewClosed(ui, progress);
    if (existsSync(join(host, 'fsx-tools.fsx-data-repository-tasks'))) {
      throw new Error('The extension activated before the click');
    }
    const entry = activityBarEntry(ui, VIEW_CONTAINER);
    const started = performance.now();
    await entry.click();
    await ui.treeRow(DEMO_FILE_SYSTEM, { exact: true }).waitFor({ state: 'visible', timeout: ROW_TIMEOUT_MS });
    const elapsed = performance.now() - started;
    const activated = await activationLine(host);
    if (load === 0) {
      progress(`demo warm-up load: first tree ${Math.round(elapsed)} ms, activated in ${activated} ms`);
      continue;
    }
    firstTreeMs.push(round(elapsed));
    activationMs.push(activated);
    progress(`demo load ${load}/${samples}: first tree ${round(elapsed)} ms, activated in ${activated} ms`);
  }
  return { activationMs, firstTreeMs };
}

/** Scale sandbox: per load, the click expanding scale-fs-0001 to its first task row. */
async function measureScale(ui, samples, progress) {
  const firstPageMs = [];
  await ui.openViewContainer(VIEW_CONTAINER); // stays open: each reload restores it and activates
  for (let load = 0; load <= samples; load++) {
    if (load > 0) {
      await reload(ui);
    }
    const fileSystem = ui.treeRow(SCALE_FILE_SYSTEM, { exact: true });
    await fileSystem.waitFor({ state: 'visible', timeout: ROW_TIMEOUT_MS * 2 });
    if ((await fileSystem.getAttribute('aria-expanded')) !== 'false') {
      throw new Error(`${SCALE_FILE_SYSTEM} is not collapsed after the reload (aria-expanded=${await fileSystem.getAttribute('aria-expanded')})`);
    }
    const twistie = fileSystem.locator('.monaco-tl-twistie');
    await twistie.waitFor({ state: 'visible' });
    const level = Number(await fileSystem.getAttribute('aria-level'));
    const firstTask = ui.page.locator(`.monaco-list-row[aria-level="${level + 1}"]`).filter({ hasText: /task-[0-9a-f]/ }).first();
    const started = performance.now();
    await twistie.click();
    await firstTask.waitFor({ state: 'visible', timeout: ROW_TIMEOUT_MS });
    const elapsed = performance.now() - started;
    // Not timed: the row is the expanded file system's first child, not some other row.
    const [parentIndex, childIndex] = [await fileSystem.getAttribute('data-index'), await firstTask.getAttribute('data-index')];
    if (Number(childIndex) !== Number(parentIndex) + 1) {
      throw new Error(`The first task row (index ${childIndex}) is not right below ${SCALE_FILE_SYSTEM} (index ${parentIndex})`);
    }
    // Collapse again, so that a restored tree state cannot start the next load expanded.
    await twistie.click();
    await firstTask.waitFor({ state: 'hidden' });
    if (load === 0) {
      progress(`scale warm-up load: first page ${Math.round(elapsed)} ms`);
      continue;
    }
    firstPageMs.push(round(elapsed));
    progress(`scale load ${load}/${samples}: first page ${round(elapsed)} ms`);
  }
  return firstPageMs;
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
    if (!(await viewContainerOpen(ui, VIEW_CONTAINER))) {
      return host;
    }
    progress(`the FSx view came back open after reload ${attempt}; reloading again`);
  }
  throw new Error(`The FSx view came back open after ${attempts} reloads with the Explorer shown`);
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
  await activityBarEntry(ui, VIEW_CONTAINER).waitFor({ state: 'visible', timeout: 60_000 });
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

/** The "Activated in N ms" figure of the extension's log in extension host folder `host`. */
async function activationLine(host, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const folder = join(host, 'fsx-tools.fsx-data-repository-tasks');
    const file = existsSync(folder) ? readdirSync(folder).find((name) => LOG_FILE.test(name)) : undefined;
    const match = file && ACTIVATED.exec(readFileSync(join(folder, file), 'utf8'));
    if (match) {
      return Number(match[1]);
    }
    await delay(50);
  }
  throw new Error(`No "Activated in N ms" line in ${host} within ${timeoutMs} ms`);
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
    } else {
      throw new Error(`Unknown argument ${argv[i]} (use --vsix FILE, --samples N)`);
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
