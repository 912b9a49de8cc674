// Every contributed command is registered at activation as a forwarder; the handlers live in the
// features bundle (src/features/index.ts), loaded on the first command that runs. So activation
// parses none of the commands, and the manifest stays the one list of command ids.
import * as vscode from 'vscode';

export type CommandHandler = (...args: unknown[]) => unknown;

export class CommandTable implements vscode.Disposable {
  private readonly handlers = new Map<string, CommandHandler>();
  private readonly forwarders: vscode.Disposable[];

  /** `load` registers the handlers (through register()); it is awaited before every command. */
  constructor(
    ids: readonly string[],
    private readonly load: () => Promise<unknown>,
  ) {
    this.forwarders = ids.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, args)));
  }

  register(id: string, handler: CommandHandler): vscode.Disposable {
    if (this.handlers.has(id)) {
      throw new Error(vscode.l10n.t('Command {0} is registered twice', id));
    }
    this.handlers.set(id, handler);
    return { dispose: () => this.handlers.delete(id) };
  }

  /** The ids that have a handler (after the features loaded). */
  registered(): string[] {
    return [...this.handlers.keys()];
  }

  dispose(): void {
    for (const forwarder of this.forwarders.splice(0)) {
      forwarder.dispose();
    }
    this.handlers.clear();
  }

  private async run(id: string, args: unknown[]): Promise<unknown> {
    try {
      await this.load();
    } catch (error) {
      // Only a broken install gets here (the features bundle is missing or does not load).
      void vscode.window.showErrorMessage(vscode.l10n.t('FSx could not load its commands ({0}). Reinstall the extension, then reload the window.', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    const handler = this.handlers.get(id);
    if (!handler) {
      throw new Error(vscode.l10n.t('Command {0} has no handler. Reload the window.', id));
    }
    return handler(...args);
  }
}

/**
 * A document scheme registered at activation whose content comes from a provider in the
 * features bundle: a tab restored after a reload is answered without loading anything else first.
 */
export function registerLazyContentProvider(scheme: string, load: () => Promise<vscode.TextDocumentContentProvider>): vscode.Disposable {
  const changes = new vscode.EventEmitter<vscode.Uri>();
  let relay: vscode.Disposable | undefined;
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changes.event,
    async provideTextDocumentContent(uri, token) {
      const target = await load();
      relay ??= target.onDidChange?.((changed) => changes.fire(changed));
      return target.provideTextDocumentContent(uri, token);
    },
  };
  const registration = vscode.workspace.registerTextDocumentContentProvider(scheme, provider);
  return { dispose: () => [registration, relay, changes].forEach((disposable) => disposable?.dispose()) };
}
