import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { associationRows, contextValue, description, emulatorOf, hoverOf, label, resourceNamed, resourceOf, ScriptedPrompts, useExtension, waitFor } from './helpers';

describe('automatic export and import failures: the tree’s counts, the logging hint, the grouped page', () => {
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;

  beforeEach(async () => {
    api = extension.api();
    prompts = extension.prompts();
    await emulatorOf(api).reset();
    api.container.eventLogCounts.forget();
    api.container.model.refresh();
  });

  async function checkpointsRow(ml: ExplorerNode): Promise<ExplorerNode> {
    return waitFor('the /checkpoints row to show its failures', async () => {
      const row = (await associationRows(api, ml)).find((node) => label(node) === '/checkpoints');
      return row && /^\d+ failed exports · ↔ s3:\/\//.test(description(row)) ? row : undefined;
    });
  }

  it('counts the failing association’s automatic export once Associations is opened, from one read of the log', async () => {
    const ml = await resourceNamed(api, 'ml-training');
    const before = (await emulatorOf(api).logs.requestCounts()).FilterLogEvents ?? 0;
    const row = await checkpointsRow(ml);
    // At least the day's seeded failures (the sandbox's clock may run ahead, which only adds older ones).
    assert.ok(Number(/^(\d+) failed exports/.exec(description(row))?.[1]) >= 46, description(row));
    // The hover and the screen reader's label say it whole, with its window.
    assert.match((await hoverOf(api, row)).value, /auto\\-export\\: \d+ failures in 24 h/);
    assert.match(row.getTreeItem().accessibilityInformation?.label ?? '', /^\/checkpoints linked to s3:\/\/\S+, Available, auto-export: \d+ failures in 24 h$/);
    const datasets = (await associationRows(api, ml)).find((node) => label(node) === '/datasets');
    assert.match(description(datasets!), /^\d+ failed imports? · ↔ s3:\/\//);
    assert.equal(((await emulatorOf(api).logs.requestCounts()).FilterLogEvents ?? 0) - before, 1, 'one page, read once, kept for the next renders');
  });

  it('says where the event log is off, and its row copies the command that turns it on', async () => {
    const render = await resourceNamed(api, 'render-farm');
    const [hint] = await associationRows(api, render);
    assert.equal(contextValue(hint), 'eventLogOff');
    assert.match(label(hint), /Event log off/);
    const tooltip = await hoverOf(api, hint);
    assert.match(tooltip.value, /update-file-system/);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('fsxTasks.copyLoggingCommand', hint);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, new RegExp(`^aws fsx update-file-system --file-system-id ${resourceOf(render).id} --lustre-configuration 'LogConfiguration=\\{Level=WARN_ERROR\\}' --region `));
    assert.equal(((await emulatorOf(api).logs.requestCounts()).FilterLogEvents ?? 0), 0, 'nothing is read where nothing is logged');
  });

  it('Show Automatic Export Failures on the failing association opens its page, grouped by code and explained', async () => {
    const ml = await resourceNamed(api, 'ml-training');
    const row = await checkpointsRow(ml);
    prompts.pickWith((items) => {
      assert.deepEqual(items.map((item) => item.label), ['Last 24 hours', 'Last hour', 'Last 7 days']);
      return items[0];
    });
    await vscode.commands.executeCommand('fsxTasks.showAutoExportFailures', row);
    assert.equal(prompts.pendingAnswers, 0);
    const key = (await api.container.eventLogPanels()).keys().find((candidate) => candidate.startsWith(resourceOf(ml).id));
    const html = (await api.container.eventLogPanels()).htmlOf(key!) ?? '';
    assert.match(html, /Automatic export failures: \/checkpoints/);
    assert.match(html, /<code>S3ExportAccessDenied<\/code><\/td><td>ERROR<\/td><td class="count">\d+<\/td>/);
    assert.match(html, /Allow s3:PutObject/);
    assert.match(html, /S3ExportPathSizeTooLong/);
    assert.match(html, /data-path="\/checkpoints\/run-0\d+\/epoch-\d+\.pt"/);
    assert.doesNotMatch(html, /S3ImportObjectPathNotPosixCompliant/, 'only the association it was opened on');
  });
});
