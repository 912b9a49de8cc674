// What a person on a head node does: a workspace folder on a Lustre mount (a mount table file,
// FSX_MOUNT_TABLE, whose line names the sandbox's ml-training file system), the FSx view marks
// it mounted, and in VS Code's Explorer a right-click on a folder exports it: the guided flow
// opens with the folder's path relative to the mount root, and the started task is tracked in
// the status bar to its end. Needs the compiled sources (out/, `npm run compile-tests`).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUi } from '../../scripts/host/uiHarness.mjs';

const require = createRequire(import.meta.url);
const { FsxEmulator } = require('../../out/src/emulator/index.js');
const { FsxService } = require('../../out/src/fsx/fsxService.js');
const { FsxClientFactory } = require('../../out/src/fsx/clientFactory.js');

/** The demo scenario's file system as the sandbox will describe it (the scenario is seeded the same every time). */
async function describedDemoFileSystem(name) {
  const emulator = await FsxEmulator.start({ scenario: 'demo' });
  const clients = new FsxClientFactory();
  try {
    const resources = await new FsxService(clients.get({ region: 'us-east-1', endpoint: emulator.url, sandbox: true })).listResources();
    const resource = resources.find((candidate) => candidate.name === name);
    assert.ok(resource?.dnsName && resource.mountName, `${name} has a DNS name and a mount name`);
    return resource;
  } finally {
    clients.dispose();
    await emulator.close();
  }
}

describe('UI scenario: export a folder of a Lustre mount from the Explorer', function () {
  this.timeout(200_000);
  /** @type {Awaited<ReturnType<typeof startUi>>} */
  let ui;
  let dir;

  before(async () => {
    const resource = await describedDemoFileSystem('ml-training');
    // Real paths, as the kernel writes them in the mount table.
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'fsx-ui-mount-')));
    const workspace = join(dir, 'workspace');
    const mountPoint = join(workspace, 'fsx');
    mkdirSync(join(mountPoint, 'checkpoints', 'epoch-12'), { recursive: true });
    mkdirSync(join(mountPoint, 'datasets'));
    writeFileSync(join(mountPoint, 'checkpoints', 'epoch-12', 'model.pt'), 'weights');
    const table = join(dir, 'mounts');
    writeFileSync(table, `proc /proc proc rw 0 0\n${resource.dnsName}@tcp:/${resource.mountName} ${mountPoint} lustre rw,noatime,flock,lazystatfs 0 0\n`);
    ui = await startUi({
      workspace,
      env: { FSX_MOUNT_TABLE: table },
      // Minutes of emulated export in seconds.
      userSettings: { 'fsxTasks.sandbox.timeScale': 20 },
      onExtensionHostLog: () => {},
    });
  });

  after(async () => {
    await ui?.close();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('marks the mounted file system in the FSx view', async () => {
    await ui.openViewContainer('FSx');
    const row = await ui.waitForTreeRow('ml-training', { timeoutMs: 30_000 });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /ml-training\s*mounted · fs-[0-9a-f]{17}/);
    await ui.screenshot('mounts-fsx-view');
  });

  it('right-click a folder in the Explorer, Export to S3..., confirm, and follow the task in the status bar', async () => {
    await ui.openViewContainer('Explorer');
    const explorerRows = ui.page.locator('.explorer-folders-view .monaco-list-row');
    const fsxFolder = explorerRows.filter({ hasText: /^fsx$/ }).first();
    await fsxFolder.waitFor({ state: 'visible', timeout: 30_000 });
    await fsxFolder.click();
    const checkpoints = explorerRows.filter({ hasText: /^checkpoints$/ }).first();
    await checkpoints.waitFor({ state: 'visible' });
    await ui.contextMenu(checkpoints);
    const items = await ui.menuItems();
    for (const item of ['Export to S3...', 'Import Metadata from S3...', 'Release Files...', 'Show Data Repository Tasks']) {
      assert.ok(items.some((text) => text.startsWith(item)), `${item} in: ${items.join(', ')}`);
    }
    await ui.screenshot('mounts-explorer-menu');
    await ui.clickMenuItem('Export to S3...');

    // Step 1: the paths, prefilled relative to the mount root.
    const input = ui.quickInput.locator('input.input');
    await input.waitFor({ state: 'visible' });
    // eslint-disable-next-line no-undef -- runs in the page
    await ui.page.waitForFunction(() => document.querySelector('.quick-input-widget input.input')?.value === 'checkpoints', undefined, { timeout: 10_000 });
    await ui.screenshot('mounts-export-paths');
    await input.press('Enter');
    // Step 2: the completion report (on by default for an export).
    await ui.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Write a completion report' }).waitFor({ state: 'visible' });
    await ui.page.keyboard.press('Enter');
    // The confirmation restates the request.
    const dialog = await ui.dialogText();
    assert.match(dialog, /Export from ml-training \(fs-[0-9a-f]{17}\) to S3\?/);
    assert.match(dialog, /Paths \(1\): checkpoints/);
    await ui.clickDialogButton('Start Export');

    const tracked = ui.statusBarItem(/task-[0-9a-f]{4}…?[0-9a-f]{0,4}.*(Pending|Executing)/);
    await tracked.waitFor({ state: 'visible', timeout: 30_000 });
    await ui.screenshot('mounts-export-tracked');
    await ui.statusBarItem(/task-[0-9a-f]{4}.*Succeeded/).waitFor({ state: 'visible', timeout: 90_000 });
    await ui.screenshot('mounts-export-succeeded');
  });
});
