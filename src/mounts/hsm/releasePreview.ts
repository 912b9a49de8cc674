// What a release task would free, before it starts, by the rule of the FSx release guide: a
// file is released only if it has been exported to S3 (archived, not dirty) and the time since
// its last access, the largest of atime, mtime and ctime, is greater than the chosen days
// (0 days: whatever its last access). docs/ARCHITECTURE.md, "File export state (HSM)".

import { type HsmAnswer, exportStatusOf } from './states';

export interface ReleaseCandidate {
  readonly path: string;
  /** stat's size: the bytes whose blocks a release frees. */
  readonly size: number;
  readonly atimeMs: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly state: HsmAnswer;
}

/** Why a file would stay, in the order the rule decides it. */
export type NotReleasedReason = 'alreadyReleased' | 'lost' | 'noRelease' | 'notExported' | 'changed' | 'accessedRecently' | 'unknown';

export interface ReleaseGroup {
  files: number;
  bytes: number;
  /** The first few paths, to show as examples. */
  readonly examples: string[];
}

export interface ReleasePreview {
  readonly released: ReleaseGroup;
  readonly notReleased: Record<NotReleasedReason, ReleaseGroup>;
}

export const MS_PER_DAY = 86_400_000;
const EXAMPLES_MAX = 5;

export function releasePreview(files: Iterable<ReleaseCandidate>, days: number, nowMs: number): ReleasePreview {
  const group = (): ReleaseGroup => ({ files: 0, bytes: 0, examples: [] });
  const preview: ReleasePreview = {
    released: group(),
    notReleased: { alreadyReleased: group(), lost: group(), noRelease: group(), notExported: group(), changed: group(), accessedRecently: group(), unknown: group() },
  };
  for (const file of files) {
    const reason = whyNotReleased(file, days, nowMs);
    const target = reason === undefined ? preview.released : preview.notReleased[reason];
    target.files++;
    target.bytes += file.size;
    if (target.examples.length < EXAMPLES_MAX) {
      target.examples.push(file.path);
    }
  }
  return preview;
}

/** Undefined: the task would release it. The task's create time is taken as `nowMs`. */
export function whyNotReleased(file: ReleaseCandidate, days: number, nowMs: number): NotReleasedReason | undefined {
  if (!file.state.ok) {
    return 'unknown';
  }
  const status = exportStatusOf(file.state.state);
  switch (status.state) {
    case 'released':
      return 'alreadyReleased';
    case 'lost':
      return 'lost';
    case 'notExported':
      return 'notExported';
    case 'changed':
      return 'changed';
    case 'exported':
      break;
  }
  if (status.noRelease) {
    return 'noRelease';
  }
  const lastAccess = Math.max(file.atimeMs, file.mtimeMs, file.ctimeMs);
  return days === 0 || nowMs - lastAccess > days * MS_PER_DAY ? undefined : 'accessedRecently';
}
