// The local sandbox: the FSx emulator with the demo scenario, run as a process of its own on
// loopback (sandboxLauncher.ts), so the whole extension can be tried without an AWS account and
// without the emulator's heap and request handling in the extension host. A reloaded window finds
// the process again through the record file (sandboxRecord.ts) and reattaches, its state intact;
// the process exits by itself when unused (src/emulator/sandboxProcess.ts) or on Stop Sandbox.
import type { ScenarioName } from '../emulator/scenarios';

export type { ScenarioName };
import { Connection } from '../fsx/types';
import { ControlClient, type ControlEndpoint } from './controlClient';
import { launchSandbox, type LaunchOptions, type LaunchedSandbox } from './sandboxLauncher';
import { SandboxRecordFile, type SandboxRecord } from './sandboxRecord';

export const SANDBOX_REGION = 'us-east-1';
/** How often a window looks whether the process it uses still lives. */
const LIVENESS_CHECK_MS = 2_000;

/** How the process in use ended: 'crashed' (died on its own) or 'idle' (exited unused, or stopped by another window). */
export interface SandboxEnded {
  readonly reason: 'crashed' | 'idle';
  /** The exit code or signal, when this window started the process and saw it end. */
  readonly detail?: string;
  /** What it ran, for a restart. */
  readonly scenario: ScenarioName;
}

export interface LocalSandboxOptions {
  /** The process's script (dist/emulator-process.js). */
  readonly script: string;
  /** Where the running process is recorded for other windows and the next reload. */
  readonly recordFile: string;
  /** Exit after this long with no request (default: the process's own, sandboxProcess.ts). */
  readonly idleMs?: number;
  readonly latencyMs?: number;
  /** Test seam: starts the process. */
  readonly launch?: (options: LaunchOptions) => Promise<LaunchedSandbox>;
  /** Test seam: whether a process id is alive. */
  readonly isAlive?: (pid: number) => boolean;
  /** How often a process this window did not start is looked at (default 2 s). */
  readonly livenessCheckMs?: number;
}

/** Starts, reattaches to and stops the sandbox's emulator process. */
export class LocalSandbox {
  private current?: SandboxRecord;
  private starting?: Promise<Connection>;
  private readonly records: SandboxRecordFile;
  private watch?: ReturnType<typeof setInterval>;
  /** Processes this window asked to stop: their end is not reported. */
  private readonly stopped = new Set<number>();
  private readonly endListeners = new Set<(ended: SandboxEnded) => void>();

  constructor(private readonly options: LocalSandboxOptions) {
    this.records = new SandboxRecordFile(options.recordFile);
  }

  /** Called once per process that ends while this window uses it, unless this window stopped it. */
  onDidEnd(listener: (ended: SandboxEnded) => void): { dispose(): void } {
    this.endListeners.add(listener);
    return { dispose: () => this.endListeners.delete(listener) };
  }

  /** Where the running process is recorded. */
  get recordFile(): string {
    return this.options.recordFile;
  }

  get running(): boolean {
    return !!this.current;
  }

  /** The connection that reaches the running emulator, if it runs. */
  get connection(): Connection | undefined {
    return this.current && connectionOf(this.current);
  }

  /** The process's control endpoint (tests drive the emulator through it: RemoteEmulator). */
  get control(): (ControlEndpoint & { readonly url: string; readonly pid: number }) | undefined {
    const current = this.current;
    return current && { controlUrl: current.controlUrl, token: current.token, url: current.url, pid: current.pid };
  }

  /**
   * The process another window or this one before a reload started, if it still lives and
   * answers with its token: this window uses it from now on. Undefined when there is none.
   */
  async reattach(): Promise<Connection | undefined> {
    if (this.current) {
      return connectionOf(this.current);
    }
    const record = await this.records.read();
    if (!record) {
      return undefined;
    }
    if (!(await this.answers(record))) {
      // Dead, or a process that is not ours under a reused id: forget it.
      await this.records.remove(record.pid);
      return undefined;
    }
    this.use(record);
    return connectionOf(record);
  }

