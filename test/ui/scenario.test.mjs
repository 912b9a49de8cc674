// What a person does, in a real VS Code (code-server) in headless Chromium: open the FSx view,
// read the demo file systems and tasks, cancel an executing task through the context menu and the
// modal, watch the status bar follow it to CANCELED, find tracking intact after a reload, and start
// an export from a file system's context menu through the guided quick input.
// Screenshots land in test-results/. FSX_UI_VSIX=<file> runs the same scenario on the packaged
// extension instead of the source folder; FSX_UI_HOST_VERSION=4.100.3 in that older host
// (VS Code 1.100, the minimum version) instead of the default one.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxMountFolder, startUi } from '../../scripts/host/uiHarness.mjs';

/** What the extension wrote to its log channel (the file VS Code keeps for it). */
function extensionLog(logsDir) {
  return readdirSync(logsDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('FSx Data Repository Tasks.log'))
    .map((file) => readFileSync(join(logsDir, file), 'utf8'))
    .join('\n');
}

/**
 * The rows of the FSx view whose label text is cut (drawn wider than the room it has), measured
 * in the page as rendered: the label's own width against its container's.
 */
async function truncatedLabels(page) {
  // Runs in the page, where document is the workbench's.
  return page.evaluate(() =>
    // eslint-disable-next-line no-undef
    [...document.querySelectorAll('.monaco-list-row')]
      .map((row) => {
        const name = row.querySelector('.label-name');
        const container = row.querySelector('.monaco-icon-label-container');
        if (!name || !container) {
          return undefined;
        }
        const cut = name.getBoundingClientRect().right > container.getBoundingClientRect().right + 0.5 || name.scrollWidth > name.clientWidth + 0.5;
        return cut ? name.textContent : undefined;
      })
      .filter(Boolean),
  );
}

const STATUS_TIMEOUT_MS = 60_000;

/** The workspace's name for the sandbox's mount folder (the second folder of the window). */
const MOUNT_FOLDER_NAME = 'demo Lustre mount';

/** The badge of each seeded file of the sandbox mount's checkpoints (emulator/hsm/sandboxFiles.ts). */
const CHECKPOINT_BADGES = {
  'epoch-001.pt': 'R',
  'epoch-002.pt': 'L',
  'config.json': 'N',
  'step-120000.bin': 'C',
  'step-121000.bin': 'N',
  'epoch-089.pt': 'E',
  'epoch-090.pt': 'E',
  'train.log': 'C',
};

/**
 * Which of `texts` a tree row draws whole: each found in the row and ending left of the edge its
 * label container (and the side bar) cuts at, where the ellipsis begins.
 * @param {import('playwright-core').Locator} row
 * @param {string[]} texts
 */
function drawnWhole(row, texts) {
  return row.evaluate((element, wanted) => {
    /* eslint-disable no-undef -- runs in the page */
    const edge = Math.min(
      (element.querySelector('.monaco-icon-label-container') ?? element).getBoundingClientRect().right,
      (element.closest('.part.sidebar') ?? element).getBoundingClientRect().right,
    );
    const whole = [];
    for (const text of wanted) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (text !== '' && at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          if (range.getBoundingClientRect().right <= edge + 0.5) {
            whole.push(text);
          }
          break;
        }
      }
    }
    return whole;
    /* eslint-enable no-undef */
  }, texts);
}

