// The rules for starting a data repository task, checked before any call: which resources can
// have one, how a person's paths become the API's Paths, the release age, where the completion
// report goes, and the CreateTaskInput. Pure; user text through the injected L10n.
//
// Paths, as the CreateDataRepositoryTask model documents them:
// - export and release: paths on the file system "relative to the mount point": with the file
//   system mounted at /mnt/fsx, /mnt/fsx/path1 is given as `path1`; for release, a directory
//   releases the files in it and `/` (like no paths) releases every exported file;
// - import: paths "in the Amazon S3 bucket ... in the format s3://bucket-name/prefix".
// - none: the whole file system (export) or every linked repository (import); a whole-file-system
//   release sends `/`, the form the model documents for it (apiTaskPaths).
// People here always type file system paths (relative to the file system root, or to an
// association's file system path when they start from it); for import they are mapped through the
// association that contains them to its S3 path. A full s3:// URL is also taken for import.
import { randomUUID } from 'node:crypto';
import { isS3Repository, isUsableRepository, s3LinkKind } from './associations';
import { L10n } from './l10n';
import { excerpt, plainText } from './outsideText';
import { Association, CreateTaskInput, MAX_TASK_PATHS, REPORT_FORMAT, REPORT_SCOPE, StorageResource, TaskType } from './types';

export const STARTABLE_TASK_TYPES = ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM'] as const satisfies readonly TaskType[];
export type StartableTaskType = (typeof STARTABLE_TASK_TYPES)[number];

/** CreateDataRepositoryTask's limits (the API model; the path count is in ./model, which the mounts read). */
export { MAX_TASK_PATHS };
export const MAX_TASK_PATH_LENGTH = 4096;
export const MIN_REPORT_PATH_LENGTH = 3;
export const MAX_REPORT_PATH_LENGTH = 4357;

