// The same extension-host suite in desktop VS Code, through @vscode/test-electron. It downloads
// VS Code from its update service, so it works only where that is reachable (not on our CI
// machines, which use scripts/host/runExtensionTests.mjs and code-server instead).
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot, resultsDir } from './host/paths.mjs';

try {
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'test', 'host'),
    extensionTestsEnv: { FSX_SANDBOX: '1', FSX_TEST_RESULTS: join(resultsDir, 'electron-results.json') },
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`Desktop VS Code tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
