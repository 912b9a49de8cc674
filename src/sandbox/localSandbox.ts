// The local sandbox: the FSx emulator run in-process with the demo scenario, on a free loopback
// port, so the whole extension can be tried without an AWS account.
import type { FsxEmulator, ScenarioName } from '../emulator';

export type { ScenarioName };
import { Connection } from '../fsx/types';
import { loadEmulator } from './loadEmulator';

export const SANDBOX_REGION = 'us-east-1';

/** Starts and stops the in-process emulator the sandbox connection points at. */
export class LocalSandbox {
  private emulator?: FsxEmulator;
  private starting?: Promise<Connection>;

  get running(): boolean {
    return !!this.emulator;
  }

  /** The connection that reaches the running emulator, if it runs. */
  get connection(): Connection | undefined {
    return this.emulator && connectionOf(this.emulator);
  }

  /** Starts the emulator once; later calls return the same connection. */
  start(timeScale: number, scenario: ScenarioName = 'demo'): Promise<Connection> {
    if (this.emulator) {
      return Promise.resolve(connectionOf(this.emulator));
    }
    this.starting ??= loadEmulator()
      .then(({ FsxEmulator }) => FsxEmulator.start({ scenario, timeScale }))
      .then((emulator) => {
        this.emulator = emulator;
        return connectionOf(emulator);
      })
      .finally(() => {
        this.starting = undefined;
      });
    return this.starting;
  }

  /** The running emulator, for tests that inject faults or count requests. */
  get instance(): FsxEmulator | undefined {
    return this.emulator;
  }

  async stop(): Promise<void> {
    const emulator = this.emulator;
    this.emulator = undefined;
    await emulator?.close();
  }
}

/**
 * FSX_SANDBOX starts the extension in sandbox mode: "1" or "demo" for the demo data, "scale"
 * for 1,000 file systems and 100,000 tasks (benchmarks). Anything else: no sandbox.
 */
export function sandboxScenarioFromEnv(value: string | undefined): ScenarioName | undefined {
  if (value === '1' || value === 'demo') {
    return 'demo';
  }
  return value === 'scale' ? 'scale' : undefined;
}

function connectionOf(emulator: FsxEmulator): Connection {
  return { region: SANDBOX_REGION, endpoint: emulator.url, sandbox: true };
}
