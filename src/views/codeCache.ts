// Loads a CommonJS bundle of ours as require() would, with V8's code cache kept in our storage:
// compiling the main code (dist/main.js) was the largest part of what activate() paid, and a cached
// load skips the parse and the compilation of every function activation ran (docs/ARCHITECTURE.md,
// Bundles and activation). The first load after an install, an update or a new VS Code compiles
// as require() does and writes the cache once activate() has returned. vscode-free.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CodeCacheOptions {
  /** The bundle, an absolute path. */
  readonly file: string;
  /** A folder of ours for the cache (made when first written). */
  readonly cacheDir: string;
  /** Told why a cache could not be written (the bundle still loaded). */
  readonly onSaveError?: (message: string) => void;
}

/** What a load used: a cache V8 accepted, or none (then one is written once the caller's turn is over). */
export type CodeCacheUse = 'used' | 'missing' | 'rejected';

/** The same wrapper Node puts around a CommonJS module. */
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/**
 * Runs the bundle at `file` and returns its exports and whether the cache served. The cache file's
 * name carries what makes a cache invalid (the bundle's size and time, V8's version), and V8 checks
 * the source and its flags again: a cache it rejects only costs the compilation it would have saved.
 */
export function requireWithCodeCache<T>({ file, cacheDir, onSaveError }: CodeCacheOptions): { exports: T; cache: CodeCacheUse } {
  const source = readFileSync(file, 'utf8');
  const cacheFile = join(cacheDir, cacheName(file));
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(wrap(source), { filename: file, cachedData });
  const cache: CodeCacheUse = !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  if (cache !== 'used') {
    // After the caller's turn (activate()), with what it compiled: the functions later start-up
    // work runs are left out, as a larger cache took longer to read than compiling them saved.
    setTimeout(() => saveCache(script, cacheFile, onSaveError), 0);
  }
  return { exports: module.exports, cache };
}

/** e.g. main.215385.1733480000000.13.6.233.10-node.27.cache */
function cacheName(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${basename(file, '.js')}.${size}.${Math.trunc(mtimeMs)}.${process.versions.v8}.cache`;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole (a temporary file renamed) and removes the bundle's caches of other versions. */
function saveCache(script: Script, cacheFile: string, onError: ((message: string) => void) | undefined): void {
  const dir = dirname(cacheFile);
  const prefix = `${basename(cacheFile).split('.')[0]}.`;
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name !== basename(cacheFile)) {
        rmSync(join(dir, name), { force: true });
      }
    }
  } catch (error) {
    onError?.(error instanceof Error ? error.message : String(error));
  }
}
