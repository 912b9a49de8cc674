// Runs inside the real extension host (code-server or desktop VS Code): the mocha suite over the
// compiled *.test.js files beside this one. Results go to FSX_TEST_RESULTS when set, so the
// runner outside the host can print counts.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { FsxTasksTestApi } from '../../src/testApi';

/**
 * The sandbox's process outlives a window on purpose (it waits for a reload); a test run's must
 * not outlive the run.
 */
async function stopSandbox(): Promise<void> {
  const extension = vscode.extensions.getExtension<FsxTasksTestApi | undefined>('fsx-tools.fsx-data-repository-tasks');
  const api = extension?.isActive ? extension.exports : undefined;
  if (api?.wokenBy !== undefined) {
    await api.container.sandbox.stop().catch(() => undefined);
  }
}

export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs the *.test.js files of `folder` (the host suite's, or another entry's such as the soak). */
export async function runSuite(folder: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.FSX_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  const files = readdirSync(folder).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of filesToRun(files, process.env.FSX_TEST_FILES)) {
    mocha.addFile(join(folder, file));
  }
  return new Promise((resolve, reject) => {
    const failures: { title: string; error: string }[] = [];
    const fileSeconds: Record<string, number> = {};
    const suiteStarted = new Map<Mocha.Suite, number>();
    let passed = 0;
    const runner = mocha.run(async (failed) => {
      await stopSandbox();
      const resultsPath = process.env.FSX_TEST_RESULTS;
      if (resultsPath) {
        mkdirSync(dirname(resultsPath), { recursive: true });
        const results = { passed, failed, pending: runner.stats?.pending ?? 0, failures, fileSeconds };
        writeFileSync(resultsPath, JSON.stringify(results, null, 2));
      }
      if (failed > 0) {
        reject(new Error(`${failed} extension-host test(s) failed`));
      } else {
        resolve();
      }
    });
    runner.on('pass', () => passed++);
    // Seconds per test file, so docs/DEVELOPING.md can say where a tier's time goes.
    runner.on('suite', (suite) => suiteStarted.set(suite, Date.now()));
    runner.on('suite end', (suite) => {
      const file = suite.file && basename(suite.file);
      if (file && suite.parent?.root) {
        fileSeconds[file] = (fileSeconds[file] ?? 0) + (Date.now() - (suiteStarted.get(suite) ?? Date.now())) / 1000;
      }
    });
    runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), error: error?.message ?? String(error) }));
  });
}

/**
 * The test files a run takes: all, or those FSX_TEST_FILES names (comma-separated, without
 * `.test.js`). A name that matches no file fails the run rather than shrinking it silently.
 */
export function filesToRun(files: string[], wanted: string | undefined): string[] {
  if (!wanted) {
    return files;
  }
  const names = wanted.split(',').map((name) => name.trim()).filter(Boolean);
  const missing = names.filter((name) => !files.includes(`${name}.test.js`));
  if (missing.length > 0) {
    throw new Error(`FSX_TEST_FILES names no test file: ${missing.join(', ')}`);
  }
  return files.filter((file) => names.includes(file.replace(/\.test\.js$/, '')));
}
