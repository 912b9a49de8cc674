// The export-state badges and the release preview at size (issue 20): decorating a folder of
// 10,000 files through the real backend (LfsBackend, the fake `lfs` of the boundary tests: real
// processes) behind the badges' cache, asked one file at a time as VS Code asks; and the release
// preview's walk and rules over 100,000 files (an in-memory tree and states, so the figure is the
// extension's own cost, not the disk's or lfs's). Each runs in a fresh Node process, so its peak
// RSS is its own. Run alone: `node out/bench/hsmFigures.js`.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type HsmAnswer, LfsBackend, type WalkFs, walkReleasePreview } from '../src/mounts/hsm';
import { systemClock } from '../src/tracking/clock';
import { ExportStateCache } from '../src/viewModel/exportStateCache';
import { FakeLfs } from '../test/boundary/fakeLfs';

const MiB = 2 ** 20;
const CASES = ['decorate10k', 'preview100k'] as const;
type CaseName = (typeof CASES)[number];

export interface HsmSample {
  readonly files: number;
  readonly ms: number;
  /** lfs processes started (decorate10k). */
  readonly processes?: number;
  readonly peakRunning?: number;
  readonly filesReleased?: number;
  readonly peakRssMiB: number;
  readonly baselineRssMiB: number;
  readonly heapGrowthMiB: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The largest heap seen while `work` runs, sampled every 5 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; heapGrowthMiB: number; baselineRssMiB: number }> {
  global.gc?.();
  const baselineRssMiB = process.memoryUsage().rss / MiB;
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { result, ms, heapGrowthMiB: (peak - before) / MiB, baselineRssMiB };
}

async function decorate10k(): Promise<HsmSample> {
  const lfs = new FakeLfs();
  const dir = mkdtempSync(join(tmpdir(), 'fsx-bench-hsm-'));
  try {
    const folder = join(dir, 'results');
    mkdirSync(folder);
    const paths = Array.from({ length: 10_000 }, (_, index) => {
      const path = join(folder, `frame-${String(index).padStart(5, '0')}.exr`);
      writeFileSync(path, String([0x9, 0xb, 0, 0xd][index % 4]));
      return path;
    });
    const backend = new LfsBackend({ executable: lfs.executable, env: lfs.env() });
    const cache = new ExportStateCache({ source: backend, clock: systemClock, onUnavailable: () => undefined });
    const run = await measured(() => Promise.all(paths.map((path) => cache.get(path))));
    const answered = run.result.filter((answer) => answer?.ok).length;
    if (answered !== paths.length) {
      throw new Error(`decorate10k: ${answered} of ${paths.length} files answered`);
    }
    cache.dispose();
    return {
      files: paths.length,
      ms: Math.round(run.ms),
      processes: backend.stats.processes,
      peakRunning: backend.stats.peakRunning,
      peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
      baselineRssMiB: round(run.baselineRssMiB),
      heapGrowthMiB: round(run.heapGrowthMiB),
    };
  } finally {
    lfs.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function preview100k(): Promise<HsmSample> {
  const FOLDERS = 100;
  const PER_FOLDER = 1_000;
  const day = 86_400_000;
  const now = Date.UTC(2026, 11, 6);
  const masks = [0x9, 0x9, 0xb, 0, 0xd];
  const nameOf = (index: number) => `part-${String(index).padStart(4, '0')}.parquet`;
  const indexOf = (path: string) => {
    const slash = path.lastIndexOf('/');
    return Number(path.slice(path.lastIndexOf('/', slash - 1) + 5, slash)) * PER_FOLDER + Number(path.slice(slash + 6, slash + 10));
  };
  const fs: WalkFs = {
    readdir: async (path) =>
      path === '/fsx/data'
        ? Array.from({ length: FOLDERS }, (_, index) => ({ name: `run-${String(index).padStart(3, '0')}`, kind: 'folder' as const }))
        : Array.from({ length: PER_FOLDER }, (_, index) => ({ name: nameOf(index), kind: 'file' as const })),
    stat: async (path) => {
      if (path === '/fsx/data') {
        return { kind: 'folder', size: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0 };
      }
      const index = indexOf(path);
      const last = now - (index % 60) * day;
      return { kind: 'file', size: 1_048_576 + index, atimeMs: last, mtimeMs: last - day, ctimeMs: last - day };
    },
  };
  const states = {
    getStates: async (paths: readonly string[]) => new Map(paths.map((path): [string, HsmAnswer] => [path, { ok: true, state: { mask: masks[indexOf(path) % masks.length], archiveId: 1 } }])),
  };
  const run = await measured(() => walkReleasePreview(['/fsx/data'], { fs, states, days: 30, nowMs: now }));
  if (run.result.files !== FOLDERS * PER_FOLDER) {
    throw new Error(`preview100k: ${run.result.files} files walked`);
  }
  return {
    files: run.result.files,
    ms: Math.round(run.ms),
    filesReleased: run.result.preview.released.files,
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
    baselineRssMiB: round(run.baselineRssMiB),
    heapGrowthMiB: round(run.heapGrowthMiB),
  };
}

async function sample(name: CaseName): Promise<HsmSample> {
  return name === 'decorate10k' ? decorate10k() : preview100k();
}

export async function hsmFigures(): Promise<Record<CaseName, HsmSample>> {
  const run = promisify(execFile);
  const figures = {} as Record<CaseName, HsmSample>;
  for (const name of CASES) {
    const { stdout } = await run(process.execPath, ['--expose-gc', __filename, '--sample', name], { maxBuffer: MiB });
    figures[name] = JSON.parse(stdout) as HsmSample;
  }
  return figures;
}

export function hsmRows(figures: Record<CaseName, HsmSample>): [string, string, string][] {
  const d = figures.decorate10k;
  const p = figures.preview100k;
  return [
    [
      'hsm.decorate10k ms, processes, peak RSS MiB',
      `${d.ms} ms, ${d.processes} lfs processes (${d.peakRunning} at once), ${d.peakRssMiB} (before ${d.baselineRssMiB}), heap +${d.heapGrowthMiB}`,
      '100 processes, <= 2 at once',
    ],
    ['hsm.preview100k ms, peak RSS MiB', `${p.ms} ms, ${p.filesReleased} of ${p.files} would be released, ${p.peakRssMiB} (before ${p.baselineRssMiB}), heap +${p.heapGrowthMiB}`, 'seconds, bounded memory'],
  ];
}

if (require.main === module) {
  const at = process.argv.indexOf('--sample');
  if (at >= 0) {
    sample(process.argv[at + 1] as CaseName).then((result) => process.stdout.write(JSON.stringify(result)));
  } else {
    void hsmFigures().then((figures) => {
      for (const [name, value] of hsmRows(figures)) {
        console.log(`${name}  ${value}`);
      }
    });
  }
}
