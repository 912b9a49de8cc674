// What is saved per tracked task (workspace state, JSON) and which saved records come back after a
// window reload. The stored value is outside data (older versions, hand edits, bad writes, a
// workspace someone else prepared): a record is read field by field, and one whose connection is
// not usable now is dropped, never polled. The tracker (taskTracker.ts) owns the lifecycles.

import { EndpointSources, resolveEndpoint } from '../fsx/endpoint';
import { isPlausibleRegion } from '../fsx/regions';
import { Connection, isLifecycle, isTerminal, isValidTaskId, Lifecycle } from '../fsx/types';

/** Why a task is tracked: the user asked, the user cancelled it, or the auto-tracker found it running. */
export type TrackReason = 'user' | 'cancel' | 'auto';
const TRACK_REASONS: readonly string[] = ['user', 'cancel', 'auto'];

/** What is persisted per tracked task (JSON). */
export interface TrackedRecord {
  readonly taskId: string;
  readonly connection: Connection;
  readonly lastLifecycle?: Lifecycle;
  readonly reason: TrackReason;
  readonly addedAt: number;
  /** Tracked together with others (a bulk cancel): their ends are announced together. */
  readonly together?: string;
}

/** A group id as the tracker makes them (trackTogether); anything else read back is dropped. */
const GROUP_ID = /^g-[0-9a-z-]{1,40}$/;

/** Persistence, e.g. a vscode.Memento key; get() may return anything (old versions, hand edits) and is validated. */
export interface TrackedRecordStore {
  get(): unknown;
  set(records: TrackedRecord[]): PromiseLike<void> | void;
}

/** More tracked tasks than anyone follows: a record beyond this is a bad write, not a choice. */
export const MAX_TRACKED_RECORDS = 1_000;

export interface ParsedRecords {
  readonly records: TrackedRecord[];
  /** Records that were not tracked-task records, repeated a task, or were beyond MAX_TRACKED_RECORDS. */
  readonly dropped: number;
  /** The stored value was not a list at all. */
  readonly notAList: boolean;
}

/** What restore() reports when it could not use every saved record. */
export interface RecordsDropped {
  /** Records kept. */
  readonly kept: number;
  /** Records that were not tracked-task records, repeated a task, or were beyond MAX_TRACKED_RECORDS. */
  readonly dropped: number;
  /** The stored value was not a list at all. */
  readonly notAList: boolean;
}

/** The connection a saved record is polled on now, or undefined to refuse the record. */
export type Reconnect = (saved: Connection) => Connection | undefined;

/** The record saved for a tracked task: these fields only, whatever else the tracker keeps. */
export function trackedRecord(task: { readonly taskId: string; readonly connection: Connection; readonly lifecycle?: Lifecycle; readonly reason: TrackReason; readonly addedAt: number; readonly together?: string }): TrackedRecord {
  const record: TrackedRecord = {
    taskId: task.taskId,
    connection: task.connection,
    lastLifecycle: task.lifecycle,
    reason: task.reason,
    addedAt: task.addedAt,
  };
  return task.together === undefined ? record : { ...record, together: task.together };
}

/** Only the known fields, so the persisted JSON holds nothing the caller happened to attach. */
export function copyConnection(connection: Connection): Connection {
  const copy: { -readonly [K in keyof Connection]: Connection[K] } = { region: connection.region };
  if (connection.profile !== undefined) {
    copy.profile = connection.profile;
  }
  if (connection.endpoint !== undefined) {
    copy.endpoint = connection.endpoint;
  }
  if (connection.useFipsEndpoint) {
    copy.useFipsEndpoint = true;
  }
  if (connection.sandbox) {
    copy.sandbox = true;
  }
  return copy;
}