  /** Reattaches to a running process of this scenario or starts one; later calls return the same connection. */
  start(timeScale: number, scenario: ScenarioName = 'demo'): Promise<Connection> {
    if (this.current) {
      return Promise.resolve(connectionOf(this.current));
    }
    this.starting ??= this.reattachOrLaunch(timeScale, scenario).finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  /** Stops the process at once (Stop Sandbox) and forgets it. */
  async stop(): Promise<void> {
    const current = this.current ?? (await this.records.read());
    this.forget();
    if (!current) {
      return;
    }
    this.stopped.add(current.pid);
    await this.records.remove(current.pid);
    try {
      await new ControlClient(current, 2_000).stop();
    } catch {
      // Not answering: end it by its id, if it is still there.
      this.kill(current.pid);
    }
  }

  /** What a closing window does: stops watching and leaves the process for the next window or reload. */
  detach(): void {
    this.forget();
  }

  private async reattachOrLaunch(timeScale: number, scenario: ScenarioName): Promise<Connection> {
    const record = await this.records.read();
    if (record && record.scenario === scenario && (await this.answers(record))) {
      this.use(record);
      return connectionOf(record);
    }
    if (record) {
      // Another scenario, or a process that no longer answers: replaced by a new one.
      this.stopped.add(record.pid);
      await new ControlClient(record, 1_000).stop().catch(() => undefined);
      await this.records.remove(record.pid);
    }
    const launched = await (this.options.launch ?? launchSandbox)({
      script: this.options.script,
      scenario,
      timeScale,
      idleMs: this.options.idleMs,
      latencyMs: this.options.latencyMs,
      stateFile: this.options.recordFile,
    });
    const started: SandboxRecord = { pid: launched.pid, url: launched.url, controlUrl: launched.controlUrl, token: launched.token, scenario, timeScale };
    await this.records.write(started);
    launched.child.once('exit', (code, signal) => this.ended(launched.pid, signal ?? `exit code ${code ?? '?'}`, code === 0 && !signal));
    this.use(started);
    return connectionOf(started);
  }

  private async answers(record: SandboxRecord): Promise<boolean> {
    if (!this.alive(record.pid)) {
      return false;
    }
    try {
      const health = await new ControlClient(record, 2_000).health();
      return health.pid === record.pid && health.url === record.url;
    } catch {
      return false;
    }
  }

  private use(record: SandboxRecord): void {
    this.current = record;
    clearInterval(this.watch);
    // A process this window did not start gives no exit event: its id is looked at instead.
    this.watch = setInterval(() => {
      if (this.current?.pid === record.pid && !this.alive(record.pid)) {
        void this.endedUnseen(record.pid);
      }
    }, this.options.livenessCheckMs ?? LIVENESS_CHECK_MS);
    this.watch.unref?.();
  }

  /** The process ended and this window saw no exit code: its record gone means it left on purpose. */
  private async endedUnseen(pid: number): Promise<void> {
    const stillRecorded = (await this.records.read())?.pid === pid;
    this.ended(pid, undefined, !stillRecorded);
  }

  private ended(pid: number, detail: string | undefined, clean: boolean): void {
    const current = this.current;
    if (current?.pid !== pid) {
      return;
    }
    this.forget();
    if (this.stopped.delete(pid)) {
      return;
    }
    // A crashed process's record stays until the next start replaces it: other windows read it to tell a crash from a stop.
    const ended: SandboxEnded = { reason: clean ? 'idle' : 'crashed', detail, scenario: current.scenario === 'scale' ? 'scale' : 'demo' };
    for (const listener of this.endListeners) {
      listener(ended);
    }
  }

  private forget(): void {
    this.current = undefined;
    clearInterval(this.watch);
    this.watch = undefined;
  }

  private alive(pid: number): boolean {
    if (this.options.isAlive) {
      return this.options.isAlive(pid);
    }
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: alive, but another user's (not ours; the health check decides).
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }

  private kill(pid: number): void {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
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

/**
 * FSX_SANDBOX_LATENCY_MS adds this many ms to every answer of a sandbox this window starts (a
 * simulated round trip, for the benchmark): a whole number from 0 to 10,000; anything else, none.
 */
export function sandboxLatencyFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 10_000) {
    return undefined;
  }
  return Number(value);
}

function connectionOf(record: SandboxRecord): Connection {
  return { region: SANDBOX_REGION, endpoint: record.url, sandbox: true };
}
