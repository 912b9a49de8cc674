// "What a release would free", before a release task starts (the start flow's preview step, so
// from the tree and the Explorer alike): walks the task's paths under this machine's mount of the
// file system (the Explorer selection's, else previewMountOf's choice, which it names), with a
// cancellable progress notification that is gone before the answer opens; then says what would be
// released and what would stay and why. Its first button, which Enter presses, changes the days;
// continuing leads on to the report and the confirmation, where the task is started.
import * as vscode from 'vscode';
import type { LustreMount } from '../mounts';
import { type HsmStateSource, HsmSourceError, localPathsOf, previewMountOf, type ReleaseWalkResult, walkReleasePreview } from '../mounts/hsm';
import type { Clock } from '../tracking/clock';
import { releasePreviewWords } from '../viewModel/releasePreviewText';
import type { ReleasePreviewRequest } from '../viewModel/startTaskFlow';
import { createExportStateText } from '../viewModel/exportStateText';
import { settledBeforeDialog } from '../viewModel/progressBeforeDialog';
import type { Prompts } from './prompts';

export interface ReleasePreviewDeps {
  readonly prompts: Pick<Prompts, 'modal' | 'message'>;
  readonly log: vscode.LogOutputChannel;
  readonly states: HsmStateSource;
  readonly clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
}

/** The last walk of one start flow: Back from the report step shows it again without walking again. */
export interface ReleasePreviewMemo {
  last?: { readonly key: string; readonly result: ReleaseWalkResult };
}

/** The file system's mounts on this machine, and the mount point of the Explorer selection the release started from, if it did. */
export interface ReleasePreviewMounts {
  readonly mounts: readonly LustreMount[];
  readonly selected?: string;
}

export async function showReleasePreview(deps: ReleasePreviewDeps, where: ReleasePreviewMounts, request: ReleasePreviewRequest, memo: ReleasePreviewMemo = {}): Promise<'continue' | 'changeDays' | undefined> {
  const mount = previewMountOf(where.mounts, request.paths, where.selected);
  if (!mount) {
    return 'continue';
  }
  const { local, unreachable } = localPathsOf(mount, request.paths);
  const key = JSON.stringify([local, request.days]);
  let result: ReleaseWalkResult;
  try {
    result = memo.last?.key === key ? memo.last.result : await walkWithProgress(deps, local, request.days);
  } catch (error) {
    // The preview informs; without it the release can still start (the confirmation restates it).
    deps.log.warn(`Release preview: ${error instanceof Error ? error.message : String(error)}`);
    const why = error instanceof HsmSourceError ? createExportStateText(vscode.l10n).sourceErrorMessage(error.kind) : vscode.l10n.t('The files could not be read.');
    void deps.prompts.message('warning', vscode.l10n.t('No preview of what the release would free: {0}', why));
    return 'continue';
  }
  memo.last = { key, result };
  const words = releasePreviewWords(result, { days: request.days, unreachable, walked: { mountPoint: mount.mountPoint, mounts: where.mounts.length } }, vscode.l10n);
  const changeDays = vscode.l10n.t('Change Days');
  const carryOn = vscode.l10n.t('Continue with These Paths');
  const choice = await deps.prompts.modal(words.message, words.details.join('\n'), changeDays, carryOn);
  return choice === carryOn ? 'continue' : choice === changeDays ? 'changeDays' : undefined;
}

/**
 * The walk, under a cancellable notification that counts the files read once it takes a moment;
 * answered when that notification is gone, so the dialog after it opens alone.
 */
function walkWithProgress(deps: ReleasePreviewDeps, local: readonly string[], days: number): Promise<ReleaseWalkResult> {
  const cancel = new AbortController();
  let report: ((files: number) => void) | undefined;
  const walk = walkReleasePreview(local, { states: deps.states, days, nowMs: deps.clock.now(), signal: cancel.signal, onProgress: (files) => report?.(files) });
  const show = (running: Promise<ReleaseWalkResult>) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Counting what the release would free'), cancellable: true }, async (progress, token) => {
      const subscription = token.onCancellationRequested(() => cancel.abort());
      report = (files) => progress.report({ message: vscode.l10n.t('{0} files read', files) });
      try {
        await running;
      } finally {
        subscription.dispose();
      }
    });
  return settledBeforeDialog(walk, show, deps.clock);
}
