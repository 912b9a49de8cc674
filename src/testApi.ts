// What activate() returns when VS Code runs the extension for its tests (ExtensionMode.Test)
// and never otherwise: the extension-host tests drive and observe the extension through it.
import type * as vscode from 'vscode';
import type { Container } from './container';
import type { Main } from './main';
import type { ExplorerNode } from './views/explorer/node';
import type { ExtensionShell } from './views/extensionShell';
import type { Prompts } from './views/prompts';

export interface FsxTasksTestApi {
  /** Resolves once the main code is loaded and started (the first connection list, the sandbox if asked). */
  readonly ready: Promise<void>;
  /** The main code's container; throws while the window has not needed the main code. */
  readonly container: Container;
  /** Where VS Code writes this extension's log channel. */
  readonly logUri: vscode.Uri;
  /** What loaded the main code ("sandbox", "command:fsxTasks.refresh", "view"...); undefined while it is not loaded. */
  readonly wokenBy: string | undefined;
  /** Command wakers still registered: every contributed command before the main code loads, none after. */
  readonly wakers: number;
  /** Answers the extension's questions from a script instead of dialogs. */
  setPrompts(prompts: Prompts): void;
}

export function createTestApi(shell: ExtensionShell<ExplorerNode, Main>, logUri: vscode.Uri): FsxTasksTestApi {
  const container = (): Container => {
    const main = shell.current;
    if (!main) {
      // For the tests only: it names the state, not words for a person.
      throw new Error(`mainNotLoaded(wakers=${shell.wakerCount})`);
    }
    return main.container;
  };
  return {
    ready: shell.loaded.then((main) => main.ready),
    get container() {
      return container();
    },
    logUri,
    get wokenBy() {
      return shell.wokenBy;
    },
    get wakers() {
      return shell.wakerCount;
    },
    setPrompts: (prompts) => container().prompts.replace(prompts),
  };
}
