// Text from outside in the real UI objects: a file system whose Name tag, and a task whose paths
// and failure message, carry command links, images, HTML and plain URLs. The hovers and the task
// details document, rendered by markdown-it as the Markdown preview does, have no link but our
// own command links and no image; the failure notification carries no link or icon syntax.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/views/explorer/node';
import type { FsxTasksTestApi } from '../../src/testApi';
import { children, contextValue, hoverOf, label, ScriptedPrompts, waitFor } from './helpers';
import { useOwnEmulator } from './ownEmulator';

const LINK = '[x](command:workbench.action.terminal.new "t")';
const HOSTILE_PATHS = [`a\`b${LINK}`, 'p/![i](https://evil.example.com/p.png)', 'q/<img src=x>', 'r/https://evil.example.com'];
const HOSTILE = `${HOSTILE_PATHS.join(' ')} $(alert) **bold**`;
const KEYS = 'aws_access_key_id = AKIAOUTSIDE000000001\naws_secret_access_key = outsideSecret000000000000000000000000000\n';

function rendered(markdown: string): string {
  return new MarkdownIt({ html: true, linkify: true }).render(markdown);
}

/** No image, and no link but ours (`command:fsxTasks.*`). */
function assertInert(html: string): void {
  assert.doesNotMatch(html, /<img/, html);
  for (const anchor of html.match(/<a\b[^>]*>/g) ?? []) {
    assert.match(anchor, /href="command:fsxTasks\./, `only our own links: ${anchor}`);
  }
}

async function tooltipMarkdown(api: FsxTasksTestApi, node: ExplorerNode): Promise<string> {
  const tooltip = await hoverOf(api, node);
  assert.ok(!tooltip.isTrusted, 'not trusted: no command link runs from it');
  assert.ok(!tooltip.supportHtml, 'no HTML');
  return tooltip.value;
}

describe('outside text in hovers, the details document and notifications', function () {
  this.timeout(90_000);
  const own = useOwnEmulator();
  let prompts: ScriptedPrompts;
  let taskId = '';

  before(() => {
    own.writeConfig('[profile outside]\nregion = us-east-1\n');
    own.writeCredentials(`[outside]\n${KEYS}`);
    const state = own.emulator().state;
    const fileSystemId = state.addFileSystem({ name: HOSTILE });
    taskId = state.addTask({ fileSystemId, type: 'EXPORT_TO_REPOSITORY', paths: HOSTILE_PATHS, pendingMs: 0, executingMs: 1_500, outcome: 'FAILED', failureMessage: HOSTILE, totalCount: 10 });
  });
  beforeEach(() => {
    prompts = new ScriptedPrompts();
    own.api().setPrompts(prompts);
  });
  afterEach(async () => {
    assert.deepEqual(prompts.unexpected, [], 'no unexpected prompt');
    for (const tracked of own.api().container.tracking.tracker.list()) {
      own.api().container.tracking.tracker.untrack(tracked.taskId);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the file system and task hovers render the Name tag, paths and failure message as text', async () => {
    const roots = await own.connect([{ profile: 'outside', region: 'us-east-1' }]);
    const connection = roots.find((node) => label(node) === 'outside · us-east-1');
    assert.ok(connection, roots.map(label).join(' | '));
    const resource = await waitFor('the hostile file system', async () => (await children(own.api(), connection)).find((node) => label(node) === HOSTILE));
    assertInert(rendered(await tooltipMarkdown(own.api(), resource)));
    const task = await waitFor('its task', async () => (await children(own.api(), resource)).find((node) => contextValue(node).startsWith('task.')));
    assertInert(rendered(await tooltipMarkdown(own.api(), task)));
  });

  it('the failure notification carries no link or icon syntax, and the details document no live link or image', async () => {
    await own.connect([{ profile: 'outside', region: 'us-east-1' }]);
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    const message = await waitFor('the failure notification', () => prompts.messages.find((m) => m.text.includes(taskId)), 30_000);
    assert.equal(message.severity, 'error');
    assert.ok(!message.text.includes('](') && !message.text.includes('$('), message.text);
    assert.match(message.text, /evil\.example\.com/, 'the words are still there');

    await vscode.commands.executeCommand('fsxTasks.showTaskDetails', taskId);
    const editor = await waitFor('the details editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.includes(taskId)));
    const html = rendered(editor.document.getText());
    assertInert(html);
    assert.ok(html.includes('<code>a`b[x](command:workbench.action.terminal.new &quot;t&quot;)</code>'), 'the path with a back-tick is one code span');
  });
});
