// What the release preview says (mounts/hsm/releaseWalk.ts counts it): one line that answers
// "what would a release free", then what would stay and why. vscode-free.
import type { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import type { NotReleasedReason, ReleaseGroup, ReleaseWalkResult } from '../mounts/hsm';

/** Bytes in the binary units `du -h` and the FSx console use, one decimal. */
export function bytesText(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} ${value === 1 ? 'byte' : 'bytes'}` : `${value.toFixed(1)} ${units[unit]}`;
}

export interface ReleasePreviewWords {
  readonly message: string;
  readonly details: string[];
}

/** The order the reasons are told in: what the user can act on first. */
const REASONS: readonly NotReleasedReason[] = ['notExported', 'changed', 'accessedRecently', 'noRelease', 'lost', 'alreadyReleased', 'unknown'];

export interface ReleasePreviewWordsOptions {
  readonly days: number;
  /** The task's paths this mount does not reach. */
  readonly unreachable: readonly string[];
  /** Where the files were counted: the mount point walked, and how many mounts of the file system this machine has. */
  readonly walked: { readonly mountPoint: string; readonly mounts: number };
}

export function releasePreviewWords(result: ReleaseWalkResult, options: ReleasePreviewWordsOptions, l10n: L10n): ReleasePreviewWords {
  const { released, notReleased } = result.preview;
  const message =
    released.files === 0
      ? l10n.t('A release of these paths would free nothing: none of their {0} files can be released now.', result.files)
      : l10n.t('A release of these paths would free {0} in {1} of their {2} files.', bytesText(released.bytes), released.files, result.files);
  const details: string[] = [];
  if (released.files > 0) {
    details.push(
      options.days === 0
        ? l10n.t('Released: {0}, {1}: exported and unchanged since.', fileCount(released.files, l10n), bytesText(released.bytes))
        : l10n.t('Released: {0}, {1}: exported, unchanged since, and not accessed for more than {2} days.', fileCount(released.files, l10n), bytesText(released.bytes), options.days),
    );
  }
  for (const reason of REASONS) {
    const group = notReleased[reason];
    if (group.files > 0) {
      details.push(reasonLine(reason, group, options.days, l10n));
    }
  }
  if (result.cancelled) {
    details.push(l10n.t('The preview was stopped after {0} files: the figures are of those files only.', result.files));
  } else if (result.truncated) {
    details.push(l10n.t('The preview stopped at {0} files: more files lie under these paths.', result.files));
  }
  if (options.unreachable.length > 0) {
    details.push(l10n.t('Not counted (not under this machine\'s mount): {0}', options.unreachable.map((path) => plainText(path)).join(', ')));
  }
  // A file system mounted at several places: say which one was read (the others may hold other files).
  const { mountPoint, mounts } = options.walked;
  details.push(mounts > 1 ? l10n.t('Counted under {0}, one of {1} mounts of this file system here.', plainText(mountPoint), mounts) : l10n.t('Counted under {0}.', plainText(mountPoint)));
  return { message, details };
}

/** "1 file", "2 files": the count with its noun (each locale's bundle words both forms). */
function fileCount(files: number, l10n: L10n): string {
  return files === 1 ? l10n.t('1 file') : l10n.t('{0} files', files);
}

function reasonLine(reason: NotReleasedReason, group: ReleaseGroup, days: number, l10n: L10n): string {
  const files = fileCount(group.files, l10n);
  const bytes = bytesText(group.bytes);
  switch (reason) {
    case 'notExported':
      return l10n.t('Stay, not exported to S3: {0}, {1}. Export them first.', files, bytes);
    case 'changed':
      return l10n.t('Stay, changed since their export: {0}, {1}. Export them again first.', files, bytes);
    case 'accessedRecently':
      return l10n.t('Stay, accessed in the last {2} days: {0}, {1}. Fewer days would release them.', files, bytes, days);
    case 'noRelease':
      return l10n.t('Stay, marked never to be released (norelease): {0}, {1}.', files, bytes);
    case 'lost':
      return l10n.t('Stay, their copy in S3 is lost: {0}, {1}.', files, bytes);
    case 'alreadyReleased':
      return l10n.t('Already released: {0}.', files);
    case 'unknown':
      return l10n.t('Stay or not, their state could not be read: {0}, {1}.', files, bytes);
  }
}
