import * as vscode from 'vscode';

/** Every context key the extension sets, in one typed place (package.json `when` clauses use them). */
export interface ContextKeys {
  /** Set once activate() ran: the welcome view waits for it so it does not flash on start-up. */
  'fsxTasks.activated': boolean;
  'fsxTasks.sandboxActive': boolean;
  /** True while the view has something to show; the welcome content covers the rest. */
  'fsxTasks.hasConnections': boolean;
  /** A task filter is in force: the view title offers Clear Filter. */
  'fsxTasks.filtered': boolean;
}

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
