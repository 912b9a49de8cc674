// The data repository event log FSx for Lustre writes to CloudWatch Logs: where it is (the file
// system's LogConfiguration), what each event says (tolerant parsing: the user guide documents the
// codes and levels but shows no event's JSON), what each code means and what to do, and the
// events grouped by association and code, bounded. vscode-free; facts in docs/ARCHITECTURE.md,
// "Data repository event log".
import type { L10n } from '../fsx/l10n';
import type { Association, Connection, StorageResource } from '../fsx/types';
import { connectionArguments } from '../fsx/cliCommand';

/** The log group FSx for Lustre uses when LogConfiguration names no Destination. */
export const DEFAULT_LUSTRE_LOG_GROUP = '/aws/fsx/lustre';

/** The windows a person can choose; the tree's counts use DEFAULT_WINDOW. */
export const EVENT_WINDOWS = ['1h', '24h', '7d'] as const;
export type EventWindow = (typeof EVENT_WINDOWS)[number];
export const DEFAULT_WINDOW: EventWindow = '24h';
export const WINDOW_MS: Readonly<Record<EventWindow, number>> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 };

/** At most this many events are read per file system and window (FilterLogEvents' own page cap). */
export const MAX_EVENTS_READ = 10_000;
/** At most this many paths are kept per association and code, and in all, for the page. */
export const MAX_PATHS_PER_CODE = 200;
export const MAX_PATHS_KEPT = 2_000;
/** A path longer than this is kept cut (S3 keys are at most 1,024 bytes; Lustre paths up to 4,096). */
export const MAX_PATH_CHARS = 4_096;

export type EventDirection = 'export' | 'import' | 'task';
export type EventLevel = 'ERROR' | 'WARN';

export interface LoggingState {
  readonly level: string;
  /** The log group's name (from the Destination ARN, or the default group). */
  readonly logGroup?: string;
  /** `datarepo_<file system id>`: FSx's stream for the file system in that group. */
  readonly logStream?: string;
}

/**
 * The file system's event log, or why there is none to read. Level and Destination come from
 * LustreConfiguration.LogConfiguration; a file system FSx gives none of it logs nothing
 * ("only available on file systems created after ... November 30, 2021").
 */
export function loggingOf(resource: Pick<StorageResource, 'kind' | 'id' | 'logConfiguration'>): LoggingState {
  const configuration = resource.logConfiguration;
  if (!configuration) {
    return { level: 'NONE' };
  }
  if (configuration.level === 'DISABLED') {
    return { level: 'DISABLED' };
  }
  return { level: configuration.level, logGroup: logGroupOfArn(configuration.destination) ?? DEFAULT_LUSTRE_LOG_GROUP, logStream: `datarepo_${resource.id}` };
}

