import * as vscode from 'vscode';
import type { Services } from './services';
import { registerAssociationCommands } from './associationCommands';
import { registerCancelTask } from './cancelTask';
import { registerConnectionCommands } from './connectionCommands';
import { registerEventLogCommands } from './eventLogCommands';
import { registerExplorerCommands } from './explorerCommands';
import { registerFilterCommands } from './filterCommands';
import { registerMountCommands } from './mountCommands';
import { registerOutcomeCommands } from './outcomeCommands';
import { registerQueueCommands } from './queueCommands';
import { registerRetryFailedFiles } from './retryFailedFiles';
import { registerSandboxCommands } from './sandboxCommands';
import { registerShowTrackedTasks } from './showTrackedTasks';
import { registerStartTaskCommands } from './startTask';
import { registerTaskActions } from './taskActions';
import { registerTrackCommands } from './trackTask';

/** Every command the manifest contributes (a host test checks that none is missing). */
export function registerCommands(container: Services): vscode.Disposable[] {
  return [
    ...registerExplorerCommands(container),
    ...registerFilterCommands(container),
    ...registerSandboxCommands(container),
    ...registerConnectionCommands(container),
    ...registerCancelTask(container),
    ...registerTrackCommands(container),
    ...registerTaskActions(container),
    registerShowTrackedTasks(container),
    ...registerStartTaskCommands(container),
    ...registerAssociationCommands(container),
    ...registerMountCommands(container),
    ...registerOutcomeCommands(container),
    ...registerEventLogCommands(container),
    ...registerQueueCommands(container),
    registerRetryFailedFiles(container),
  ];
}
