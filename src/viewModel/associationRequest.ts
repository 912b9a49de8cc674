// The rules for a data repository association, checked before anything is sent, as the
// CreateDataRepositoryAssociation model and the FSx for Lustre guide state them (and said better):
// the file system path begins with `/`, is 1-4,096 characters without NUL or line breaks, overlaps
// no other association's (`/ns1/` excludes `/ns1/ns2`), and is `/` only for the first one; the S3
// path is `s3://bucket/prefix/` (3-4,357 characters) and linked to one association only; at most 8
// associations per file system; the imported file chunk size is 1-512,000 MiB. vscode-free.
import { MAX_ASSOCIATIONS_PER_FILE_SYSTEM } from '../fsx/associations';
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import type { Checked } from '../fsx/taskRequest';
import { Association, ASSOCIATION_EVENTS, AssociationEvent, shortened } from '../fsx/types';

export const MAX_FILE_SYSTEM_PATH_LENGTH = 4096;
export const MIN_DATA_REPOSITORY_PATH_LENGTH = 3;
export const MAX_DATA_REPOSITORY_PATH_LENGTH = 4357;
export const MAX_CHUNK_SIZE_MIB = 512_000;
export const DEFAULT_CHUNK_SIZE_MIB = 1024;

// eslint-disable-next-line no-control-regex -- the model's path pattern forbids NUL and line breaks.
const FORBIDDEN_PATH_CHARACTERS = /[\u0000\u0085\u2028\u2029\r\n]/u;
/** An S3 bucket name (3-63 lowercase letters, digits, dots, hyphens; a letter or digit at each end). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function ok<T>(value: T): Checked<T> {
  return { ok: true, value };
}

function fail<T>(message: string): Checked<T> {
  return { ok: false, message };
}

/** `/a/b/` and `/a/b` name one directory; `/` is the root. */
function directoryOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** Whether one path is the other or lies under it ("/ns1" and "/ns1/ns2" overlap; "/ns1" and "/ns10" do not). */
export function pathsOverlap(a: string, b: string): boolean {
  const slash = (path: string): string => (directoryOf(path) === '/' ? '/' : `${directoryOf(path)}/`);
  return slash(a).startsWith(slash(b)) || slash(b).startsWith(slash(a));
}

/** The file system's associations that count against a new one (a file system's own link is no association). */
function associationsOf(existing: readonly Association[]): Association[] {
  return existing.filter((association) => association.source === 'association');
}

/** Why another association cannot be created, or undefined: at most 8 per file system. */
export function countRefusal(existing: readonly Association[], l10n: L10n): string | undefined {
  const count = associationsOf(existing).length;
  return count >= MAX_ASSOCIATIONS_PER_FILE_SYSTEM
    ? l10n.t('This file system already has {0} data repository associations, the most FSx allows. Delete one before creating another.', count)
    : undefined;
}

/** The file system path as typed (trimmed), or why FSx would refuse it. */
export function checkFileSystemPath(text: string, existing: readonly Association[], l10n: L10n): Checked<string> {
  const path = text.trim();
  if (path === '') {
    return fail(l10n.t('Type the file system directory to link, beginning with a forward slash, such as /ns1/.'));
  }
  if (!path.startsWith('/')) {
    return fail(l10n.t('A file system path begins with a forward slash (/), such as /ns1/.'));
  }
  if (path.length > MAX_FILE_SYSTEM_PATH_LENGTH) {
    return fail(l10n.t('A file system path has at most {0} characters; this one has {1}.', MAX_FILE_SYSTEM_PATH_LENGTH, path.length));
  }
  if (FORBIDDEN_PATH_CHARACTERS.test(path)) {
    return fail(l10n.t('A file system path cannot contain line breaks or NUL characters.'));
  }
  const others = associationsOf(existing);
  if (directoryOf(path) === '/' && others.length > 0) {
    return fail(l10n.t('The root directory (/) can be linked only by the first association of a file system; this one has {0}. Choose a directory such as /ns1/.', others.length));
  }
  const overlapping = others.find((other) => pathsOverlap(other.fileSystemPath, path));
  if (overlapping) {
    return fail(
      l10n.t(
        '{0} overlaps {1}, which is linked to {2}: two associations cannot share a directory or nest one inside the other.',
        plainText(shortened(path)),
        plainText(shortened(overlapping.fileSystemPath)),
        plainText(shortened(overlapping.dataRepositoryPath)),
      ),
    );
  }
  return ok(path);
}

/** The S3 path as typed (trimmed), or why FSx would refuse it. */
export function checkDataRepositoryPath(text: string, existing: readonly Association[], l10n: L10n): Checked<string> {
  const path = text.trim();
  if (path === '') {
    return fail(l10n.t('Type the S3 bucket or prefix to link, such as s3://my-bucket/my-prefix/.'));
  }
  if (!/^s3:\/\//.test(path)) {
    return fail(l10n.t('An S3 path begins with s3://, such as s3://my-bucket/my-prefix/.'));
  }
  if (path.length < MIN_DATA_REPOSITORY_PATH_LENGTH || path.length > MAX_DATA_REPOSITORY_PATH_LENGTH) {
    return fail(l10n.t('An S3 path has at most {0} characters; this one has {1}.', MAX_DATA_REPOSITORY_PATH_LENGTH, path.length));
  }
  if (FORBIDDEN_PATH_CHARACTERS.test(path)) {
    return fail(l10n.t('An S3 path cannot contain line breaks or NUL characters.'));
  }
  const bucket = path.slice('s3://'.length).split('/')[0];
  if (!BUCKET_NAME.test(bucket)) {
    return fail(l10n.t('{0} is not an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit.', plainText(shortened(bucket))));
  }
  const asKey = (s3Path: string) => `/${s3Path.slice('s3://'.length)}`;
  const shared = associationsOf(existing).find((other) => /^s3:\/\//.test(other.dataRepositoryPath) && pathsOverlap(asKey(other.dataRepositoryPath), asKey(path)));
  if (shared) {
    return fail(
      l10n.t(
        '{0} overlaps {1}, already linked at {2}: each S3 bucket or prefix can be linked to one association only.',
        plainText(shortened(path)),
        plainText(shortened(shared.dataRepositoryPath)),
        plainText(shortened(shared.fileSystemPath)),
      ),
    );
  }
  return ok(path);
}

/** The chunk size in MiB; empty means FSx's default (undefined). */
export function parseChunkSize(text: string, l10n: L10n): Checked<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return ok(undefined);
  }
  const mib = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(mib) || mib < 1 || mib > MAX_CHUNK_SIZE_MIB) {
    return fail(l10n.t('Type a whole number of MiB from 1 to {0} (FSx uses {1} when left empty).', MAX_CHUNK_SIZE_MIB.toLocaleString('en-US'), DEFAULT_CHUNK_SIZE_MIB));
  }
  return ok(mib);
}

/** Every subset of the events, most used first: what the automatic import and export steps offer. */
export const EVENT_CHOICES: readonly (readonly AssociationEvent[])[] = [
  ['NEW', 'CHANGED', 'DELETED'],
  ['NEW', 'CHANGED'],
  ['NEW'],
  [],
  ['NEW', 'DELETED'],
  ['CHANGED', 'DELETED'],
  ['CHANGED'],
  ['DELETED'],
];

/** The same events in the API's order, without repeats (FSx lists them that way). */
export function normalizedEvents(events: readonly string[] | undefined): AssociationEvent[] {
  return ASSOCIATION_EVENTS.filter((event) => events?.includes(event));
}

export function sameEvents(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return normalizedEvents(a).join(',') === normalizedEvents(b).join(',');
}
