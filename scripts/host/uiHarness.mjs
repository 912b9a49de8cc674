// Helpers for UI scenarios: a real VS Code (code-server) with the extension loaded, in
// headless Chromium, and the few gestures a person makes (activity bar, tree rows, context
// menus, status bar, quick input, modal dialogs), with selectors that are known to work.
//
//   const ui = await startUi({ env: { ... } });
//   try {
//     await ui.openViewContainer('FSx');
//     await ui.contextMenu(ui.treeRow('task-0123'));
//     await ui.clickMenuItem('Cancel Task');
//     await ui.clickDialogButton('Cancel Task');
//     await ui.screenshot('after-cancel');
//   } finally {
//     await ui.close();
//   }
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onExit } from 'signal-exit';
import { launchBrowser, openWorkbench } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { repoRoot, resultsDir } from './paths.mjs';

const SETTLE_MS = 250;

/** Resolves when `locator`'s bounding box has not moved for `quietMs` (menus animate in). */
async function waitUntilStill(locator, { quietMs = SETTLE_MS, timeoutMs = 5000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let stillSince = Date.now();
  while (Date.now() < deadline) {
    const box = await locator.boundingBox();
    const key = box && `${box.x},${box.y},${box.width},${box.height}`;
    if (key !== last) {
      last = key;
      stillSince = Date.now();
    } else if (key && Date.now() - stillSince >= quietMs) {
      return;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Starts code-server and Chromium and opens the workbench with the extension loaded.
 *
 * How the extension is loaded:
 * - `mode: 'linked'` (default): the folder is linked into the server's extensions folder and
 *   loads as an installed extension, as users have it; notifications show as toasts.
 * - `mode: 'development'`: through the URL payload (extensionDevelopmentPath), an "Extension
 *   Development Host" window; the smoke-test driver this needs turns toasts off.
 * - `vsix`: the packaged extension, installed; toasts show.
 *
 * @param {object} [options]
 * @param {string} [options.extensionPath] the extension's folder (default: this repository; build it first)
 * @param {'linked' | 'development'} [options.mode]
 * @param {string | string[]} [options.vsix] load this packaged extension (or these), installed, instead
 * @param {string} [options.workspace] folder to open (default: a new empty temporary folder)
 * @param {(server: { userDataDir: string }) => { path: string, name?: string }[]} [options.moreFolders]
 *   more folders after `workspace`, given the server (some live in its profile: sandboxMountFolder):
 *   the window then opens a `.code-workspace` file of them all, made (with the folders) before it
 *   loads. Adding a folder to an open window would reload it, which code-server does unreliably.
 * @param {Record<string, string>} [options.env] variables for the server and extension host (FSX_SANDBOX=1 is set)
 * @param {Record<string, unknown>} [options.userSettings]
 * @param {{ width: number, height: number }} [options.viewport]
 * @param {(line: string) => void} [options.onExtensionHostLog] default: print to stdout
 * @param {string} [options.codeServerVersion] the host to run (see ensureHost; default: the default host)
 */
export async function startUi({
  extensionPath = repoRoot,
  mode = 'linked',
  vsix,
  workspace,
  moreFolders,
  env = {},
  userSettings = {},
  viewport,
  onExtensionHostLog,
  codeServerVersion,
} = {}) {
  const ownWorkspace = !workspace;
  workspace = workspace ? resolve(workspace) : mkdtempSync(join(tmpdir(), 'fsx-ui-workspace-'));
  const deleteWorkspace = () => ownWorkspace && rmSync(workspace, { recursive: true, force: true });
  const removeExitHook = onExit(deleteWorkspace); // also after Ctrl-C
  const removeWorkspace = () => {
    removeExitHook();
    deleteWorkspace();
  };
  const development = !vsix && mode === 'development';
  const server = await startCodeServer({
    workspace,
    vsix: [vsix ?? []].flat().map((file) => resolve(file)),
    link: !vsix && !development ? [resolve(extensionPath)] : [],
    smokeTestDriver: development,
    env: { FSX_SANDBOX: '1', ...env },
    userSettings,
    codeServerVersion,
  });
  let browser;
  try {
    const workspaceFile = moreFolders && writeWorkspaceFile(server, [{ path: workspace }, ...moreFolders(server)]);
    browser = await launchBrowser({ viewport });
    const workbench = await openWorkbench({
      page: browser.page,
      url: server.url,
      folder: workspace,
      workspaceFile,
      extensionDevelopmentPath: development ? resolve(extensionPath) : undefined,
      onExtensionHostLog,
    });
    return createUi({ server, browser, workbench, workspace, removeWorkspace, development });
  } catch (error) {
    await browser?.close();
    await server.stop();
    removeWorkspace();
    throw error;
  }
}

/**
 * A multi-root workspace file of `folders` in the server's profile (removed with it); makes the
 * folders that do not exist yet, so the Explorer lists them as folders from the start.
 */
function writeWorkspaceFile(server, folders) {
  for (const folder of folders) {
    mkdirSync(folder.path, { recursive: true });
  }
  const file = join(server.profile.root, 'ui.code-workspace');
  writeFileSync(file, `${JSON.stringify({ folders: folders.map(({ path, name }) => ({ path: resolve(path), ...(name ? { name } : {}) })) }, null, 2)}\n`);
  return file;
}

/**
 * The sandbox's mount folder in this server's profile: the extension's global storage (VS Code
 * names it by the extension's id in lower case) + `sandbox-mount` (src/views/sandboxMountFolder.ts).
 * @param {{ userDataDir: string }} server
 */
export function sandboxMountFolder(server, extensionPath = repoRoot) {
  const { publisher, name } = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  return join(server.userDataDir, 'User', 'globalStorage', `${publisher}.${name}`.toLowerCase(), 'sandbox-mount');
}

function createUi({ server, browser, workbench, workspace, removeWorkspace, development }) {
  const { page } = browser;
  const workbenchRoot = page.locator('.monaco-workbench');

  const ui = {
    page,
    server,
    workspace,
    extensionHostLog: workbench.extensionHostLog,

    /** A PNG of the whole window in <repo>/test-results/<name>.png; returns its path. */
    async screenshot(name) {
      mkdirSync(resultsDir, { recursive: true });
      const path = join(resultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path, animations: 'disabled' }); // fade-ins finished, not half-drawn
      return path;
    },

    /** Clicks the activity bar entry whose title starts with `title`, unless already open. */
    async openViewContainer(title) {
      const selector = `a.action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`;
      const entry = page.locator(`.activitybar ${selector}`);
      await entry.waitFor({ state: 'visible' });
      if ((await page.locator(`.activitybar .action-item.checked ${selector}`).count()) === 0) {
        await entry.click();
      }
    },

    /** The tree/list row containing `text` (a string or RegExp), anywhere in the workbench. */
    treeRow(text, { exact = false } = {}) {
      const rows = page.locator('.monaco-list-row');
      if (exact && typeof text === 'string') {
        return rows.filter({ has: page.locator('.label-name, .monaco-highlighted-label', { hasText: new RegExp(`^${escapeRegExp(text)}$`) }) }).first();
      }
      return rows.filter({ hasText: text }).first();
    },

    /** Waits for a row containing `text` and returns it. */
    async waitForTreeRow(text, { timeoutMs = 15_000, ...options } = {}) {
      const row = ui.treeRow(text, options);
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
      return row;
    },

    /** Texts of the visible rows, top to bottom (within `within`, e.g. a view's pane). */
    async treeRowTexts(within = workbenchRoot) {
      return (await within.locator('.monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    },

    /** The Explorer's row of the file or folder named `name` (its label, exactly). */
    explorerRow(name) {
      return page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) }).first();
    },

    /** Expands the Explorer's folder `name` (waiting for its row) unless it is expanded; returns its row. */
    async expandExplorerFolder(name, { timeoutMs = 15_000 } = {}) {
      const row = ui.explorerRow(name);
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
      if ((await row.getAttribute('aria-expanded')) !== 'true') {
        await row.locator('.monaco-tl-twistie').click();
      }
      return row;
    },

    /**
     * The badge each shown Explorer row carries, by its label: the letter VS Code draws after the
     * label (a file decoration's badge is the CSS content of the label's ::after), '' for none.
     */
    async explorerBadges() {
      return page.evaluate(() =>
        Object.fromEntries(
          // Runs in the page, where document and getComputedStyle are the workbench's.
          // eslint-disable-next-line no-undef
          [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')].map((row) => {
            const label = row.querySelector('.monaco-icon-label');
            // eslint-disable-next-line no-undef
            const content = label ? getComputedStyle(label, '::after').content : 'none';
            const badge = /^"(.*)"$/.exec(content)?.[1] ?? '';
            return [row.querySelector('.label-name')?.textContent ?? '', badge];
          }),
        ),
      );
    },

    /** Expands or collapses a row by clicking its twistie. */
    async toggleRow(row) {
      await row.locator('.monaco-tl-twistie').click();
    },

    /**
     * Right-clicks `row` and waits until the context menu has rendered and stopped moving
     * (a click the instant it opens was once swallowed). Returns the menu locator.
     */
    async contextMenu(row) {
      await row.click({ button: 'right' });
      const menu = page.locator('.context-view .monaco-menu, .monaco-menu-container .monaco-menu').last();
      await menu.waitFor({ state: 'visible' });
      await menu.getByRole('menuitem').first().waitFor({ state: 'visible' });
      await waitUntilStill(menu);
      return menu;
    },

    /** Clicks the menu item `name` (the open context menu's by default) and waits for it to close. */
    async clickMenuItem(name, menu = page.locator('.context-view .monaco-menu, .monaco-menu-container .monaco-menu').last()) {
      const item = menu.getByRole('menuitem', { name, exact: false }).first();
      await item.waitFor({ state: 'visible' });
      await item.hover();
      await item.click();
      await menu.waitFor({ state: 'hidden' });
    },

    /** The menu item names of an open menu. */
    async menuItems(menu = page.locator('.context-view .monaco-menu, .monaco-menu-container .monaco-menu').last()) {
      return (await menu.getByRole('menuitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    },

    /** The status bar item whose text contains `text` (string or RegExp). */
    statusBarItem(text) {
      return page.locator('.statusbar-item').filter({ hasText: text }).first();
    },

    /** The status bar item by its contributed id, e.g. `publisher.name.itemId` or the createStatusBarItem id. */
    statusBarItemById(id) {
      return page.locator(`.statusbar-item[id$="${id.replace(/"/g, '\\"')}"]`).first();
    },

    /** The quick input widget (command palette, quick picks, input boxes). */
    quickInput: page.locator('.quick-input-widget'),

    /** Opens the command palette and runs the command whose title is `title` (as listed). */
    async runCommand(title) {
      await ui.focusWorkbench();
      await page.keyboard.press('F1');
      await ui.quickInput.waitFor({ state: 'visible' });
      await page.keyboard.type(title);
      const item = ui.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
      await item.waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      // Done when the palette has closed or shows something else (a quick pick the command opened).
      const input = ui.quickInput.locator('input.input');
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if (!(await ui.quickInput.isVisible()) || !(await input.inputValue().catch(() => '')).startsWith('>')) {
          return;
        }
        await page.waitForTimeout(50);
      }
      throw new Error(`The command palette did not run "${title}"`);
    },

    /** Waits for a quick pick and picks the row containing `label`. */
    async pickQuickItem(label) {
      await ui.quickInput.waitFor({ state: 'visible' });
      const item = ui.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first();
      await item.waitFor({ state: 'visible' });
      await item.click();
    },

    /** The labels of the rows the open quick pick shows. */
    async quickItems() {
      await ui.quickInput.waitFor({ state: 'visible' });
      return (await ui.quickInput.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    },

    /** Types into an open input box (showInputBox or a quick pick filter) and presses Enter. */
    async typeInQuickInput(text, { submit = true } = {}) {
      await ui.quickInput.waitFor({ state: 'visible' });
      const input = ui.quickInput.locator('input.input');
      await input.fill(text);
      if (submit) {
        await input.press('Enter');
      }
    },

    /** Escape: closes quick input, menus and non-modal popups. */
    async pressEscape() {
      await page.keyboard.press('Escape');
    },

    /** The open modal dialog (showWarningMessage(..., { modal: true })). */
    dialog: page.locator('.monaco-dialog-box'),

    /** Waits for the modal dialog and returns its message and detail text. */
    async dialogText() {
      await ui.dialog.waitFor({ state: 'visible' });
      return (await ui.dialog.locator('.dialog-message-text').innerText()) + '\n' + (await ui.dialog.locator('.dialog-message-detail').innerText().catch(() => ''));
    },

    /** Clicks the modal dialog's button labelled `name` (exact) and waits for it to close. */
    async clickDialogButton(name) {
      await ui.dialog.waitFor({ state: 'visible' });
      await waitUntilStill(ui.dialog);
      await ui.dialog.getByRole('button', { name, exact: true }).click();
      await ui.dialog.waitFor({ state: 'hidden' });
    },

    /** True when notifications show as toasts (not in mode 'development', see startUi). */
    toastsShown: !development,

    /** A notification toast containing `text` (never shown in mode 'development'). */
    toast(text) {
      return page.locator('.notification-toast').filter({ hasText: text }).first();
    },

    /**
     * Opens the notifications center (unless open): it lists every notification, toast or not,
     * so it works in every mode. Opening it hides the toasts.
     */
    async showNotifications() {
      const center = page.locator('.notifications-center');
      if (!(await center.isVisible())) {
        await page.locator('.statusbar-item[id="status.notifications"]').click();
      }
      await center.waitFor({ state: 'visible' });
      return center;
    },

    /** Closes the notifications center. */
    async hideNotifications() {
      const center = page.locator('.notifications-center');
      if (await center.isVisible()) {
        await page.locator('.statusbar-item[id="status.notifications"]').click();
        await center.waitFor({ state: 'hidden' });
      }
    },

    /** A notification containing `text` (in the center; toasts too, should they ever show). */
    notification(text) {
      return page.locator('.notifications-center .monaco-list-row, .notification-toast').filter({ hasText: text }).first();
    },

    /** Opens the notifications center and waits for a notification containing `text`. */
    async waitForNotification(text, { timeoutMs = 15_000 } = {}) {
      await ui.showNotifications();
      const row = ui.notification(text);
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
      return row;
    },

    /** The messages in the notifications center, newest first. */
    async notificationTexts() {
      const center = await ui.showNotifications();
      return (await center.locator('.notification-list-item-message').allInnerTexts()).map((text) => text.trim());
    },

    /** Clears every notification (the center's "Clear All Notifications" action). */
    async clearNotifications() {
      const center = await ui.showNotifications();
      await center.locator('.notifications-center-header .action-label.codicon-notifications-clear-all').click();
    },

    /** Clicks inside the editor area so keyboard shortcuts reach the workbench. */
    async focusWorkbench() {
      await page.locator('.monaco-workbench .part.editor').click({ position: { x: 10, y: 10 } }).catch(() => {});
    },

    /** Closes the browser and code-server and removes their temporary folders. */
    async close() {
      await browser.close();
      await server.stop();
      removeWorkspace();
    },
  };
  return ui;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
