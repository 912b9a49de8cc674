// Constructs the container and starts it; no logic (docs/ARCHITECTURE.md). The container
// registers the contributed commands as forwarders; their handlers load with the features.
import * as vscode from 'vscode';
import { Container } from './container';
import { createTestApi, FsxTasksTestApi } from './testApi';

export function activate(context: vscode.ExtensionContext): FsxTasksTestApi | undefined {
  const started = Date.now();
  const container = new Container(context);
  context.subscriptions.push(container);
  const ready = container.start().catch((error: unknown) => {
    container.log.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  container.log.info(`Activated in ${Date.now() - started} ms`);
  // Other extensions get nothing: the internals are for this extension's own tests.
  return context.extensionMode === vscode.ExtensionMode.Test ? createTestApi(container, ready, context.logUri) : undefined;
}

export function deactivate(): void {
  // Everything is owned by the container, which context.subscriptions disposes.
}
