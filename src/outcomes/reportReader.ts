// Finds a task's completion report in S3, streams it into a summary, and turns every way of not
// having one (reports off, still running, not written yet, no bucket, denied, signed out) into a
// reason with a message and a next step. SDK-free: the S3 calls sit behind ReportObjectStore,
// implemented over S3Client in s3Client.ts, so this file loads without the S3 client.
import { classifyError, errorMessage, FsxError } from '../fsx/errors';
import type { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { isTerminal, Task } from '../fsx/types';
import { checkFailedCount, FailedCountCheck } from './catalog';
import { ReportSource, ReportSummary, summariseReport, SummariseOptions } from './reportCsv';
import { ReportLocation, reportLocation } from './reportLocation';

export { reportLocation, type ReportLocation };

/** The report's object in S3, read once, as a stream. */
export interface ReportObjectStore {
  open(location: ReportLocation, signal?: AbortSignal): Promise<ReportSource>;
}

export type ReportUnavailableReason =
  | 'reportsOff' // the task was created with Report.Enabled false
  | 'stillRunning' // FSx writes the report when the task ends
  | 'badPath' // Report.Path is not an s3:// URI
  | 'notWritten' // NoSuchKey: not there yet
  | 'noFailedFiles' // no object, or an empty one, and FSx counted no failures: nothing to report
  | 'bucketMissing' // NoSuchBucket
  | 'accessDenied'
  | 'credentials' // missing or expired; `error.options.ssoExpired` says whether SSO sign-in helps
  | 'failed'; // anything else (network, throttling, region, ...): `error` says what

export type ReportOutcome =
  | { readonly kind: 'report'; readonly location: ReportLocation; readonly summary: ReportSummary; readonly failedCount: FailedCountCheck }
  | { readonly kind: 'unavailable'; readonly reason: ReportUnavailableReason; readonly location?: ReportLocation; readonly error?: FsxError };

export interface ReadReportOptions {
  /** Rows to keep for display (all are counted); see summariseReport. */
  readonly keepRows?: number;
  readonly signal?: AbortSignal;
  /** Sees every row of the report (see summariseReport). */
  readonly onRow?: SummariseOptions['onRow'];
}

export class ReportReader {
  constructor(private readonly store: ReportObjectStore) {}

  /** Never throws for a missing or unreadable report; rethrows only the caller's own abort. */
  async read(task: Task, options: ReadReportOptions = {}): Promise<ReportOutcome> {
    if (!task.report?.enabled) {
      return { kind: 'unavailable', reason: 'reportsOff' };
    }
    if (!isTerminal(task.lifecycle)) {
      return { kind: 'unavailable', reason: 'stillRunning' };
    }
    const location = reportLocation(task);
    if (!location) {
      return { kind: 'unavailable', reason: 'badPath' };
    }
    try {
      const body = await this.store.open(location, options.signal);
      const summary = await summariseReport(body, { keepRows: options.keepRows, signal: options.signal, onRow: options.onRow });
      if (summary.totalRows === 0 && !task.status?.failedCount) {
        // An empty report of a task without failures: a message, not an empty table.
        return { kind: 'unavailable', reason: 'noFailedFiles', location };
      }
      return { kind: 'report', location, summary, failedCount: checkFailedCount(summary, task) };
    } catch (caught) {
      if (options.signal?.aborted) {
        throw caught;
      }
      const error = classifyError(caught, 'GetObject');
      return { kind: 'unavailable', reason: reasonOf(error, task), location, error };
    }
  }
}

function reasonOf(error: FsxError, task: Task): ReportUnavailableReason {
  switch (error.kind) {
    case 'notFound':
      if (error.code === 'NoSuchBucket') {
        return 'bucketMissing';
      }
      return task.status?.failedCount === 0 ? 'noFailedFiles' : 'notWritten';
    case 'accessDenied':
      return 'accessDenied';
    case 'credentials':
      return 'credentials';
    default:
      return 'failed';
  }
}

// A bucket name and a key of letters, digits and `_ . / -`: nothing any shell would interpret.
const SHELL_SAFE_S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]*\/[A-Za-z0-9_./-]+$/;

/**
 * `aws s3 cp <uri> .` to download a report too large to open, as text to copy (never run), or
 * undefined when the URI holds a character some shell could act on: then only the URI is offered.
 */
export function downloadCommand(s3Uri: string): string | undefined {
  return SHELL_SAFE_S3_URI.test(s3Uri) ? `aws s3 cp ${s3Uri} .` : undefined;
}

export interface UnavailableText {
  readonly message: string;
  readonly nextStep: string;
}

/**
 * One message and its next step for a report that could not be shown, for a notification: the
 * URI (from the task's report path) and what S3 said are outside text, made plain.
 */
export function unavailableText(outcome: Extract<ReportOutcome, { kind: 'unavailable' }>, l10n: L10n): UnavailableText {
  const where = plainText(outcome.location?.uri ?? '');
  const bucket = plainText(outcome.location?.bucket ?? '');
  switch (outcome.reason) {
    case 'reportsOff':
      return { message: l10n.t('This task was created without a completion report.'), nextStep: l10n.t('Run the task again with the completion report enabled to see which files failed.') };
    case 'stillRunning':
      return { message: l10n.t('The task is still running; FSx writes its report when it ends.'), nextStep: l10n.t('Track the task and open the report once it has ended.') };
    case 'badPath':
      return { message: l10n.t('The report path of this task is not an s3:// location.'), nextStep: l10n.t('Look at the report path in the task details.') };
    case 'notWritten':
      return { message: l10n.t('The report {0} is not there yet.', where), nextStep: l10n.t('FSx writes it shortly after the task ends; try again in a minute.') };
    case 'noFailedFiles':
      return { message: l10n.t('No files failed, so there is no failure report.'), nextStep: l10n.t('Nothing to do.') };
    case 'bucketMissing':
      return { message: l10n.t('The bucket {0} does not exist.', bucket), nextStep: l10n.t('Check the report path of the task and whether the bucket was deleted or is in another account.') };
    case 'accessDenied':
      return {
        message: l10n.t('Access to {0} was denied.', where),
        nextStep: l10n.t('Your credentials need s3:GetObject on the report; without s3:ListBucket, S3 also answers a missing report this way.'),
      };
    case 'credentials':
      return { message: errorMessage('credentials', l10n), nextStep: outcome.error?.options.ssoExpired ? l10n.t('Sign in with AWS SSO.') : l10n.t('Pick another profile or renew its credentials.') };
    default:
      return failedText(outcome.error, l10n);
  }
}

// errorMessage() speaks of FSx; these are the same kinds, said of S3.
function failedText(error: FsxError | undefined, l10n: L10n): UnavailableText {
  const retry = l10n.t('Show the log for details, then retry.');
  switch (error?.kind) {
    case 'network':
      return { message: l10n.t('Could not reach S3.'), nextStep: l10n.t('Check your network connection and the fsxTasks.s3Endpoint setting, then retry.') };
    case 'throttled':
      return { message: l10n.t('S3 is throttling requests.'), nextStep: l10n.t('Try again in a minute.') };
    case 'service':
      return { message: l10n.t('S3 had an internal error.'), nextStep: retry };
    case 'region':
    case 'validation':
      return { message: plainText(error.userMessageIn(l10n)), nextStep: retry };
    default:
      return { message: l10n.t('The report could not be read: {0}', plainText(error?.detail ?? '')), nextStep: retry };
  }
}
