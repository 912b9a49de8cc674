// "All regions where I have file systems": ask each region of a profile's partition once, a few
// at a time, and sort the answers into regions to add and regions that refused. vscode-free.
import { classifyError, FsxError } from '../fsx/errors';
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { mapWithConcurrency } from './concurrency';

/** Regions asked at once: the scan takes seconds, not minutes, and stays clear of throttling. */
export const REGION_SCAN_CONCURRENCY = 4;

export interface ScanTarget {
  /** undefined: the default credential chain. */
  readonly profile?: string;
  readonly region: string;
}

export type ScanOutcome =
  | { readonly target: ScanTarget; readonly kind: 'found'; readonly count: number }
  | { readonly target: ScanTarget; readonly kind: 'empty' }
  | { readonly target: ScanTarget; readonly kind: 'refused'; readonly error: FsxError };

export interface ScanOptions {
  readonly signal?: AbortSignal;
  /** After each region answered: how many are done out of how many. */
  readonly onProgress?: (done: number, total: number, target: ScanTarget) => void;
}

/**
 * Asks `count` (Lustre file systems and File Caches, the ones with tasks) of every target.
 * A region that fails is "refused", not an error: the scan goes on. Targets not reached before
 * the signal aborted are left out of the result.
 */
export async function scanForResources(targets: readonly ScanTarget[], count: (target: ScanTarget, signal?: AbortSignal) => Promise<number>, options: ScanOptions = {}): Promise<ScanOutcome[]> {
  let done = 0;
  const outcomes = await mapWithConcurrency(
    targets,
    REGION_SCAN_CONCURRENCY,
    async (target): Promise<ScanOutcome | undefined> => {
      let outcome: ScanOutcome | undefined;
      try {
        const found = await count(target, options.signal);
        outcome = found > 0 ? { target, kind: 'found', count: found } : { target, kind: 'empty' };
      } catch (error) {
        const classified = classifyError(error);
        // Our own cancel is no answer of the region.
        outcome = classified.kind === 'cancelled' ? undefined : { target, kind: 'refused', error: classified };
      }
      options.onProgress?.(++done, targets.length, target);
      return outcome;
    },
    options.signal,
  );
  return outcomes.filter((outcome): outcome is ScanOutcome => outcome !== undefined);
}

/** Why a region refused, in a few words: "not enabled for the account", "no permission". */
export function refusalReason(error: FsxError, l10n: L10n): string {
  switch (error.kind) {
    case 'credentials':
      // Opt-in regions not enabled answer UnrecognizedClientException / InvalidClientTokenId.
      return l10n.t('not enabled for this account, or the credentials are not valid there');
    case 'accessDenied':
      return l10n.t('no permission (fsx:DescribeFileSystems)');
    case 'network':
      return l10n.t('not reachable');
    case 'throttled':
      return l10n.t('throttled, try again later');
    default:
      return error.userMessageIn(l10n);
  }
}

/** One line per refused region, for the log: "dev · ap-east-1: not enabled for this account". */
export function refusalLines(outcomes: readonly ScanOutcome[], l10n: L10n): string[] {
  return outcomes.flatMap((outcome) =>
    outcome.kind === 'refused' ? [`${outcome.target.profile ?? l10n.t('default credential chain')} · ${outcome.target.region}: ${refusalReason(outcome.error, l10n)}`] : [],
  );
}

/** "Added 2 connections: dev · us-east-1, dev · eu-west-1. 1 region refused (see the log)." */
export function scanSummary(outcomes: readonly ScanOutcome[], asked: number, cancelled: boolean, l10n: L10n): string {
  const found = outcomes.filter((outcome) => outcome.kind === 'found');
  const refused = outcomes.filter((outcome) => outcome.kind === 'refused').length;
  // Profile names are outside text (the AWS config files): plain text, each one whole.
  const names = found.map(({ target }) => plainText(target.profile ? `${target.profile} · ${target.region}` : target.region)).join(', ');
  const parts = [
    found.length > 0 ? l10n.t('Added {0} connections: {1}.', found.length, names) : outcomes.length === 1
        ? l10n.t('No Lustre file systems or File Caches in the region asked.')
        : l10n.t('No Lustre file systems or File Caches in the {0} regions asked.', outcomes.length),
    refused === 1 ? l10n.t('1 region refused (see the log).') : refused > 1 ? l10n.t('{0} regions refused (see the log).', refused) : undefined,
    cancelled ? l10n.t('Stopped after {0} of {1} regions.', outcomes.length, asked) : undefined,
  ];
  return parts.filter((part): part is string => !!part).join(' ');
}
