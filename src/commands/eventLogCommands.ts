// "Show Automatic Export Failures" (an association row, a file system row or its Associations
// group, or the palette with a file system pick): a window to read (1 h, 24 h, 7 days), the file
// system's data repository event log read over it (views/eventLogs.ts), grouped by association
// and code on a page (views/eventLogPanels.ts). Logging off or warnings only is said first, with
// the command that turns it on. "Copy the Command That Turns On the Event Log" copies that command.
import * as vscode from 'vscode';
import { resourceLabel } from '../fsx/taskRequest';
import { Connection, StorageResource } from '../fsx/types';
import { DEFAULT_WINDOW, enableLoggingArgv, EVENT_WINDOWS, EventWindow, loggingHint, loggingOf, summarizeEvents, windowText } from '../outcomes/eventLog';
import { copyCliCommand } from '../views/cliCopy';
import { AssociationNode, AssociationsNode, LoggingHintNode } from '../views/explorer/associationNodes';
import { ResourceNode } from '../views/explorer/resourceNode';
import { abortOn } from '../views/abortOn';
import type { Services } from './services';
import { CommandDeps, FailureScope, registerScopedCommand } from './boundary';
import { pickFileSystem } from './fileSystemPick';

type EventLogDeps = CommandDeps & Pick<Services, 'model' | 'eventLogs' | 'eventLogPanels'>;

interface Target {
  readonly connection: Connection;
  readonly resource: StorageResource;
  readonly associationId?: string;
}

export function registerEventLogCommands(deps: EventLogDeps): vscode.Disposable[] {
  return [
    registerScopedCommand('fsxTasks.showAutoExportFailures', deps, (scope, arg) => showFailures(deps, scope, arg)),
    registerScopedCommand('fsxTasks.copyLoggingCommand', deps, async (scope, arg) => {
      if (!(arg instanceof LoggingHintNode)) {
        void deps.prompts.message('info', vscode.l10n.t('Right-click {0} in the FSx view to use this command.', vscode.l10n.t('an “Event log off” row')));
        return;
      }
      scope.connection = arg.connection;
      await offerLoggingCommand(deps, arg.connection, arg.resource);
    }),
  ];
}

async function targetOf(deps: EventLogDeps, scope: FailureScope, arg: unknown): Promise<Target | undefined> {
  if (arg instanceof AssociationNode) {
    return { connection: arg.connection, resource: arg.resource, associationId: arg.association.associationId };
  }
  if (arg instanceof ResourceNode || arg instanceof AssociationsNode) {
    return { connection: arg.connection, resource: arg.resource };
  }
  return pickFileSystem(deps, 'association', scope, {
    title: vscode.l10n.t('Show Automatic Export Failures'),
    placeholder: vscode.l10n.t('Pick an FSx for Lustre file system whose automatic export and import to look at'),
    placeholderWithLeftOut: (count) => vscode.l10n.t('Pick an FSx for Lustre file system ({0} others have no associations; the FSx view says why)', count),
  });
}

async function showFailures(deps: EventLogDeps, scope: FailureScope, arg: unknown): Promise<void> {
  const target = await targetOf(deps, scope, arg);
  if (!target) {
    return;
  }
  const { connection, resource } = target;
  scope.connection = connection;
  scope.context = vscode.l10n.t('Could not read the event log of {0}', resourceLabel(resource));
  const hint = loggingHint(loggingOf(resource), vscode.l10n);
  if (hint) {
    await offerLoggingCommand(deps, connection, resource, `${hint.label}. ${hint.detail}`);
    return;
  }
  const window = await pickWindow(deps);
  if (!window) {
    return;
  }
  const read = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the event log of {0}...', resourceLabel(resource)), cancellable: true },
    (_progress, token) => deps.eventLogs.read(connection, resource, window, abortOn(token)),
  );
  const associations = await deps.model.associations(connection, resource);
  const association = associations.find((candidate) => candidate.associationId !== undefined && candidate.associationId === target.associationId);
  deps.log.info(`Event log of ${resource.id}: ${read.entries.length} events in ${window} over ${read.pages} pages${read.cut ? ' (cut)' : ''}${read.missingGroup ? ' (no log group)' : ''}`);
  const title = association
    ? vscode.l10n.t('Automatic export failures: {0}', association.fileSystemPath)
    : vscode.l10n.t('Automatic export failures: {0}', resourceLabel(resource));
  (await deps.eventLogPanels()).show(`${resource.id}|${target.associationId ?? ''}`, {
    title,
    fileSystem: resourceLabel(resource),
    windowText: windowText(window, vscode.l10n),
    logGroup: read.logGroup,
    logStream: read.logStream,
    summary: summarizeEvents(read.entries, associations),
    cut: read.cut,
    missingGroup: read.missingGroup,
    associationId: association?.associationId,
  });
}

async function pickWindow(deps: EventLogDeps): Promise<EventWindow | undefined> {
  const labels: Record<EventWindow, string> = { '1h': vscode.l10n.t('Last hour'), '24h': vscode.l10n.t('Last 24 hours'), '7d': vscode.l10n.t('Last 7 days') };
  // The tree's counts use 24 hours: it is first, so Enter gives the same window.
  const order: EventWindow[] = [DEFAULT_WINDOW, ...EVENT_WINDOWS.filter((window) => window !== DEFAULT_WINDOW)];
  const picked = await deps.prompts.pick(
    order.map((window) => ({ label: labels[window], window })),
    { title: vscode.l10n.t('Show Automatic Export Failures'), placeholder: vscode.l10n.t('Which events to read') },
  );
  return picked?.window;
}

/** Says logging is off (or warnings only) and copies the command that turns it on, if asked. */
async function offerLoggingCommand(deps: EventLogDeps, connection: Connection, resource: StorageResource, lead?: string): Promise<void> {
  const argv = enableLoggingArgv(resource, connection);
  const copyAction = vscode.l10n.t('Copy Command');
  if (lead !== undefined && (await deps.prompts.message('info', lead, copyAction)) !== copyAction) {
    return;
  }
  await copyCliCommand(deps.prompts, [{ label: vscode.l10n.t('Turn on the event log (warnings and errors)'), argv }], vscode.l10n.t('Copy the Command That Turns On the Event Log'));
}
