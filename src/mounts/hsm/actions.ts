// Acting on files' HSM state: the requests a Lustre client sends to the HSM coordinator
// (`lfs hsm_archive`, `hsm_release`, `hsm_restore`) and the action in progress on a file
// (`lfs hsm_action`). Which of them FSx documents, and for what: docs/ARCHITECTURE.md,
// "Acting on files (HSM)". The real backend runs lfs (lfsActionSource.ts); a sandbox backend
// answers the same interface.

import { groupedBy, sourceByPath, type HsmStateSource } from './source';
import type { HsmFileError } from './states';

/** What a request asks: export the data to S3, free it from the file system, load it back. */
export type HsmRequestKind = 'archive' | 'release' | 'restore';

/** `enum hsm_user_action` as `hsm_user_action2name` prints it (NOOP: nothing in progress). */
export type HsmActionName = 'NOOP' | 'ARCHIVE' | 'RESTORE' | 'RELEASE' | 'REMOVE' | 'CANCEL' | 'UNKNOWN';

/** `enum hsm_progress_states` as `hsm_progress_state2name` prints it. */
export type HsmProgressState = 'waiting' | 'running' | 'done' | 'unknown';

export interface HsmCurrentAction {
  readonly action: HsmActionName;
  /** Absent for NOOP. */
  readonly state?: HsmProgressState;
  /** A running archive or restore: the bytes copied so far. */
  readonly bytesMoved?: number;
}

export type HsmActionAnswer = { readonly ok: true; readonly current: HsmCurrentAction } | { readonly ok: false; readonly error: HsmFileError };

/** Files a request left out, and why: lfs checks each file before it sends anything. */
export interface HsmSkippedFile {
  readonly path: string;
  /** 'notFound': it vanished; 'notRegular': a folder, a link or a device (only regular files have HSM data). */
  readonly reason: 'notFound' | 'notRegular';
}

export interface HsmRequestResult {
  /** The files the coordinator accepted the request for (it works on them in the background). */
  readonly sent: readonly string[];
  readonly skipped: readonly HsmSkippedFile[];
}

/** 'permission': the user may not ask it (lfs says EPERM or EACCES); 'refused': lfs failed otherwise. */
export type HsmRequestErrorKind = 'permission' | 'refused';

export class HsmRequestError extends Error {
  override readonly name = 'HsmRequestError';
  constructor(
    readonly kind: HsmRequestErrorKind,
    /** lfs's words (outside text: plain it before showing it). */
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

export interface HsmActionSource {
  /**
   * Asks the coordinator to act on these files (absolute paths of regular files). Resolves once
   * the request is queued, with the files it went out for; rejects with an HsmRequestError
   * (the user lacks the privilege, lfs refused) or an HsmSourceError (no lfs).
   */
  request(kind: HsmRequestKind, paths: readonly string[], signal?: AbortSignal): Promise<HsmRequestResult>;
  /** The action in progress on each file, by the path asked for. */
  getActions(paths: readonly string[], signal?: AbortSignal): Promise<Map<string, HsmActionAnswer>>;
}

/** Everything the extension asks of a file's HSM: its state, and acting on it. */
export interface HsmBackend extends HsmStateSource, HsmActionSource {}

/** The lfs subcommand of a request. */
export function lfsSubcommand(kind: HsmRequestKind): string {
  return `hsm_${kind}`;
}

/** Above this many files the command to copy walks the selection itself instead of listing each file. */
export const LISTED_FILES_MAX = 1_000;

/**
 * The command a person runs where the extension lacks the privilege, as the FSx guides write it
 * (`sudo lfs hsm_restore path/to/file`): an argument vector, never a shell line. Many files: `find`
 * over the selected paths runs lfs on each regular file in them, still without a shell.
 */
export function privilegedArgv(kind: HsmRequestKind, options: { readonly files: readonly string[]; readonly selected: readonly string[] }): string[] {
  if (options.files.length <= LISTED_FILES_MAX) {
    return ['sudo', 'lfs', lfsSubcommand(kind), ...options.files];
  }
  return ['sudo', 'find', ...options.selected, '-type', 'f', '-exec', 'lfs', lfsSubcommand(kind), '{}', '+'];
}

/**
 * One backend over several, as `sourceByPath` is for states: each path is asked of its mount's
 * backend (the sandbox's for its folder, lfs for the others). A request over both sends each
 * its files; the first refusal rejects the whole (the other's files may have gone out).
 */
export function backendByPath(backendOf: (path: string) => HsmBackend): HsmBackend {
  const grouped = (paths: readonly string[]) => groupedBy(backendOf, paths);
  return {
    ...sourceByPath(backendOf),
    async request(kind, paths, signal) {
      const results = await Promise.all(grouped(paths).map(([backend, group]) => backend.request(kind, group, signal)));
      return { sent: results.flatMap((result) => result.sent), skipped: results.flatMap((result) => result.skipped) };
    },
    async getActions(paths, signal) {
      const results = await Promise.all(grouped(paths).map(([backend, group]) => backend.getActions(group, signal)));
      return new Map(results.flatMap((result) => [...result]));
    },
  };
}
