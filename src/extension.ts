// Activation's entry (dist/extension.js, a few KB), run in every window once start-up has
// finished: it builds the view, the document schemes and a waker per command
// (views/extensionShell.ts), and loads the main code (src/main.ts, dist/main.js) only if this
// window needs it now (viewModel/startPlan.ts). No logic here (docs/ARCHITECTURE.md).
import { join } from 'node:path';
import * as vscode from 'vscode';
import { registerChatTools } from './chat/chatToolForwarders';
import type { Main } from './main';
import { createTestApi, FsxTasksTestApi } from './testApi';
import { startReason } from './viewModel/startPlan';
import { requireWithCodeCache } from './views/codeCache';
import type { ExplorerNode } from './views/explorer/node';
import { ExtensionShell } from './views/extensionShell';
import { RAW_REPORT_SCHEME, TASK_DETAILS_SCHEME } from './views/schemes';
import { readStartFacts, SETTINGS_THAT_WAKE } from './views/startFacts';

export function activate(context: vscode.ExtensionContext): FsxTasksTestApi | undefined {
  const contributed = (context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  const shell = new ExtensionShell<ExplorerNode, Main>({
    viewId: 'fsxTasks.explorer',
    commandIds: contributed.map((entry) => entry.command),
    schemes: [TASK_DETAILS_SCHEME, RAW_REPORT_SCHEME],
    settingsThatWake: SETTINGS_THAT_WAKE,
    load: (view, reason) => {
      const { exports, cache } = loadMain(context, (message) => shell.current?.container.log.warn(`Could not keep the compiled code: ${message}`));
      return exports.startMain({ context, view, reason, codeCache: cache });
    },
  });
  context.subscriptions.push(shell);
  // The chat's tools, as the commands: registered here in every window, the main code loaded on the first call.
  const tools = (context.extension.packageJSON as { contributes?: { languageModelTools?: { name: string }[] } }).contributes?.languageModelTools ?? [];
  context.subscriptions.push(
    registerChatTools(
      tools.map((tool) => tool.name),
      async () => {
        const main = shell.wake('chat');
        await main.ready;
        return main.container.chatTools();
      },
    ),
  );
  // A window that needs the main code loads it here, inside activate(), so that VS Code's
  // activation time counts what it pays; any other stops with the wakers registered.
  shell.start(startReason(readStartFacts(context.workspaceState, shell.view)));
  // Other extensions get nothing: the internals are for this extension's own tests.
  return context.extensionMode === vscode.ExtensionMode.Test ? createTestApi(shell, context.logUri) : undefined;
}

export function deactivate(): void {
  // Everything is owned by the shell and the container, which context.subscriptions disposes.
}

/** The main code (dist/main.js, a bundle of its own: esbuild.js), loaded synchronously with its compiled code kept in our storage. */
function loadMain(context: vscode.ExtensionContext, onSaveError: (message: string) => void) {
  return requireWithCodeCache<typeof import('./main')>({ file: join(__dirname, 'main.js'), cacheDir: join(context.globalStorageUri.fsPath, 'codeCache'), onSaveError });
}
