import * as vscode from 'vscode';
import { FsxError } from '../../fsx/errors';
import { ResourceRef } from '../../fsx/types';
import { ChildNode, ExplorerContext, ConnectionBoundNode, themeIcon } from './node';

/** "Load more..." at the end of a task list; shows a spinner while the next page loads. */
export class LoadMoreNode extends ChildNode {
  constructor(
    parent: ConnectionBoundNode,
    readonly resource: ResourceRef,
    private readonly context: ExplorerContext,
    private readonly lastError?: FsxError,
  ) {
    super(parent, 'load-more');
  }

  getTreeItem(): vscode.TreeItem {
    const loading = this.context.model.isLoadingMore(this.connection, this.resource);
    const item = this.item(loading ? vscode.l10n.t('Loading more...') : vscode.l10n.t('Load more...'));
    item.iconPath = themeIcon(loading ? 'loading~spin' : this.lastError ? 'warning' : 'more');
    if (this.lastError && !loading) {
      item.description = vscode.l10n.t('last attempt failed');
      item.tooltip = this.lastError.userMessageIn(vscode.l10n);
    }
    // No command while loading: a second click cannot start a second request.
    item.command = loading ? undefined : { title: vscode.l10n.t('Load More Tasks'), command: 'fsxTasks.loadMore', arguments: [this] };
    item.contextValue = 'loadMore';
    return item;
  }
}
