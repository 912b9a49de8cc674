// The page of automatic export and import failures (outcomes/webviewPages.ts eventLogPage), one
// per file system or association; copy and copy-shown as on the failed-files page.
import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import { eventLogPage, EventLogPageInput, isFailedFilesMessage } from '../outcomes/webviewPages';
import { formatCount } from '../viewModel/presentation';
import { copy, nonce, panelOptions } from './outcomePanels';

export class EventLogPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  show(key: string, input: EventLogPageInput): void {
    let panel = this.panels.get(key);
    if (!panel) {
      const created = vscode.window.createWebviewPanel('fsxTasks.eventLog', '', vscode.ViewColumn.Active, panelOptions());
      created.webview.onDidReceiveMessage((message: unknown) => void this.handle(message));
      created.onDidDispose(() => this.panels.delete(key));
      this.panels.set(key, created);
      panel = created;
    } else {
      panel.reveal();
    }
    panel.title = input.title;
    panel.webview.html = eventLogPage(input, vscode.l10n, nonce());
  }

  /** The page shown under a key (host tests read it). */
  htmlOf(key: string): string | undefined {
    return this.panels.get(key)?.webview.html;
  }

  keys(): string[] {
    return [...this.panels.keys()];
  }

  async handle(message: unknown): Promise<void> {
    if (!isFailedFilesMessage(message)) {
      return;
    }
    if (message.type === 'copy') {
      await copy(message.text, plainText(message.text, 80));
    } else if (message.type === 'copyShown') {
      await copy(message.paths.join('\n'), vscode.l10n.t('{0} paths', formatCount(message.paths.length)));
    }
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) {
      panel.dispose();
    }
  }
}
