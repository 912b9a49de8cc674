// The sandbox's emulator as a process of its own (dist/emulator-process.js), started by the
// extension (src/sandbox/sandboxLauncher.ts) with an argument vector, never a shell:
//
//   node emulator-process.js --scenario demo --time-scale 1 --idle-ms 1800000 [--latency-ms 40] [--state-file f]
//
// It serves the emulator on a free 127.0.0.1 port and its control endpoint (control.ts) on
// another, then writes ONE line to stdout, {"pid","url","controlUrl","token"} as JSON, for its
// parent only, and nothing after it: no request log, so the token and what the tests send never
// reach a log. It exits by itself after --idle-ms with no request on either port (removing the
// state file when it still names this process, so a window can tell an idle exit from a crash),
// on POST /stop, and on SIGTERM/SIGINT.

import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
// Through the public surface, so the bundle requires dist/emulator.js rather than carrying a copy (esbuild.js).
import { ControlServer, FsxEmulator, isScenarioName, type ScenarioName } from './index';

/** 30 minutes: a reload, a meeting or a lunch break keeps the state; a forgotten sandbox does not linger for the day. */
export const DEFAULT_IDLE_MS = 30 * 60_000;
/** How often the idle clock is looked at: an idle exit comes at most this late. */
const IDLE_CHECK_MS = 1_000;

export interface SandboxProcessOptions {
  readonly scenario: ScenarioName;
  readonly timeScale: number;
  readonly idleMs: number;
  readonly latencyMs: number;
  readonly stateFile: string | undefined;
}

/** What the process writes as its one stdout line. */
export interface SandboxHandshake {
  readonly pid: number;
  readonly url: string;
  readonly controlUrl: string;
  readonly token: string;
}

export function parseSandboxArgs(argv: readonly string[]): SandboxProcessOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      scenario: { type: 'string' },
      'time-scale': { type: 'string' },
      'idle-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      'state-file': { type: 'string' },
    },
  });
  const scenario = values.scenario ?? 'demo';
  if (!isScenarioName(scenario)) {
    throw new Error(`Unknown scenario '${scenario}'.`);
  }
  return {
    scenario,
    timeScale: numberArg('--time-scale', values['time-scale'] ?? '1', (value) => value > 0),
    idleMs: numberArg('--idle-ms', values['idle-ms'] ?? String(DEFAULT_IDLE_MS), (value) => value > 0),
    latencyMs: numberArg('--latency-ms', values['latency-ms'] ?? '0', (value) => value >= 0),
    stateFile: values['state-file'],
  };
}

function numberArg(flag: string, text: string, valid: (value: number) => boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !valid(value)) {
    throw new Error(`${flag} is out of range: '${text}'.`);
  }
  return value;
}

export async function runSandboxProcess(options: SandboxProcessOptions): Promise<void> {
  const token = randomBytes(32).toString('hex');
  const emulator = await FsxEmulator.start({ scenario: options.scenario, timeScale: options.timeScale, latencyMs: options.latencyMs });
  let stopping = false;
  const stop = async (why: 'idle' | 'asked'): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    clearInterval(idleTimer);
    if (why === 'idle') {
      forgetStateFile(options.stateFile);
    }
    await Promise.all([emulator.close(), control.close()]);
    process.exit(0);
  };
  const control = await ControlServer.start({
    emulator,
    token,
    health: { pid: process.pid, url: emulator.url, scenario: options.scenario, timeScale: options.timeScale },
    onStop: () => void stop('asked'),
  });
  const idleTimer = setInterval(() => {
    if (Date.now() - Math.max(emulator.lastRequestAt, control.lastRequestAt) >= options.idleMs) {
      void stop('idle');
    }
  }, Math.min(IDLE_CHECK_MS, options.idleMs));
  process.once('SIGTERM', () => void stop('asked'));
  process.once('SIGINT', () => void stop('asked'));
  const handshake: SandboxHandshake = { pid: process.pid, url: emulator.url, controlUrl: control.url, token };
  process.stdout.write(`${JSON.stringify(handshake)}\n`);
}

/** Removes the state file if it still names this process (a newer sandbox's file is left alone). */
function forgetStateFile(path: string | undefined): void {
  if (!path) {
    return;
  }
  try {
    if ((JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown }).pid === process.pid) {
      rmSync(path, { force: true });
    }
  } catch {
    // No file, or not ours to read: nothing to forget.
  }
}

if (require.main === module) {
  let options: SandboxProcessOptions;
  try {
    options = parseSandboxArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  runSandboxProcess(options).catch((error: unknown) => {
    process.stderr.write(`Cannot start the sandbox emulator: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
