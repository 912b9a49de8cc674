// What activation builds in every window, and all it builds in a window that does not use the
// extension (docs/ARCHITECTURE.md, Bundles and activation): the view, the document schemes of
// ours, and a waker for each contributed command. wake() loads the main code once, synchronously:
// at activation when the window needs it (viewModel/startPlan.ts decides), else on the first
// command, the view shown, a document of ours opened, or auto-track turned on.
import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';

/** What the main code hands back once it is loaded and its commands are registered. */
export interface MainParts<T> {
  /** The view's real provider: the view created here delegates to it. */
  readonly tree: vscode.TreeDataProvider<T>;
  /** The content of a document scheme of ours. */
  content(scheme: string): vscode.TextDocumentContentProvider;
  /** Settles once the main code has started (connections read, tracked tasks restored). */
  readonly ready: Promise<void>;
}

export interface ExtensionShellOptions<T, M extends MainParts<T>> {
  /** The contributed view, created here so that its being shown wakes the main code. */
  readonly viewId: string;
  /** Every command the manifest contributes: each wakes the main code, then runs again. */
  readonly commandIds: readonly string[];
  /** The document schemes the main code answers. */
  readonly schemes: readonly string[];
  /** Boolean settings (full names) whose turning on needs the main code (auto-track scans at once). */
  readonly settingsThatWake: readonly string[];
  /** Loads and starts the main code, which fills `view` and registers the real commands. */
  load(view: vscode.TreeView<T>, reason: string): M;
}

export class ExtensionShell<T, M extends MainParts<T>> implements vscode.Disposable {
  readonly view: vscode.TreeView<T>;
  /** Resolves with the main code once it is loaded. */
  readonly loaded: Promise<M>;
  private main: M | undefined;
  private reason: string | undefined;
  private wakers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[];
  private resolveLoaded: (main: M) => void = () => undefined;

  constructor(private readonly options: ExtensionShellOptions<T, M>) {
    this.loaded = new Promise((resolve) => (this.resolveLoaded = resolve));
    const tree = new LazyTreeProvider<T>(() => this.wake('view').tree);
    // Many at once: Cancel and Track act on every selected task (commands/cancelTask.ts, trackTask.ts).
    this.view = vscode.window.createTreeView(options.viewId, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
    this.disposables = [
      this.view.onDidChangeVisibility(({ visible }) => visible && this.wake('view')),
      ...options.schemes.map((scheme) => registerLazyContentProvider(scheme, () => this.wake(`document:${scheme}`).content(scheme))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        const turnedOn = options.settingsThatWake.find((name) => event.affectsConfiguration(name) && vscode.workspace.getConfiguration().get(name) === true);
        if (turnedOn) {
          this.wake(`setting:${turnedOn}`);
        }
      }),
      this.view,
      tree,
    ];
  }

  /** Loads the main code now, for `reason`; or, with none, registers the wakers and waits for a use. */
  start(reason: string | undefined): void {
    if (reason) {
      this.wake(reason);
    } else {
      this.registerWakers();
    }
  }

  /** What loaded the main code ("sandbox", "command:fsxTasks.refresh", "view"...), undefined while it is not loaded. */
  get wokenBy(): string | undefined {
    return this.reason;
  }

  /** The main code, if loaded. */
  get current(): M | undefined {
    return this.main;
  }

  /** How many command wakers are registered: every contributed command until the main code loads, none after. */
  get wakerCount(): number {
    return this.wakers.length;
  }

  /** Loads the main code, once; its commands replace the wakers. Throws if it could not be loaded. */
  wake(reason: string): M {
    if (this.main) {
      return this.main;
    }
    // The main code registers the same ids: the wakers go first.
    this.disposeWakers();
    try {
      this.main = this.options.load(this.view, reason);
    } catch (error) {
      this.registerWakers();
      throw error;
    }
    this.reason = reason;
    this.resolveLoaded(this.main);
    return this.main;
  }

  dispose(): void {
    this.disposeWakers();
    vscode.Disposable.from(...this.disposables.splice(0).reverse()).dispose();
  }

  /**
   * One per contributed command: loads the main code, whose registration of the same id replaces
   * it, and runs the command again with its arguments once the main code has started.
   */
  private registerWakers(): void {
    this.wakers = this.options.commandIds.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        let main: M;
        try {
          main = this.wake(`command:${id}`);
        } catch (error) {
          // Only a broken install gets here (dist/main.js missing or not loading).
          void vscode.window.showErrorMessage(vscode.l10n.t('FSx could not load its commands ({0}). Reinstall the extension, then reload the window.', plainText(error instanceof Error ? error.message : String(error))));
          return undefined;
        }
        await main.ready;
        return vscode.commands.executeCommand(id, ...args);
      }),
    );
  }

  private disposeWakers(): void {
    for (const waker of this.wakers.splice(0)) {
      waker.dispose();
    }
  }
}

/** The view's provider until the main code loads, and a relay to the main code's provider after. */
class LazyTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<T | T[] | null | undefined | void>();
  readonly onDidChangeTreeData = this.changes.event;
  private target: vscode.TreeDataProvider<T> | undefined;
  private relay: vscode.Disposable | undefined;

  constructor(private readonly load: () => vscode.TreeDataProvider<T>) {}

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.real().getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.real().getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.real().getParent?.(element);
  }

  // VS Code asks whether a provider resolves items once, when the view is created: always say yes.
  resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return this.real().resolveTreeItem?.(item, element, token) ?? item;
  }

  dispose(): void {
    this.relay?.dispose();
    this.changes.dispose();
  }

  private real(): vscode.TreeDataProvider<T> {
    if (!this.target) {
      this.target = this.load();
      this.relay = this.target.onDidChangeTreeData?.((changed) => this.changes.fire(changed));
    }
    return this.target;
  }
}

/** A document scheme whose provider, the main code's, is asked for on the first document. */
function registerLazyContentProvider(scheme: string, load: () => vscode.TextDocumentContentProvider): vscode.Disposable {
  const changes = new vscode.EventEmitter<vscode.Uri>();
  let relay: vscode.Disposable | undefined;
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changes.event,
    provideTextDocumentContent(uri, token) {
      const target = load();
      relay ??= target.onDidChange?.((changed) => changes.fire(changed));
      return target.provideTextDocumentContent(uri, token);
    },
  };
  const registration = vscode.workspace.registerTextDocumentContentProvider(scheme, provider);
  return { dispose: () => [registration, relay, changes].forEach((disposable) => disposable?.dispose()) };
}
