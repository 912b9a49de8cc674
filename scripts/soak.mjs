// The soak: the packaged extension in the real VS Code host (code-server + Chromium) for a
// simulated day against two FSx emulators at a high time scale, with seeded random faults and
// window reloads, then a table and test-results/soak.json.
//
//   npm run soak                                   # 24 simulated hours (about 8 minutes)
//   node scripts/soak.mjs --hours 4 --phases 3     # shorter; npm test runs this as soak-short
//
// Why this shape: a host test cannot reload its own window, and the sandbox emulator lives in the
// extension host, so a reload would wipe it. So the emulators run here, in this process, behind
// a small proxy that routes each signed request by the region of its credential scope (one
// emulator per connection, so "access denied on one connection" is one emulator's fault). Each
// phase is a new workbench page on the same server and workspace: a real new window whose
// extension host restores the tracked tasks from workspace state. This process creates tasks
// over time, injects faults and writes commands (track, cancel) for the phase, which runs them
// through the extension's commands and reports what it saw (announcements through the prompts
// seam, transitions, the final tree and status bar, its heap).
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { launchBrowser, openWorkbench } from './host/browser.mjs';
import { startCodeServer } from './host/codeServer.mjs';
import { ensureHost } from './host/install.mjs';
import { isMain, repoRoot, resultsDir } from './host/paths.mjs';
import { installedExtensionPath } from './host/runExtensionTests.mjs';

const require = createRequire(import.meta.url);
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);

/** The connections of the soak: one profile, region and emulator each. */
const CONNECTIONS = [
  { profile: 'soak-east', region: 'us-east-1', fileSystems: 3, seed: 11 },
  { profile: 'soak-west', region: 'eu-west-1', fileSystems: 2, seed: 29 },
];
/** The extension's log channel and its output files, by folder or channel name. */
const EXTENSION_LOG = /fsx-tools\.fsx-data-repository-tasks|FSx Data Repository Tasks/;
/** What a phase reports for a cancel it did not send because the task had ended meanwhile. */
const NOT_CANCELLABLE = 'not cancellable when asked';
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELED']);
const POLL_INTERVAL_SECONDS = 10;
/** Fault kinds drawn over the run, with their weights. */
const FAULT_DRAWS = [
  ['throttle', 4],
  ['internal', 3],
  ['unavailable', 3],
  ['drop', 3],
  ['latency', 3],
  ['expiredToken', 1],
  ['accessDenied', 1],
];

/** mulberry32: a seeded uniform [0, 1) generator, so a run can be repeated. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Forwards each request to the emulator of the region its SigV4 credential scope names. */
async function startRegionProxy(emulatorsByRegion) {
  const server = createServer((request, response) => {
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
    const target = emulatorsByRegion.get(region);
    if (!target) {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'UnrecognizedClientException', message: `No emulator for region ${region}` }));
      return;
    }
    // Addressed to the emulator as its own clients address it: it refuses any other Host (DNS rebinding).
    const headers = { ...request.headers, host: `127.0.0.1:${target.port}` };
    const upstream = httpRequest({ host: '127.0.0.1', port: target.port, method: request.method, path: request.url, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    // The emulator dropped the connection (a 'drop' fault): drop ours too, as the network would.
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve) || server.closeAllConnections()) };
}

/** The AWS files of the soak profiles: keys of known values, so the logs can be scanned for them. */
function writeAwsFiles(dir) {
  const credentials = CONNECTIONS.map(
    (connection, index) =>
      `[${connection.profile}]\naws_access_key_id = AKIASOAKTEST000000${index}X\naws_secret_access_key = soakSecretKey${index}DoNotLogThis0000000000000\naws_session_token = soakSessionToken${index}DoNotLogThis\n`,
  ).join('\n');
  const config = CONNECTIONS.map((connection) => `[profile ${connection.profile}]\nregion = ${connection.region}\n`).join('\n');
  writeFileSync(join(dir, 'credentials'), credentials);
  writeFileSync(join(dir, 'config'), config);
  return { AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') };
}

/** Lines at error level in the extension's own log files under a logs folder, and how many files. */
function errorLogLines(logsDir) {
  const lines = [];
  let files = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (EXTENSION_LOG.test(relative(logsDir, path)) && entry.name.endsWith('.log')) {
        files += 1;
        lines.push(...readFileSync(path, 'utf8').split('\n').filter((line) => /\[error\]/i.test(line)));
      }
    }
  };
  try {
    walk(logsDir);
  } catch {
    // no logs folder yet
  }
  return { files, lines };
}

