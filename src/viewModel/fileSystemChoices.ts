// What the palette form of "Export to S3..." (and Import, Release) and of "Create Association..."
// offers: the Lustre file systems of every connection, or, when there is nothing to pick, one
// sentence saying why and what to do next, instead of an empty pick. vscode-free; the command
// renders the answer.
import { FsxError } from '../fsx/errors';
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { associationRefusal } from '../fsx/associations';
import { Connection, StorageResource } from '../fsx/types';
import { resourceRefusal, StartableTaskType } from '../fsx/taskRequest';

/** A connection and what listing its resources gave. */
export interface ListedConnection {
  readonly connection: Connection;
  readonly label: string;
  /** A problem known before any call (no region): nothing was listed. */
  readonly problem?: FsxError;
  readonly listed?: PromiseSettledResult<readonly StorageResource[]>;
}

/** What the person can do next when there is nothing to pick; the command gives each a button. */
export type NextAction = 'addConnection' | 'exploreSandbox' | 'openView';

export interface FileSystemChoice {
  readonly connection: Connection;
  readonly connectionLabel: string;
  readonly resource: StorageResource;
}

/** What the pick is for: a task of this type, or a new data repository association. */
export type ChoicePurpose = StartableTaskType | 'association';

export type FileSystemChoices =
  /** `leftOut`: the file systems that cannot take an association, not offered (zero for a task). */
  | { readonly kind: 'pick'; readonly choices: readonly FileSystemChoice[]; readonly leftOut: number }
  | { readonly kind: 'none'; readonly message: string; readonly next: readonly NextAction[] }
  /** Nothing to offer because a listing failed: that failure, with its connection, is the message. */
  | { readonly kind: 'failed'; readonly connection: Connection; readonly reason: unknown };

/**
 * The file systems to offer for a task of `purpose`: every Lustre file system (one that cannot take
 * the task now is still listed, and refused with its reason once picked), as long as at least one
 * can take it. For an association, only those that can take one (a kind that cannot never will).
 */
export function fileSystemChoices(connections: readonly ListedConnection[], purpose: ChoicePurpose, l10n: L10n): FileSystemChoices {
  const choices: FileSystemChoice[] = [];
  for (const entry of connections) {
    const resources = entry.listed?.status === 'fulfilled' ? entry.listed.value : [];
    for (const resource of resources) {
      if (resource.kind === 'fileSystem' && resource.supportsTasks) {
        choices.push({ connection: entry.connection, connectionLabel: entry.label, resource });
      }
    }
  }
  const refusalOf = (resource: StorageResource) => (purpose === 'association' ? associationRefusal(resource, l10n) : resourceRefusal(resource, purpose, l10n));
  const refusals = choices.map((choice) => refusalOf(choice.resource));
  if (refusals.some((refusal) => refusal === undefined)) {
    if (purpose !== 'association') {
      return { kind: 'pick', choices, leftOut: 0 };
    }
    const offered = choices.filter((_, index) => refusals[index] === undefined);
    return { kind: 'pick', choices: offered, leftOut: choices.length - offered.length };
  }
  const failed = connections.find((entry) => entry.listed?.status === 'rejected');
  if (failed?.listed?.status === 'rejected' && choices.length === 0) {
    return { kind: 'failed', connection: failed.connection, reason: failed.listed.reason };
  }
  const listed = connections.filter((entry) => !entry.problem);
  if (listed.length === 0) {
    return connections.length === 0
      ? {
          kind: 'none',
          message: l10n.t('No connection to list file systems from. Add a connection (an AWS profile and region), or explore the local sandbox.'),
          next: ['addConnection', 'exploreSandbox'],
        }
      : {
          kind: 'none',
          message: l10n.t('No connection can list file systems ({0}). The FSx view says what each one needs.', connections.map((entry) => plainText(entry.label)).join(', ')),
          next: ['openView', 'addConnection'],
        };
  }
  if (choices.length === 0) {
    const labels = listed.map((entry) => plainText(entry.label)).join(', ');
    return {
      kind: 'none',
      message:
        purpose === 'association'
          ? l10n.t(
              'No FSx for Lustre file system in {0}; only Lustre file systems have data repository associations. Add a connection for the profile or region that has one.',
              labels,
            )
          : l10n.t('No FSx for Lustre file system in {0}; only Lustre file systems have data repository tasks. Add a connection for the profile or region that has one.', labels),
      next: ['addConnection', 'openView'],
    };
  }
  const more = refusals.length - 1;
  const first = refusals[0] ?? '';
  const message =
    purpose === 'association'
      ? more > 0
        ? l10n.t('No FSx for Lustre file system can take a data repository association. {0} The other {1} cannot take one either (the FSx view shows each one).', first, more)
        : l10n.t('No FSx for Lustre file system can take a data repository association. {0}', first)
      : more > 0
        ? l10n.t('No FSx for Lustre file system can take this task now. {0} The other {1} cannot take it either (the FSx view shows each one).', first, more)
        : l10n.t('No FSx for Lustre file system can take this task now. {0}', first);
  return { kind: 'none', message, next: ['openView'] };
}
