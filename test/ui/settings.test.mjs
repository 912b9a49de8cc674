// What a person sees on opening a repository whose .vscode/settings.json writes a command link,
// an image and Markdown into every window-scoped fsxTasks setting (a workspace may set those even
// in Restricted Mode): warnings that name each setting, rendered in the notifications with no
// anchor element (a click on one would run the command), and the FSx view working.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUi } from '../../scripts/host/uiHarness.mjs';

const LINK = '[Open the report](command:workbench.action.terminal.new "Open the report")';
const HOSTILE = `${LINK} ![i](https://evil.example.com/p.png) **bold** $(alert) https://evil.example.com`;

/** The fsxTasks settings without a machine scope: the ones a workspace's settings.json may set. */
function windowScopedKeys() {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return Object.entries(manifest.contributes.configuration.properties)
    .filter(([, declared]) => (declared.scope ?? 'window') === 'window' || declared.scope === 'resource')
    .map(([key]) => key);
}

describe('UI scenario: a repository whose settings carry command links', function () {
  this.timeout(200_000);
  /** @type {Awaited<ReturnType<typeof startUi>>} */
  let ui;
  let dir;
  const keys = windowScopedKeys();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fsx-ui-settings-'));
    const workspace = join(dir, 'repository');
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(Object.fromEntries(keys.map((key) => [key, HOSTILE])), null, 2));
    ui = await startUi({ workspace, onExtensionHostLog: () => {} });
  });

  after(async () => {
    await ui?.close();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns about each setting by name, and no warning holds a link', async () => {
    // Seven today; fewer once some are made machine-scoped, which a workspace cannot set at all.
    assert.ok(keys.length > 0, 'some setting a workspace may set');
    // Activation waits for start-up to finish: wait for the warning (a toast) before opening the
    // center, which an empty center opened too early would not show.
    await ui.notification('fsxTasks.').waitFor({ state: 'visible', timeout: 120_000 });
    const center = await ui.showNotifications();
    const list = center.locator('.notifications-list-container');
    const messages = center.locator('.notification-list-item-message');
    // The center draws only the rows in its view: read them, scroll, read again, until every
    // setting's warning was seen, counting the anchors of each row drawn on the way.
    const seen = new Set();
    let anchors = 0;
    const deadline = Date.now() + 60_000;
    while (!keys.every((key) => [...seen].some((text) => text.includes(`${key} `)))) {
      if (Date.now() >= deadline) {
        await ui.screenshot('settings-hostile-warnings-missing');
        assert.fail(`a warning for each of ${keys.join(', ')} in:\n${[...seen].join('\n')}`);
      }
      for (const text of await messages.allInnerTexts()) {
        seen.add(text.trim());
      }
      anchors += await messages.locator('a').count();
      await list.hover().catch(() => {});
      await ui.page.mouse.wheel(0, 150);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await ui.screenshot('settings-hostile-warnings');
    assert.equal(anchors, 0, 'no anchor element in any notification message');
    for (const text of [...seen].filter((line) => line.includes('fsxTasks.'))) {
      assert.ok(!text.includes('command:') && !text.includes('evil'), text);
    }
  });

  it('the FSx view still lists the sandbox', async () => {
    await ui.hideNotifications();
    await ui.openViewContainer('FSx');
    await ui.waitForTreeRow('Sandbox', { timeoutMs: 30_000 });
  });
});
