// What activate() returns when VS Code runs the extension for its tests (ExtensionMode.Test)
// and never otherwise: the extension-host tests drive and observe the extension through it.
import type * as vscode from 'vscode';
import type { Container } from './container';
import type { Prompts } from './views/prompts';

export interface FsxTasksTestApi {
  /** Resolves once the first connection list is loaded (and the sandbox started, if asked). */
  readonly ready: Promise<void>;
  readonly container: Container;
  /** Where VS Code writes this extension's log channel. */
  readonly logUri: vscode.Uri;
  /** Answers the extension's questions from a script instead of dialogs. */
  setPrompts(prompts: Prompts): void;
}

export function createTestApi(container: Container, ready: Promise<void>, logUri: vscode.Uri): FsxTasksTestApi {
  return { ready, container, logUri, setPrompts: (prompts) => container.prompts.replace(prompts) };
}
