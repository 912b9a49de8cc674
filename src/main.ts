// The extension's main code (dist/main.js): loaded by activation's entry (src/extension.ts) once
// this window needs it, at activation or on first use. It builds the Container, whose constructor
// registers every contributed command with its handler (commands/index.ts), and starts it.
import type * as vscode from 'vscode';
import { Container } from './container';
import type { ExplorerNode } from './views/explorer/node';
import type { MainParts } from './views/extensionShell';
import { RAW_REPORT_SCHEME, TASK_DETAILS_SCHEME } from './views/schemes';

export interface Main extends MainParts<ExplorerNode> {
  readonly container: Container;
}

/** Builds and starts the container; `view` is the view activation created, `reason` what needs it now. */
export function startMain(context: vscode.ExtensionContext, view: vscode.TreeView<ExplorerNode>, reason: string): Main {
  const started = Date.now();
  const container = new Container({ context, view });
  context.subscriptions.push(container);
  const ready = container.start().catch((error: unknown) => {
    container.log.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  container.log.info(`Activated in ${Date.now() - started} ms (${reason})`);
  const documents: Record<string, () => vscode.TextDocumentContentProvider> = {
    [TASK_DETAILS_SCHEME]: () => container.details,
    // The panels' module loads on the first raw report (a restored tab), not with the main code.
    [RAW_REPORT_SCHEME]: () => ({ provideTextDocumentContent: async (uri, token) => (await container.failedFiles()).rawReports.provideTextDocumentContent(uri, token) }),
  };
  return { container, ready, tree: container.explorer.tree, content: (scheme) => documents[scheme]() };
}
