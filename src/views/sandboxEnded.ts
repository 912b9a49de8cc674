// The sandbox's process ended while this window used it: the view goes back to the connections
// of the settings, and a crash (not an idle exit or a stop in another window) says so once, with
// a Restart Sandbox action. Requests already on their way fail as any unreachable endpoint does.
import * as vscode from 'vscode';
import type { SandboxEnded } from '../sandbox/localSandbox';
import type { Prompts } from './prompts';
import { setContext } from './contextKeys';
import { startSandbox, type SandboxDeps } from './sandboxStart';

export interface SandboxEndedDeps extends SandboxDeps {
  readonly prompts: Pick<Prompts, 'message'>;
}

export async function sandboxEnded(deps: SandboxEndedDeps, ended: SandboxEnded): Promise<void> {
  await Promise.all([setContext('fsxTasks.sandboxActive', false), deps.connections.reload()]);
  if (ended.reason === 'idle') {
    deps.log.info('The sandbox process exited (unused for a while, or stopped in another window)');
    return;
  }
  deps.log.error(`The sandbox process ended unexpectedly (${ended.detail ?? 'no exit code seen'})`);
  const restart = vscode.l10n.t('Restart Sandbox');
  const text =
    ended.detail === undefined
      ? vscode.l10n.t('The local FSx sandbox stopped unexpectedly; its tasks are gone.')
      : vscode.l10n.t('The local FSx sandbox stopped unexpectedly ({0}); its tasks are gone.', ended.detail);
  if ((await deps.prompts.message('error', text, restart)) === restart) {
    await startSandbox(deps, ended.scenario);
  }
}
