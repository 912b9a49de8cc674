// Constructs the container, registers the commands and starts; no logic (docs/ARCHITECTURE.md).
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Container } from './container';
import { createTestApi, FsxTasksTestApi } from './testApi';

export function activate(context: vscode.ExtensionContext): FsxTasksTestApi | undefined {
  const started = Date.now();
  const container = new Container(context);
  context.subscriptions.push(container);
  for (const command of registerCommands(container)) {
    container.own(command);
  }
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
