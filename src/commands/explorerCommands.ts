import * as vscode from 'vscode';
import type { AppServices } from './services';
import { AssociationsNode } from '../views/explorer/associationNodes';
import { LoadMoreNode } from '../views/explorer/loadMoreNode';
import { ConnectionNode } from '../views/explorer/connectionNode';
import { ChildNode } from '../views/explorer/node';
import { ResourceNode } from '../views/explorer/resourceNode';
import { CommandDeps, registerCommand } from './boundary';

type ExplorerDeps = CommandDeps & Pick<AppServices, 'connections' | 'model' | 'clients' | 'scheduler' | 'explorer' | 'mounts' | 'exportStates' | 'tracking' | 'eventLogCounts'>;

/** Refresh (all, or the node it is invoked on), Load more, Show log. */
export function registerExplorerCommands(deps: ExplorerDeps): vscode.Disposable[] {
  return [
    registerCommand('fsxTasks.refresh', deps, async (arg) => {
      // Auto-track scans what was refreshed now and restarts its idle backoff (a list that cannot
      // be read is retried by the auto-tracker's own backoff).
      if (!isNode(arg)) {
        await deps.mounts.reload();
        // The badges too: files may have changed state by a task or a client outside this window.
        deps.exportStates.refresh();
        // The event log counts are read again when their Associations rows are next shown.
        deps.eventLogCounts.forget();
        await deps.connections.reload();
        deps.tracking.autoTracker.scanNow().catch(() => undefined);
      } else {
        // A message node (an error's Retry) refreshes what its parent shows.
        const target = arg instanceof ResourceNode || !arg.parent ? arg : arg.parent;
        deps.eventLogCounts.forget(target.connection);
        if (target instanceof ResourceNode || target instanceof AssociationsNode) {
          deps.model.refresh(target.connection, target.resource);
        } else {
          // Fresh credentials too: the user may just have signed in again.
          deps.clients.forget(target.connection);
          deps.model.refresh(target.connection);
        }
        deps.tracking.autoTracker.scanNow(target.connection).catch(() => undefined);
      }
      deps.scheduler.nudge();
    }),
    registerCommand('fsxTasks.loadMore', deps, async (arg) => {
      if (arg instanceof LoadMoreNode) {
        const loading = deps.model.loadMore(arg.connection, arg.resource);
        deps.explorer.tree.refreshTaskRow(arg.connection, arg.resource);
        await loading;
      }
    }),
    registerCommand('fsxTasks.showLog', deps, () => deps.log.show(true)),
  ];
}

/**
 * One of our connections' tree nodes (checked by class: an object shaped like one is no node, and
 * its connection is not ours). A connection setting's problem is none: Refresh on it lists again.
 */
function isNode(value: unknown): value is ConnectionNode | ChildNode {
  return value instanceof ConnectionNode || value instanceof ChildNode;
}
