// The export state of files from the `lfs` program of the Lustre client: `lfs hsm_state` with
// many files per process, argument vectors and never a shell, at most a few processes at once,
// each bounded in time. Lustre before 2.16 stops at the first file it cannot read (a file that
// vanished since the listing): the files after it are asked again.

import { spawn } from 'node:child_process';
import { type BatchLimits, DEFAULT_BATCH_LIMITS, batchesOf } from './batches';
import { parseHsmState } from './parse';
import { HsmSourceError, type HsmStateSource } from './source';
import type { HsmAnswer, HsmFileError } from './states';

export interface LfsStateSourceOptions {
  /** The program: a path, or a name looked up on the PATH of `env`. Default `lfs`. */
  readonly executable?: string;
  /** Processes at once, across every call. Default 2. */
  readonly concurrency?: number;
  readonly batch?: BatchLimits;
  /** One process's time to answer. Default 30 s (a file system that hangs must not hold a slot for ever). */
  readonly timeoutMs?: number;
  /** Default the extension host's; LC_ALL=C is always set, so lfs's error words are the ones parsed. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What one process printed; more than this is a misbehaving program and is not kept. */
const OUTPUT_MAX_BYTES = 4 * 1024 * 1024;

/** An lfs subcommand that answers per file, and its parser. */
export interface LfsQuestion<A> {
  readonly subcommand: string;
  parse(paths: readonly string[], stdout: string, stderr: string): Array<A | undefined>;
}

type NoAnswer = { readonly ok: false; readonly error: HsmFileError };

export interface ProcessResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

export class LfsStateSource implements HsmStateSource {
  private readonly executable: string;
  private readonly concurrency: number;
  protected readonly limits: BatchLimits;
  private readonly timeoutMs: number;
  private readonly env: NodeJS.ProcessEnv;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Set when the program is missing or cannot start: later calls fail at once, without a process. */
  private unavailable: HsmSourceError | undefined;
  /** Counters for tests and the benchmark. */
  readonly stats = { processes: 0, peakRunning: 0 };

  constructor(options: LfsStateSourceOptions = {}) {
    this.executable = options.executable ?? 'lfs';
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.limits = options.batch ?? DEFAULT_BATCH_LIMITS;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.env = { ...(options.env ?? process.env), LC_ALL: 'C' };
  }

  /** Forgets that lfs was missing (the user installed it and refreshed). */
  recheck(): void {
    this.unavailable = undefined;
  }

  getStates(paths: readonly string[], signal?: AbortSignal): Promise<Map<string, HsmAnswer>> {
    return this.askEach({ subcommand: 'hsm_state', parse: parseHsmState }, paths, signal);
  }

  /** Asks lfs `ask.subcommand` about each file, in batches, in the shared slots. */
  protected async askEach<A>(ask: LfsQuestion<A>, paths: readonly string[], signal?: AbortSignal): Promise<Map<string, A | NoAnswer>> {
    this.throwIfUnavailable();
    signal?.throwIfAborted();
    // One failure (no lfs, a timeout) or the caller's abort stops this call's other processes.
    const call = new AbortController();
    const onAbort = () => call.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const answers = new Map<string, A | NoAnswer>();
    try {
      await Promise.all(batchesOf(paths, this.limits).map((batch) => this.askAll(ask, batch, answers, call)));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    return answers;
  }

  /** Fails at once, without a process, when lfs was found missing. */
  protected throwIfUnavailable(): void {
    if (this.unavailable) {
      throw this.unavailable;
    }
  }

  /** Asks about a batch until every file has an answer or a process answers none of the rest. */
  private async askAll<A>(ask: LfsQuestion<A>, batch: readonly string[], answers: Map<string, A | NoAnswer>, call: AbortController): Promise<void> {
    let pending = batch;
    while (pending.length > 0) {
      const result = await this.inSlot(() => this.run([ask.subcommand, ...pending], call.signal), call);
      const parsed = ask.parse(pending, result.stdout, result.stderr);
      const rest = pending.filter((path, index) => {
        const answer = parsed[index];
        if (answer) {
          answers.set(path, answer);
        }
        return !answer;
      });
      if (rest.length === pending.length) {
        const message = `lfs exited with ${result.code ?? 'a signal'} without a line for these files`;
        for (const path of rest) {
          answers.set(path, { ok: false, error: { kind: 'noAnswer', message } });
        }
        return;
      }
      pending = rest;
    }
  }

  /** Runs `work` in one of the slots; its failure stops the rest of the call before the slot is handed on. */
  protected async inSlot<T>(work: () => Promise<T>, call: AbortController): Promise<T> {
    while (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    // A failure elsewhere in the call while this one waited: start nothing, hand the free slot on.
    if (call.signal.aborted || this.unavailable) {
      this.waiting.shift()?.();
      throw call.signal.aborted ? call.signal.reason : this.unavailable;
    }
    this.running++;
    this.stats.peakRunning = Math.max(this.stats.peakRunning, this.running);
    try {
      return await work();
    } catch (error) {
      call.abort(error);
      throw error;
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** One lfs process with these arguments (a subcommand and its files). */
  protected run(args: readonly string[], signal: AbortSignal): Promise<ProcessResult> {
    return new Promise<ProcessResult>((resolve, reject) => {
      this.stats.processes++;
      const child = spawn(this.executable, args, { stdio: ['ignore', 'pipe', 'pipe'], env: this.env, windowsHide: true });
      const stdout = new Collector();
      const stderr = new Collector();
      child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
      let settled = false;
      const settle = (outcome: () => void) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          outcome();
        }
      };
      const stop = (error: unknown) => {
        child.kill('SIGKILL');
        settle(() => reject(error));
      };
      const timer = setTimeout(() => stop(new HsmSourceError('timeout', `${this.executable} ${args[0]} gave no answer in ${this.timeoutMs} ms`)), this.timeoutMs);
      const onAbort = () => stop(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      child.on('error', (error: NodeJS.ErrnoException) => {
        const unavailable =
          error.code === 'ENOENT'
            ? new HsmSourceError('notInstalled', `${this.executable} was not found`)
            : new HsmSourceError('notRunnable', `${this.executable} could not be started: ${error.code ?? error.message}`);
        this.unavailable = unavailable;
        stop(unavailable);
      });
      child.on('close', (code) => settle(() => resolve({ stdout: stdout.text(), stderr: stderr.text(), code })));
    });
  }
}

class Collector {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  add(chunk: Buffer): void {
    if (this.bytes < OUTPUT_MAX_BYTES) {
      this.chunks.push(chunk);
      this.bytes += chunk.length;
    }
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