/** What a task is started on: a resource, perhaps one of its associations, and its links. */
export interface StartTarget {
  readonly resource: StorageResource;
  /** Set when started from an association: paths are relative to its file system path. */
  readonly association?: Association;
  /** The resource's links (see linkedRepositories): every association, or its own link. */
  readonly repositories: readonly Association[];
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function fail<T>(message: string): Checked<T> {
  return { ok: false, message };
}

/**
 * A person's name for a resource: its Name tag with the id, or the id. Plain text (the tag is
 * anyone's in the account): for messages, validation messages and quick picks.
 */
export function resourceLabel(resource: StorageResource): string {
  return resource.name ? `${plainText(resource.name)} (${plainText(resource.id)})` : plainText(resource.id);
}

/**
 * Why no task of this type can start on the resource, before anything is asked (also for a
 * palette pick that lists every resource), or undefined.
 */
export function resourceRefusal(resource: StorageResource, type: StartableTaskType, l10n: L10n): string | undefined {
  if (resource.kind === 'fileCache') {
    return l10n.t(
      'Tasks cannot be started on Amazon File Cache {0}: CreateDataRepositoryTask takes only file systems, and a cache releases data with its own automatic (AUTO_RELEASE_DATA) tasks.',
      plainText(resource.id),
    );
  }
  if (!resource.supportsTasks) {
    return l10n.t('{0} is an FSx {1} file system; only FSx for Lustre file systems have data repository tasks.', resourceLabel(resource), plainText(resource.storageType));
  }
  if (s3LinkKind(resource) === 'noS3') {
    // Intelligent-Tiering: no S3 link is possible, so no export, import or release either.
    return l10n.t('{0} uses Intelligent-Tiering storage, which cannot be linked to S3, so it has no data repository tasks.', resourceLabel(resource));
  }
  if (resource.lifecycle !== 'AVAILABLE' && resource.lifecycle !== 'UPDATING') {
    return l10n.t('{0} is {1}; start the task once it is AVAILABLE.', resourceLabel(resource), plainText(resource.lifecycle));
  }
  if (type === 'RELEASE_DATA_FROM_FILESYSTEM' && resource.fileSystemTypeVersion === '2.10') {
    return l10n.t('{0} runs Lustre 2.10, which has no release tasks.', resourceLabel(resource));
  }
  return undefined;
}

/** resourceRefusal plus what needs the repositories: an S3 link, a usable association. */
export function targetRefusal(target: StartTarget, type: StartableTaskType, l10n: L10n): string | undefined {
  const refusal = resourceRefusal(target.resource, type, l10n);
  if (refusal) {
    return refusal;
  }
  const association = target.association;
  if (association) {
    if (!isS3Repository(association)) {
      return l10n.t('The association at {0} links {1}, not an S3 bucket; data repository tasks work with S3 only.', plainText(association.fileSystemPath), plainText(association.dataRepositoryPath));
    }
    if (!isUsableRepository(association)) {
      return association.failureMessage
        ? l10n.t('The association at {0} is {1}: {2} Fix the association, then start the task.', plainText(association.fileSystemPath), plainText(association.lifecycle), plainText(association.failureMessage))
        : l10n.t('The association at {0} is {1}; start the task once it is AVAILABLE.', plainText(association.fileSystemPath), plainText(association.lifecycle));
    }
    return undefined;
  }
  const link = target.resource.dataRepositoryLink;
  if (link && !isUsableRepository(link)) {
    return link.failureMessage
      ? l10n.t('The S3 link of {0} is {1}: {2} Fix the link, then start the task.', resourceLabel(target.resource), plainText(link.lifecycle), plainText(link.failureMessage))
      : l10n.t('The S3 link of {0} is {1}; start the task once it is AVAILABLE.', resourceLabel(target.resource), plainText(link.lifecycle));
  }
  if (usableS3(target).length === 0) {
    return target.repositories.some(isS3Repository)
      ? l10n.t('No data repository association of {0} is AVAILABLE; fix them, then start the task.', resourceLabel(target.resource))
      : s3LinkKind(target.resource) === 'associations'
        ? l10n.t('{0} is not linked to an S3 bucket. Link a folder first: right-click the file system in the FSx view and choose Create Association... there.', resourceLabel(target.resource))
        : l10n.t('{0} is not linked to an S3 bucket, and its kind takes no data repository associations.', resourceLabel(target.resource));
  }
  return undefined;
}

function usableS3(target: StartTarget): Association[] {
  return target.association ? [target.association] : target.repositories.filter((repository) => isS3Repository(repository) && isUsableRepository(repository));
}

/** Comma-separated paths from one line of input; blanks dropped. */
export function splitPathList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** `/a//b/` -> `a/b`; the root is ''. */
function normalizeFileSystemPath(path: string): string {
  return path.split('/').filter((segment) => segment.length > 0).join('/');
}

function joinPath(base: string, relative: string): string {
  return [base, relative].filter((part) => part.length > 0).join('/');
}

function isUnder(path: string, root: string): boolean {
  return root === '' || path === root || path.startsWith(`${root}/`);
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function isUnderUrl(url: string, root: string): boolean {
  const base = withoutTrailingSlash(root);
  const target = withoutTrailingSlash(url);
  return target === base || target.startsWith(`${base}/`);
}

const WILDCARD = /[*?[]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
/** Line breaks the API's path pattern refuses beyond the control characters (NEL, LS, PS). */
const LINE_BREAK = /[\u0085\u2028\u2029]/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The API's Paths for the task, and the repositories they reach (for the summary). */
export interface ResolvedPaths {
  /** As CreateDataRepositoryTask takes them; empty means the whole file system. */
  readonly paths: readonly string[];
  readonly repositories: readonly Association[];
}

/** Checks a person's paths and turns them into the API's (see the top of this file). */
export function resolveTaskPaths(target: StartTarget, type: StartableTaskType, inputs: readonly string[], l10n: L10n): Checked<ResolvedPaths> {
  const given = inputs.map((input) => input.trim()).filter((input) => input.length > 0);
  if (given.length > MAX_TASK_PATHS) {
    return fail(l10n.t('A task takes at most {0} paths; {1} were given.', MAX_TASK_PATHS, given.length));
  }
  const repositories = usableS3(target);
  const association = target.association;
  const base = association ? normalizeFileSystemPath(association.fileSystemPath) : '';
  const paths = new Set<string>();
  const reached = new Set<Association>();
  let wholeScope = given.length === 0;
  for (const input of given) {
    if (WILDCARD.test(input)) {
      return fail(l10n.t('A path has a wildcard (*, ? or [); FSx takes plain directory or file paths, so list each one: "{0}"', excerpt(input)));
    }
    if (CONTROL_CHARACTER.test(input)) {
      return fail(l10n.t('A path contains a control character: "{0}"', excerpt(input)));
    }
    const resolved = type === 'IMPORT_METADATA_FROM_REPOSITORY' && /^s3:\/\//i.test(input) ? s3Path(input, repositories, l10n) : fileSystemPath(input, base, type, repositories, l10n);
    if (!resolved.ok) {
      return resolved;
    }
    if (!resolved.value) {
      wholeScope = true;
      continue;
    }
    if (resolved.value.path.length > MAX_TASK_PATH_LENGTH) {
      return fail(l10n.t('A path is longer than the {1} characters FSx takes ({2} characters): "{0}"', excerpt(input), MAX_TASK_PATH_LENGTH, resolved.value.path.length));
    }
    reached.add(resolved.value.repository);
    paths.add(resolved.value.path);
  }
  if (wholeScope) {
    // Nothing or the top given: the whole association, or the whole file system (no Paths).
    if (!association) {
      return { ok: true, value: { paths: [], repositories } };
    }
    const scope = type === 'IMPORT_METADATA_FROM_REPOSITORY' ? association.dataRepositoryPath : base;
    return { ok: true, value: { paths: scope === '' ? [] : [scope], repositories: [association] } };
  }
  // In the order of the paths given: the first one's repository is where its report goes by default.
  return { ok: true, value: { paths: [...paths], repositories: [...reached] } };
}

interface OnePath {
  readonly path: string;
  readonly repository: Association;
}

/** One file system path as the API takes it; undefined for the top of the scope (all of it). */
function fileSystemPath(input: string, base: string, type: StartableTaskType, repositories: readonly Association[], l10n: L10n): Checked<OnePath | undefined> {
  if (URL_SCHEME.test(input)) {
    return fail(
      type === 'IMPORT_METADATA_FROM_REPOSITORY'
        ? l10n.t('A path is not an S3 path. Give an s3:// path, or a path in the file system: "{0}"', excerpt(input))
        : l10n.t('A path is a URL. Give a path in the file system, for example dir/file: "{0}"', excerpt(input)),
    );
  }
  const relative = normalizeFileSystemPath(input);
  if (relative.split('/').some((segment) => segment === '.' || segment === '..')) {
    return fail(l10n.t('"." and ".." are not allowed in a path; give the path from the top: "{0}"', excerpt(input)));
  }
  if (relative === '') {
    return { ok: true, value: undefined };
  }
  const path = joinPath(base, relative);
  // The innermost link holding the path (associations do not nest, but an older link covers '/').
  const repository = repositories
    .filter((candidate) => isUnder(path, normalizeFileSystemPath(candidate.fileSystemPath)))
    .sort((a, b) => normalizeFileSystemPath(b.fileSystemPath).length - normalizeFileSystemPath(a.fileSystemPath).length)[0];
  if (!repository) {
    return fail(
      l10n.t(
        'A path is not inside a data repository association ({1}). Give paths from the file system root, without your mount point (such as /mnt/fsx): "{0}"',
        excerpt(input),
        repositories.map((candidate) => excerpt(candidate.fileSystemPath)).join(', '),
      ),
    );
  }
  if (type !== 'IMPORT_METADATA_FROM_REPOSITORY') {
    return { ok: true, value: { path, repository } };
  }
  const root = normalizeFileSystemPath(repository.fileSystemPath);
  return { ok: true, value: { path: joinUrl(repository.dataRepositoryPath, root === '' ? path : path.slice(root.length + 1)), repository } };
}

function s3Path(input: string, repositories: readonly Association[], l10n: L10n): Checked<OnePath> {
  const repository = repositories.find((candidate) => isUnderUrl(input, candidate.dataRepositoryPath));
  if (!repository) {
    return fail(l10n.t('A path is not inside a linked S3 repository ({1}): "{0}"', excerpt(input), repositories.map((candidate) => excerpt(candidate.dataRepositoryPath)).join(', ')));
  }
  return { ok: true, value: { path: input, repository } };
}

function joinUrl(root: string, relative: string): string {
  return relative === '' ? root : `${withoutTrailingSlash(root)}/${relative}`;
}

/** ReleaseConfiguration.DurationSinceLastAccess in days: a whole number, 0 or more. */
export function parseDays(text: string, l10n: L10n): Checked<number> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value)) {
    return fail(l10n.t('Enter a whole number of days, 0 or more (0 releases files however recently they were used).'));
  }
  return { ok: true, value };
}

