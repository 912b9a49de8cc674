// The export state of the sandbox mount's files, from the emulator that keeps it (the sandbox's
// HSM backend): the same interface as lfsStateSource.ts, asked over HTTP on the emulator's URL
// in the same batches, each file by its path relative to the file system's root, as lfs is
// asked by its local path. The emulator answers each file as lfs would (bits, or the C
// library's words for why not).

import { relativeToMount } from '../matching';
import { postSandboxHsm, type SandboxMount } from '../sandboxMount';
import { type BatchLimits, DEFAULT_BATCH_LIMITS, batchesOf } from './batches';
import { errorKindOf } from './parse';
import { type HsmActionAnswer, type HsmBackend, HsmRequestError, type HsmRequestKind, type HsmRequestResult, type HsmSkippedFile } from './actions';
import type { HsmAnswer } from './states';

export interface SandboxStateSourceOptions {
  readonly sandbox: SandboxMount;
  readonly batch?: BatchLimits;
}

/**
 * The sandbox's HSM backend. Restore goes to the emulator, which loads a released file back at
 * once (so no action is ever in progress); archive and release are done by the sandbox's export
 * and release tasks, as on FSx, so a direct request for them is refused with the reason.
 */
export class SandboxStateSource implements HsmBackend {
  /** Requests so far, for tests. */
  readonly stats = { requests: 0 };

  constructor(private readonly options: SandboxStateSourceOptions) {}

  async getStates(paths: readonly string[], signal?: AbortSignal): Promise<Map<string, HsmAnswer>> {
    signal?.throwIfAborted();
    const answers = new Map<string, HsmAnswer>();
    const relativeOf = new Map<string, string>();
    for (const path of paths) {
      const relative = relativeToMount(this.options.sandbox.mount, path);
      if (relative === undefined) {
        answers.set(path, { ok: false, error: { kind: 'notSupported', message: 'Not on the sandbox mount' } });
      } else {
        relativeOf.set(path, relative);
      }
    }
    // One request after the other: a loopback server, and the order keeps the log readable.
    for (const batch of batchesOf([...relativeOf.keys()], this.options.batch ?? DEFAULT_BATCH_LIMITS)) {
      const files = await this.ask(batch.map((path) => relativeOf.get(path) as string), signal);
      batch.forEach((path, index) => answers.set(path, answerOf(files[index])));
    }
    return answers;
  }

  async request(kind: HsmRequestKind, paths: readonly string[], signal?: AbortSignal): Promise<HsmRequestResult> {
    if (kind !== 'restore') {
      throw new HsmRequestError('refused', `The sandbox ${kind === 'archive' ? 'exports' : 'releases'} files with a data repository task only.`);
    }
    const sent: string[] = [];
    const skipped: HsmSkippedFile[] = [];
    const onMount = paths.filter((path) => relativeToMount(this.options.sandbox.mount, path) !== undefined);
    for (const path of paths.filter((candidate) => !onMount.includes(candidate))) {
      skipped.push({ path, reason: 'notFound' });
    }
    for (const batch of batchesOf(onMount, this.options.batch ?? DEFAULT_BATCH_LIMITS)) {
      const files = await this.ask(batch.map((path) => relativeToMount(this.options.sandbox.mount, path) as string), signal, 'restore');
      batch.forEach((path, index) => {
        const answer = answerOf(files[index]);
        if (answer.ok) {
          sent.push(path);
        } else {
          skipped.push({ path, reason: answer.error.kind === 'notFound' ? 'notFound' : 'notRegular' });
        }
      });
    }
    return { sent, skipped };
  }

  /** Nothing is ever in progress: the sandbox restores at once. */
  async getActions(paths: readonly string[], signal?: AbortSignal): Promise<Map<string, HsmActionAnswer>> {
    signal?.throwIfAborted();
    return new Map(paths.map((path) => [path, { ok: true, current: { action: 'NOOP' } }]));
  }

  private async ask(relativePaths: readonly string[], signal?: AbortSignal, operation: 'state' | 'restore' = 'state'): Promise<unknown[]> {
    this.stats.requests++;
    const answer = await postSandboxHsm(this.options.sandbox.endpoint, operation, { fileSystemId: this.options.sandbox.fileSystemId, paths: relativePaths }, signal);
    const files = typeof answer === 'object' && answer !== null ? (answer as { files?: unknown }).files : undefined;
    return Array.isArray(files) ? files : [];
  }
}

function answerOf(file: unknown): HsmAnswer {
  if (typeof file === 'object' && file !== null) {
    const { mask, archiveId, error } = file as { mask?: unknown; archiveId?: unknown; error?: unknown };
    if (Number.isInteger(mask) && (mask as number) >= 0) {
      return { ok: true, state: { mask: mask as number, archiveId: Number.isInteger(archiveId) ? (archiveId as number) : 0 } };
    }
    if (typeof error === 'string') {
      return { ok: false, error: { kind: errorKindOf(error), message: error } };
    }
  }
  return { ok: false, error: { kind: 'noAnswer', message: 'The sandbox gave no answer for this file' } };
}
