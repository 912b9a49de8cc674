// Files per second and time left for an executing task, from the Status samples polls collect
// (SucceededCount + FailedCount at LastUpdatedTime). FSx refreshes Status about every 30 s, so
// two polls often see the same sample, and counts arrive in steps: the rate is taken over a
// window of several updates, not between neighbours, and nothing is said until the samples
// span a minute or more.
import type { L10n } from '../fsx/l10n';
import type { Task } from '../fsx/types';

export interface StatusSample {
  /** LastUpdatedTime, epoch milliseconds: when FSx counted, not when we polled. */
  readonly at: number;
  /** SucceededCount + FailedCount. */
  readonly done: number;
  readonly total?: number;
}

/** The task's current sample, when FSx has reported counts with a time. */
export function sampleOf(task: Pick<Task, 'status'>): StatusSample | undefined {
  const status = task.status;
  if (!status?.lastUpdatedTime || (status.succeededCount === undefined && status.failedCount === undefined)) {
    return undefined;
  }
  return { at: status.lastUpdatedTime.getTime(), done: (status.succeededCount ?? 0) + (status.failedCount ?? 0), total: status.totalCount };
}

export interface EstimatorOptions {
  /** Distinct LastUpdatedTime values needed; 3 by default (two FSx updates after the first). */
  readonly minSamples?: number;
  /** Time the samples must span; 60 s by default. */
  readonly minSpanMs?: number;
  /** The rate is the average over this much of the latest history; 10 min by default. */
  readonly windowMs?: number;
  /** No progress for this long is a stall, not a slow rate; 3 min by default. */
  readonly stallAfterMs?: number;
  /** Now, epoch ms: the time left is counted from the last sample without it. */
  readonly now?: number;
}

interface Position {
  readonly done: number;
  readonly total?: number;
  /** done / total clamped to 0..1; counts can exceed the total while a task executes. */
  readonly progress?: number;
}

export type ThroughputEstimate =
  | { readonly state: 'notEnoughSamples'; readonly samples: number; readonly needed: number }
  | (Position & { readonly state: 'stalled'; readonly filesPerSecond: 0; readonly stalledForMs: number })
  | (Position & {
      readonly state: 'moving';
      readonly filesPerSecond: number;
      /** Files left (0 once the counts reach the total); undefined without a total. */
      readonly remaining?: number;
      readonly etaMs?: number;
      /** When the task should finish, epoch ms. */
      readonly finishAt?: number;
    });

const DEFAULTS = { minSamples: 3, minSpanMs: 60_000, windowMs: 10 * 60_000, stallAfterMs: 3 * 60_000 };

/**
 * Sorted by time, one sample per LastUpdatedTime (the highest count when polls disagree), and
 * only the run since the last time the count went down (a count never should; if it does, the
 * older samples describe something else).
 */
export function normaliseSamples(samples: readonly StatusSample[]): StatusSample[] {
  const byTime = new Map<number, StatusSample>();
  for (const sample of samples) {
    const seen = byTime.get(sample.at);
    if (!seen || sample.done > seen.done) {
      byTime.set(sample.at, sample);
    }
  }
  const sorted = [...byTime.values()].sort((a, b) => a.at - b.at);
  let start = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].done < sorted[i - 1].done) {
      start = i;
    }
  }
  return sorted.slice(start);
}

export function estimateThroughput(samples: readonly StatusSample[], options: EstimatorOptions = {}): ThroughputEstimate {
  const { minSamples, minSpanMs, windowMs, stallAfterMs } = { ...DEFAULTS, ...options };
  const series = normaliseSamples(samples);
  const last = series[series.length - 1];
  if (series.length < minSamples || last.at - series[0].at < minSpanMs) {
    return { state: 'notEnoughSamples', samples: series.length, needed: minSamples };
  }
  const total = last.total || undefined;
  const position: Position = { done: last.done, total, progress: total ? Math.min(1, last.done / total) : undefined };

  // Since when has the count stood still?
  let still = series.length - 1;
  while (still > 0 && series[still - 1].done === last.done) {
    still--;
  }
  const stalledForMs = last.at - series[still].at;
  if (stalledForMs >= stallAfterMs && !(total && last.done >= total)) {
    return { ...position, state: 'stalled', filesPerSecond: 0, stalledForMs };
  }

  // The oldest sample inside the window (at least the one before the last).
  let from = series.length - 2;
  while (from > 0 && last.at - series[from - 1].at <= windowMs) {
    from--;
  }
  const first = series[from];
  const filesPerSecond = ((last.done - first.done) * 1000) / (last.at - first.at);
  if (!total) {
    return { ...position, state: 'moving', filesPerSecond };
  }
  const remaining = Math.max(0, total - last.done);
  if (remaining > 0 && filesPerSecond <= 0) {
    return { ...position, state: 'moving', filesPerSecond, remaining };
  }
  const finishAt = last.at + (remaining > 0 ? (remaining / filesPerSecond) * 1000 : 0);
  const etaMs = Math.max(0, finishAt - (options.now ?? last.at));
  return { ...position, state: 'moving', filesPerSecond, remaining, etaMs, finishAt };
}

/**
 * The samples of one task as polls see them: duplicates dropped, at most `limit` kept (the oldest
 * go first), so a long task's history stays small.
 */
export class SampleHistory {
  private readonly list: StatusSample[] = [];

  constructor(private readonly limit = 240) {}

  /** Returns false when the sample adds nothing (same LastUpdatedTime and count as the last). */
  add(sample: StatusSample | undefined): boolean {
    if (!sample) {
      return false;
    }
    const last = this.list[this.list.length - 1];
    if (last && last.at === sample.at && last.done >= sample.done) {
      return false;
    }
    this.list.push(sample);
    if (this.list.length > this.limit) {
      this.list.splice(0, this.list.length - this.limit);
    }
    return true;
  }

  get samples(): readonly StatusSample[] {
    return this.list;
  }

  estimate(options?: EstimatorOptions): ThroughputEstimate {
    return estimateThroughput(this.list, options);
  }
}

/** "120 files/s, about 5 min left": one line for a tooltip, the details and the status bar. */
export function throughputText(estimate: ThroughputEstimate, l10n: L10n, duration: (ms: number) => string): string {
  switch (estimate.state) {
    case 'notEnoughSamples':
      return l10n.t('Not enough progress samples yet to estimate the time left.');
    case 'stalled':
      return l10n.t('No progress for {0}.', duration(estimate.stalledForMs));
    default: {
      const rate = l10n.t('{0} files/s', formatRate(estimate.filesPerSecond));
      if (estimate.remaining === 0) {
        return l10n.t('{0}, finishing.', rate);
      }
      return estimate.etaMs === undefined ? rate : l10n.t('{0}, about {1} left.', rate, duration(estimate.etaMs));
    }
  }
}

function formatRate(filesPerSecond: number): string {
  return filesPerSecond < 10 ? filesPerSecond.toFixed(1) : Math.round(filesPerSecond).toLocaleString('en-US');
}
