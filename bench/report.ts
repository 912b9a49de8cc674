// report1M: summarising a completion report of one million rows, generated as a stream (never
// whole in memory). Each sample runs in a fresh Node process so that its peak RSS is the
// summariser's alone, not that of the benchmarks before it; the median of 3 is reported.
// Run alone: `node out/bench/report.js`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { summariseReport } from '../src/outcomes/reportCsv';
import { generatedReport, heapWatch } from '../test/unit/outcomes/reportFixtures';

const ROWS = 1_000_000;
const SAMPLES = 3;

interface Sample {
  /** Wall time of summariseReport over the generated stream, generation included. */
  readonly ms: number;
  /** Wall time of generating the same stream and nothing else: the share of `ms` not parsing. */
  readonly generateMs: number;
  /** Peak resident set of the whole process (Node itself included). */
  readonly peakMiB: number;
  /** RSS before the run: peakMiB minus this is what summarising added. */
  readonly baselineMiB: number;
  readonly heapGrowthMiB: number;
  readonly rows: number;
}

const MiB = 2 ** 20;

async function sample(): Promise<Sample> {
  global.gc?.();
  const baselineMiB = process.memoryUsage().rss / MiB;
  const heap = heapWatch();
  const started = performance.now();
  const summary = await summariseReport(heap.watch(generatedReport(ROWS)));
  const ms = performance.now() - started;
  // maxRSS is in KiB and covers the process's whole life, which here is little more than this run.
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  let generateMs = performance.now();
  for (const chunk of generatedReport(ROWS)) {
    void chunk;
  }
  generateMs = performance.now() - generateMs;
  return { ms, generateMs, peakMiB, baselineMiB, heapGrowthMiB: heap.growthMiB(), rows: summary.totalRows };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function reportFigures() {
  const run = promisify(execFile);
  const samples: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const { stdout } = await run(process.execPath, ['--expose-gc', __filename, '--sample']);
    samples.push(JSON.parse(stdout) as Sample);
  }
  if (samples.some((s) => s.rows !== ROWS)) {
    throw new Error(`report1M counted ${samples.map((s) => s.rows).join(', ')} rows, not ${ROWS}`);
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    ms: Math.round(median(samples.map((s) => s.ms))),
    peakMiB: round(median(samples.map((s) => s.peakMiB))),
    baselineMiB: round(median(samples.map((s) => s.baselineMiB))),
    generateMs: Math.round(median(samples.map((s) => s.generateMs))),
    heapGrowthMiB: round(median(samples.map((s) => s.heapGrowthMiB))),
    samples: samples.map((s) => ({ ms: Math.round(s.ms), peakMiB: round(s.peakMiB), heapGrowthMiB: round(s.heapGrowthMiB) })),
  };
}

if (require.main === module) {
  if (process.argv.includes('--sample')) {
    sample().then((result) => process.stdout.write(JSON.stringify(result)));
  } else {
    reportFigures().then((figures) => console.log(JSON.stringify(figures, null, 2)));
  }
}
