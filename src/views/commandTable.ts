// Every contributed command is registered at activation as a forwarder; the handlers live in the
// features bundle (src/features.ts), loaded on the first command that runs. So activation
// parses none of the commands, and the manifest stays the one list of command ids.
import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';

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
      void vscode.window.showErrorMessage(vscode.l10n.t('FSx could not load its commands ({0}). Reinstall the extension, then reload the window.', plainText(error instanceof Error ? error.message : String(error))));
      return undefined;
    }
    const handler = this.handlers.get(id);
    if (!handler) {
      throw new Error(vscode.l10n.t('Command {0} has no handler. Reload the window.', id));
    }
    return handler(...args);
  }
}
