import * as vscode from 'vscode';
import type { Container } from '../container';
import type { ScenarioName } from '../emulator';
import { setContext } from '../views/contextKeys';
import { CommandDeps, registerCommand } from './boundary';

type SandboxDeps = CommandDeps & Pick<Container, 'sandbox' | 'settings' | 'connections'>;

/** Start the local FSx emulator and point the explorer at it; stop it and go back to AWS. */
export function registerSandboxCommands(deps: SandboxDeps): vscode.Disposable[] {
  return [
    registerCommand('fsxTasks.exploreSandbox', deps, () => startSandbox(deps)),
    registerCommand('fsxTasks.stopSandbox', deps, async () => {
      await deps.sandbox.stop();
      deps.log.info('Sandbox stopped');
      await setContext('fsxTasks.sandboxActive', false);
      await deps.connections.reload();
    }),
  ];
}

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