/**
 * Where a completion report may go. The API: the Path "must be located within the file
 * system's ExportPath": an association's data repository path, or an older link's ExportPath.
 */
export function reportRoots(target: StartTarget): string[] {
  const roots = usableS3(target)
    .map((repository) => repository.exportPath)
    .filter((path): path is string => !!path && /^s3:\/\//i.test(path))
    .map(withoutTrailingSlash);
  return [...new Set(roots)];
}

/** The default report location and the repository it belongs to (named in the report step). */
export interface ReportDefault {
  readonly path: string;
  readonly repository: Association;
}

/**
 * Whether FSx exports to the repository: an association with automatic export on, or an older
 * file system's link (its ExportPath). An association that only imports (automatic export off)
 * is where a person expects their exports least.
 */
export function exportsToRepository(repository: Association): boolean {
  return repository.autoExportEvents === undefined || repository.autoExportEvents.length > 0;
}

/**
 * Where a report goes unless told otherwise: the export path of a repository the task's paths
 * reach (`reached`, from resolveTaskPaths, in the order given), one that exports before one that
 * only imports, and one covering the whole file system first; without reached repositories, the
 * same choice among every usable one. Exporting /checkpoints reports under the checkpoints
 * bucket; exporting everything of a file system whose /datasets only imports reports under the
 * association that exports, not whichever is listed first.
 */
export function defaultReport(target: StartTarget, reached: readonly Association[] = []): ReportDefault | undefined {
  const roots = reportRoots(target);
  const candidates = (reached.length > 0 ? reached : usableS3(target)).flatMap((repository) => {
    const path = repository.exportPath ? withoutTrailingSlash(repository.exportPath) : undefined;
    return path !== undefined && roots.includes(path) ? [{ path, repository }] : [];
  });
  const rank = ({ repository }: ReportDefault) => (exportsToRepository(repository) ? 0 : 2) + (normalizeFileSystemPath(repository.fileSystemPath) === '' ? 0 : 1);
  const best = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
  if (best) {
    return best;
  }
  const first = usableS3(target).find((repository) => repository.exportPath && withoutTrailingSlash(repository.exportPath) === roots[0]);
  return first && roots[0] !== undefined ? { path: roots[0], repository: first } : undefined;
}

/** defaultReport's path. */
export function defaultReportPath(target: StartTarget, reached: readonly Association[] = []): string | undefined {
  return defaultReport(target, reached)?.path;
}

export function checkReportPath(target: StartTarget, text: string, l10n: L10n): Checked<string> {
  const path = withoutTrailingSlash(text.trim());
  const roots = reportRoots(target);
  if (path.length < MIN_REPORT_PATH_LENGTH || path.length > MAX_REPORT_PATH_LENGTH || CONTROL_CHARACTER.test(path) || LINE_BREAK.test(path)) {
    return fail(l10n.t('A report path has {0} to {1} characters and no control characters.', MIN_REPORT_PATH_LENGTH, MAX_REPORT_PATH_LENGTH));
  }
  if (!roots.some((root) => isUnderUrl(path, root))) {
    return fail(l10n.t('The report must be written inside an export path ({0}); this one is not: "{1}"', roots.map((root) => excerpt(root)).join(', '), excerpt(path)));
  }
  return { ok: true, value: path };
}

/** A person's choices, already checked. */
export interface TaskChoices {
  readonly type: StartableTaskType;
  readonly paths: readonly string[];
  /** Release only. */
  readonly daysSinceLastAccess?: number;
  /** The report's path; undefined for no report. */
  readonly reportPath?: string;
}

/** An idempotency token: `[A-Za-z0-9-]`, 36 characters, within the API's 63. */
export function newClientRequestToken(): string {
  return randomUUID();
}

/**
 * The API's Paths for paths resolved here (none meaning the whole scope): a whole-file-system
 * release sends `/`, as the model documents ("to release all exported files in the file system,
 * specify a forward slash (/) as the path"); the other types send none.
 */
export function apiTaskPaths(type: TaskType, paths: readonly string[]): string[] | undefined {
  if (paths.length > 0) {
    return [...paths];
  }
  return type === 'RELEASE_DATA_FROM_FILESYSTEM' ? ['/'] : undefined;
}

/** Whether a task's Paths name the whole file system: none, or the `/` of a release (apiTaskPaths). */
export function namesWholeFileSystem(paths: readonly string[] | undefined): boolean {
  return !paths || paths.length === 0 || (paths.length === 1 && paths[0] === '/');
}

export function buildCreateTaskInput(target: StartTarget, choices: TaskChoices, clientRequestToken: string): CreateTaskInput {
  return {
    fileSystemId: target.resource.id,
    type: choices.type,
    paths: apiTaskPaths(choices.type, choices.paths),
    report: choices.reportPath ? { enabled: true, path: choices.reportPath, format: REPORT_FORMAT, scope: REPORT_SCOPE } : { enabled: false },
    clientRequestToken,
    daysSinceLastAccess: choices.type === 'RELEASE_DATA_FROM_FILESYSTEM' ? (choices.daysSinceLastAccess ?? 0) : undefined,
  };
}