/**
 * The most requests the poll policy allows in a phase of `ms` for one connection: the tracked
 * tasks' polls (one DescribeDataRepositoryTasks of up to 50 ids each: the settled interval, plus
 * the fast sequence after every nudge), the auto-tracker's scans (one call per 50 active tasks),
 * and the listing of the tree at start and on refresh. Retries come on top: the SDK retries only
 * after a failed attempt, so every faulted answer may add one request.
 */
function policyBound(policy, ms, nudges, activeTasks, resources) {
  const settled = policy.settledInterval(POLL_INTERVAL_SECONDS * 1000);
  const fastPolls = policy.FAST_POLL_DELAYS_MS.length + 1;
  const polls = Math.ceil(ms / settled) + 1 + nudges * fastPolls;
  const pages = Math.max(1, Math.ceil(activeTasks / 50));
  const scans = (Math.ceil(ms / settled) + 1) * pages;
  const listings = 2 * (2 + resources * 2); // DescribeFileSystems, DescribeFileCaches, then tasks and associations per resource
  return polls * pages + scans + listings;
}

export async function runSoak({ hours = 24, timeScale = 400, phases = 4, seed = 13, out = join(resultsDir, 'soak.json') } = {}) {
  const started = Date.now();
  const emulatorModule = require(join(repoRoot, 'out', 'src', 'emulator', 'index.js'));
  const policy = require(join(repoRoot, 'out', 'src', 'tracking', 'pollPolicy.js'));
  await ensureHost();
  const vsix = join(resultsDir, 'fsx-data-repository-tasks.vsix');
  mkdirSync(resultsDir, { recursive: true });
  const packaged = await execa(bin('vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: repoRoot, reject: false, all: true });
  if (packaged.exitCode !== 0) {
    throw new Error(`vsce package failed:\n${packaged.all}`);
  }

  const random = seededRandom(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const between = (low, high) => low + random() * (high - low);
  const simulatedMs = hours * 3_600_000;
  const realMs = simulatedMs / timeScale;
  const phaseMs = realMs / phases;
  const simMinute = 60_000;

  const answered = { failed: 0 };
  const connections = [];
  for (const spec of CONNECTIONS) {
    const emulator = await emulatorModule.FsxEmulator.start({
      timeScale,
      seed: spec.seed,
      onRequest: (entry) => {
        if (entry.status === 0 || entry.status >= 400) {
          answered.failed += 1;
        }
      },
    });
    const fileSystemIds = Array.from({ length: spec.fileSystems }, (_, index) => emulator.state.addFileSystem({ name: `${spec.profile}-${index}`, type: 'LUSTRE' }));
    connections.push({ ...spec, emulator, fileSystemIds });
  }
  const proxy = await startRegionProxy(new Map(connections.map((connection) => [connection.region, connection.emulator])));

  const work = mkdtempSync(join(tmpdir().length <= 24 ? tmpdir() : '/tmp', 'fsxsoak-'));
  const workspace = join(work, 'workspace');
  mkdirSync(workspace);
  const awsEnv = writeAwsFiles(work);
  const settings = {
    'fsxTasks.connections': CONNECTIONS.map(({ profile, region }) => ({ profile, region })),
    'fsxTasks.endpoint': proxy.url,
    'fsxTasks.tracking.autoTrackActiveTasks': true,
    'fsxTasks.tracking.pollIntervalSeconds': POLL_INTERVAL_SECONDS,
  };
  const server = await startCodeServer({
    workspace,
    vsix,
    keepProfile: true,
    env: { ...awsEnv, FSX_SOAK_DIR: work, AWS_EC2_METADATA_DISABLED: 'true' },
    userSettings: settings,
    // The connection and endpoint settings are machine-scoped: a remote window reads them from
    // the server's machine settings, not the user's.
    beforeStart: (profile) => {
      mkdirSync(join(profile.userDataDir, 'Machine'), { recursive: true });
      writeFileSync(join(profile.userDataDir, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
    },
  });
  const developmentPath = installedExtensionPath(server.extensionsDir);
  const browser = await launchBrowser();

  const created = []; // { connection, taskId, plan, handTracked, cancelFromExtension, lostCancel }
  const faultsInjected = Object.fromEntries([...emulatorModule.FAULT_KINDS].map((kind) => [kind, 0]));
  const phaseReports = [];
  // Every kind once, in a seeded order, then drawn by weight: a short run still meets them all.
  const firstOfEach = FAULT_DRAWS.map(([kind]) => ({ kind, order: random() }))
    .sort((a, b) => a.order - b.order)
    .map(({ kind }) => kind);
  let requestBound = 0;
  let requests = 0;
  const removeLater = [];
  try {
    for (let phase = 0; phase < phases; phase++) {
      const last = phase === phases - 1;
      writeFileSync(join(work, 'phase'), String(phase));
      const commandsFile = join(work, `commands-${phase}.jsonl`);
      writeFileSync(commandsFile, '');
      let seq = 0;
      const command = (body) => appendFileSync(commandsFile, `${JSON.stringify({ seq: ++seq, ...body })}\n`);
      const page = await browser.context.newPage();
      const workbench = await openWorkbench({
        page,
        url: server.url,
        folder: workspace,
        extensionDevelopmentPath: developmentPath,
        extensionTestsPath: join(repoRoot, 'out', 'test', 'soak'),
        onExtensionHostLog: (line) => /soak|fail|error/i.test(line) && console.log(line),
      });
      for (const connection of connections) {
        connection.emulator.resetRequestCounts();
      }
      answered.failed = 0;
      const nudges = new Map(connections.map((connection) => [connection.profile, 1]));
      const phaseEnd = Date.now() + phaseMs;
      let nextTask = Date.now() + between(500, 2500);
      let nextFault = Date.now() + between(2000, 6000);
      while (Date.now() < phaseEnd) {
        const now = Date.now();
        if (now >= nextTask) {
          nextTask = now + between(1500, 5000);
          const connection = pick(connections);
          const outcome = random() < 0.3 ? 'FAILED' : 'SUCCEEDED';
          const pendingMs = between(1, 20) * simMinute;
          const executingMs = between(30, 240) * simMinute;
          const createdAt = connection.emulator.state.now();
          const canceledElsewhere = random() < 0.12;
          const taskId = connection.emulator.state.addTask({
            fileSystemId: pick(connection.fileSystemIds),
            type: pick(['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM']),
            createdAt,
            pendingMs,
            executingMs,
            outcome,
            totalCount: Math.round(between(10, 100_000)),
            failedCount: outcome === 'FAILED' ? 3 : 0,
            failureMessage: outcome === 'FAILED' ? 'Some files failed to export.' : undefined,
            cancelingMs: 2 * simMinute,
            ...(canceledElsewhere ? { cancelRequestedAt: createdAt + pendingMs + executingMs / 2 } : {}),
          });
          const entry = { connection, taskId, handTracked: false, cancelFromExtension: false, lostCancel: false, canceledElsewhere };
          created.push(entry);
          if (random() < 0.25) {
            entry.handTracked = true;
            nudges.set(connection.profile, nudges.get(connection.profile) + 1);
            command({ kind: 'track', profile: connection.profile, taskId });
          }
          if (!canceledElsewhere && random() < 0.15) {
            entry.cancelFromExtension = true;
            // Once it runs, a little later in real time; some lose the answer after FSx applied it.
            const at = Date.now() + (pendingMs + executingMs * 0.3) / timeScale;
            entry.lostCancel = random() < 0.4;
            removeLater.push({
              at,
              run: () => {
                if (!['PENDING', 'EXECUTING'].includes(connection.emulator.state.getTask(taskId)?.lifecycle)) {
                  // Ended before its cancel was due: nothing to cancel, and no fault left to linger.
                  entry.cancelFromExtension = false;
                  entry.lostCancel = false;
                  return;
                }
                if (entry.lostCancel) {
                  connection.emulator.injectFault({ kind: 'dropAfterApply', operation: 'CancelDataRepositoryTask', count: 1 });
                  faultsInjected.dropAfterApply += 1;
                }
                nudges.set(connection.profile, nudges.get(connection.profile) + 1);
                command({ kind: 'cancel', profile: connection.profile, taskId });
              },
            });
          }
        }
        if (now >= nextFault && !last) {
          nextFault = now + between(3000, 9000);
          const kind = firstOfEach.shift() ?? weightedPick(random, FAULT_DRAWS);
          const connection = kind === 'accessDenied' ? connections[1] : pick(connections);
          faultsInjected[kind] += 1;
          if (kind === 'expiredToken' || kind === 'accessDenied') {
            // A window: every call fails until it ends (credentials renewed, policy fixed).
            const remove = connection.emulator.injectFault({ kind });
            removeLater.push({ at: now + between(8000, 20000), run: remove });
          } else if (kind === 'latency') {
            connection.emulator.injectFault({ kind, latencyMs: Math.round(between(2000, 8000)), count: Math.ceil(between(1, 4)) });
          } else {
            connection.emulator.injectFault({ kind, count: Math.ceil(between(1, 5)) });
          }
        }
        for (const due of removeLater.filter((item) => item.at <= now)) {
          removeLater.splice(removeLater.indexOf(due), 1);
          due.run();
        }
        await sleep(100);
      }
      if (last) {
        // The end of the day: no more faults; run the pending cancels, let every task end, then compare.
        for (const connection of connections) {
          connection.emulator.clearFaults();
        }
        for (const due of removeLater.splice(0)) {
          due.run(); // the cancels still due (a window's remover is a no-op now)
        }
        const deadline = Date.now() + 180_000;
        while (Date.now() < deadline && !created.every(({ connection, taskId }) => TERMINAL.has(connection.emulator.state.getTask(taskId)?.lifecycle))) {
          await sleep(500);
        }
        command({ kind: 'settle' });
      } else {
        command({ kind: 'end' });
      }
      const code = await Promise.race([workbench.exitCode, sleep(phaseMs + 300_000).then(() => 'timeout')]);
      await workbench.flush();
      // Let the workbench write its storage, then close the window: the next phase is the reload.
      await sleep(1500);
      await page.close({ runBeforeUnload: true });
      await sleep(1000);
      const phaseFile = join(work, `phase-${phase}.json`);
      const report = JSON.parse(readFileSync(phaseFile, 'utf8'));
      report.exitCode = code;
      report.durationMs = phaseMs;
      phaseReports.push(report);
      let phaseRequests = 0;
      for (const connection of connections) {
        phaseRequests += connection.emulator.totalRequests();
        const active = created.filter((entry) => entry.connection === connection).length;
        requestBound += policyBound(policy, phaseMs + (last ? 200_000 : 5_000), nudges.get(connection.profile), active, connection.fileSystemIds.length);
      }
      requests += phaseRequests;
      requestBound += answered.failed;
    }
  } finally {
    await browser.close();
  }
  const { files: logFiles, lines: errorLines } = errorLogLines(server.logsDir);
  await server.stop({ keep: false });
  await proxy.close();
  for (const connection of connections) {
    await connection.emulator.close();
  }

  const summary = judge({ created, phaseReports, connections, faultsInjected, requests, requestBound, errorLines, logFiles, hours, phases, timeScale, realMs: Date.now() - started });
  rmSync(work, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  printTable(summary);
  return summary;
}

function weightedPick(random, weighted) {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) {
      return value;
    }
  }
  return weighted[weighted.length - 1][0];
}

/** Compares what the phases saw with the emulators' own record. */
function judge({ created, phaseReports, faultsInjected, requests, requestBound, errorLines, logFiles, hours, phases, timeScale, realMs }) {
  const final = phaseReports.at(-1)?.final ?? { tree: [], tracked: [], statusBar: { visible: true } };
  const messages = phaseReports.flatMap((report) => report.messages);
  const announcementsOf = (taskId) => messages.filter((message) => message.text.includes(taskId) && /succeeded|failed|canceled/i.test(message.text));
  const seenTracked = new Set(phaseReports.flatMap((report) => [...report.restored, ...report.tracked.map((task) => task.taskId), ...report.transitions.map((transition) => transition.taskId)]));
  const problems = [];
  let missed = 0;
  let duplicated = 0;
  let stateMismatches = 0;
  let transitionsSeen = 0;
  let transitionsUnknown = 0;
  let lostCancelFailures = 0;
  for (const entry of created) {
    const snapshot = entry.connection.emulator.state.getTask(entry.taskId);
    const emulatorStates = (entry.connection.emulator.state.transitionsOf(entry.taskId) ?? []).map((transition) => transition.lifecycle);
    const tracked = seenTracked.has(entry.taskId);
    const announced = announcementsOf(entry.taskId);
    if (tracked && TERMINAL.has(snapshot.lifecycle)) {
      if (announced.length === 0) {
        missed += 1;
        problems.push(`${entry.taskId} ended ${snapshot.lifecycle} and was never announced`);
      } else if (announced.length > 1) {
        duplicated += announced.length - 1;
        problems.push(`${entry.taskId} was announced ${announced.length} times`);
      }
      const wrong = announced.filter((message) => !message.text.toLowerCase().includes(snapshot.lifecycle.toLowerCase()));
      if (wrong.length > 0) {
        stateMismatches += 1;
        problems.push(`${entry.taskId} is ${snapshot.lifecycle} but was announced as: ${wrong[0].text}`);
      }
    }
    for (const transition of phaseReports.flatMap((report) => report.transitions).filter((candidate) => candidate.taskId === entry.taskId)) {
      transitionsSeen += 1;
      if (!emulatorStates.includes(transition.to)) {
        transitionsUnknown += 1;
        problems.push(`${entry.taskId} was seen ${transition.to}, which the emulator never had it in (${emulatorStates.join(' > ')})`);
      }
    }
    const row = final.tree.find((candidate) => candidate.taskId === entry.taskId);
    if (row && row.lifecycle !== snapshot.lifecycle) {
      stateMismatches += 1;
      problems.push(`the tree shows ${entry.taskId} ${row.lifecycle}, the emulator has ${snapshot.lifecycle}`);
    }
    const cancel = phaseReports.flatMap((report) => report.cancels).find((candidate) => candidate.taskId === entry.taskId);
    if (entry.lostCancel && cancel?.error !== NOT_CANCELLABLE) {
      if (cancel?.error || snapshot.lifecycle !== 'CANCELED' || announced.some((message) => message.severity === 'error')) {
        lostCancelFailures += 1;
        problems.push(`the lost cancel of ${entry.taskId} ended ${snapshot.lifecycle}${cancel?.error ? `, reported: ${cancel.error}` : ''}`);
      }
    }
  }
  // Everything ended: nothing is left tracked, so the status bar must be hidden.
  const activeInTracker = final.tracked.filter((task) => !TERMINAL.has(task.lifecycle)).length;
  if (final.statusBar.visible !== final.tracked.length > 0 || activeInTracker > 0) {
    stateMismatches += 1;
    problems.push(`status bar ${JSON.stringify(final.statusBar)} with ${final.tracked.length} tracked (${activeInTracker} active) after every task ended`);
  }
  const unhandled = phaseReports.flatMap((report) => report.unhandled);
  const unexpectedPrompts = phaseReports.flatMap((report) => report.unexpectedPrompts);
  problems.push(...unhandled.map((reason) => `unhandled rejection: ${reason.split('\n')[0]}`), ...unexpectedPrompts.map((prompt) => `unexpected prompt: ${prompt}`));
  problems.push(...errorLines.map((line) => `error log line: ${line}`));
  if (logFiles < phases) {
    problems.push(`found ${logFiles} log files of the extension for ${phases} windows: the error-line count would mean nothing`);
  }
  if (phaseReports.some((report) => report.exitCode !== 0)) {
    problems.push(`a phase's host run failed: exit codes ${phaseReports.map((report) => report.exitCode).join(', ')}`);
  }
  const heapGrowthMiB = Math.max(0, ...phaseReports.map((report) => (report.heapAfter - report.heapBefore) / 2 ** 20));
  if (requests > requestBound) {
    problems.push(`${requests} requests, more than the ${requestBound} the poll policy allows`);
  }
  if (heapGrowthMiB > 20) {
    problems.push(`the extension host's heap grew ${heapGrowthMiB.toFixed(1)} MiB in one phase`);
  }
  return {
    simulatedHours: hours,
    timeScale,
    realMinutes: Number((realMs / 60_000).toFixed(1)),
    reloads: phases - 1,
    tasksCreated: created.length,
    tasksTracked: created.filter((entry) => seenTracked.has(entry.taskId)).length,
    handTracked: created.filter((entry) => entry.handTracked).length,
    canceledFromExtension: created.filter((entry) => entry.cancelFromExtension).length,
    lostCancels: created.filter((entry) => entry.lostCancel).length,
    lostCancelFailures,
    endedIn: Object.fromEntries(['SUCCEEDED', 'FAILED', 'CANCELED'].map((state) => [state, created.filter((entry) => entry.connection.emulator.state.getTask(entry.taskId)?.lifecycle === state).length])),
    transitionsSeen,
    transitionsUnknown,
    announced: { total: messages.filter((message) => /succeeded|failed|canceled/i.test(message.text)).length, missed, duplicated },
    stateMismatches,
    treeRowsCompared: final.tree.length,
    requests,
    requestBound,
    unhandledRejections: unhandled.length,
    unexpectedPrompts: unexpectedPrompts.length,
    errorLogLines: errorLines.length,
    logFilesScanned: logFiles,
    heapGrowthMiB: Number(heapGrowthMiB.toFixed(2)),
    faultsInjected,
    problems,
    ok: problems.length === 0 && transitionsUnknown === 0 && missed === 0 && duplicated === 0 && stateMismatches === 0 && lostCancelFailures === 0,
  };
}

function printTable(summary) {
  const rows = [
    ['simulated hours', summary.simulatedHours],
    ['reloads', summary.reloads],
    ['tasks created / tracked', `${summary.tasksCreated} / ${summary.tasksTracked}`],
    ['ended S / F / C', `${summary.endedIn.SUCCEEDED} / ${summary.endedIn.FAILED} / ${summary.endedIn.CANCELED}`],
    ['hand-tracked, canceled here, lost cancels', `${summary.handTracked}, ${summary.canceledFromExtension}, ${summary.lostCancels}`],
    ['announced, missed, duplicated', `${summary.announced.total}, ${summary.announced.missed}, ${summary.announced.duplicated}`],
    ['state mismatches', summary.stateMismatches],
    ['transitions seen / unknown', `${summary.transitionsSeen} / ${summary.transitionsUnknown}`],
    ['requests / bound', `${summary.requests} / ${summary.requestBound}`],
    ['unhandled rejections', summary.unhandledRejections],
    ['error log lines', summary.errorLogLines],
    ['heap growth MiB', summary.heapGrowthMiB],
    ['faults injected', Object.entries(summary.faultsInjected).map(([kind, count]) => `${kind} ${count}`).join(', ')],
    ['verdict', summary.ok ? 'nothing lost' : `${summary.problems.length} problem(s)`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log('\n==== soak ====');
  for (const [name, value] of rows) {
    console.log(`${name.padEnd(width)}  ${value}`);
  }
  for (const problem of summary.problems.slice(0, 20)) {
    console.log(`  - ${problem}`);
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { hours: { type: 'string' }, 'time-scale': { type: 'string' }, phases: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  runSoak({
    hours: values.hours ? Number(values.hours) : undefined,
    timeScale: values['time-scale'] ? Number(values['time-scale']) : undefined,
    phases: values.phases ? Number(values.phases) : undefined,
    seed: values.seed ? Number(values.seed) : undefined,
    out: values.out,
  }).then(
    (summary) => {
      process.exitCode = summary.ok ? 0 : 1;
    },
    (error) => {
      console.error(`[soak] ${error.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}
