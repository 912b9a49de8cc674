// The palette's file system pick, shared by the start commands and Create Association: lists every
// connection's file systems first (behind a window progress), so "nothing to pick" is a message
// with next steps rather than an empty pick. What is offered is viewModel/fileSystemChoices.ts.
import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import { Connection, StorageResource } from '../fsx/types';
import { ChoicePurpose, fileSystemChoices, NextAction } from '../viewModel/fileSystemChoices';
import type { AppServices } from './services';
import { CommandDeps, FailureScope } from './boundary';

export type FileSystemPickDeps = CommandDeps & Pick<AppServices, 'model'>;

export interface PickedFileSystem {
  readonly connection: Connection;
  readonly resource: StorageResource;
}

interface FileSystemItem extends vscode.QuickPickItem {
  readonly fileSystem: PickedFileSystem;
}

export interface FileSystemPickOptions {
  readonly title: string;
  readonly placeholder: string;
  /** The placeholder when `count` file systems were left out (they cannot take what is asked). */
  readonly placeholderWithLeftOut?: (count: number) => string;
}

/** A file system of any connection for `purpose`, or undefined (dismissed, or nothing to pick: said with next steps). */
export async function pickFileSystem(deps: FileSystemPickDeps, purpose: ChoicePurpose, scope: FailureScope, options: FileSystemPickOptions): Promise<PickedFileSystem | undefined> {
  const choices = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing file systems...') }, () => listChoices(deps, purpose));
  if (choices.kind === 'failed') {
    scope.connection = choices.connection;
    throw choices.reason;
  }
  if (choices.kind === 'none') {
    await offerNextActions(deps, choices.message, choices.next);
    return undefined;
  }
  const items: FileSystemItem[] = choices.choices.map(({ connection, connectionLabel, resource }) => ({
    // A quick pick renders $(icon) in its text: the Name tag, ids and profile are plain text.
    label: plainText(resource.name ?? resource.id),
    description: plainText([resource.name ? resource.id : undefined, resource.lifecycle !== 'AVAILABLE' ? resource.lifecycle : undefined].filter(Boolean).join(' · ')),
    detail: plainText(connectionLabel),
    fileSystem: { connection, resource },
  }));
  const placeholder = choices.leftOut > 0 && options.placeholderWithLeftOut ? options.placeholderWithLeftOut(choices.leftOut) : options.placeholder;
  const picked = await deps.prompts.pick(items, { title: options.title, placeholder });
  return picked?.fileSystem;
}

async function listChoices(deps: FileSystemPickDeps, purpose: ChoicePurpose) {
  const entries = deps.model.connections();
  const listed = await Promise.allSettled(entries.map((entry) => (entry.problem ? Promise.resolve([]) : deps.model.resources(entry.connection))));
  return fileSystemChoices(
    entries.map((entry, index) => ({ connection: entry.connection, label: entry.label, problem: entry.problem, listed: entry.problem ? undefined : listed[index] })),
    purpose,
    vscode.l10n,
  );
}

/** Says why there is nothing to pick, with a button for each next step. */
async function offerNextActions(deps: FileSystemPickDeps, message: string, next: readonly NextAction[]): Promise<void> {
  const actions: Record<NextAction, { title: string; command: string }> = {
    addConnection: { title: vscode.l10n.t('Add Connection'), command: 'fsxTasks.addConnection' },
    exploreSandbox: { title: vscode.l10n.t('Explore Sandbox'), command: 'fsxTasks.exploreSandbox' },
    openView: { title: vscode.l10n.t('Open FSx View'), command: 'fsxTasks.explorer.focus' },
  };
  const offered = next.map((action) => actions[action]);
  const choice = await deps.prompts.message('info', message, ...offered.map((action) => action.title));
  const chosen = offered.find((action) => action.title === choice);
  if (chosen) {
    await vscode.commands.executeCommand(chosen.command);
  }
}
