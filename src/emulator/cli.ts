// `node dist/emulator-cli.js --port 4566 --scenario demo [--time-scale 10] [--seed 7]`
// Runs the FSx emulator standalone until SIGINT/SIGTERM. Exit codes: 0 after a clean stop,
// 1 when it cannot start, 2 for bad flags.

import { parseArgs } from 'node:util';
// Through the public surface, so the CLI's bundle requires dist/emulator.js rather than
// carrying a second copy of the emulator (esbuild.js).
import { FsxEmulator, SCENARIO_NAMES, isScenarioName, type RequestLogEntry, type ScenarioName } from './index';

export const USAGE = `Usage: emulator-cli [--port <n>] [--scenario ${SCENARIO_NAMES.join('|')}] [--time-scale <x>] [--seed <n>] [--host 127.0.0.1]

  --port        TCP port on 127.0.0.1 (default 4566; 0 picks a free one)
  --scenario    starting data (default demo)
  --time-scale  emulated time runs this many times faster (default 1)
  --seed        seed for the scenario and generated ids (default 1)
  --host        loopback address to bind (default 127.0.0.1)`;

export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly scenario: ScenarioName;
  readonly timeScale: number;
  readonly seed: number;
}

export class UsageError extends Error {}

/** Parses flags; throws UsageError with a reason for anything it does not accept. */
export function parseCliArgs(argv: readonly string[]): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        scenario: { type: 'string' },
        'time-scale': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    return 'help';
  }
  const scenario = values.scenario ?? 'demo';
  if (!isScenarioName(scenario)) {
    throw new UsageError(`Unknown scenario '${scenario}'.`);
  }
  return {
    port: integerFlag('--port', values.port ?? '4566', 0, 65535),
    host: values.host ?? '127.0.0.1',
    scenario,
    timeScale: positiveNumberFlag('--time-scale', values['time-scale'] ?? '1'),
    seed: integerFlag('--seed', values.seed ?? '1', 0, 2 ** 31 - 1),
  };
}

function integerFlag(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got '${text}'.`);
  }
  return value;
}

function positiveNumberFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} must be a positive number, got '${text}'.`);
  }
  return value;
}

export function formatLogLine(entry: RequestLogEntry): string {
  const status = entry.status === 0 ? 'dropped' : String(entry.status);
  const code = entry.errorCode ? ` ${entry.errorCode}` : '';
  return `${entry.operation} ${status}${code} ${entry.ms}ms`;
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let emulator: FsxEmulator;
  try {
    emulator = await FsxEmulator.start({
      port: options.port,
      host: options.host,
      scenario: options.scenario,
      timeScale: options.timeScale,
      seed: options.seed,
      onRequest: (entry) => process.stderr.write(`${formatLogLine(entry)}\n`),
    });
  } catch (error) {
    process.stderr.write(`Cannot start the FSx emulator: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`FSx emulator listening on ${emulator.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
