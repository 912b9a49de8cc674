// A file's HSM state as Lustre keeps it (`enum hsm_states` in lustre_user.h), and what it
// means for a file of an FSx for Lustre file system linked to S3: docs/ARCHITECTURE.md,
// "File export state (HSM)".

/** The bits of `hus_states`. PCC bits (0x80, 0x100) have no word in `lfs hsm_state` and no meaning here. */
export const HS_EXISTS = 0x1;
export const HS_DIRTY = 0x2;
export const HS_RELEASED = 0x4;
export const HS_ARCHIVED = 0x8;
export const HS_NORELEASE = 0x10;
export const HS_NOARCHIVE = 0x20;
export const HS_LOST = 0x40;

export interface HsmState {
  /** `hus_states` as `lfs hsm_state` printed it; the words it prints are derived from it. */
  readonly mask: number;
  /** 0 when lfs printed none (it prints `archive_id` only when not 0). */
  readonly archiveId: number;
}

/** Why lfs gave no state for a file (stderr, `strerror` of the C locale). */
export type HsmFileErrorKind =
  /** ENOENT: it vanished between the listing and the question. */
  | 'notFound'
  /** EACCES, EPERM: lfs opens the file for reading to ask. */
  | 'permission'
  /** ENOTTY, EOPNOTSUPP, ENOTSUP: not a regular file of a Lustre mount. */
  | 'notSupported'
  /** lfs printed nothing about it (it stopped, was stopped, or printed what we cannot read). */
  | 'noAnswer'
  | 'other';

export interface HsmFileError {
  readonly kind: HsmFileErrorKind;
  /** lfs's words (outside text: plain it before showing it). */
  readonly message: string;
}

export type HsmAnswer = { readonly ok: true; readonly state: HsmState } | { readonly ok: false; readonly error: HsmFileError };

/** Where a file stands with its S3 copy: one per file, the flags apart. */
export type ExportState =
  /** An up-to-date copy is in S3 (archived, not dirty). */
  | 'exported'
  /** A copy is in S3 but the file changed since (dirty, or a copy exists that is not up to date). */
  | 'changed'
  /** No copy in S3. */
  | 'notExported'
  /** The data is only in S3; reading the file loads it back. */
  | 'released'
  /** The copy in S3 is not usable any more; it must be exported again. */
  | 'lost';

export interface ExportStatus {
  readonly state: ExportState;
  /** `never_release`: release leaves its data on the file system. */
  readonly noRelease: boolean;
  /** `never_archive`: it is never exported. */
  readonly noArchive: boolean;
}

const has = (mask: number, bit: number): boolean => (mask & bit) !== 0;

/** The export state of a file. Lost wins (nothing in S3 can be trusted), then released (its data is there alone). */
export function exportStatusOf(state: HsmState): ExportStatus {
  const { mask } = state;
  const exportState: ExportState = has(mask, HS_LOST)
    ? 'lost'
    : has(mask, HS_RELEASED)
      ? 'released'
      : has(mask, HS_ARCHIVED) && !has(mask, HS_DIRTY)
        ? 'exported'
        : has(mask, HS_DIRTY) || has(mask, HS_EXISTS) || has(mask, HS_ARCHIVED)
          ? 'changed'
          : 'notExported';
  return { state: exportState, noRelease: has(mask, HS_NORELEASE), noArchive: has(mask, HS_NOARCHIVE) };
}