/** The usable records of a stored value (anything: older versions, hand edits, bad writes). */
export function parseRecords(raw: unknown): ParsedRecords {
  if (!Array.isArray(raw)) {
    return { records: [], dropped: 0, notAList: raw !== undefined && raw !== null };
  }
  const records: TrackedRecord[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const item of raw as unknown[]) {
    const record = records.length < MAX_TRACKED_RECORDS ? parseRecord(item) : undefined;
    if (record && !seen.has(record.taskId)) {
      seen.add(record.taskId);
      records.push(record);
    } else {
      dropped += 1;
    }
  }
  return { records, dropped, notAList: false };
}

/**
 * The parsed records to track again after a reload, each on the connection `reconnect` maps it
 * to. Left out: tasks already ended (announced before the reload), tasks `isTracked` already, and
 * records `reconnect` refuses, which are listed in `refused`.
 */
export function recordsToRestore(records: readonly TrackedRecord[], reconnect: Reconnect, isTracked: (taskId: string) => boolean): { restore: TrackedRecord[]; refused: string[] } {
  const restore: TrackedRecord[] = [];
  const refused: string[] = [];
  for (const record of records) {
    if ((record.lastLifecycle && isTerminal(record.lastLifecycle)) || isTracked(record.taskId)) {
      continue;
    }
    const connection = reconnect(record.connection);
    if (connection) {
      restore.push({ ...record, connection });
    } else {
      refused.push(record.taskId);
    }
  }
  return { restore, refused };
}

/**
 * The Reconnect of a window reload: the running sandbox for a sandbox record (it listens on a new
 * port after every reload), the saved connection when its endpoint is the one configured for its
 * profile now, otherwise undefined (a foreign endpoint would be polled with the user's credentials).
 */
export function restoredConnection(saved: Connection, sandbox: Connection | undefined, sources: Pick<EndpointSources, 'setting' | 'env' | 'shared'>): Connection | undefined {
  if (saved.sandbox) {
    return sandbox;
  }
  let configured: string | undefined;
  try {
    configured = resolveEndpoint({ ...sources, profile: saved.profile, useFipsEndpoint: saved.useFipsEndpoint });
  } catch {
    return undefined; // the configured endpoint is refused itself: nothing of that profile is polled
  }
  return saved.endpoint === configured ? saved : undefined;
}

function parseRecord(item: unknown): TrackedRecord | undefined {
  if (typeof item !== 'object' || item === null) {
    return undefined;
  }
  const value = item as Record<string, unknown>;
  const connection = parseConnection(value.connection);
  if (
    typeof value.taskId !== 'string' ||
    !isValidTaskId(value.taskId) ||
    !connection ||
    typeof value.reason !== 'string' ||
    !TRACK_REASONS.includes(value.reason) ||
    typeof value.addedAt !== 'number' ||
    !Number.isFinite(value.addedAt) ||
    (value.lastLifecycle !== undefined && !isLifecycle(value.lastLifecycle))
  ) {
    return undefined;
  }
  return {
    taskId: value.taskId,
    connection,
    lastLifecycle: value.lastLifecycle as Lifecycle | undefined,
    reason: value.reason as TrackReason,
    addedAt: value.addedAt,
    // A group that does not read as one is dropped: the task is then announced on its own.
    ...(typeof value.together === 'string' && GROUP_ID.test(value.together) ? { together: value.together } : {}),
  };
}

/** A saved connection read field by field (the region must be a region name), or undefined. */
export function parseConnection(raw: unknown): Connection | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const value = raw as Record<string, unknown>;
  const optionalString = (field: unknown) => field === undefined || typeof field === 'string';
  const optionalBoolean = (field: unknown) => field === undefined || typeof field === 'boolean';
  if (
    typeof value.region !== 'string' ||
    // The region becomes part of a host name: only a region name is one.
    !isPlausibleRegion(value.region) ||
    !optionalString(value.profile) ||
    !optionalString(value.endpoint) ||
    !optionalBoolean(value.useFipsEndpoint) ||
    !optionalBoolean(value.sandbox)
  ) {
    return undefined;
  }
  return copyConnection(value as unknown as Connection);
}
