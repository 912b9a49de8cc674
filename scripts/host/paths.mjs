// Paths shared by the host scripts, all derived from this file's location (never from the
// current directory), so the scripts work from any clone and any working directory.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two levels above scripts/host/. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Cache of the real VS Code host (gitignored; the folder @vscode/test-electron uses too). */
export const cacheDir = join(repoRoot, '.vscode-test');

/** Screenshots, results files and logs of failed runs (gitignored). */
export const resultsDir = join(repoRoot, 'test-results');

/** True when the module whose import.meta.url is given is the script node was started with. */
export function isMain(importMetaUrl) {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(importMetaUrl);
}
