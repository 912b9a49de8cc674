// The extension's main code (dist/main.js): loaded by activation's entry (src/extension.ts) once
// this window needs it, at activation or on first use. It builds the Container, whose constructor
// registers every contributed command with its handler (commands/index.ts), and starts it.
import type * as vscode from 'vscode';
import { Container } from './container';
import type { ExplorerNode } from './views/explorer/node';
import type { CodeCacheUse } from './views/codeCache';
import type { MainParts } from './views/extensionShell';
import { RAW_REPORT_SCHEME, TASK_DETAILS_SCHEME } from './views/schemes';

export interface Main extends MainParts<ExplorerNode> {
  readonly container: Container;
}

export interface StartMainOptions {
  readonly context: vscode.ExtensionContext;
  /** The view activation created. */
  readonly view: vscode.TreeView<ExplorerNode>;
  /** What needs the main code now ("sandbox", "command:fsxTasks.refresh"...). */
  readonly reason: string;
  /** Whether this load was compiled from the kept code cache (views/codeCache.ts). */
  readonly codeCache: CodeCacheUse;
}

/** Builds and starts the container. */
export function startMain({ context, view, reason, codeCache }: StartMainOptions): Main {
  const started = Date.now();
  const container = new Container({ context, view });
  context.subscriptions.push(container);
  const ready = container.start().catch((error: unknown) => {
    container.log.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  container.log.info(`Activated in ${Date.now() - started} ms (${reason}; code cache ${codeCache})`);
  const documents: Record<string, () => vscode.TextDocumentContentProvider> = {
    [TASK_DETAILS_SCHEME]: () => container.details,
    // The panels' module loads on the first raw report (a restored tab), not with the main code.
    [RAW_REPORT_SCHEME]: () => ({ provideTextDocumentContent: async (uri, token) => (await container.failedFiles()).rawReports.provideTextDocumentContent(uri, token) }),
  };
  return { container, ready, tree: container.explorer.tree, content: (scheme) => documents[scheme]() };
}
