// What a command argument may say: which of our connections and which task or resource, never
// where requests go. Another command (the status bar's pick, the Explorer menu), a keybinding or
// another extension can run our commands with any object; its connection is looked up among the
// ones the user configured (or the running sandbox), and the one found is used, not the object
// handed over. vscode-free, unit-tested.
import { Connection, connectionKey, FILE_CACHE_ID_PATTERN, FILE_SYSTEM_ID_PATTERN, isValidTaskId, ResourceKind } from '../fsx/types';

/** Does the argument claim to name a task or resource by a connection (an object with those keys)? */
export function isHandedOver(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && keys.some((key) => key in value);
}

/**
 * The known connection the handed one names: same profile and region, and where the handed one
 * says more (endpoint, sandbox, FIPS) it must say what the known one is. Undefined when none
 * matches or the handed value is not shaped like a connection.
 */
export function identifyConnection(known: readonly Connection[], handed: unknown): Connection | undefined {
  if (typeof handed !== 'object' || handed === null) {
    return undefined;
  }
  const value = handed as Record<string, unknown>;
  const optional = (field: unknown, type: 'string' | 'boolean') => field === undefined || typeof field === type;
  if (typeof value.region !== 'string' || !optional(value.profile, 'string') || !optional(value.endpoint, 'string') || !optional(value.sandbox, 'boolean') || !optional(value.useFipsEndpoint, 'boolean')) {
    return undefined;
  }
  const matches = (candidate: Connection) =>
    candidate.region === value.region &&
    (candidate.profile ?? '') === (value.profile ?? '') &&
    (value.endpoint === undefined || value.endpoint === candidate.endpoint) &&
    (value.sandbox === undefined || value.sandbox === !!candidate.sandbox) &&
    (value.useFipsEndpoint === undefined || value.useFipsEndpoint === !!candidate.useFipsEndpoint);
  return known.find(matches);
}

/** The connections a handed-over one may be: each once (the usable configured ones, the sandbox, the tracked tasks'). */
export function distinctConnections(connections: Iterable<Connection>): Connection[] {
  const byKey = new Map<string, Connection>();
  for (const connection of connections) {
    if (!byKey.has(connectionKey(connection))) {
      byKey.set(connectionKey(connection), connection);
    }
  }
  return [...byKey.values()];
}

/** The id of a handed-over task (`{ taskId }`), when it is a task id as FSx spells it. */
export function handedTaskId(task: unknown): string | undefined {
  const taskId = typeof task === 'object' && task !== null ? (task as Record<string, unknown>).taskId : undefined;
  return typeof taskId === 'string' && isValidTaskId(taskId) ? taskId : undefined;
}

/** The kind and id of a handed-over file system or File Cache (`{ kind, id }`), when well formed. */
export function handedResource(resource: unknown): { readonly kind: ResourceKind; readonly id: string } | undefined {
  if (typeof resource !== 'object' || resource === null) {
    return undefined;
  }
  const { kind, id } = resource as Record<string, unknown>;
  if (typeof id !== 'string') {
    return undefined;
  }
  if (kind === 'fileSystem' && FILE_SYSTEM_ID_PATTERN.test(id)) {
    return { kind, id };
  }
  if (kind === 'fileCache' && FILE_CACHE_ID_PATTERN.test(id)) {
    return { kind, id };
  }
  return undefined;
}

/** The association a handed-over one names: its `dra-` id, or a file system's own link (`source: 'fileSystem'`). */
export function handedAssociation(association: unknown): { readonly associationId: string } | { readonly ownLink: true } | undefined {
  if (typeof association !== 'object' || association === null) {
    return undefined;
  }
  const { associationId, source } = association as Record<string, unknown>;
  if (typeof associationId === 'string' && /^dra-[0-9a-f]{8,}$/.test(associationId)) {
    return { associationId };
  }
  return source === 'fileSystem' && associationId === undefined ? { ownLink: true } : undefined;
}
