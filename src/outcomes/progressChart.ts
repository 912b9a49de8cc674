// Progress over time for one task: the samples polls collected (files done against LastUpdatedTime)
// and, when the estimator has a finish time, a dashed line from the last sample to the total.
// Pure: the data is unit-tested, the SVG is a string the webview shows, coloured by the theme's
// CSS variables so it reads in light, dark and high-contrast themes.
import type { L10n } from '../fsx/l10n';
import { normaliseSamples, StatusSample, ThroughputEstimate } from './throughput';

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
