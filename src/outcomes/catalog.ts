// What each error code of a completion report means and what to do about it, as the FSx for
// Lustre User Guide documents them ("Troubleshooting data repository task failures" and the
// import and export events of "Data repository event logs"). Unknown codes get a generic line.
import type { L10n } from '../fsx/l10n';
import type { Task } from '../fsx/types';
import type { ReportSummary } from './reportCsv';

export interface ErrorCodeInfo {
  readonly code: string;
  /** False for a code the documentation does not name (shown with the generic text). */
  readonly known: boolean;
  readonly meaning: string;
  readonly action: string;
}

/** Every code the documentation names, export codes first. */
export const DOCUMENTED_ERROR_CODES = [
  'PathSizeTooLong',
  'FileSizeTooLarge',
  'S3AccessDenied',
  'S3Error',
  'ResourceBusy',
  'InternalError',
  'S3FileDeleted',
  'S3ObjectInUnsupportedTier',
  'S3SymlinkInUnsupportedTier',
  'S3ObjectPathNotPosixCompliant',
  'S3ObjectTypeMismatch',
] as const;

const IMPORT_TYPE = 'IMPORT_METADATA_FROM_REPOSITORY';

/**
 * The meaning and next step of one code. `taskType` refines the advice where import and export
 * differ (S3AccessDenied needs different S3 permissions).
 */
export function describeErrorCode(code: string, l10n: L10n, taskType?: string): ErrorCodeInfo {
  const info = (meaning: string, action: string): ErrorCodeInfo => ({ code, known: true, meaning, action });
  switch (code) {
    case 'PathSizeTooLong':
      return info(
        l10n.t('The path is too long for S3: the export prefix plus the file path exceed 1,024 characters.'),
        l10n.t('Shorten or move the file or its directories, or use a shorter export prefix, then run the task again.'),
      );
    case 'FileSizeTooLarge':
      return info(l10n.t('The file is larger than 5 TiB, the largest object S3 stores.'), l10n.t('Split the file into parts under 5 TiB, or keep it on the file system only.'));
    case 'S3AccessDenied':
      return taskType === IMPORT_TYPE
        ? info(
            l10n.t('FSx was denied access to the S3 object: importing needs s3:HeadObject and s3:GetObject.'),
            l10n.t('Check the bucket policy and, for SSE-KMS buckets, the key policy: they must allow the service-linked role of the file system.'),
          )
        : info(
            l10n.t('FSx was denied access to S3: exporting needs s3:PutObject on the linked bucket.'),
            l10n.t('Check the bucket policy (aws:SourceVpc or aws:SourceVpce conditions block exports), the service-linked role, and S3 Object Ownership for objects of other accounts; then run the task again.'),
          );
    case 'S3Error':
      return info(l10n.t('S3 answered with an error other than access denied.'), l10n.t('Run the task again; if it persists, check the CloudWatch event log of the file system for the S3 error.'));
    case 'ResourceBusy':
      return info(l10n.t('Another client was modifying the file while the task exported it.'), l10n.t('Run the task again once your workload has finished writing the file.'));
    case 'InternalError':
      return info(
        l10n.t('An error occurred inside the file system; usually the file system is in the FAILED state and data may be lost.'),
        l10n.t('Check the file system state. If it is available, export the files with HSM commands (lfs hsm_archive) or run the task again.'),
      );
    case 'S3FileDeleted':
      return info(l10n.t('The S3 object no longer exists, so its metadata could not be imported.'), l10n.t('Nothing to do if the deletion was intended; otherwise restore the object and import again.'));
    case 'S3ObjectInUnsupportedTier':
      return info(
        l10n.t('The S3 object is in a storage class FSx cannot import from, such as S3 Glacier Flexible Retrieval or Deep Archive.'),
        l10n.t('Restore the object or move it to a supported storage class, then import again.'),
      );
    case 'S3SymlinkInUnsupportedTier':
      return info(
        l10n.t('The S3 object for a symbolic link is in a storage class FSx cannot import from.'),
        l10n.t('Restore the object or move it to a supported storage class, then import again.'),
      );
    case 'S3ObjectPathNotPosixCompliant':
      return info(l10n.t('The S3 object exists but its key or metadata is not POSIX compliant.'), l10n.t('Rename the object or fix its POSIX metadata, then import again.'));
    case 'S3ObjectTypeMismatch':
      return info(
        l10n.t('An object of the same name but another type (file or directory) is already on the file system.'),
        l10n.t('Rename or remove one of the two, then import again.'),
      );
    default:
      return {
        code,
        known: false,
        meaning: l10n.t('FSx reported a failure this extension does not know ({0}).', code || l10n.t('no code')),
        action: l10n.t('See the CloudWatch event log of the file system and the FSx for Lustre troubleshooting guide.'),
      };
  }
}

export interface ExplainedCount extends ErrorCodeInfo {
  readonly count: number;
}

/** The summary's counts, most frequent first, each with its meaning and next step. */
export function explainCounts(summary: Pick<ReportSummary, 'byErrorCode'>, l10n: L10n, taskType?: string): ExplainedCount[] {
  return summary.byErrorCode.map(({ code, count }) => ({ ...describeErrorCode(code, l10n, taskType), count }));
}

export interface FailedCountCheck {
  /** Rows in the report. */
  readonly reported: number;
  /** The task's Status.FailedCount, when FSx gave one. */
  readonly expected?: number;
  /** Undefined when there is nothing to compare against. */
  readonly matches?: boolean;
  /** The report was not read to its end (`ReportSummary.cut`): `reported` counts what was read. */
  readonly partial?: boolean;
}

/** Does the report hold as many rows as FSx counted failed files? */
export function checkFailedCount(summary: Pick<ReportSummary, 'totalRows' | 'cut'>, task: Pick<Task, 'status'>): FailedCountCheck {
  const expected = task.status?.failedCount;
  if (summary.cut) {
    // Part of a report says nothing about whether the whole one matches.
    return { reported: summary.totalRows, expected, partial: true };
  }
  return expected === undefined ? { reported: summary.totalRows } : { reported: summary.totalRows, expected, matches: expected === summary.totalRows };
}

export function failedCountText(check: FailedCountCheck, l10n: L10n): string {
  const count = (value: number): string => value.toLocaleString('en-US');
  if (check.partial) {
    return check.expected === undefined
      ? l10n.t('The part of the report that was read lists {0} failed files.', count(check.reported))
      : l10n.t('The part of the report that was read lists {0} failed files; the task counted {1}.', count(check.reported), count(check.expected));
  }
  if (check.matches === undefined) {
    return l10n.t('The report lists {0} failed files; FSx gave no failed count to compare with.', count(check.reported));
  }
  return check.matches
    ? l10n.t('The report lists {0} failed files, as many as the task counted.', count(check.reported))
    : l10n.t('The report lists {0} failed files, but the task counted {1}. The report may still be being written, or it was written by an earlier run.', count(check.reported), count(check.expected ?? 0));
}
