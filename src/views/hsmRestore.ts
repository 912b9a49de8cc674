// "Restore from S3" on files and folders of a Lustre mount: loads the data of released files back
// onto the file system with `lfs hsm_restore` (the FSx guide's way to preload files; no data
// repository task does it), then follows it with `lfs hsm_action` until each file shows no
// action in progress. Only released files are asked for. Where the user lacks the privilege (the
// guide runs it with sudo), says so and offers the exact command to copy; it never runs one.
import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import { findMount, type LustreMount } from '../mounts';
import { exportStatusOf, type HsmBackend, HsmRequestError, HsmSourceError, listFiles, privilegedArgv } from '../mounts/hsm';
import { createExportStateText } from '../viewModel/exportStateText';
import { bytesText } from '../viewModel/releasePreviewText';
import { copyCliCommand } from './cliCopy';
import type { Prompts } from './prompts';

export interface HsmRestoreDeps {
  readonly prompts: Prompts;
  readonly log: vscode.LogOutputChannel;
  readonly backend: HsmBackend;
  readonly mounts: readonly LustreMount[];
  /** Told which files changed, so their badges are asked again. */
  filesChanged(uris: readonly vscode.Uri[]): void;
}

/** How often the restore's progress is asked, and for how long at most (the restore itself goes on). */
const WATCH_EVERY_MS = 2_000;
const WATCH_FOR_MS = 10 * 60_000;
const WATCH_FILES_MAX = 1_000;
/** Files asked about per lfs hsm_state call while looking for released ones. */
const CHUNK = 1_000;

export async function restoreFromS3(deps: HsmRestoreDeps, selected: readonly string[]): Promise<void> {
  // The mount table names real paths; a folder opened through a symbolic link names the link.
  const paths = await Promise.all(selected.map((path) => realpath(path).catch(() => path)));
  const outside = paths.find((path) => !findMount(deps.mounts, path));
  if (outside !== undefined || paths.length === 0) {
    void deps.prompts.message('warning', vscode.l10n.t('{0} is not on a mounted FSx for Lustre file system or File Cache.', plainText(outside ?? '')));
    return;
  }
  const text = createExportStateText(vscode.l10n);
  let released: readonly string[] = [];
  try {
    const found = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for released files'), cancellable: true },
      (progress, token) => releasedFiles(deps.backend, paths, token, (files) => progress.report({ message: vscode.l10n.t('{0} files read', files) })),
    );
    if (!found) {
      return;
    }
    if (found.released.length === 0) {
      void deps.prompts.message('info', vscode.l10n.t('Nothing to restore: none of the {0} files is released; their data is on the file system.', found.files));
      return;
    }
    released = found.released;
    const result = await deps.backend.request('restore', released);
    for (const skipped of result.skipped) {
      deps.log.info(`Restore: ${skipped.path} left out (${skipped.reason})`);
    }
    await followRestore(deps, result.sent);
  } catch (error) {
    if (error instanceof HsmRequestError && error.kind === 'permission') {
      await offerPrivilegedCommand(deps, error, { files: released, selected: paths });
    } else if (error instanceof HsmRequestError) {
      void deps.prompts.message('error', vscode.l10n.t('lfs hsm_restore refused: {0}', plainText(error.detail)));
    } else if (error instanceof HsmSourceError) {
      void deps.prompts.message('warning', text.sourceErrorMessage(error.kind));
    } else {
      throw error;
    }
  }
}

/** The released files under the paths; undefined when cancelled. */
async function releasedFiles(backend: HsmBackend, paths: readonly string[], token: vscode.CancellationToken, onProgress: (files: number) => void): Promise<{ released: string[]; files: number } | undefined> {
  const cancel = new AbortController();
  const subscription = token.onCancellationRequested(() => cancel.abort());
  const released: string[] = [];
  let files = 0;
  let chunk: string[] = [];
  const flush = async () => {
    const states = await backend.getStates(chunk, cancel.signal);
    for (const [path, answer] of states) {
      if (answer.ok && exportStatusOf(answer.state).state === 'released') {
        released.push(path);
      }
    }
    files += chunk.length;
    chunk = [];
    onProgress(files);
  };
  try {
    for await (const path of listFiles(paths, { signal: cancel.signal })) {
      chunk.push(path);
      if (chunk.length >= CHUNK) {
        await flush();
      }
    }
    if (chunk.length > 0) {
      await flush();
    }
    return { released, files };
  } catch (error) {
    if (cancel.signal.aborted) {
      return undefined;
    }
    throw error;
  } finally {
    subscription.dispose();
  }
}

/** Asks `lfs hsm_action` until no file has a restore in progress, the watch times out, or the person stops watching. */
async function followRestore(deps: HsmRestoreDeps, sent: readonly string[]): Promise<void> {
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restoring {0} files from S3', sent.length), cancellable: true },
    async (progress, token) => {
      const started = Date.now();
      let pending = [...sent];
      while (pending.length > 0 && !token.isCancellationRequested && Date.now() - started < WATCH_FOR_MS) {
        // At most WATCH_FILES_MAX files a round (10 lfs processes): the rest wait their turn.
        const asked = pending.slice(0, WATCH_FILES_MAX);
        const actions = await deps.backend.getActions(asked);
        let bytes = 0;
        const busy = asked.filter((path) => {
          const answer = actions.get(path);
          // Done: nothing in progress (NOOP), or the restore says done; a file gone is not waited for.
          bytes += answer?.ok === true ? (answer.current.bytesMoved ?? 0) : 0;
          return answer?.ok === true && answer.current.action !== 'NOOP' && answer.current.state !== 'done';
        });
        pending = [...busy, ...pending.slice(WATCH_FILES_MAX)];
        const loaded = sent.length - pending.length;
        progress.report({
          message: bytes > 0 ? vscode.l10n.t('{0} of {1} files loaded, {2} copied of those in progress', loaded, sent.length, bytesText(bytes)) : vscode.l10n.t('{0} of {1} files loaded', loaded, sent.length),
        });
        if (pending.length > 0) {
          await new Promise((resolve) => setTimeout(resolve, WATCH_EVERY_MS));
        }
      }
      return { pending: pending.length };
    },
  );
  deps.filesChanged(sent.map((path) => vscode.Uri.file(path)));
  if (outcome.pending === 0) {
    void deps.prompts.message('info', vscode.l10n.t('Restored {0} files from S3.', sent.length));
  } else {
    void deps.prompts.message('info', vscode.l10n.t('Restore requested for {0} files; {1} are still loading. Their badges change on Refresh.', sent.length, outcome.pending));
  }
}

async function offerPrivilegedCommand(deps: HsmRestoreDeps, error: HsmRequestError, target: { readonly files: readonly string[]; readonly selected: readonly string[] }): Promise<void> {
  deps.log.warn(`Restore refused: ${error.detail}`);
  const copy = vscode.l10n.t('Copy Command');
  const choice = await deps.prompts.message(
    'warning',
    vscode.l10n.t('Restoring needs a privilege this user lacks (lfs hsm_restore: {0}). The FSx guide runs it with sudo: copy the command and run it in a terminal.', plainText(error.detail)),
    copy,
  );
  if (choice !== copy) {
    return;
  }
  // The released files found: the command lists exactly those (or walks the selection when there are many).
  await copyCliCommand(deps.prompts, [{ label: vscode.l10n.t('Restore the released files as root'), argv: privilegedArgv('restore', target) }], vscode.l10n.t('Copy Restore Command'), {
    copied: (shell) => vscode.l10n.t('Copied the restore command ({0}); it was not run.', shell),
  });
}
