// The HSM backend of a machine with the Lustre client: the states (lfsStateSource.ts) and the
// requests and actions in progress, all through the `lfs` program with argument vectors, in the
// same few process slots.

import { type HsmActionAnswer, type HsmBackend, HsmRequestError, type HsmRequestKind, type HsmRequestResult, type HsmSkippedFile, lfsSubcommand } from './actions';
import { batchesOf } from './batches';
import { LfsStateSource } from './lfsStateSource';
import { parseHsmAction, parseRequestFailure } from './parseAction';

export class LfsBackend extends LfsStateSource implements HsmBackend {
  getActions(paths: readonly string[], signal?: AbortSignal): Promise<Map<string, HsmActionAnswer>> {
    return this.askEach({ subcommand: 'hsm_action', parse: parseHsmAction }, paths, signal);
  }

  /**
   * One process per batch, one batch after another. lfs sends nothing when a file fails its
   * check (vanished, not a regular file): that file is left out and the rest asked again.
   */
  async request(kind: HsmRequestKind, paths: readonly string[], signal?: AbortSignal): Promise<HsmRequestResult> {
    this.throwIfUnavailable();
    signal?.throwIfAborted();
    const call = new AbortController();
    const onAbort = () => call.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const sent: string[] = [];
    const skipped: HsmSkippedFile[] = [];
    try {
      for (const batch of batchesOf(paths, this.limits)) {
        let pending = batch;
        while (pending.length > 0) {
          const args = pending;
          const result = await this.inSlot(() => this.run([lfsSubcommand(kind), ...args], call.signal), call);
          if (result.code === 0) {
            sent.push(...pending);
            break;
          }
          const failure = parseRequestFailure(pending, result.stderr, result.code);
          if (failure.kind !== 'skip') {
            throw new HsmRequestError(failure.kind, failure.detail);
          }
          skipped.push({ path: failure.path, reason: failure.reason });
          pending = pending.filter((path) => path !== failure.path);
        }
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    return { sent, skipped };
  }
}
