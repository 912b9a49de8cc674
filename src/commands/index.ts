import * as vscode from 'vscode';
import type { Container } from '../container';
import { registerCancelTask } from './cancelTask';
import { registerConnectionCommands } from './connectionCommands';
import { registerExplorerCommands } from './explorerCommands';
import { registerOutcomeCommands } from './outcomeCommands';
import { registerSandboxCommands } from './sandboxCommands';
import { registerShowTrackedTasks } from './showTrackedTasks';
import { registerTaskActions } from './taskActions';
import { registerTrackCommands } from './trackTask';

/** Every command the manifest contributes (a host test checks that none is missing). */
export function registerCommands(container: Container): vscode.Disposable[] {
  return [
    ...registerExplorerCommands(container),
    ...registerSandboxCommands(container),
    ...registerConnectionCommands(container),
    registerCancelTask(container),
    ...registerTrackCommands(container),
    ...registerTaskActions(container),
    registerShowTrackedTasks(container),
    ...registerOutcomeCommands(container),
  ];
}
