import * as vscode from 'vscode';
import { FsxClientFactory } from '../fsx/clientFactory';
import { Connection, FsxApi } from '../fsx/model';
import { ExplorerModel } from '../model/explorerModel';
import { Sandbox } from '../model/sandbox';
import { PollScheduler } from '../tracking/pollScheduler';
import { TaskTracker } from '../tracking/taskTracker';
import { ExplorerNode } from '../views/explorer/node';
import { ExplorerTreeProvider } from '../views/explorer/treeProvider';
import { Prompts } from '../views/prompts';
import { Settings } from '../views/settings';
import { TaskDetailsProvider } from '../views/taskDetails';

/** What commands work with; built once in activate() and passed to every command. */
export interface CommandDeps {
  readonly log: vscode.LogOutputChannel;
  readonly settings: Settings;
  readonly clients: FsxClientFactory;
  apiFor(connection: Connection): FsxApi;
  readonly model: ExplorerModel;
  readonly tree: ExplorerTreeProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly tracker: TaskTracker;
  readonly scheduler: PollScheduler;
  readonly sandbox: Sandbox;
  readonly details: TaskDetailsProvider;
  /** The UI seam; the extension-host tests swap it for scripted answers. */
  prompts(): Prompts;
  /** Re-reads settings and the sandbox state and rebuilds the connection list. */
  reloadConnections(): Promise<void>;
}
