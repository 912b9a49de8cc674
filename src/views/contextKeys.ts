import * as vscode from 'vscode';

/** Every context key the extension sets, in one typed place (package.json `when` clauses use them). */
export interface ContextKeys {
  /** Set once the main code has started (the connections read): the welcome view waits for it so it does not flash. */
  'fsxTasks.activated': boolean;
  'fsxTasks.sandboxActive': boolean;
  /** True while the view has something to show; the welcome content covers the rest. */
  'fsxTasks.hasConnections': boolean;
  /** A task filter is in force: the view title offers Clear Filter. */
  'fsxTasks.filtered': boolean;
  /** The mount table has a Lustre mount: the Explorer's FSx items show on local and remote files (the command checks the path: a when clause cannot match below a list of roots). */
  'fsxTasks.hasLustreMounts': boolean;
}

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