/** `arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]` → NAME; undefined for anything else. */
export function logGroupOfArn(arn: string | undefined): string | undefined {
  const match = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([.\-_/#A-Za-z0-9]{1,512})(?::\*)?$/.exec(arn ?? '');
  return match?.[1];
}

/** Whether failures reach the log: not when logging is off, absent, or warnings only. */
export function logsFailures(state: LoggingState): boolean {
  return state.level === 'ERROR_ONLY' || state.level === 'WARN_ERROR';
}

/** What the tree says about a file system's logging, when it matters; undefined when failures are logged. */
export function loggingHint(state: LoggingState, l10n: L10n): { readonly label: string; readonly detail: string } | undefined {
  switch (state.level) {
    case 'ERROR_ONLY':
    case 'WARN_ERROR':
      return undefined;
    case 'DISABLED':
      return {
        label: l10n.t('Event log off: automatic export and import failures are not recorded'),
        detail: l10n.t('Turn on logging of warnings and errors (Level WARN_ERROR) to see what automatic export and import did. FSx then writes to the /aws/fsx/lustre log group unless you name another.'),
      };
    case 'WARN_ONLY':
      return {
        label: l10n.t('Event log records warnings only: failures are not recorded'),
        detail: l10n.t('Change the level to WARN_ERROR to record failed automatic exports and imports as well.'),
      };
    default:
      return {
        label: l10n.t('No event log configuration: failures of automatic export and import are not recorded'),
        detail: l10n.t('FSx logs data repository events only for file systems created after November 30, 2021; on those, turn logging on with Level WARN_ERROR.'),
      };
  }
}

/** `aws fsx update-file-system ... --lustre-configuration LogConfiguration={Level=WARN_ERROR[,Destination=ARN]}`. */
export function enableLoggingArgv(resource: Pick<StorageResource, 'id' | 'logConfiguration'>, connection: Connection): string[] {
  const destination = resource.logConfiguration?.destination;
  // An ARN with a comma or brace would break the shorthand: then FSx's default group is used.
  const keep = destination && /^[^,=\s"'\\[\]{}]+$/.test(destination) ? `,Destination=${destination}` : '';
  return ['aws', 'fsx', 'update-file-system', '--file-system-id', resource.id, '--lustre-configuration', `LogConfiguration={Level=WARN_ERROR${keep}}`, ...connectionArguments(connection)];
}

/** The Console's path to the same setting (user guide, "To change the logging configuration (console)"). */
export function enableLoggingConsolePath(l10n: L10n): string {
  return l10n.t('FSx console → File systems → the file system → Monitoring → Logging → Update: choose Log errors and Log warnings, then Save.');
}

// ---- events ----

export interface EventLogEntry {
  readonly timestamp: number;
  readonly level?: EventLevel;
  /** The guide's code (S3ExportAccessDenied, ...); '' when none was found. */
  readonly code: string;
  readonly direction: EventDirection | 'unknown';
  readonly associationId?: string;
  /** The file's path on the file system, when the event names one. */
  readonly path?: string;
  readonly message: string;
}

interface CodeFacts {
  readonly direction: EventDirection;
  readonly level: EventLevel;
}

/** The user guide's table ("Data repository event logs"): every code, its direction and level. */
export const EVENT_CODES: Readonly<Record<string, CodeFacts>> = {
  S3ImportListObjectError: { direction: 'import', level: 'ERROR' },
  S3ImportUnsupportedTierWarning: { direction: 'import', level: 'WARN' },
  S3ImportSymlinkInUnsupportedTierWarning: { direction: 'import', level: 'WARN' },
  S3ImportAccessDenied: { direction: 'import', level: 'ERROR' },
  S3ImportDeleteAccessDenied: { direction: 'import', level: 'ERROR' },
  S3ImportObjectPathNotPosixCompliant: { direction: 'import', level: 'ERROR' },
  S3ImportObjectTypeMismatch: { direction: 'import', level: 'ERROR' },
  S3ImportDirectoryMetadataUpdateError: { direction: 'import', level: 'ERROR' },
  S3ImportObjectDeleted: { direction: 'import', level: 'ERROR' },
  S3ImportBucketDoesNotExist: { direction: 'import', level: 'ERROR' },
  S3ImportDeleteBucketDoesNotExist: { direction: 'import', level: 'ERROR' },
  S3ImportDirectoryCreateError: { direction: 'import', level: 'ERROR' },
  NoDiskSpace: { direction: 'import', level: 'ERROR' },
  S3ExportInternalError: { direction: 'export', level: 'ERROR' },
  S3ExportAccessDenied: { direction: 'export', level: 'ERROR' },
  S3ExportPathSizeTooLong: { direction: 'export', level: 'ERROR' },
  S3ExportFileSizeTooLarge: { direction: 'export', level: 'ERROR' },
  S3ExportResourceBusy: { direction: 'export', level: 'ERROR' },
  S3ExportLocalObjectReleaseWithoutS3Source: { direction: 'export', level: 'WARN' },
  S3ExportLocalObjectNotMatchDra: { direction: 'export', level: 'WARN' },
  InternalAutoExportError: { direction: 'export', level: 'ERROR' },
  S3CompletionReportUploadFailure: { direction: 'task', level: 'ERROR' },
  S3CompletionReportValidateFailure: { direction: 'task', level: 'ERROR' },
};

const KNOWN_CODE = new RegExp(`\\b(${Object.keys(EVENT_CODES).join('|')})\\b`);
const MESSAGE_MAX = 1_000;

/** First string member among `names`, matched without regard to case or `_`. */
function member(object: Record<string, unknown>, names: readonly string[]): string | undefined {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  for (const [key, value] of Object.entries(object)) {
    if (wanted.has(key.toLowerCase().replace(/_/g, '')) && typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return undefined;
}

/**
 * One CloudWatch Logs event as an EventLogEntry: a JSON object read for its code, level,
 * association, path and message under the names FSx may use; any other text searched for a
 * documented code and a level word. Never throws.
 */
export function parseEvent(message: string, timestamp: number): EventLogEntry {
  let object: Record<string, unknown> | undefined;
  if (message.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(message);
      object = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      object = undefined;
    }
  }
  const fromJson = object && {
    code: member(object, ['errorcode', 'code', 'eventtype', 'type']),
    level: member(object, ['loglevel', 'level', 'severity']),
    associationId: member(object, ['datarepositoryassociationid', 'associationid', 'draid']),
    path: member(object, ['filepath', 'path', 'filesystempath', 'localpath']),
    message: member(object, ['message', 'errormessage', 'msg']),
    operation: member(object, ['operation', 'event']),
  };
  const code = fromJson?.code ?? KNOWN_CODE.exec(message)?.[1] ?? '';
  const facts = Object.hasOwn(EVENT_CODES, code) ? EVENT_CODES[code] : undefined;
  const levelWord = (fromJson?.level ?? /\b(ERROR|WARN(?:ING)?)\b/.exec(message)?.[1] ?? '').toUpperCase();
  const level: EventLevel | undefined = levelWord === 'ERROR' ? 'ERROR' : levelWord.startsWith('WARN') ? 'WARN' : facts?.level;
  const operation = (fromJson?.operation ?? '').toUpperCase();
  const direction = facts?.direction ?? (operation.includes('EXPORT') ? 'export' : operation.includes('IMPORT') ? 'import' : 'unknown');
  const associationId = fromJson?.associationId ?? /\bdra-[0-9a-f]{8,}\b/.exec(message)?.[0];
  const path = fromJson?.path;
  return {
    timestamp,
    level,
    code: code.slice(0, 100),
    direction,
    associationId: associationId && /^dra-[0-9a-f]{8,}$/.test(associationId) ? associationId : undefined,
    path: path === undefined ? undefined : path.slice(0, MAX_PATH_CHARS),
    message: (fromJson?.message ?? message).slice(0, MESSAGE_MAX),
  };
}

// ---- grouping ----

export interface CodeGroup {
  readonly code: string;
  readonly level?: EventLevel;
  readonly direction: EventDirection | 'unknown';
  count: number;
  readonly paths: string[];
  /** More events carried a path than `paths` keeps. */
  pathsCut: boolean;
  lastSeen: number;
  /** A message of the code, for a code the guide does not list. */
  sample: string;
}

export interface AssociationGroup {
  /** Undefined for events no association of the file system claims. */
  readonly associationId?: string;
  readonly fileSystemPath?: string;
  readonly dataRepositoryPath?: string;
  exportFailures: number;
  importFailures: number;
  warnings: number;
  readonly codes: CodeGroup[];
}

export interface EventLogSummary {
  readonly groups: AssociationGroup[];
  readonly events: number;
  readonly pathsKept: number;
}

/** Which association an event is about: its id when it names one, else the longest path prefix. */
function ownerOf(entry: EventLogEntry, associations: readonly Association[]): Association | undefined {
  if (entry.associationId) {
    const byId = associations.find((association) => association.associationId === entry.associationId);
    if (byId) {
      return byId;
    }
  }
  if (entry.path === undefined) {
    return undefined;
  }
  const path = entry.path.startsWith('/') ? entry.path : `/${entry.path}`;
  let best: Association | undefined;
  for (const association of associations) {
    const root = association.fileSystemPath.replace(/\/+$/, '');
    if ((root === '' || path === root || path.startsWith(`${root}/`)) && (!best || root.length > best.fileSystemPath.replace(/\/+$/, '').length)) {
      best = association;
    }
  }
  return best;
}

/** Events grouped by association (the file system's order), then by code (most first); paths bounded. */
export function summarizeEvents(entries: Iterable<EventLogEntry>, associations: readonly Association[]): EventLogSummary {
  const groups = new Map<string, AssociationGroup>();
  let events = 0;
  let pathsKept = 0;
  for (const entry of entries) {
    events++;
    const owner = ownerOf(entry, associations);
    const key = owner?.associationId ?? (owner ? owner.fileSystemPath : entry.associationId ?? '');
    let group = groups.get(key);
    if (!group) {
      group = { associationId: owner?.associationId ?? entry.associationId, fileSystemPath: owner?.fileSystemPath, dataRepositoryPath: owner?.dataRepositoryPath, exportFailures: 0, importFailures: 0, warnings: 0, codes: [] };
      groups.set(key, group);
    }
    if (entry.level === 'WARN') {
      group.warnings++;
    } else if (entry.direction === 'export') {
      group.exportFailures++;
    } else if (entry.direction === 'import') {
      group.importFailures++;
    }
    let code = group.codes.find((candidate) => candidate.code === entry.code && candidate.level === entry.level);
    if (!code) {
      code = { code: entry.code, level: entry.level, direction: entry.direction, count: 0, paths: [], pathsCut: false, lastSeen: entry.timestamp, sample: entry.message };
      group.codes.push(code);
    }
    code.count++;
    code.lastSeen = Math.max(code.lastSeen, entry.timestamp);
    if (entry.path !== undefined) {
      if (code.paths.length < MAX_PATHS_PER_CODE && pathsKept < MAX_PATHS_KEPT) {
        if (!code.paths.includes(entry.path)) {
          code.paths.push(entry.path);
          pathsKept++;
        }
      } else {
        code.pathsCut = true;
      }
    }
  }
  const order = (group: AssociationGroup): number => {
    const index = associations.findIndex((association) => association.associationId !== undefined && association.associationId === group.associationId);
    return index < 0 ? associations.length : index;
  };
  const sorted = [...groups.values()].sort((a, b) => order(a) - order(b));
  for (const group of sorted) {
    group.codes.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
  }
  return { groups: sorted, events, pathsKept };
}

// ---- words ----

/** What a code means and what to do, after the user guide's table ("Root cause"). */
export function explainEventCode(code: string, l10n: L10n): { readonly meaning: string; readonly action: string } {
  switch (code) {
    case 'S3ExportAccessDenied':
      return {
        meaning: l10n.t('S3 refused the write: FSx may not put objects under the association’s S3 path.'),
        action: l10n.t('Allow s3:PutObject for the file system’s service-linked role (AWSServiceRoleForFSxS3Access_fs-...) in the bucket policy; remove aws:SourceVpc or aws:SourceVpce conditions that exclude FSx; for objects other accounts uploaded, set S3 Object Ownership to Bucket owner preferred. Then run an export task for the paths.'),
      };
    case 'S3ExportPathSizeTooLong':
      return { meaning: l10n.t('The S3 key would be longer than 1,024 bytes (the export prefix plus the file’s path).'), action: l10n.t('Shorten the file’s path or the association’s S3 prefix; the file is not exported until then.') };
    case 'S3ExportFileSizeTooLarge':
      return { meaning: l10n.t('The file is larger than 5 TiB, the largest S3 object.'), action: l10n.t('Split the file; it cannot be exported as it is.') };
    case 'S3ExportResourceBusy':
      return { meaning: l10n.t('Another client was writing the file while FSx exported it.'), action: l10n.t('Export the file again (an export task) once your workflow has finished writing it.') };
    case 'S3ExportInternalError':
    case 'InternalAutoExportError':
      return { meaning: l10n.t('An internal error of FSx or Lustre stopped the export.'), action: l10n.t('Run an export task for the paths; if it keeps failing, contact AWS Support with the file system ID.') };
    case 'S3ExportLocalObjectReleaseWithoutS3Source':
      return { meaning: l10n.t('Export skipped: the file is released on the file system and its S3 object is gone.'), action: l10n.t('Restore the object in S3 from a backup or version, or delete the released file.') };
    case 'S3ExportLocalObjectNotMatchDra':
      return { meaning: l10n.t('Export skipped: the file is outside every association’s file system path.'), action: l10n.t('Move the file under an association’s path, or create an association for its folder.') };
    case 'S3ImportAccessDenied':
    case 'S3ImportDeleteAccessDenied':
    case 'S3ImportListObjectError':
      return { meaning: l10n.t('S3 refused FSx access to the objects (listing, reading or following a delete).'), action: l10n.t('Allow s3:ListBucket, s3:GetObject and s3:HeadObject for the file system’s service-linked role in the bucket policy (and kms:Decrypt for SSE-KMS buckets).') };
    case 'S3ImportUnsupportedTierWarning':
    case 'S3ImportSymlinkInUnsupportedTierWarning':
      return { meaning: l10n.t('The object is in a storage class FSx cannot import (S3 Glacier Flexible Retrieval or Deep Archive).'), action: l10n.t('Restore the object or copy it to a supported storage class; it is imported on its next change.') };
    case 'S3ImportObjectPathNotPosixCompliant':
      return { meaning: l10n.t('The object’s key or metadata is not a valid POSIX name or attribute set.'), action: l10n.t('Rename the object (no empty segments, . or .. segments) or fix its POSIX metadata, then import again.') };
    case 'S3ImportObjectTypeMismatch':
      return { meaning: l10n.t('A file and a directory of the same name: the object’s type differs from what the file system already has.'), action: l10n.t('Rename one of them in S3 or on the file system.') };
    case 'S3ImportObjectDeleted':
      return { meaning: l10n.t('The object was deleted from S3 before FSx imported it.'), action: l10n.t('Nothing to import; upload it again if it is still needed.') };
    case 'S3ImportBucketDoesNotExist':
    case 'S3ImportDeleteBucketDoesNotExist':
      return { meaning: l10n.t('The association’s bucket no longer exists.'), action: l10n.t('Recreate the bucket, or delete the association.') };
    case 'S3ImportDirectoryMetadataUpdateError':
    case 'S3ImportDirectoryCreateError':
      return { meaning: l10n.t('An internal error stopped FSx updating a directory.'), action: l10n.t('Import the directory again with an import task; contact AWS Support if it keeps failing.') };
    case 'NoDiskSpace':
      return { meaning: l10n.t('The file system’s metadata servers are full.'), action: l10n.t('Increase the file system’s storage or metadata capacity, or delete files, then import again.') };
    case 'S3CompletionReportUploadFailure':
    case 'S3CompletionReportValidateFailure':
      return { meaning: l10n.t('A task’s completion report could not be written to S3.'), action: l10n.t('Send reports to a path inside an association’s S3 path that FSx may write to.') };
    default:
      return { meaning: l10n.t('A code the FSx documentation does not list.'), action: l10n.t('Read the event’s message below; search the FSx for Lustre user guide for the code.') };
  }
}

/** "auto-export: 12 failures in 24 h" for the tree; undefined when nothing failed. */
export function countText(group: Pick<AssociationGroup, 'exportFailures' | 'importFailures'>, window: EventWindow, l10n: L10n): string | undefined {
  const span = windowText(window, l10n);
  const parts: string[] = [];
  if (group.exportFailures > 0) {
    parts.push(group.exportFailures === 1 ? l10n.t('auto-export: 1 failure in {0}', span) : l10n.t('auto-export: {0} failures in {1}', count(group.exportFailures), span));
  }
  if (group.importFailures > 0) {
    parts.push(group.importFailures === 1 ? l10n.t('auto-import: 1 failure in {0}', span) : l10n.t('auto-import: {0} failures in {1}', count(group.importFailures), span));
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** "12 failed exports", the tree row's short form of countText (the side bar is narrow; the hover has the window). */
export function shortCountText(group: Pick<AssociationGroup, 'exportFailures' | 'importFailures'>, l10n: L10n): string | undefined {
  const parts: string[] = [];
  if (group.exportFailures > 0) {
    parts.push(group.exportFailures === 1 ? l10n.t('1 failed export') : l10n.t('{0} failed exports', count(group.exportFailures)));
  }
  if (group.importFailures > 0) {
    parts.push(group.importFailures === 1 ? l10n.t('1 failed import') : l10n.t('{0} failed imports', count(group.importFailures)));
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

export function windowText(window: EventWindow, l10n: L10n): string {
  switch (window) {
    case '1h':
      return l10n.t('1 h');
    case '24h':
      return l10n.t('24 h');
    case '7d':
      return l10n.t('7 days');
  }
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
