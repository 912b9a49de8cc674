import * as vscode from 'vscode';
import { classifyError } from '../../fsx/errors';
import { connectionKey } from '../../fsx/types';
import { ConnectionEntry, ExplorerConnection, isConnection } from '../../viewModel/explorerModel';
import { emptyNode, errorNode, MessageNode } from './messageNode';
import { ExplorerContext, ConnectionBoundNode, ExplorerNode, themeIcon } from './node';
import { ResourceNode } from './resourceNode';

/** The tree id of a top-level row: a connection's, or a connection setting's problem's. */
export function connectionNodeId(entry: ConnectionEntry): string {
  return isConnection(entry) ? `conn:${connectionKey(entry.connection)}` : `conn-setting:${entry.id}`;
}

/** A profile and region (or the sandbox): its Lustre file systems and File Caches. */
export class ConnectionNode implements ConnectionBoundNode {
  readonly id: string;
  readonly parent = undefined;

  constructor(
    readonly entry: ExplorerConnection,
    private readonly context: ExplorerContext,
    private readonly configured: boolean,
  ) {
    this.id = connectionNodeId(entry);
  }

  get connection() {
    return this.entry.connection;
  }

  getTreeItem(): vscode.TreeItem {
    const state = this.context.model.connectionsStartExpanded() ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(this.entry.label, state);
    item.id = this.id;
    if (this.entry.sandbox) {
      item.iconPath = themeIcon('beaker', 'charts.purple');
      item.description = vscode.l10n.t('local emulator, not AWS');
      item.tooltip = vscode.l10n.t('The local sandbox: an FSx emulator with demo data at {0}. Nothing here touches an AWS account.', this.connection.endpoint ?? '');
      item.contextValue = 'connection.sandbox';
    } else {
      item.iconPath = themeIcon('cloud');
      item.description = this.connection.endpoint;
      item.tooltip = [
        vscode.l10n.t('Profile: {0}', this.connection.profile ?? vscode.l10n.t('default credential chain')),
        vscode.l10n.t('Region: {0}', this.connection.region || vscode.l10n.t('not set')),
        this.connection.endpoint ? vscode.l10n.t('Endpoint: {0}', this.connection.endpoint) : undefined,
        this.connection.useFipsEndpoint ? vscode.l10n.t('FIPS endpoint') : undefined,
      ]
        .filter(Boolean)
        .join('\n');
      item.contextValue = this.configured ? 'connection.configured' : 'connection.default';
    }
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (this.entry.problem) {
      return [errorNode(this, this.entry.problem)];
    }
    let resources;
    try {
      resources = await this.context.model.resources(this.connection);
    } catch (error) {
      const classified = classifyError(error);
      const nodes: ExplorerNode[] = [errorNode(this, classified)];
      if (classified.kind === 'credentials' && !this.entry.sandbox) {
        nodes.push(sandboxHint(this));
      }
      return nodes;
    }
    const withTasks = resources.filter((resource) => resource.supportsTasks);
    const nodes: ExplorerNode[] = withTasks.map((resource) => new ResourceNode(this, resource, this.context));
    if (withTasks.length === 0) {
      nodes.push(emptyNode(this, vscode.l10n.t('No Lustre file systems or File Caches in {0}', this.connection.region)));
    }
    const others = resources.length - withTasks.length;
    if (others > 0) {
      nodes.push(
        new MessageNode(this, 'others', {
          label: others === 1 ? vscode.l10n.t('1 other file system not shown') : vscode.l10n.t('{0} other file systems not shown', others),
          tooltip: vscode.l10n.t('Only FSx for Lustre file systems and File Caches have data repository tasks.'),
          icon: 'eye-closed',
          contextValue: 'hint',
        }),
      );
    }
    return nodes;
  }
}

function sandboxHint(parent: ConnectionBoundNode): MessageNode {
  return new MessageNode(parent, 'sandbox-hint', {
    label: vscode.l10n.t('No AWS account at hand? Try the local sandbox'),
    icon: 'beaker',
    command: { title: vscode.l10n.t('Explore with Local Sandbox'), command: 'fsxTasks.exploreSandbox' },
    contextValue: 'hint',
  });
}
