// What a person does, in a real VS Code (code-server) in headless Chromium: open the FSx view,
// read the demo file systems and tasks, cancel an executing task through the context menu and the
// modal, watch the status bar follow it to CANCELED, and find tracking intact after a reload.
// Screenshots land in test-results/. FSX_UI_VSIX=<file> runs the same scenario on the packaged
// extension instead of the source folder; FSX_UI_HOST_VERSION=4.100.3 in that older host
// (VS Code 1.100, the minimum version) instead of the default one.
import * as assert from 'node:assert/strict';
import { startUi } from '../../scripts/host/uiHarness.mjs';

const STATUS_TIMEOUT_MS = 60_000;

describe('UI scenario: explore, cancel and track in a real VS Code', function () {
  this.timeout(180_000);
  /** @type {Awaited<ReturnType<typeof startUi>>} */
  let ui;
  const codeServerVersion = process.env.FSX_UI_HOST_VERSION || undefined;
  const prefix = `${codeServerVersion ? `code-server-${codeServerVersion}-` : ''}${process.env.FSX_UI_VSIX ? 'vsix-' : ''}`;

  before(async () => {
    ui = await startUi({ vsix: process.env.FSX_UI_VSIX || undefined, codeServerVersion, onExtensionHostLog: () => {} });
  });

  after(async () => {
    await ui?.close();
  });

  it('shows the sandbox, its file systems and the File Cache in the FSx view', async () => {
    await ui.openViewContainer('FSx');
    await ui.waitForTreeRow('Sandbox', { timeoutMs: 30_000 });
    // Widen the side bar as a person would, so the screenshots show whole rows.
    const sideBar = ui.page.locator('.part.sidebar');
    const box = await sideBar.boundingBox();
    assert.ok(box);
    const edge = { x: box.x + box.width + 1, y: box.y + box.height / 2 };
    await ui.page.mouse.move(edge.x, edge.y);
    await ui.page.mouse.down();
    await ui.page.mouse.move(edge.x + 220, edge.y, { steps: 8 });
    await ui.page.mouse.up();
    assert.ok(((await sideBar.boundingBox())?.width ?? 0) > box.width + 100, 'the side bar got wider');
    for (const name of ['genomics-scratch', 'render-farm', 'ml-training']) {
      await ui.waitForTreeRow(name);
    }
    const texts = await ui.treeRowTexts();
    assert.ok(texts.some((text) => /File Cache/.test(text)), texts.join('\n'));
    assert.ok(texts.some((text) => /other file system not shown/.test(text)), 'the non-Lustre file system is summarised');
    assert.ok(!texts.some((text) => /corp-shares/.test(text)), 'the Windows file system is not listed');
    await ui.screenshot(`${prefix}explorer`);
  });

  it('expands a file system and reads a task’s lifecycle and progress', async () => {
    await ui.toggleRow(ui.treeRow('genomics-scratch'));
    const executing = await ui.waitForTreeRow(/Executing · [\d,]+ \/ [\d,]+ files/);
    const text = (await executing.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /^(Export|Import|Release) task-[0-9a-f]{4}…[0-9a-f]{4}\s*Executing · [\d,]+ \/ [\d,]+ files/);
    // Screen readers get the full id and the state.
    assert.match((await executing.getAttribute('aria-label')) ?? '', /task-[0-9a-f]{17}, Executing, [\d,]+ \/ [\d,]+ files/);
    await executing.hover();
    await ui.screenshot(`${prefix}tasks`);
  });

  it('offers no Cancel on a task that already succeeded', async () => {
    const succeeded = await ui.waitForTreeRow(/Succeeded/);
    await ui.contextMenu(succeeded);
    const items = await ui.menuItems();
    assert.ok(items.some((item) => /Show Task Details/.test(item)), items.join(', '));
    assert.ok(!items.some((item) => /Cancel Data Repository Task/.test(item)), items.join(', '));
    await ui.screenshot(`${prefix}menu-succeeded`);
    await ui.pressEscape();
  });

  it('cancels an executing task: right-click, Cancel, confirm in the modal', async () => {
    const row = await ui.waitForTreeRow(/Executing/);
    const taskId = /task-[0-9a-f]{17,}/.exec((await row.getAttribute('aria-label')) ?? '')?.[0];
    assert.ok(taskId);
    const openDialog = async () => {
      await ui.contextMenu(row);
      assert.ok((await ui.menuItems()).some((item) => /Cancel Data Repository Task/.test(item)));
      await ui.clickMenuItem('Cancel Data Repository Task');
      return ui.dialogText();
    };
    // Escape is the dialog's "do nothing": the task keeps running.
    await openDialog();
    await ui.pressEscape();
    await ui.dialog.waitFor({ state: 'hidden' });
    assert.match((await row.getAttribute('aria-label')) ?? '', /Executing/);
    const dialog = await openDialog();
    assert.match(dialog, new RegExp(`Cancel the .* task ${taskId}\\?`));
    assert.match(dialog, /exported files are not reverted/);
    assert.ok(await ui.dialog.getByRole('button', { name: 'Keep Running', exact: true }).isVisible());
    await ui.screenshot(`${prefix}confirm-cancel`);
    await ui.clickDialogButton('Cancel Task');
    const short = `task-${taskId.slice(5, 9)}`;
    await ui.statusBarItem(new RegExp(`${short}.*Canceling`)).waitFor({ state: 'visible', timeout: STATUS_TIMEOUT_MS });
    await ui.screenshot(`${prefix}status-canceling`);
    await ui.statusBarItem(new RegExp(`${short}.*Canceled`)).waitFor({ state: 'visible', timeout: STATUS_TIMEOUT_MS });
    await ui.waitForTreeRow(new RegExp(`${short}.*Canceled`));
    await ui.screenshot(`${prefix}status-canceled`);
  });

  it('keeps a tracked task in the status bar across a window reload', async () => {
    const row = await ui.waitForTreeRow(/Executing/);
    const taskId = /task-[0-9a-f]{17,}/.exec((await row.getAttribute('aria-label')) ?? '')?.[0];
    assert.ok(taskId);
    await ui.contextMenu(row);
    await ui.clickMenuItem('Track Task');
    const short = `task-${taskId.slice(5, 9)}`;
    await ui.statusBarItem(short).waitFor({ state: 'visible', timeout: STATUS_TIMEOUT_MS });
    await ui.page.reload();
    await ui.statusBarItem(new RegExp(`${short}.*Executing`)).waitFor({ state: 'visible', timeout: STATUS_TIMEOUT_MS });
    await ui.screenshot(`${prefix}after-reload`);
  });
});
