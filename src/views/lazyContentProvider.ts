// Document schemes served by providers in the features bundle (src/features.ts), registered at
// activation without loading it.
import * as vscode from 'vscode';

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
