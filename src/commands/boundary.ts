import * as vscode from 'vscode';
import { classifyError } from '../fsx/errors';
import { showError } from '../views/errorPresentation';
import { CommandDeps } from './deps';

/**
 * Registers a command whose errors are handled here, once: logged, shown as one message with a
 * next step, silent when the user cancelled. Handlers throw; they do not log and rethrow.
 */
export function registerCommand(
  id: string,
  deps: Pick<CommandDeps, 'log' | 'prompts'>,
  handler: (...args: unknown[]) => Promise<unknown> | unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      const classified = classifyError(error);
      if (classified.kind === 'cancelled') {
        return undefined;
      }
      deps.log.error(`${id} failed: ${classified.kind}${classified.code ? ` ${classified.code}` : ''}: ${classified.detail}${classified.requestId ? ` requestId=${classified.requestId}` : ''}`);
      void showError(deps.prompts(), classified, undefined);
      return undefined;
    }
  });
}
