import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { estimateThroughput, normaliseSamples, SampleHistory, sampleOf, StatusSample, throughputText } from '../../../src/outcomes/throughput';

const T0 = Date.UTC(2026, 11, 1, 6, 0, 0);
const S = 1000;

/** A recorded series: [seconds after T0, done] pairs, FSx's 30 s cadence unless a test says otherwise. */
function series(points: readonly (readonly [number, number])[], total?: number): StatusSample[] {
  return points.map(([seconds, done]) => ({ at: T0 + seconds * S, done, total }));
}

function moving(estimate: ReturnType<typeof estimateThroughput>) {
  assert.equal(estimate.state, 'moving', JSON.stringify(estimate));
  return estimate as Extract<typeof estimate, { state: 'moving' }>;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

describe('estimateThroughput', () => {
  it('says "not enough samples" until three distinct updates span a minute', () => {
    assert.deepEqual(estimateThroughput([]), { state: 'notEnoughSamples', samples: 0, needed: 3 });
    assert.equal(estimateThroughput(series([[0, 0], [30, 300]], 10_000)).state, 'notEnoughSamples');
    // Three polls, but two saw the same FSx update: still two samples.
    assert.equal(estimateThroughput(series([[0, 0], [30, 300], [30, 300]], 10_000)).state, 'notEnoughSamples');
    // Three distinct updates 10 s apart span only 20 s.
    assert.equal(estimateThroughput(series([[0, 0], [10, 100], [20, 200]], 10_000)).state, 'notEnoughSamples');
    assert.equal(estimateThroughput(series([[0, 0], [30, 300], [60, 600]], 10_000)).state, 'moving');
    assert.equal(throughputText(estimateThroughput([]), ENGLISH, seconds), 'Not enough progress samples yet to estimate the time left.');
  });

  it('steady: 10 files/s, the time left from the last sample', () => {
    const points: [number, number][] = [];
    for (let t = 0; t <= 300; t += 30) {
      points.push([t, t * 10]);
    }
    const estimate = moving(estimateThroughput(series(points, 10_000)));
    assert.equal(estimate.filesPerSecond, 10);
    assert.equal(estimate.remaining, 7_000);
    assert.equal(estimate.etaMs, 700 * S);
    assert.equal(estimate.finishAt, T0 + 1_000 * S);
    assert.equal(estimate.progress, 0.3);
    assert.equal(throughputText(estimate, ENGLISH, seconds), '10 files/s, about 700 s left.');
  });

  it('counts the time left from now when given', () => {
    const estimate = moving(estimateThroughput(series([[0, 0], [30, 300], [60, 600]], 1_000), { now: T0 + 80 * S }));
    assert.equal(estimate.finishAt, T0 + 100 * S);
    assert.equal(estimate.etaMs, 20 * S);
  });

  it('duplicate LastUpdatedTime samples do not change the rate', () => {
    const once = estimateThroughput(series([[0, 0], [30, 600], [60, 1_200], [90, 1_800]], 6_000));
    const twice = estimateThroughput(series([[0, 0], [0, 0], [30, 600], [30, 600], [60, 1_200], [60, 1_200], [90, 1_800], [90, 1_800]], 6_000));
    assert.deepEqual(twice, once);
    assert.equal(moving(once).filesPerSecond, 20);
  });

  it('out-of-order polls are put back in order', () => {
    const shuffled = series([[60, 600], [0, 0], [90, 900], [30, 300]], 3_000);
    assert.equal(moving(estimateThroughput(shuffled)).filesPerSecond, 10);
  });

  it('bursty: counts in steps are averaged over the window, not between neighbours', () => {
    // 3,000 files every 90 s, reported at 30 s steps: 0, 0, 0, 3000, 3000, 3000, 6000, ...
    const points: [number, number][] = [];
    for (let t = 0; t <= 540; t += 30) {
      points.push([t, Math.floor(t / 90) * 3_000]);
    }
    const estimate = moving(estimateThroughput(series(points, 100_000)));
    // 18,000 files in 540 s. Between the last two samples the rate would read 0; over the window ~33.
    assert.ok(Math.abs(estimate.filesPerSecond - 18_000 / 540) < 1e-9, String(estimate.filesPerSecond));
    assert.ok(estimate.etaMs! > 0);
  });

  it('uses only the latest window for the rate (a task that sped up)', () => {
    const points: [number, number][] = [];
    let done = 0;
    for (let t = 0; t <= 1_800; t += 30) {
      points.push([t, done]);
      done += t < 900 ? 30 : 300; // 1 file/s for 15 min, then 10 files/s
    }
    const estimate = moving(estimateThroughput(series(points, 1_000_000)));
    assert.ok(Math.abs(estimate.filesPerSecond - 10) < 1e-9, String(estimate.filesPerSecond));
    const wide = moving(estimateThroughput(series(points, 1_000_000), { windowMs: 60 * 60_000 }));
    assert.ok(wide.filesPerSecond < 6);
  });

  it('stalled: no progress for three minutes', () => {
    const estimate = estimateThroughput(series([[0, 0], [30, 500], [60, 1_000], [90, 1_000], [120, 1_000], [150, 1_000], [180, 1_000], [240, 1_000]], 5_000));
    assert.equal(estimate.state, 'stalled');
    assert.equal(estimate.state === 'stalled' && estimate.stalledForMs, 180 * S);
    assert.equal(throughputText(estimate, ENGLISH, seconds), 'No progress for 180 s.');
    // A pause shorter than the threshold is a slower rate, not a stall.
    const paused = moving(estimateThroughput(series([[0, 0], [30, 500], [60, 1_000], [90, 1_000], [120, 1_000]], 5_000)));
    assert.equal(paused.filesPerSecond, 1_000 / 120);
  });

  it('a task that has not started moving reports a zero rate without a time left', () => {
    const estimate = moving(estimateThroughput(series([[0, 0], [30, 0], [60, 0]], 5_000)));
    assert.equal(estimate.filesPerSecond, 0);
    assert.equal(estimate.etaMs, undefined);
    assert.equal(estimate.remaining, 5_000);
    assert.equal(throughputText(estimate, ENGLISH, seconds), '0.0 files/s');
  });

  it('counts above the total: progress clamped to 1, nothing left, never a negative time', () => {
    // The documentation's own example: 4,255 of 4,200.
    const estimate = moving(estimateThroughput(series([[0, 3_900], [30, 4_100], [60, 4_255]], 4_200)));
    assert.equal(estimate.progress, 1);
    assert.equal(estimate.remaining, 0);
    assert.equal(estimate.etaMs, 0);
    assert.equal(estimate.finishAt, T0 + 60 * S);
    assert.equal(throughputText(estimate, ENGLISH, seconds), '5.9 files/s, finishing.');
    // Above the total and standing still is finishing, not stalled.
    const standing = estimateThroughput(series([[0, 4_255], [100, 4_255], [200, 4_255], [300, 4_255]], 4_200));
    assert.equal(standing.state, 'moving');
  });

  it('without a total: a rate only', () => {
    const estimate = moving(estimateThroughput(series([[0, 0], [30, 300], [60, 600]])));
    assert.equal(estimate.filesPerSecond, 10);
    assert.equal(estimate.remaining, undefined);
    assert.equal(estimate.progress, undefined);
    assert.equal(throughputText(estimate, ENGLISH, seconds), '10 files/s');
  });

  it('restarts the series after a count went down', () => {
    const points = series([[0, 5_000], [30, 6_000], [60, 100], [90, 400], [120, 700]], 10_000);
    assert.deepEqual(normaliseSamples(points).map((sample) => sample.done), [100, 400, 700]);
    assert.equal(moving(estimateThroughput(points)).filesPerSecond, 10);
  });
});

describe('SampleHistory and sampleOf', () => {
  it('drops repeated polls of one FSx update and keeps a bounded history', () => {
    const history = new SampleHistory(5);
    assert.equal(history.add({ at: T0, done: 0 }), true);
    assert.equal(history.add({ at: T0, done: 0 }), false);
    assert.equal(history.add(undefined), false);
    for (let i = 1; i <= 10; i++) {
      history.add({ at: T0 + i * 30 * S, done: i * 300, total: 10_000 });
    }
    assert.equal(history.samples.length, 5);
    assert.equal(history.samples[0].done, 1_800);
    assert.equal(moving(history.estimate()).filesPerSecond, 10);
  });

  it('reads a task status', () => {
    const at = new Date(T0);
    assert.deepEqual(sampleOf({ status: { succeededCount: 10, failedCount: 2, totalCount: 50, lastUpdatedTime: at } }), { at: T0, done: 12, total: 50 });
    assert.equal(sampleOf({ status: { totalCount: 50 } }), undefined);
    assert.equal(sampleOf({ status: { succeededCount: 1 } }), undefined);
    assert.equal(sampleOf({}), undefined);
  });
});
