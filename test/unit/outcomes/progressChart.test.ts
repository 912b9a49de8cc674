import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Task } from '../../../src/fsx/types';
import { progressChartData, progressChartSvg } from '../../../src/outcomes/progressChart';
import { ProgressHistories } from '../../../src/outcomes/progressHistories';
import { estimateThroughput, StatusSample } from '../../../src/outcomes/throughput';

const MIN = 60_000;
const duration = (ms: number) => `${Math.round(ms / 1000)} s`;

function steady(count: number, perMinute: number, total: number): StatusSample[] {
  return Array.from({ length: count }, (_, i) => ({ at: i * MIN, done: i * perMinute, total }));
}

function task(taskId: string, lifecycle: Task['lifecycle'], done: number, at: number): Task {
  return {
    taskId,
    lifecycle,
    type: 'EXPORT_TO_REPOSITORY',
    creationTime: new Date(0),
    resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
    paths: [],
    status: { totalCount: 1000, succeededCount: done, failedCount: 0, lastUpdatedTime: new Date(at) },
  };
}

describe('progress chart data', () => {
  it('draws the samples and a projection from the last one to the total at the estimated finish', () => {
    const samples = steady(5, 100, 1000);
    const data = progressChartData(samples, estimateThroughput(samples));
    assert.deepEqual(
      data.points.map((point) => point.done),
      [0, 100, 200, 300, 400],
    );
    assert.ok(data.projection);
    assert.deepEqual(data.projection[0], { at: 4 * MIN, done: 400 });
    // 600 files left at 100 files/min: six minutes after the last sample.
    assert.deepEqual(data.projection[1], { at: 10 * MIN, done: 1000 });
    assert.equal(data.end, 10 * MIN);
    assert.equal(data.maxDone, 1000);
  });

  it('clamps counts above the total and draws no projection once done', () => {
    const samples = [...steady(4, 300, 1000), { at: 4 * MIN, done: 1100, total: 1000 }];
    const data = progressChartData(samples, estimateThroughput(samples));
    assert.equal(data.points[data.points.length - 1].done, 1000);
    assert.ok(data.points.every((point) => point.done <= 1000));
    assert.equal(data.projection, undefined);
  });

  it('draws no projection without enough samples or while stalled', () => {
    const few = steady(2, 100, 1000);
    assert.equal(progressChartData(few, estimateThroughput(few)).projection, undefined);
    const stalled = [...steady(3, 100, 1000), { at: 10 * MIN, done: 200, total: 1000 }];
    assert.equal(estimateThroughput(stalled).state, 'stalled');
    assert.equal(progressChartData(stalled, estimateThroughput(stalled)).projection, undefined);
  });

  it('renders an SVG with one point per sample, the dashed estimate and escaped labels', () => {
    const samples = steady(4, 100, 1000);
    const svg = progressChartSvg(progressChartData(samples, estimateThroughput(samples)), { t: (message, ...args) => ENGLISH.t(message === 'Files done over time' ? '<Files> & "done"' : message, ...args) }, duration);
    assert.equal(svg.match(/<circle /g)?.length, 4);
    assert.match(svg, /<polyline class="estimate" points="[^"]+"\/>/);
    assert.match(svg, /&#60;Files&#62; &#38; &#34;done&#34;/);
    assert.doesNotMatch(svg, /<Files>/);
    // The first point sits at the origin of the plot, the projection ends at the top right.
    assert.match(svg, /<circle class="done" cx="64\.0" cy="200\.0"/);
    assert.match(svg, /points="[^"]* 624\.0,16\.0"\/>/);
    // Colours come from the theme, none is hard-coded.
    assert.doesNotMatch(svg, /#[0-9a-f]{3,6}\b|rgb\(/i);
  });

  it('renders an empty chart without samples', () => {
    const svg = progressChartSvg(progressChartData([], { state: 'notEnoughSamples', samples: 0, needed: 3 }), ENGLISH, duration);
    assert.doesNotMatch(svg, /<circle|<polyline/);
    assert.match(svg, /^<svg .*<\/svg>$/);
  });
});

describe('ProgressHistories', () => {
  it('keeps samples of tasks seen running, estimates while they run and not after', () => {
    const histories = new ProgressHistories();
    for (let i = 0; i < 4; i++) {
      assert.deepEqual(histories.observe([task('task-a', 'EXECUTING', i * 100, i * MIN)]), ['task-a']);
    }
    // The same sample again adds nothing.
    assert.deepEqual(histories.observe([task('task-a', 'EXECUTING', 300, 3 * MIN)]), []);
    const estimate = histories.estimate(task('task-a', 'EXECUTING', 300, 3 * MIN), 3 * MIN);
    assert.equal(estimate?.state, 'moving');
    assert.equal(estimate?.state === 'moving' && Math.round(estimate.filesPerSecond * 60), 100);
    assert.equal(histories.estimate(task('task-a', 'SUCCEEDED', 1000, 9 * MIN), 9 * MIN), undefined);
    assert.equal(histories.samples('task-a').length, 4);
  });

  it('starts afresh for a newer task that reuses an id (samples older than the task are not its own)', () => {
    const histories = new ProgressHistories();
    histories.observe([task('task-a', 'EXECUTING', 100, MIN)]);
    const reused = { ...task('task-a', 'EXECUTING', 5, 10 * MIN), creationTime: new Date(9 * MIN) };
    histories.observe([reused]);
    assert.deepEqual(histories.samples('task-a').map((sample) => sample.at), [10 * MIN]);
  });

  it('ignores tasks first seen ended and forgets the task seen longest ago beyond its limit', () => {
    const histories = new ProgressHistories(2);
    histories.observe([task('task-ended', 'FAILED', 5, 0)]);
    assert.equal(histories.samples('task-ended').length, 0);
    histories.observe([task('task-a', 'EXECUTING', 1, 0), task('task-b', 'EXECUTING', 1, 0)]);
    histories.observe([task('task-c', 'EXECUTING', 1, 0)]);
    assert.equal(histories.samples('task-a').length, 0);
    assert.equal(histories.samples('task-b').length, 1);
    assert.equal(histories.samples('task-c').length, 1);
  });
});
