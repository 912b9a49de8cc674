import * as vscode from 'vscode';
import type { AppServices } from './services';
import { setContext } from '../views/contextKeys';
import { startSandbox } from '../views/sandboxStart';
import { CommandDeps, registerCommand } from './boundary';

type SandboxDeps = CommandDeps & Pick<AppServices, 'sandbox' | 'settings' | 'connections' | 'sandboxMount'>;

/** Start the local FSx emulator and point the explorer at it; stop it and go back to AWS; show its mount folder. */
export function registerSandboxCommands(deps: SandboxDeps): vscode.Disposable[] {
  return [
    registerCommand('fsxTasks.exploreSandbox', deps, () => startSandbox(deps)),
    registerCommand('fsxTasks.stopSandbox', deps, async () => {
      await deps.sandbox.stop();
      await deps.sandboxMount.detach();
      deps.log.info('Sandbox stopped');
      await setContext('fsxTasks.sandboxActive', false);
      await deps.connections.reload();
    }),
    registerCommand('fsxTasks.addSandboxMountToWorkspace', deps, () => deps.sandboxMount.addToWorkspace()),
  ];
}
