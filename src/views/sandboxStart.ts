// Starting the sandbox and showing it: the Explore command and a window started with the sandbox
// (FSX_SANDBOX or the setting) both do it, so it is loaded at activation.
import * as vscode from 'vscode';
import type { LocalSandbox, ScenarioName } from '../sandbox/localSandbox';
import { setContext } from './contextKeys';
import type { Settings } from './settings';

/** What starting the sandbox needs, handed down by the container. */
export interface SandboxDeps {
  readonly log: vscode.LogOutputChannel;
  readonly sandbox: Pick<LocalSandbox, 'start'>;
  readonly settings: Pick<Settings, 'sandboxTimeScale'>;
  readonly connections: { reload(): Promise<unknown> };
  readonly sandboxMount: { attach(endpoint: string): Promise<void> };
}

export async function startSandbox(deps: SandboxDeps, scenario: ScenarioName = 'demo', focusView = true): Promise<void> {
  const connection = await vscode.window.withProgress(
    { location: { viewId: 'fsxTasks.explorer' }, title: vscode.l10n.t('Starting the local FSx sandbox...') },
    () => deps.sandbox.start(deps.settings.sandboxTimeScale(), scenario),
  );
  deps.log.info(`Sandbox FSx emulator listening on ${connection.endpoint}`);
  // The tree first: the context key only switches the view title's buttons.
  // The mount folder with them: the tree marks ml-training mounted once both are there.
  await Promise.all([deps.connections.reload(), setContext('fsxTasks.sandboxActive', true), connection.endpoint && deps.sandboxMount.attach(connection.endpoint)]);
  if (focusView) {
    await vscode.commands.executeCommand('fsxTasks.explorer.focus');
  }
}
