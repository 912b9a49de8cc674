// Where the export state of files comes from: `lfs hsm_state` on a machine with the Lustre
// client (lfsStateSource.ts), or the sandbox's emulator for the sandbox mount's files
// (sandboxStateSource.ts); `sourceByPath` asks each file's own.

import type { HsmAnswer } from './states';

export interface HsmStateSource {
  /**
   * The state of each file, by the absolute path asked for (duplicates asked once). Rejects with an
   * HsmSourceError when no file can be answered (no lfs, lfs hung), with the signal's reason
   * when it aborts; a file lfs could not read is an answer (`ok: false`), not a rejection.
   */
  getStates(paths: readonly string[], signal?: AbortSignal): Promise<Map<string, HsmAnswer>>;
}

/** 'notInstalled': no lfs program; 'notRunnable': it could not be started; 'timeout': it did not answer in time. */
export type HsmSourceErrorKind = 'notInstalled' | 'notRunnable' | 'timeout';

/** Installing the Lustre client, for the message when lfs is missing. */
export const LUSTRE_CLIENT_DOC = 'https://docs.aws.amazon.com/fsx/latest/LustreGuide/install-lustre-client.html';

export class HsmSourceError extends Error {
  override readonly name = 'HsmSourceError';
  constructor(
    readonly kind: HsmSourceErrorKind,
    /** For the log: the program and what the system said (no file names). */
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/**
 * One source over several: each path is asked of the source `sourceOf` names for it (the mount's),
 * the sources at once. A source that fails leaves its paths unanswered (absent, so they are asked
 * again) without taking the others' answers with it: no lfs on a machine must not hide the
 * sandbox's badges. Only when every source asked failed does the call reject, with the first
 * failure (so a call of lfs's files alone still says lfs is missing).
 */
export function sourceByPath(sourceOf: (path: string) => HsmStateSource): HsmStateSource {
  return {
    async getStates(paths, signal) {
      const results = await Promise.allSettled(groupedBy(sourceOf, paths).map(([source, group]) => source.getStates(group, signal)));
      signal?.throwIfAborted();
      const failure = results.find((result) => result.status === 'rejected');
      if (failure && results.every((result) => result.status === 'rejected')) {
        throw failure.reason;
      }
      const answers = new Map<string, HsmAnswer>();
      for (const result of results) {
        if (result.status === 'fulfilled') {
          for (const [path, answer] of result.value) {
            answers.set(path, answer);
          }
        }
      }
      return answers;
    },
  };
}

/** The paths by the source (or backend) `ownerOf` names for each, in the order first met. */
export function groupedBy<Owner>(ownerOf: (path: string) => Owner, paths: readonly string[]): [Owner, string[]][] {
  const groups = new Map<Owner, string[]>();
  for (const path of paths) {
    const owner = ownerOf(path);
    const group = groups.get(owner) ?? [];
    group.push(path);
    groups.set(owner, group);
  }
  return [...groups];
}
