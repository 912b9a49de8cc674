// Starts the sandbox's emulator as a child Node process (src/emulator/sandboxProcess.ts): the
// extension host's own runtime (process.execPath; in VS Code's Electron host with
// ELECTRON_RUN_AS_NODE=1, as VS Code's built-in extensions fork theirs), an argument vector and no
// shell, detached in its own process group so that a window reload does not take it along. The
// child picks its ports and reports them, with its token, on its one stdout line.
import { spawn, type ChildProcess } from 'node:child_process';

export interface LaunchOptions {
  /** The process's script: dist/emulator-process.js (or the compiled src for tests). */
  readonly script: string;
  readonly scenario: string;
  readonly timeScale: number;
  /** Exit after this long with no request (the child's default when undefined). */
  readonly idleMs?: number;
  /** Added to every FSx/S3 answer (a simulated round trip). */
  readonly latencyMs?: number;
  /** Removed by the child when it exits idle, if it still names the child. */
  readonly stateFile?: string;
  /** How long to wait for the handshake. */
  readonly timeoutMs?: number;
}

export interface LaunchedSandbox {
  readonly pid: number;
  readonly url: string;
  readonly controlUrl: string;
  readonly token: string;
  /** The child: its 'exit' says how it ended (only for the window that started it). */
  readonly child: ChildProcess;
}

const DEFAULT_HANDSHAKE_MS = 30_000;
const MAX_STDERR = 2_000;

export function launchSandbox(options: LaunchOptions): Promise<LaunchedSandbox> {
  const args = [options.script, '--scenario', options.scenario, '--time-scale', String(options.timeScale)];
  if (options.idleMs !== undefined) {
    args.push('--idle-ms', String(options.idleMs));
  }
  if (options.latencyMs !== undefined) {
    args.push('--latency-ms', String(options.latencyMs));
  }
  if (options.stateFile !== undefined) {
    args.push('--state-file', options.stateFile);
  }
  const child = spawn(process.execPath, args, {
    detached: true,
    shell: false,
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (reason: string): void => {
      finish();
      child.kill();
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail(`the sandbox process did not start within ${(options.timeoutMs ?? DEFAULT_HANDSHAKE_MS) / 1000} s`), options.timeoutMs ?? DEFAULT_HANDSHAKE_MS);
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`the sandbox process ended before it was ready (${signal ?? `exit code ${code ?? '?'}`})${stderr ? `: ${stderr.trim().slice(0, MAX_STDERR)}` : ''}`);
    const onError = (error: Error): void => fail(`the sandbox process could not be started: ${error.message}`);
    const finish = (): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      // Nothing more is read: the child writes nothing after its handshake, and the window may go.
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
    };
    child.once('exit', onExit);
    child.once('error', onError);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-MAX_STDERR);
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end < 0) {
        return;
      }
      let handshake: Partial<LaunchedSandbox>;
      try {
        handshake = JSON.parse(stdout.slice(0, end)) as Partial<LaunchedSandbox>;
      } catch {
        fail('the sandbox process wrote something other than its handshake');
        return;
      }
      const { pid, url, controlUrl, token } = handshake;
      if (child.pid === undefined || pid !== child.pid || typeof url !== 'string' || typeof controlUrl !== 'string' || typeof token !== 'string') {
        fail('the sandbox process wrote an incomplete handshake');
        return;
      }
      finish();
      resolve({ pid: child.pid, url, controlUrl, token, child });
    });
  });
}
