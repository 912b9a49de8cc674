// The export state of files under the machine's Lustre mounts, as Explorer decorations: a badge,
// a theme colour and a tooltip per file (viewModel/exportStateText.ts). VS Code asks only for the
// rows it shows, so only folders the user opened are asked about; the questions are gathered into
// few `lfs hsm_state` processes (viewModel/exportStateCache.ts, mounts/hsm/lfsStateSource.ts).
// Without Lustre mounts the provider is not registered: nothing is asked and no process starts.
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { findMount, type LustreMount } from '../mounts';
import type { SandboxMount } from '../mounts';
import { backendByPath, exportStatusOf, HsmSourceError, type HsmAnswer, type HsmBackend, LfsBackend, LUSTRE_CLIENT_DOC, SandboxStateSource } from '../mounts/hsm';
import { systemClock, type Clock } from '../tracking/clock';
import { ExportStateCache } from '../viewModel/exportStateCache';
import { createExportStateText, EXPORT_STATE_LOOKS } from '../viewModel/exportStateText';
import type { Prompts } from './prompts';

/** The lfs program to run instead of `lfs` on the PATH (tests give a fake one). Read when the source is made. */
export const LFS_ENV = 'FSX_LFS';

export interface ExportStateDecorationsOptions {
  readonly mounts: { lustreMounts(): readonly LustreMount[]; sandboxMount(): SandboxMount | undefined; readonly onDidChange: vscode.Event<void> };
  readonly prompts: Pick<Prompts, 'message'>;
  readonly log: vscode.LogOutputChannel;
  /**
   * Makes the backend, at first use and on each refresh. Default: the sandbox's emulator for the
   * sandbox mount's files, lfs (or FSX_LFS) of this machine for the others, with the environment of that moment.
   */
  readonly makeSource?: () => HsmBackend;
  readonly clock?: Clock;
}

export class ExportStateDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changes.event;
  private readonly text = createExportStateText(vscode.l10n);
  private readonly cache: ExportStateCache;
  private readonly disposables: vscode.Disposable[] = [];
  private watcher: vscode.Disposable | undefined;
  private registration: vscode.Disposable | undefined;
  private source: HsmBackend | undefined;
  private readonly makeSource: () => HsmBackend;

  constructor(private readonly options: ExportStateDecorationsOptions) {
    this.makeSource = options.makeSource ?? (() => defaultBackend(options.mounts));
    this.cache = new ExportStateCache({
      // Made when first needed, so a window without Lustre mounts never makes one.
      source: { getStates: (paths, signal) => this.backend().getStates(paths, signal) },
      clock: options.clock ?? systemClock,
      onUnavailable: (error) => void this.sayUnavailable(error),
      onError: (error) => options.log.warn(`Export state: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.disposables.push(options.mounts.onDidChange(() => this.mountsChanged()));
    this.mountsChanged();
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (uri.scheme !== 'file' || !findMount(this.options.mounts.lustreMounts(), uri.fsPath) || !(await isFile(uri.fsPath))) {
      return undefined;
    }
    const answer = await this.cache.get(uri.fsPath);
    return answer && this.decorationOf(answer);
  }

  /** The HSM backend the badges read: the release preview and the Explorer's Restore use it too (one set of lfs slots). */
  backend(): HsmBackend {
    return (this.source ??= this.makeSource());
  }

  /** Every shown file's state may have changed (a task ended): asks again, without looking for a missing lfs again. */
  statesChanged(): void {
    this.cache.invalidate();
    this.changes.fire(undefined);
  }

  /** Asks again for every file shown and looks for lfs again (the mounts changed; the user's Refresh). */
  refresh(): void {
    this.source = undefined;
    this.cache.reset();
    this.changes.fire(undefined);
  }

  /** Asks again for these files (written, created or deleted). */
  filesChanged(uris: readonly vscode.Uri[]): void {
    this.cache.invalidate(uris.map((uri) => uri.fsPath));
    this.changes.fire([...uris]);
  }

  dispose(): void {
    this.cache.dispose();
    this.watcher?.dispose();
    this.registration?.dispose();
    for (const disposable of [...this.disposables, this.changes]) {
      disposable.dispose();
    }
  }

  private decorationOf(answer: HsmAnswer): vscode.FileDecoration | undefined {
    if (!answer.ok) {
      const tooltip = this.text.fileErrorTooltip(answer.error);
      return tooltip === undefined ? undefined : new vscode.FileDecoration('?', tooltip);
    }
    const status = exportStatusOf(answer.state);
    const look = EXPORT_STATE_LOOKS[status.state];
    return new vscode.FileDecoration(look.badge, this.text.tooltip(status), new vscode.ThemeColor(look.color));
  }

  /**
   * Registered as the Explorer's decoration provider only while there are Lustre mounts: VS Code
   * asks a provider about every row it shows, and a window without them (most) need not answer.
   * A write makes a file's state stale: the workspace's own watcher tells (a watcher of its own
   * over a whole Lustre mount would cost an inotify watch per folder; and Lustre tells a client
   * only of its own writes). Only while there are Lustre mounts.
   */
  private mountsChanged(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    const mounted = this.options.mounts.lustreMounts().length > 0;
    if (mounted !== (this.registration !== undefined)) {
      this.registration?.dispose();
      this.registration = mounted ? vscode.window.registerFileDecorationProvider(this) : undefined;
    }
    if (mounted) {
      const watcher = vscode.workspace.createFileSystemWatcher('**/*');
      const changed = (uri: vscode.Uri) => {
        if (findMount(this.options.mounts.lustreMounts(), uri.fsPath)) {
          this.filesChanged([uri]);
        }
      };
      watcher.onDidChange(changed);
      watcher.onDidCreate(changed);
      watcher.onDidDelete(changed);
      this.watcher = watcher;
    }
    this.refresh();
  }

  private async sayUnavailable(error: HsmSourceError): Promise<void> {
    this.options.log.warn(`Export state: ${error.message}`);
    const guide = vscode.l10n.t('Open the Installation Guide');
    const choice = await this.options.prompts.message('warning', this.text.sourceErrorMessage(error.kind), guide);
    if (choice === guide) {
      await vscode.env.openExternal(vscode.Uri.parse(LUSTRE_CLIENT_DOC));
    }
  }
}

/** The sandbox's emulator answers for its mount's files, lfs for every other. */
function defaultBackend(mounts: ExportStateDecorationsOptions['mounts']): HsmBackend {
  const lfs = new LfsBackend({ executable: process.env[LFS_ENV] || 'lfs' });
  const sandbox = mounts.sandboxMount();
  if (!sandbox) {
    return lfs;
  }
  const emulator = new SandboxStateSource({ sandbox });
  return backendByPath((path) => (findMount(mounts.lustreMounts(), path) === sandbox.mount ? emulator : lfs));
}

/** Folders have no HSM state (lfs would answer with an error): only files are asked about. */
async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
