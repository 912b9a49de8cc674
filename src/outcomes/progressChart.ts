// Progress over time for one task: the samples polls collected (files done against LastUpdatedTime)
// and, when the estimator has a finish time, a dashed line from the last sample to the total.
// Pure: the data is unit-tested, the SVG is a string the webview shows, coloured by the theme's
// CSS variables so it reads in light, dark and high-contrast themes.
import type { L10n } from '../fsx/l10n';
import type { Task } from '../fsx/model';
import { normaliseSamples, SampleHistory, sampleOf, StatusSample, ThroughputEstimate } from './throughput';
import { isTerminal } from '../fsx/model';

export interface ChartPoint {
  /** Epoch ms. */
  readonly at: number;
  /** Files done, clamped to the total. */
  readonly done: number;
}

export interface ProgressChartData {
  readonly points: readonly ChartPoint[];
  /** From the last point to the estimated finish; absent without an estimate. */
  readonly projection?: readonly [ChartPoint, ChartPoint];
  readonly total?: number;
  readonly start: number;
  readonly end: number;
  readonly maxDone: number;
}

export function progressChartData(samples: readonly StatusSample[], estimate: ThroughputEstimate): ProgressChartData {
  const series = normaliseSamples(samples);
  const total = series[series.length - 1]?.total || undefined;
  const clamp = (done: number) => (total ? Math.min(done, total) : done);
  const points = series.map((sample) => ({ at: sample.at, done: clamp(sample.done) }));
  const last = points[points.length - 1];
  const projection: [ChartPoint, ChartPoint] | undefined =
    last && total && estimate.state === 'moving' && estimate.finishAt !== undefined && estimate.finishAt > last.at ? [last, { at: estimate.finishAt, done: total }] : undefined;
  const start = points[0]?.at ?? 0;
  const end = projection?.[1].at ?? last?.at ?? start;
  return { points, projection, total, start, end, maxDone: total ?? Math.max(1, ...points.map((point) => point.done)) };
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 64, right: 16, top: 16, bottom: 40 };

/** The chart as inline SVG; `duration` formats the time axis ("5 min 0 s"). */
export function progressChartSvg(data: ProgressChartData, l10n: L10n, duration: (ms: number) => string): string {
  const span = Math.max(1, data.end - data.start);
  const x = (at: number) => PAD.left + ((at - data.start) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (done: number) => HEIGHT - PAD.bottom - (done / data.maxDone) * (HEIGHT - PAD.top - PAD.bottom);
  const path = (points: readonly ChartPoint[]) => points.map((point) => `${x(point.at).toFixed(1)},${y(point.done).toFixed(1)}`).join(' ');
  const title = l10n.t('Files done over time');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(title)}" class="chart">`,
    `<title>${escapeXml(title)}</title>`,
    `<line class="axis" x1="${PAD.left}" y1="${HEIGHT - PAD.bottom}" x2="${WIDTH - PAD.right}" y2="${HEIGHT - PAD.bottom}"/>`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${HEIGHT - PAD.bottom}"/>`,
    `<text class="label" x="${PAD.left - 6}" y="${y(data.maxDone) + 4}" text-anchor="end">${data.maxDone.toLocaleString('en-US')}</text>`,
    `<text class="label" x="${PAD.left - 6}" y="${y(0) + 4}" text-anchor="end">0</text>`,
    `<text class="label" x="${PAD.left}" y="${HEIGHT - PAD.bottom + 18}">0 s</text>`,
    `<text class="label" x="${WIDTH - PAD.right}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="end">${escapeXml(duration(span))}</text>`,
    `<text class="label" x="${(WIDTH + PAD.left) / 2}" y="${HEIGHT - 6}" text-anchor="middle">${escapeXml(l10n.t('time since the first sample'))}</text>`,
  ];
  if (data.points.length > 0) {
    parts.push(`<polyline class="done" points="${path(data.points)}"/>`);
    for (const point of data.points) {
      parts.push(`<circle class="done" cx="${x(point.at).toFixed(1)}" cy="${y(point.done).toFixed(1)}" r="3"/>`);
    }
  }
  if (data.projection) {
    parts.push(`<polyline class="estimate" points="${path(data.projection)}"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * One SampleHistory per task the polls report, while it runs and for a while after (the chart of
 * an ended task stays). Bounded: the task seen longest ago goes first.
 */
export class ProgressHistories {
  private readonly histories = new Map<string, SampleHistory>();

  constructor(private readonly limit = 100) {}

  /** Adds the tasks' current samples; returns the ids whose history grew. */
  observe(tasks: readonly Task[]): string[] {
    const grew: string[] = [];
    for (const task of tasks) {
      let history = this.histories.get(task.taskId);
      // Samples older than the task belong to another task that had its id (an emulator reset).
      if (history && (history.samples[0]?.at ?? Infinity) < task.creationTime.getTime()) {
        history = undefined;
      }
      if (!history) {
        if (isTerminal(task.lifecycle)) {
          continue; // nothing to estimate for a task first seen ended
        }
        history = new SampleHistory();
      }
      this.histories.delete(task.taskId);
      this.histories.set(task.taskId, history);
      if (history.add(sampleOf(task))) {
        grew.push(task.taskId);
      }
    }
    for (const taskId of this.histories.keys()) {
      if (this.histories.size <= this.limit) {
        break;
      }
      this.histories.delete(taskId);
    }
    return grew;
  }

  samples(taskId: string): readonly StatusSample[] {
    return this.histories.get(taskId)?.samples ?? [];
  }

  /** The estimate of a running task, undefined for one never seen running. */
  estimate(task: Pick<Task, 'taskId' | 'lifecycle'>, now: number): ThroughputEstimate | undefined {
    const history = this.histories.get(task.taskId);
    return history && !isTerminal(task.lifecycle) ? history.estimate({ now }) : undefined;
  }
}
