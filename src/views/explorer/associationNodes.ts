import * as vscode from 'vscode';
import { hasAssociations, linkedRepositories, s3LinkKind } from '../../fsx/associations';
import { quoteCommand } from '../../fsx/cliCommand';
import { markdownCode, markdownText, plainText } from '../../fsx/outsideText';
import { type AssociationGroup, countText, DEFAULT_WINDOW, enableLoggingArgv, enableLoggingConsolePath, loggingHint, loggingOf, shortCountText } from '../../outcomes/eventLog';
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
    const nodes: ExplorerNode[] = linkedRepositories(this.resource, associations).map((association) => new AssociationNode(this, association, this.context));
    return [...this.eventLogRows(associations), ...(nodes.length > 0 ? nodes : [emptyNode(this, vscode.l10n.t('No data repository associations'))])];
  }

  /**
   * Where the event log matters (a file system with associations): a row saying logging is off
   * (and how to turn it on), or the last 24 hours read for the association rows' counts.
   */
  private eventLogRows(associations: readonly Association[]): ExplorerNode[] {
    const counts = this.context.eventLogs;
    if (!counts || s3LinkKind(this.resource) !== 'associations' || associations.length === 0) {
      return [];
    }
    const logging = loggingOf(this.resource);
    const hint = loggingHint(logging, vscode.l10n);
    if (hint) {
      return [new LoggingHintNode(this, hint)];
    }
    const state = counts.get(this.connection, this.resource);
    counts.request(this.connection, this.resource, associations);
    if (state?.kind === 'failed') {
      const message = vscode.l10n.t('Could not read the event log: {0}', state.error.userMessageIn(vscode.l10n));
      return [new MessageNode(this, 'event-log-error', { label: plainText(message), icon: 'warning', iconColor: 'problemsWarningIcon.foreground', tooltip: plainText(message, 1_000), contextValue: 'eventLogError' })];
    }
    return [];
  }
}

/** One association (or a file system's own link): its file system path, then a state other than Available, failures, ↔ repository path. */
export class AssociationNode extends ChildNode {
  constructor(
    parent: AssociationsNode,
    readonly association: Association,
    private readonly context?: ExplorerContext,
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
    const group = this.failureGroup();
    const failures = this.failuresText(group);
    item.description = associationText.rowDescription(association, group && shortCountText(group, vscode.l10n));
    // The side bar may cut the description: the count, with its window, is in the hover and the screen reader's label too.
    item.accessibilityInformation = { label: failures ? `${associationText.accessibleLabel(association)}, ${failures}` : associationText.accessibleLabel(association) };
    item.contextValue = associationContextValue(association, this.resource);
    return item;
  }

  hover(): vscode.MarkdownString {
    const tooltip = associationTooltipMarkdown(this.association, vscode.l10n);
    const failures = this.failuresText(this.failureGroup());
    return new vscode.MarkdownString(failures ? `${tooltip}\n\n${markdownText(failures)}` : tooltip, true);
  }

  /** "auto-export: 12 failures in 24 h": the row's accessible label and its hover say it whole. */
  private failuresText(group: Pick<AssociationGroup, 'exportFailures' | 'importFailures'> | undefined): string | undefined {
    return group && countText(group, DEFAULT_WINDOW, vscode.l10n);
  }

  /** This association's automatic export and import failures, once the file system's event log has been read. */
  private failureGroup(): Pick<AssociationGroup, 'exportFailures' | 'importFailures'> | undefined {
    const state = this.context?.eventLogs?.get(this.connection, this.resource);
    if (state?.kind !== 'ready' || !this.association.associationId) {
      return undefined;
    }
    return state.summary.groups.find((candidate) => candidate.associationId === this.association.associationId);
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

/** Logging is off or warnings only: says so; its tooltip and Copy command give the way to turn it on. */
export class LoggingHintNode extends ChildNode {
  constructor(
    parent: AssociationsNode,
    private readonly hint: { readonly label: string; readonly detail: string },
  ) {
    super(parent, 'event-log-off');
  }

  get resource(): StorageResource {
    return (this.parent as AssociationsNode).resource;
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(this.hint.label);
    item.iconPath = themeIcon('info', 'problemsInfoIcon.foreground');
    item.contextValue = 'eventLogOff';
    item.command = { command: 'fsxTasks.copyLoggingCommand', title: vscode.l10n.t('Copy the Command That Turns On the Event Log'), arguments: [this] };
    return item;
  }

  hover(): vscode.MarkdownString {
    const command = quoteCommand(enableLoggingArgv(this.resource, this.connection), 'posix');
    return new vscode.MarkdownString(
      [markdownText(this.hint.detail, 1_000), '', markdownText(vscode.l10n.t('With the AWS CLI:'), 100), '', markdownCode(command, 2_000), '', markdownText(enableLoggingConsolePath(vscode.l10n), 1_000)].join('\n'),
    );
  }
}
