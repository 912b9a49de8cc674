// Huge and hostile completion reports: what reading one and building its failed-files page cost
// (issue 18, finding 7). Three reports, each generated as a stream and never whole in memory:
// 100 MiB of the emulator's rows, 100 MiB of rows just under the 64 KiB record limit (before
// the character budget, its page held four copies of 1,000 such paths: hundreds of MiB), and
// 1,000 rows with a 1 MiB record in the middle. Each runs once in a fresh Node process, so its
// peak RSS is its own. Run alone: `node out/bench/hugeReports.js` (prints the figures and
// writes them into test-results/bench.json as `hugeReports`, keeping the other figures).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { reportChunks } from '../src/emulator/s3/reports';
import { ENGLISH } from '../src/fsx/l10n';
import { checkFailedCount } from '../src/outcomes/catalog';
import { summariseReport } from '../src/outcomes/reportCsv';
import { failedFilesPage } from '../src/outcomes/webviewPages';
import { heapWatch, reportLine } from '../test/unit/outcomes/reportFixtures';

const MiB = 2 ** 20;
const CASES = ['report100MiB', 'report100MiBLongRows', 'report1MiBRecord'] as const;
type CaseName = (typeof CASES)[number];

function* longRows(count: number, pathChars: number, from = 0): Generator<string> {
  for (let i = from; i < from + count; i++) {
    const name = `${String(i).padStart(6, '0')}/`;
    yield reportLine(name + 'p'.repeat(pathChars - name.length), 'S3Error');
  }
}

function source(name: CaseName): Iterable<Buffer | string> {
  switch (name) {
    case 'report100MiB':
      // The emulator's rows of a "too long" failure, about 840 bytes each.
      return reportChunks({ taskId: 'task-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', failedCount: 128_000, paths: ['runs/aligned'], failureMessage: 'paths too long' });
    case 'report100MiBLongRows':
      return longRows(Math.ceil((100 * MiB) / (63 * 1024)), 63 * 1024);
    case 'report1MiBRecord':
      return (function* () {
        yield* longRows(500, 40);
        yield reportLine('x'.repeat(MiB), 'S3Error');
        yield* longRows(500, 40, 501);
      })();
  }
}

interface Sample {
  readonly readMs: number;
  readonly pageMs: number;
  /** Peak RSS of the whole process (Node itself included), and before the run. */
  readonly peakRssMiB: number;
  readonly baselineRssMiB: number;
  /** Peak heap above the start while reading, or with the page built if more; garbage included. */
  readonly heapGrowthMiB: number;
  readonly reportMiB: number;
  readonly pageMiB: number;
  readonly rows: number;
  readonly shownRows: number;
  readonly cut: string | null;
}

async function sample(name: CaseName): Promise<Sample> {
  global.gc?.();
  const baselineRssMiB = process.memoryUsage().rss / MiB;
  const heap = heapWatch();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const summary = await summariseReport(heap.watch(source(name)));
  const readMs = performance.now() - started;
  const task = { taskId: 'task-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', status: { totalCount: summary.totalRows, succeededCount: 0, failedCount: summary.totalRows } } as const;
  const location = { bucket: 'reports-bucket', key: 'fsx/reports/task-0123456789abcdef0/failures.csv', uri: 's3://reports-bucket/fsx/reports/task-0123456789abcdef0/failures.csv' };
  const pageStarted = performance.now();
  const page = failedFilesPage(task, { kind: 'report', location, summary, failedCount: checkFailedCount(summary, task) }, ENGLISH, 'n0nce');
  const pageMs = performance.now() - pageStarted;
  // With the page still held: what reading and building left in the heap, garbage included.
  const withPageMiB = (process.memoryUsage().heapUsed - heapBefore) / MiB;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    readMs: Math.round(readMs),
    pageMs: Math.round(pageMs),
    // maxRSS is in KiB and covers the process's whole life, which here is little more than this run.
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
    baselineRssMiB: round(baselineRssMiB),
    heapGrowthMiB: round(Math.max(heap.growthMiB(), withPageMiB)),
    reportMiB: round(summary.bytes / MiB),
    pageMiB: round(page.length / MiB),
    rows: summary.totalRows,
    shownRows: summary.rows.length,
    cut: summary.cut ? (summary.cut.reason === 'oversizedRecord' ? `oversizedRecord at row ${summary.cut.row}` : summary.cut.reason) : null,
  };
}

export async function hugeReportFigures(): Promise<Record<CaseName, Sample>> {
  const run = promisify(execFile);
  const figures = {} as Record<CaseName, Sample>;
  for (const name of CASES) {
    const { stdout } = await run(process.execPath, ['--expose-gc', __filename, '--sample', name], { maxBuffer: MiB });
    figures[name] = JSON.parse(stdout) as Sample;
  }
  return figures;
}

export function hugeReportRows(figures: Record<CaseName, Sample>): [string, string, string][] {
  return CASES.map((name) => {
    const f = figures[name];
    return [
      `hugeReports.${name} read / page ms, peak RSS MiB`,
      `${f.readMs} / ${f.pageMs}, ${f.peakRssMiB} (before ${f.baselineRssMiB}); page ${f.pageMiB} MiB, ${f.shownRows} of ${f.rows} rows${f.cut ? `, ${f.cut}` : ''}`,
      'page a few MiB, RSS bounded',
    ];
  });
}

if (require.main === module) {
  const at = process.argv.indexOf('--sample');
  if (at >= 0) {
    sample(process.argv[at + 1] as CaseName).then((result) => process.stdout.write(JSON.stringify(result)));
  } else {
    void hugeReportFigures().then((figures) => {
      for (const [name, value] of hugeReportRows(figures)) {
        console.log(`${name}  ${value}`);
      }
      console.log(JSON.stringify(figures, null, 2));
      const file = join(__dirname, '..', '..', 'test-results', 'bench.json');
      const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...results, hugeReports: figures }, null, 2) + '\n');
      console.log('wrote hugeReports into test-results/bench.json');
    });
  }
}
