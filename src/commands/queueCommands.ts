// "Start Now" and "Remove" on a queued start's row (views/explorer/queuedStartNode.ts). The row
// is the only way to name one: a command given anything else changes nothing and says so.
import * as vscode from 'vscode';
import type { AppServices } from './services';
import { FsxError } from '../fsx/errors';
import { QueuedStartNode } from '../views/explorer/queuedStartNode';
import { CommandDeps, registerScopedCommand } from './boundary';

type QueueDeps = CommandDeps & Pick<AppServices, 'queue'>;

export function registerQueueCommands(deps: QueueDeps): vscode.Disposable[] {
  return [
    registerScopedCommand('fsxTasks.startQueuedNow', deps, async (scope, arg) => {
      const node = queuedNode(arg);
      scope.connection = node.connection;
      scope.context = vscode.l10n.t('Could not start the queued task');
      await deps.queue.startNow(node.queued.id);
    }),
    registerScopedCommand('fsxTasks.removeQueuedStart', deps, (_scope, arg) => {
      deps.queue.queue.remove(queuedNode(arg).queued.id);
    }),
  ];
}

function queuedNode(arg: unknown): QueuedStartNode {
  if (!(arg instanceof QueuedStartNode)) {
    throw new FsxError('validation', vscode.l10n.t('Choose a queued start in the FSx view: it is listed under its file system.'));
  }
  return arg;
}
