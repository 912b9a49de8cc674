// A command's or a tool's cancellation as the AbortSignal the report reader takes; its own module,
// as the report commands import it without loading the panels (dist/onDemand.js, esbuild.js).
import type * as vscode from 'vscode';

/** A CancellationToken as the AbortSignal the SDK and the CSV stream take. */
export function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
  }
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