describe('UI scenario: explore, cancel and track in a real VS Code', function () {
  this.timeout(180_000);
  /** @type {Awaited<ReturnType<typeof startUi>>} */
  let ui;
  const codeServerVersion = process.env.FSX_UI_HOST_VERSION || undefined;
  const prefix = `${codeServerVersion ? `code-server-${codeServerVersion}-` : ''}${process.env.FSX_UI_VSIX ? 'vsix-' : ''}`;

  before(async () => {
    ui = await startUi({
      vsix: process.env.FSX_UI_VSIX || undefined,
      codeServerVersion,
      // The sandbox's mount folder in the window from the start (adding it would reload the window).
      // Its name must match no row the FSx view's steps look for ('Sandbox', 'ml-training'...):
      // the hidden Explorer's rows stay in the page.
      moreFolders: (server) => [{ path: sandboxMountFolder(server), name: MOUNT_FOLDER_NAME }],
      onExtensionHostLog: () => {},
    });
  });

  after(async () => {
    await ui?.close();
  });

  it('shows the sandbox, its file systems and the File Cache in the FSx view', async () => {
    await ui.openViewContainer('FSx');
    await ui.waitForTreeRow('Sandbox', { timeoutMs: 30_000 });
    // At the default window and side-bar size, as a new user sees it.
    for (const name of ['genomics-scratch', 'render-farm', 'ml-training']) {
      await ui.waitForTreeRow(name);
    }
    const texts = await ui.treeRowTexts();
    assert.ok(texts.some((text) => /File Cache/.test(text)), texts.join('\n'));
    assert.ok(texts.some((text) => /other file system not shown/.test(text)), 'the non-Lustre file system is summarised');
    assert.ok(!texts.some((text) => /corp-shares/.test(text)), 'the Windows file system is not listed');
    await ui.screenshot(`${prefix}explorer`);
  });

  it('expands a file system and reads a task’s lifecycle and progress, uncut at the default width', async () => {
    // One task at a time runs on a file system, so the states are spread over four of them: read
    // two and fold them again, then keep render-farm and genomics-scratch open for what follows.
    const texts = [];
    for (const [name, state] of [['cfd-scratch', /^Pending/], ['climate-archive', /^Canceling/]]) {
      const row = await ui.waitForTreeRow(name);
      await ui.toggleRow(row);
      await ui.waitForTreeRow(state);
      texts.push(...(await ui.treeRowTexts()));
      await ui.toggleRow(row);
    }
    await ui.toggleRow(await ui.waitForTreeRow('render-farm'));
    await ui.toggleRow(await ui.waitForTreeRow('genomics-scratch'));
    const executing = await ui.waitForTreeRow(/Executing \d+%/);
    const text = (await executing.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /^Executing \d+%\s*(Export|Import|Release) · /);
    texts.push(...(await ui.treeRowTexts()));
    for (const state of ['Pending', 'Executing', 'Canceling', 'Succeeded', 'Failed', 'Canceled']) {
      assert.ok(texts.some((row) => row.startsWith(state)), `a ${state} row: ${texts.join(' | ')}`);
    }
    assert.deepEqual(await truncatedLabels(ui.page), [], 'no row label is cut at the default side-bar width');
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

  it('opens the failed files of a failed export and reads why they failed, then a running task’s progress chart', async () => {
    const failed = await ui.waitForTreeRow(/^Failed.*Export/);
    await ui.contextMenu(failed);
    assert.ok((await ui.menuItems()).some((item) => /Show Failed Files/.test(item)));
    await ui.clickMenuItem('Show Failed Files');
    // A webview: the page sits in an iframe inside the webview's own iframe.
    const page = ui.page.frameLocator('iframe.webview:visible').frameLocator('#active-frame');
    await page.getByRole('heading', { name: 'Summary by error code' }).waitFor({ state: 'visible', timeout: 60_000 });
    const summary = await page.locator('#summary').innerText();
    assert.match(summary, /S3AccessDenied|S3Error|PathSizeTooLong|FileSizeTooLarge|ResourceBusy|InternalError/);
    assert.match(summary, /What to do/);
    const total = /The report lists ([\d,]+) failed files, as many as the task counted\./.exec(await page.locator('#total').innerText());
    assert.ok(total, 'the total matches FailedCount');
    // Searching narrows the rows to the matching paths.
    const rows = page.locator('tbody#paths tr:not([hidden])');
    const all = await rows.count();
    // Every row, or the first ones the page says it shows (at most 1,000, fewer when paths are long).
    const shownNote = page.locator('#shownRows');
    const firstShown = (await shownNote.count()) > 0 ? /Showing the first ([\d,]+)/.exec(await shownNote.innerText())?.[1] : total[1];
    assert.equal(all, Number((firstShown ?? '').replace(/,/g, '')));
    const firstPath = await rows.first().getAttribute('data-path');
    await page.locator('#search').fill(firstPath ?? '');
    assert.ok((await rows.count()) < all || all === 1, 'search narrows the list');
    await page.locator('#search').fill('');
    // Away from the tree, so no hover covers the page.
    await ui.page.mouse.move(900, 700);
    await ui.screenshot(`${prefix}failed-files`);

    const executing = await ui.waitForTreeRow(/^Executing/);
    await ui.contextMenu(executing);
    await ui.clickMenuItem('Show Progress Chart');
    const chart = ui.page.frameLocator('iframe.webview:visible').frameLocator('#active-frame').locator('svg.chart');
    await chart.waitFor({ state: 'visible', timeout: 60_000 });
    // FSx (and the emulator) update Status every 30 s: three updates over a minute give an
    // estimate, drawn ahead of the samples, and the files/s and time left above the chart.
    await chart.locator('polyline.estimate').waitFor({ state: 'attached', timeout: 150_000 });
    const frame = ui.page.frameLocator('iframe.webview:visible').frameLocator('#active-frame');
    assert.match(await frame.locator('#throughput').innerText(), /files\/s, about .+ left\./);
    await ui.page.mouse.move(900, 700);
    await ui.screenshot(`${prefix}progress-chart`);
  }).timeout(300_000);

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
    const cancelsSent = () => extensionLog(ui.server.logsDir).split('\n').filter((line) => line.includes(`Cancel requested for ${taskId}`)).length;
    // Enter presses the default button, which keeps the task running; so does Escape.
    for (const key of ['Enter', 'Escape']) {
      await openDialog();
      await ui.page.keyboard.press(key);
      await ui.dialog.waitFor({ state: 'hidden' });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.match((await row.getAttribute('aria-label')) ?? '', /Executing/, `still executing after ${key}`);
      assert.equal(cancelsSent(), 0, `no cancel sent after ${key}`);
    }
    const dialog = await openDialog();
    assert.match(dialog, new RegExp(`Cancel task ${taskId}\\?`));
    assert.match(dialog, /exported files are not reverted/);
    assert.ok(await ui.dialog.getByRole('button', { name: 'Keep Running', exact: true }).isVisible());
    await ui.screenshot(`${prefix}confirm-cancel`);
    await ui.clickDialogButton('Cancel Task');
    const short = `task-${taskId.slice(5, 9)}`;
    await ui.statusBarItem(new RegExp(`${short}.*Canceling`)).waitFor({ state: 'visible', timeout: STATUS_TIMEOUT_MS });
    await ui.screenshot(`${prefix}status-canceling`);
    await ui.statusBarItem(new RegExp(`${short}.*Canceled`)).waitFor({ state: 'visible', timeout: STATUS_TIMEOUT_MS });
    await ui.waitForTreeRow(new RegExp(`Canceled.*${short}`));
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

  it('starts an export from a right-click: steps in the quick input, Back, the confirmation, then the new task is shown and tracked', async () => {
    // One tracked task at a time keeps the status bar naming it: stop following the earlier one
    // (the one task running on render-farm, since genomics-scratch's was canceled).
    const opened = [];
    for (const name of ['genomics-scratch', 'render-farm']) {
      const row = await ui.waitForTreeRow(name);
      if ((await row.getAttribute('aria-expanded')) !== 'true') {
        await ui.toggleRow(row);
      }
      opened.push(name);
    }
    await ui.contextMenu(await ui.waitForTreeRow(/tracked/));
    await ui.clickMenuItem('Stop Tracking Task');
    await ui.statusBarItem(/task-[0-9a-f]{4}/).waitFor({ state: 'hidden', timeout: STATUS_TIMEOUT_MS });
    for (const name of opened) {
      await ui.toggleRow(await ui.waitForTreeRow(name));
    }
    const fileSystem = await ui.waitForTreeRow('ml-training');
    await ui.contextMenu(fileSystem);
    const items = await ui.menuItems();
    for (const command of ['Export to S3...', 'Import Metadata from S3...', 'Release Files...']) {
      assert.ok(items.some((item) => item.includes(command)), `${command} in ${items.join(', ')}`);
    }
    await ui.clickMenuItem('Export to S3...');
    const input = ui.quickInput.locator('input.input');
    await input.waitFor({ state: 'visible' });
    assert.match(await ui.quickInput.innerText(), /Export to S3: ml-training/);
    await ui.typeInQuickInput('datasets/run-7');
    const reportItem = ui.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Write a completion report' }).first();
    await reportItem.waitFor({ state: 'visible' });
    await ui.screenshot(`${prefix}start-export-report`);
    // Back shows the paths again, as typed.
    await ui.quickInput.locator('.codicon-quick-input-back').first().click();
    await ui.page.waitForFunction(() => {
      // eslint-disable-next-line no-undef
      const box = document.querySelector('.quick-input-widget input.input');
      return box && box.value === 'datasets/run-7';
    });
    await input.press('Enter');
    await reportItem.waitFor({ state: 'visible' });
    await reportItem.click();
    const dialog = await ui.dialogText();
    assert.match(dialog, /Export from ml-training .* to S3\?/);
    assert.match(dialog, /Paths \(1\): datasets\/run-7/);
    assert.match(dialog, /Completion report \(failed files only\): under s3:\/\//);
    await ui.screenshot(`${prefix}start-export-confirm`);
    await ui.clickDialogButton('Start Export');
    if (ui.toastsShown) {
      // The progress notification closes once the create call has answered.
      await ui.toast(/Starting Export to repository on ml-training/).waitFor({ state: 'hidden', timeout: 15_000 });
    }
    // The new task heads ml-training's tasks (below its Associations group), marked tracked.
    await ui.toggleRow(await ui.waitForTreeRow('ml-training'));
    await ui.waitForTreeRow('Associations');
    const row = await ui.waitForTreeRow(/(Pending|Executing|Succeeded).*tracked/);
    const taskId = /task-[0-9a-f]{17,}/.exec((await row.getAttribute('aria-label')) ?? '')?.[0];
    assert.ok(taskId, 'the new task row names its id');
    // Followed in the status bar, and fresh (no warning of a failed refresh).
    await ui.statusBarItem(new RegExp(`task-${taskId.slice(5, 9)}.*(Pending|Executing|Succeeded)`))
      .and(ui.page.locator('.statusbar-item:not(:has(.codicon-warning))'))
      .waitFor({ state: 'visible', timeout: STATUS_TIMEOUT_MS });
    // The associations it exported through, each with its path, then a state other than Available.
    await ui.toggleRow(await ui.waitForTreeRow('Associations'));
    for (const state of [/^\/datasets\s*(\d+ failed imports? · )?↔ s3:/, /^\/scratch-results\s*Misconfigured · /, /^\/legacy-import\s*Failed · /]) {
      await ui.waitForTreeRow(state);
    }
    // At the default side-bar width, a problem's path and state are drawn whole.
    assert.deepEqual(await drawnWhole(await ui.waitForTreeRow(/^\/scratch-results/), ['/scratch-results', 'Misconfigured']), ['/scratch-results', 'Misconfigured']);
    await ui.screenshot(`${prefix}start-export-tracked`);
  });

  it('links a folder to S3 from the Associations group: the steps, the summary, then the row goes from Creating to Available', async () => {
    await ui.contextMenu(await ui.waitForTreeRow('Associations'));
    await ui.clickMenuItem('Create Association...');
    const input = ui.quickInput.locator('input.input');
    const step = async (text) => ui.quickInput.getByText(text).first().waitFor({ state: 'visible' });
    await step('file system directory to link');
    await ui.typeInQuickInput('/ui-linked/');
    // The box says what to type until it is typed (its check speaks before the prompt).
    await step('S3 bucket or prefix to link');
    await ui.typeInQuickInput('s3://ml-training-ui/linked/');
    // Import now, automatic import and automatic export: the preselected choice each time.
    for (const choice of ['Import metadata now', 'S3 objects that are new, changed, deleted', 'files that are new, changed, deleted']) {
      await ui.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: choice }).first().waitFor({ state: 'visible' });
      await input.press('Enter');
    }
    await step('chunk size in MiB');
    await ui.typeInQuickInput('');
    const dialog = await ui.dialogText();
    assert.match(dialog, /Link \/ui-linked\/ on ml-training .* to s3:\/\/ml-training-ui\/linked\/\?/);
    await ui.screenshot(`${prefix}create-association-confirm`);
    await ui.clickDialogButton('Create Association');
    await ui.waitForTreeRow(/^\/ui-linked\/\s*Creating · /);
    // FSx (the sandbox: 45 s) creates it; the row follows without Refresh (Available: no state word, the green link).
    await ui.waitForTreeRow(/^\/ui-linked\/\s*↔ s3:\/\/ml-training-ui\/linked\//, { timeoutMs: 120_000 });
    await ui.screenshot(`${prefix}association-available`);
  }).timeout(240_000);

  it('opens the automatic export failures of the association whose export keeps failing: its count in the tree, then the page by error code', async () => {
    // Open after the step above; run alone, ml-training and its Associations are opened here.
    const shown = await ui.waitForTreeRow(/^\/checkpoints/, { timeoutMs: 3_000 }).catch(() => undefined);
    if (!shown) {
      await ui.toggleRow(await ui.waitForTreeRow('ml-training'));
      await ui.toggleRow(await ui.waitForTreeRow('Associations'));
    }
    // The count comes once the file system's event log has been read.
    const row = await ui.waitForTreeRow(/^\/checkpoints\s*\d+ failed exports · ↔/);
    // At the default side-bar width the path and the count are drawn whole; the window is in the hover.
    const failures = /\d+ failed exports/.exec(await row.innerText())?.[0] ?? '';
    assert.deepEqual(await drawnWhole(row, ['/checkpoints', failures]), ['/checkpoints', failures]);
    assert.match((await row.getAttribute('aria-label')) ?? '', /^\/checkpoints linked to s3:\/\/ml-training-checkpoints\/runs\/, Available, auto-export: \d+ failures in 24 h$/);
    await ui.contextMenu(row);
    await ui.clickMenuItem('Show Automatic Export Failures');
    // The window: the tree's 24 hours is the first choice.
    await ui.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Last 24 hours' }).first().waitFor({ state: 'visible' });
    await ui.quickInput.locator('input.input').press('Enter');
    const page = ui.page.frameLocator('iframe.webview:visible').frameLocator('#active-frame');
    await page.getByRole('heading', { name: 'Automatic export failures: /checkpoints' }).waitFor({ state: 'visible', timeout: 60_000 });
    const codes = await page.locator('table.codes').first().innerText();
    assert.match(codes, /S3ExportAccessDenied/);
    assert.match(codes, /s3:PutObject/);
    // Searching narrows the paths to one code's.
    const rows = page.locator('tbody#paths tr:not([hidden])');
    const all = await rows.count();
    await page.locator('#search').fill('S3ExportPathSizeTooLong');
    assert.ok((await rows.count()) < all, 'search narrows the paths');
    await page.locator('#search').fill('');
    await ui.page.mouse.move(900, 700);
    // The reading notification has gone once the page is there.
    await ui.page.locator('.notification-toast').filter({ hasText: 'Reading the event log' }).waitFor({ state: 'hidden', timeout: 15_000 });
    await ui.screenshot(`${prefix}auto-export-failures`);
  });

  /** The rows of the FSx view whose accessible label says they are pending or executing. */
  async function activeRows() {
    const rows = ui.page.locator('.monaco-list-row');
    const found = [];
    for (let i = 0; i < (await rows.count()); i++) {
      if (/, (Executing|Pending),/.test((await rows.nth(i).getAttribute('aria-label')) ?? '')) {
        found.push(rows.nth(i));
      }
    }
    return found;
  }

  /** Clicks a button of the FSx view's title bar (they show while the pointer is over the view). */
  async function clickViewTitleAction(label) {
    const sidebar = ui.page.locator('.part.sidebar');
    await sidebar.hover();
    const action = sidebar.locator(`.title-actions a.action-label[aria-label^="${label}"], .pane-header .actions a.action-label[aria-label^="${label}"]`).first();
    await action.waitFor({ state: 'visible' });
    await action.click();
  }

  it('filters to active tasks from the view title, says so, and clears the filter in one click', async () => {
    await ui.openViewContainer('FSx');
    await ui.waitForTreeRow('genomics-scratch');
    if ((await activeRows()).length === 0) {
      await ui.toggleRow(ui.treeRow('genomics-scratch'));
    }
    await ui.waitForTreeRow(/Succeeded/);
    await clickViewTitleAction('Filter Tasks');
    await ui.pickQuickItem('Active only');
    const sidebar = ui.page.locator('.part.sidebar');
    // The message above the rows (the description is hidden while the view is alone in its container).
    const message = sidebar.locator('.tree-explorer-viewlet-tree-view .message');
    await message.filter({ hasText: 'Filter: Active. Clear Filter is on the view title.' }).waitFor({ state: 'visible' });
    await ui.waitForTreeRow(/Executing|Pending/);
    // One task runs at a time per file system: open the ones with a task waiting or running.
    for (const name of ['render-farm', 'cfd-scratch']) {
      const row = await ui.waitForTreeRow(name);
      if ((await row.getAttribute('aria-expanded')) !== 'true') {
        await ui.toggleRow(row);
      }
    }
    // The lifecycle part is sent to FSx: each expanded file system lists again, so wait for it.
    // Task rows only (association rows also lead with a state, "Failed /legacy-import").
    const taskRowTexts = async () => (await ui.treeRowTexts(sidebar)).filter((text) => /task-[0-9a-f]{4}…/.test(text));
    const ended = (texts) => texts.some((text) => /^(Succeeded|Failed|Canceled)/.test(text));
    // Until the expanded file systems have listed again: no ended row, and their running tasks in.
    let texts = await taskRowTexts();
    for (const deadline = Date.now() + 20_000; (ended(texts) || (await activeRows()).length < 2) && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      texts = await taskRowTexts();
    }
    assert.ok(!ended(texts), texts.join(' | '));
    assert.ok((await activeRows()).length >= 2, texts.join(' | '));
    await ui.screenshot(`${prefix}filter-active`);
  });

  it('cancels two selected tasks after one confirmation; their ends come in one notification', async () => {
    // Only what this cancel brings counts below: notifications of earlier steps (a start that named
    // one of these tasks) are cleared first.
    await ui.clearNotifications();
    await ui.hideNotifications();
    const [first, second] = await activeRows();
    const ids = [];
    for (const row of [first, second]) {
      ids.push(/task-[0-9a-f]{17,}/.exec((await row.getAttribute('aria-label')) ?? '')?.[0]);
    }
    assert.ok(ids.every(Boolean), ids.join(', '));
    await first.click();
    await second.click({ modifiers: ['Control'] });
    await ui.contextMenu(second);
    await ui.clickMenuItem('Cancel Data Repository Task');
    const dialog = await ui.dialogText();
    assert.match(dialog, /Cancel 2 tasks\?/);
    for (const id of ids) {
      assert.ok(dialog.includes(id), `${id} listed in: ${dialog}`);
    }
    await ui.screenshot(`${prefix}confirm-cancel-many`);
    await ui.clickDialogButton('Cancel Task');
    // One notification once both have ended, naming them (not one per task).
    const summary = await ui.waitForNotification('The 2 tasks canceled together have ended: 2 canceled', { timeoutMs: 60_000 });
    for (const id of ids) {
      assert.ok((await summary.innerText()).includes(id), `${id} named in the summary`);
    }
    const naming = (await ui.notificationTexts()).filter((text) => ids.some((id) => text.includes(id)));
    assert.equal(naming.length, 1, `one notification for both: ${naming.join(' | ')}`);
    await ui.screenshot(`${prefix}canceled-many`);
    await ui.hideNotifications();
    // Clear Filter is one click on the view title; the ended tasks come back.
    await clickViewTitleAction('Clear Filter');
    await ui.waitForTreeRow(/Succeeded/);
    await ui.page.locator('.part.sidebar .tree-explorer-viewlet-tree-view .message').filter({ hasText: 'Filter: Active' }).waitFor({ state: 'hidden' });
  });

  it('offers a first-run walkthrough with its three steps', async () => {
    await ui.runCommand('Welcome: Open Walkthrough...');
    await ui.pickQuickItem('Get Started with FSx Data Repository Tasks');
    const editor = ui.page.locator('.part.editor');
    for (const step of ['Try it in the local sandbox', 'Connect your AWS profile', 'Follow or cancel a task']) {
      await editor.getByText(step, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
    }
    await editor.getByRole('button', { name: 'Explore with Local Sandbox' }).first().waitFor({ state: 'visible' });
    // Each step's picture is shown beside it.
    await editor.locator('.getting-started-media img').first().waitFor({ state: 'visible' });
    await ui.screenshot(`${prefix}walkthrough`);
  });

  it('shows the sandbox mount’s files with their export-state badges in the Explorer, and what a release of a folder would free', async () => {
    // The FSx view marks ml-training mounted once the sandbox has mounted its folder.
    await ui.openViewContainer('FSx');
    await ui.waitForTreeRow(/ml-training\s*mounted/, { timeoutMs: 30_000 });
    await ui.openViewContainer('Explorer');
    await ui.expandExplorerFolder(MOUNT_FOLDER_NAME);
    const checkpoints = await ui.expandExplorerFolder('checkpoints');
    for (const folder of ['archive', 'llm-7b', 'resnet50']) {
      await ui.expandExplorerFolder(folder);
    }
    // The badges as drawn: VS Code asks for them as the rows show.
    const shown = async () => {
      const badges = await ui.explorerBadges();
      return Object.fromEntries(Object.keys(CHECKPOINT_BADGES).map((file) => [file, badges[file]]));
    };
    const deadline = Date.now() + 15_000;
    while (JSON.stringify(await shown()) !== JSON.stringify(CHECKPOINT_BADGES) && Date.now() < deadline) {
      await ui.page.waitForTimeout(200);
    }
    assert.deepEqual(await shown(), CHECKPOINT_BADGES);
    // The tooltip says what the state means and what to do.
    await ui.explorerRow('train.log').hover();
    await ui.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Changed since its last export: Export to S3 to send the change.' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await ui.screenshot(`${prefix}explorer-export-state`);

    // Release Files... on the folder: its path, the days, then the preview, before any task.
    await ui.contextMenu(checkpoints);
    await ui.clickMenuItem('Release Files...');
    const input = ui.quickInput.locator('input.input');
    await input.waitFor({ state: 'visible' });
    // eslint-disable-next-line no-undef -- runs in the page
    await ui.page.waitForFunction(() => document.querySelector('.quick-input-widget input.input')?.value === 'checkpoints', undefined, { timeout: 10_000 });
    await input.press('Enter');
    // 0 days: every exported, unchanged file would be released, whenever it was last read.
    await ui.quickInput.locator('input.input[placeholder^="Days since last access"]').waitFor({ state: 'visible' });
    await ui.typeInQuickInput('0');
    const preview = await ui.dialogText();
    // The walk's progress notification is gone by the time the preview opens, not left under it.
    assert.equal(await ui.toast('Counting what the release would free').isVisible(), false, 'no progress notification under the preview');
    assert.match(preview, /A release of these paths would free 8\.0 KiB in 2 of their 8 files\./);
    assert.match(preview, /Stay, not exported to S3: 2 files/);
    assert.match(preview, /Stay, changed since their export: 2 files/);
    // Enter presses the focused button: Change Days, the safe one.
    // eslint-disable-next-line no-undef -- runs in the page
    assert.equal(await ui.dialog.getByRole('button', { name: 'Change Days', exact: true }).evaluate((button) => button === document.activeElement), true, 'Change Days has the focus');
    await ui.screenshot(`${prefix}explorer-release-preview`);
    // Escape: nothing is released, and the files keep their badges.
    await ui.pressEscape();
    await ui.dialog.waitFor({ state: 'hidden' });
    await ui.quickInput.waitFor({ state: 'hidden' });
    assert.deepEqual(await shown(), CHECKPOINT_BADGES);
  });
});
