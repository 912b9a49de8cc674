// Starting the sandbox and showing it: the Explore command and a window started with the sandbox
// (FSX_SANDBOX or the setting) both do it, so it is loaded at activation.
import * as vscode from 'vscode';
import type { Container } from '../container';
import type { ScenarioName } from '../emulator';
import { setContext } from './contextKeys';

export type SandboxDeps = Pick<Container, 'log' | 'sandbox' | 'settings' | 'connections'>;

export async function startSandbox(deps: SandboxDeps, scenario: ScenarioName = 'demo', focusView = true): Promise<void> {
  const connection = await vscode.window.withProgress(
    { location: { viewId: 'fsxTasks.explorer' }, title: vscode.l10n.t('Starting the local FSx sandbox...') },
    () => deps.sandbox.start(deps.settings.sandboxTimeScale(), scenario),
  );
  deps.log.info(`Sandbox FSx emulator listening on ${connection.endpoint}`);
  // The tree first: the context key only switches the view title's buttons.
  await Promise.all([deps.connections.reload(), setContext('fsxTasks.sandboxActive', true)]);
  if (focusView) {
    await vscode.commands.executeCommand('fsxTasks.explorer.focus');
  }
}
