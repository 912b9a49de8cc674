import * as vscode from 'vscode';
import { hasAssociations, linkedRepositories } from '../../fsx/associations';
import { classifyError } from '../../fsx/errors';
import { Association, StorageResource } from '../../fsx/types';
import { associationContextValue, associationsContextValue, createAssociationText, isProblem } from '../../viewModel/associationText';
import { associationTooltipMarkdown } from '../../viewModel/tooltipText';
import { emptyNode, errorNode, MessageNode } from './messageNode';
import { ChildNode, ExplorerContext, ConnectionBoundNode, ExplorerNode, themeIcon } from './node';

const associationText = createAssociationText(vscode.l10n);

/** Whether a resource shows the group: it can have associations, or has its own S3 link. */
export function showsAssociations(resource: StorageResource): boolean {
  return hasAssociations(resource) || !!resource.dataRepositoryLink;
}

/**
 * The first row under a file system or cache: its links to data repositories, loaded when
 * expanded (all pages, cached by the model). The tasks stay the resource's own rows, one click away.
 */
export class AssociationsNode extends ChildNode {
  constructor(
    parent: ConnectionBoundNode,
    readonly resource: StorageResource,
    private readonly context: ExplorerContext,
  ) {
    super(parent, 'associations');
  }

  getTreeItem(): vscode.TreeItem {
    const legacy = !!this.resource.dataRepositoryLink && !hasAssociations(this.resource);
    const item = this.item(legacy ? vscode.l10n.t('S3 link') : vscode.l10n.t('Associations'), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = themeIcon('references');
    const loaded = legacy ? [] : this.context.model.cachedAssociations(this.connection, this.resource);
    if (loaded) {
      const all = linkedRepositories(this.resource, loaded);
      const problems = all.filter(isProblem).length;
      item.description = problems > 0 ? vscode.l10n.t('{0} · {1} need attention', all.length, problems) : String(all.length);
    }
    item.tooltip = legacy
      ? vscode.l10n.t('This file system links S3 through its own data repository configuration (Scratch and Persistent 1 file systems).')
      : vscode.l10n.t('Data repository associations: which file system paths are linked to which S3 (or NFS) paths.');
    item.contextValue = associationsContextValue(this.resource);
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    let associations: readonly Association[];
    try {
      associations = await this.context.model.associations(this.connection, this.resource);
    } catch (error) {
      return [errorNode(this, classifyError(error))];
    }
    const nodes = linkedRepositories(this.resource, associations).map((association) => new AssociationNode(this, association));
    return nodes.length > 0 ? nodes : [emptyNode(this, vscode.l10n.t('No data repository associations'))];
  }
}

/** One association (or a file system's own link): its state first, then file system path ↔ repository path. */
export class AssociationNode extends ChildNode {
  constructor(
    parent: AssociationsNode,
    readonly association: Association,
  ) {
    super(parent, association.associationId ?? 'link');
  }

  get resource(): StorageResource {
    return (this.parent as AssociationsNode).resource;
  }

  getTreeItem(): vscode.TreeItem {
    const association = this.association;
    const problem = associationText.problem(association);
    // A problem is shown expanded: its message and next step are rows, not only a tooltip.
    const item = this.item(associationText.rowLabel(association), problem ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const look = associationText.look(association);
    item.iconPath = themeIcon(look.icon, look.color);
    item.description = associationText.rowDescription(association);
    item.tooltip = new vscode.MarkdownString(associationTooltipMarkdown(association, vscode.l10n), true);
    item.accessibilityInformation = { label: associationText.accessibleLabel(association) };
    item.contextValue = associationContextValue(association, this.resource);
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const problem = associationText.problem(this.association);
    if (!problem) {
      return [];
    }
    return [
      new MessageNode(this, 'failure', { label: problem.message, icon: 'warning', iconColor: 'problemsWarningIcon.foreground', tooltip: problem.message, contextValue: 'associationProblem' }),
      new MessageNode(this, 'next-step', { label: problem.nextStep, icon: 'lightbulb', tooltip: problem.nextStep, contextValue: 'associationNextStep' }),
    ];
  }
}
