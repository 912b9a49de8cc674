// Runs inside the real extension host (code-server or desktop VS Code): the mocha suite over the
// compiled *.test.js files beside this one. Results go to FSX_TEST_RESULTS when set, so the
// runner outside the host can print counts.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
export function runSuite(folder: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.FSX_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(folder, file));
  }
  return new Promise((resolve, reject) => {
    const failures: { title: string; error: string }[] = [];
    let passed = 0;
    const runner = mocha.run(async (failed) => {
      await stopSandbox();
      const resultsPath = process.env.FSX_TEST_RESULTS;
      if (resultsPath) {
        mkdirSync(dirname(resultsPath), { recursive: true });
        writeFileSync(resultsPath, JSON.stringify({ passed, failed, pending: runner.stats?.pending ?? 0, failures }, null, 2));
      }
      if (failed > 0) {
        reject(new Error(`${failed} extension-host test(s) failed`));
      } else {
        resolve();
      }
    });
    runner.on('pass', () => passed++);
    runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), error: error?.message ?? String(error) }));
  });
}
