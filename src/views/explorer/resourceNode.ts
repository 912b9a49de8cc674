import * as vscode from 'vscode';
import { classifyError } from '../../fsx/errors';
import { StorageResource } from '../../fsx/types';
import { resourceKey } from '../../viewModel/explorerModel';
import { LoadMoreNode } from './loadMoreNode';
import { isFiltering, matchesFilter } from '../../viewModel/taskFilter';
import { resourceContextValue } from '../../viewModel/associationText';
import { resourceTooltipMarkdown } from '../../viewModel/tooltipText';
import { AssociationsNode, showsAssociations } from './associationNodes';
import { emptyNode, errorNode, MessageNode } from './messageNode';
import { ChildNode, ExplorerContext, ConnectionBoundNode, ExplorerNode, themeIcon } from './node';
import { QueuedStartNode } from './queuedStartNode';
import { TaskNode } from './taskNode';

/** A Lustre file system or File Cache: its data repository tasks, newest first, a page at a time. */
export class ResourceNode extends ChildNode {
  constructor(
    parent: ConnectionBoundNode,
    readonly resource: StorageResource,
    private readonly context: ExplorerContext,
  ) {
    super(parent, resourceKey(resource));
  }

  getTreeItem(): vscode.TreeItem {
    const resource = this.resource;
    const isCache = resource.kind === 'fileCache';
    const item = this.item(resource.name ?? resource.id, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = themeIcon(isCache ? 'layers' : 'database');
    const mountPoints = this.context.mountPoints(this.connection, resource);
    // A state other than AVAILABLE first, then "mounted", then the id (the name is the label):
    // at the default side-bar width only the id's end is cut; where it is mounted is in the tooltip.
    item.description = [
      resource.lifecycle !== 'AVAILABLE' ? resource.lifecycle : undefined,
      mountPoints.length > 0 ? vscode.l10n.t('mounted') : undefined,
      resource.name ? resource.id : isCache ? vscode.l10n.t('File Cache') : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    item.contextValue = resourceContextValue(resource);
    return item;
  }

  hover(): vscode.MarkdownString {
    return new vscode.MarkdownString(resourceTooltipMarkdown(this.resource, this.context.mountPoints(this.connection, this.resource), vscode.l10n), true);
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    let list;
    try {
      list = await this.context.model.tasks(this.connection, this.resource);
    } catch (error) {
      return [errorNode(this, classifyError(error))];
    }
    const filter = this.context.model.filter();
    const shown = list.tasks.filter((task) => matchesFilter(filter, task, this.resource));
    const nodes: ExplorerNode[] = shown.map((task) => new TaskNode(this, task, this.context));
    if (shown.length === 0 && isFiltering(filter)) {
      nodes.push(filteredOutNode(this, list.tasks.length, !!list.nextToken));
    }
    if (list.nextToken) {
      nodes.push(new LoadMoreNode(this, this.resource, this.context, list.loadMoreError));
    }
    if (nodes.length === 0) {
      nodes.push(emptyNode(this, vscode.l10n.t('No data repository tasks')));
    }
    // Queued starts first: they go before any task listed.
    const queued = this.context.queuedStarts(this.connection, this.resource).map((item) => new QueuedStartNode(this, item, this.context));
    return [...(showsAssociations(this.resource) ? [new AssociationsNode(this, this.resource, this.context)] : []), ...queued, ...nodes];
  }
}

/** The filter hides every loaded task (or FSx has none in the filtered lifecycles): say so, offer to clear it. */
function filteredOutNode(parent: ConnectionBoundNode, loaded: number, more: boolean): MessageNode {
  return new MessageNode(parent, 'filtered-out', {
    label: loaded > 0 ? vscode.l10n.t('None of the {0} loaded tasks match the filter', loaded) : vscode.l10n.t('No tasks match the filter'),
    description: vscode.l10n.t('Clear Filter'),
    tooltip: more ? vscode.l10n.t('Load more tasks to search further, or click to clear the filter.') : vscode.l10n.t('Click to clear the filter.'),
    icon: 'filter',
    command: { title: vscode.l10n.t('Clear Filter'), command: 'fsxTasks.clearFilter' },
    contextValue: 'filteredOut',
  });
}

