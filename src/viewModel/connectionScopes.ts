// Where an edit of `fsxTasks.connections` is written. VS Code does not merge lists across settings
// scopes: the most specific scope that sets the list (the workspace's `.vscode/settings.json`, else
// the user's settings) is the whole list the window uses. So a listed entry comes from that scope,
// and removing or changing it rewrites that scope's list only; a new connection goes to the user's
// settings, never with the workspace's entries copied in. Entries of the scope that are not the one
// edited, malformed ones included, are written back as they were. vscode-free.
import { ENGLISH } from '../fsx/l10n';
import { ConnectionSetting, parseConnectionSettings, sameConnectionSetting } from './connectionSettings';

/** The scopes the extension reads the setting from (window-wide, so no folder of a multi-root workspace). */
export type ConnectionScope = 'global' | 'workspace';

/** The setting's value in each scope, as `WorkspaceConfiguration.inspect` gives it (undefined: not set there). */
export interface ScopedConnectionValues {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
}

/** A list to write to one scope. */
export interface ConnectionWrite {
  readonly scope: ConnectionScope;
  readonly value: unknown[];
}

/** The scope whose list the window uses: the workspace's when it sets one, else the user's. */
export function listedScope(values: ScopedConnectionValues): ConnectionScope {
  return values.workspaceValue !== undefined ? 'workspace' : 'global';
}

/** The connection an item of the list stands for; undefined for a malformed item. */
function entryOf(item: unknown): ConnectionSetting | undefined {
  return parseConnectionSettings([item], ENGLISH).connections[0];
}

function listIn(values: ScopedConnectionValues, scope: ConnectionScope): unknown[] | undefined {
  const value = scope === 'workspace' ? values.workspaceValue : values.globalValue;
  return Array.isArray(value) ? value : undefined;
}

/** Removes a listed connection from the scope it is listed from; undefined when it is not listed. */
export function removeConnection(values: ScopedConnectionValues, connection: ConnectionSetting): ConnectionWrite | undefined {
  const scope = listedScope(values);
  const list = listIn(values, scope);
  if (!list?.some((item) => isEntry(item, connection))) {
    return undefined;
  }
  return { scope, value: list.filter((item) => !isEntry(item, connection)) };
}

/**
 * Replaces a listed connection by `updated`, in place, in the scope it is listed from; undefined
 * when it is not listed (then it is a new connection: addConnections).
 */
export function replaceConnection(values: ScopedConnectionValues, connection: ConnectionSetting, updated: ConnectionSetting): ConnectionWrite | undefined {
  const scope = listedScope(values);
  const list = listIn(values, scope);
  const index = list?.findIndex((item) => isEntry(item, connection)) ?? -1;
  if (!list || index < 0) {
    return undefined;
  }
  // An entry that already was `updated` goes: it would now repeat the changed one.
  const value = list.flatMap((item, i) => (i === index ? [updated] : isEntry(item, updated) ? [] : [item]));
  return { scope, value };
}

/**
 * Adds the connections the user's settings do not hold yet, to the user's settings (a list there
 * of the wrong shape is replaced). `hidden` says the workspace's own list is what this window uses,
 * so the ones added show in other windows, not here.
 */
export function addConnections(values: ScopedConnectionValues, connections: readonly ConnectionSetting[]): { write?: ConnectionWrite; added: ConnectionSetting[]; hidden: boolean } {
  const list = listIn(values, 'global') ?? [];
  const added: ConnectionSetting[] = [];
  for (const connection of connections) {
    if (!list.some((item) => isEntry(item, connection)) && !added.some((entry) => sameConnectionSetting(entry, connection))) {
      added.push(connection);
    }
  }
  return {
    write: added.length > 0 ? { scope: 'global', value: [...list, ...added] } : undefined,
    added,
    hidden: listedScope(values) !== 'global',
  };
}

function isEntry(item: unknown, connection: ConnectionSetting): boolean {
  const entry = entryOf(item);
  return entry !== undefined && sameConnectionSetting(entry, connection);
}
