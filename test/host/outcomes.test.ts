// Show Failed Files, the progress chart and the time left, in the real extension host against the
// sandbox: reports come from the emulator's S3 side through the lazily loaded S3 client.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { Connection, Task } from '../../src/fsx/types';
import { hasFailureReport } from '../../src/viewModel/presentation';
import { children, contextValue, emulatorOf, resourceNodes, ScriptedPrompts, useExtension, waitFor } from './helpers';

const HOUR = 3_600_000;
const BUCKET = 'outcomes-host-reports';
const REPORT = { Enabled: true, Path: `s3://${BUCKET}/fsx/reports`, Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' } as const;

async function fileSystemId(api: FsxTasksApi): Promise<string> {
  const id = (await emulatorOf(api).state.fileSystems()).find((fs) => fs.type === 'LUSTRE')?.fileSystemId;
  assert.ok(id, 'a Lustre file system');
  return id;
}

/** An export that ended an hour ago with `failedCount` failed files and its report written. */
async function endedExport(api: FsxTasksApi, spec: { outcome: 'SUCCEEDED' | 'FAILED'; failedCount: number; report?: boolean }): Promise<string> {
  const now = await emulatorOf(api).state.now();
  return emulatorOf(api).state.addTask({
    fileSystemId: await fileSystemId(api),
    type: 'EXPORT_TO_REPOSITORY',
    createdAt: now - 2 * HOUR,
    pendingMs: 1000,
    executingMs: HOUR,
    totalCount: 500,
    failedCount: spec.failedCount,
    outcome: spec.outcome,
    failureMessage: spec.outcome === 'FAILED' ? 'Failed to export files: Access Denied' : undefined,
    report: spec.report === false ? { Enabled: false } : REPORT,
  });
}

async function taskNode(api: FsxTasksApi, taskId: string) {
  api.container.model.refresh();
  return waitFor(`the row of ${taskId}`, async () => {
    for (const resource of await resourceNodes(api)) {
      const node = (await children(api, resource)).find((child) => (child as { task?: Task }).task?.taskId === taskId);
      if (node) {
        return node;
      }
    }
    return undefined;
  });
}

/** The task as the tree row holds it, with its connection: what a node hands to a command. */
async function described(api: FsxTasksApi, taskId: string): Promise<{ connection: Connection; task: Task }> {
  const node = (await taskNode(api, taskId)) as unknown as { connection: Connection; task: Task };
  return { connection: node.connection, task: node.task };
}

describe('outcomes: failed files, throughput and the progress chart', () => {
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;

  beforeEach(() => {
    api = extension.api();
    prompts = extension.prompts();
  });
  afterEach(async () => {
    await emulatorOf(api).s3.clearFaults();
    void vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show Failed Files from a task row: the summary by code, the total against FailedCount, the paths', async () => {
    const taskId = await endedExport(api, { outcome: 'FAILED', failedCount: 23 });
    const node = await taskNode(api, taskId);
    assert.equal(contextValue(node), 'task.FAILED.report.retry');
    const before = (await emulatorOf(api).s3.requestCounts()).GetObject;
    await vscode.commands.executeCommand('fsxTasks.showFailedFiles', node);
    const html = (await api.container.failedFiles()).htmlOf(taskId);
    assert.ok(html, `a failed-files page; messages: ${JSON.stringify(prompts.messages)}`);
    assert.equal((await emulatorOf(api).s3.requestCounts()).GetObject, before + 1, 'one GetObject');
    assert.match(html, /Summary by error code/);
    assert.match(html, /The report lists 23 failed files, as many as the task counted\./);
    // Every code row has a meaning and an action, and the counts add up to the total.
    const counts = [...html.matchAll(/<td class="count">([\d,]+)<\/td><td>[^<]+<\/td><td>[^<]+<\/td>/g)].map((match) => Number(match[1].replace(/,/g, '')));
    assert.ok(counts.length > 0);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      23,
    );
    assert.equal(html.match(/<tr data-path=/g)?.length, 23);
    assert.match(html, /default-src 'none'/);
    assert.deepEqual(prompts.messages, []);
  });

  it('copies one path, the shown paths, and opens the raw CSV read from S3', async () => {
    const taskId = await endedExport(api, { outcome: 'SUCCEEDED', failedCount: 4 });
    await vscode.commands.executeCommand('fsxTasks.showFailedFiles', taskId);
    const html = (await api.container.failedFiles()).htmlOf(taskId);
    assert.ok(html);
    const paths = [...html.matchAll(/<tr data-path="([^"]*)"/g)].map((match) => match[1]);
    assert.equal(paths.length, 4);
    await (await api.container.failedFiles()).handle(taskId, { type: 'copy', text: paths[0] });
    assert.equal(await vscode.env.clipboard.readText(), paths[0]);
    await (await api.container.failedFiles()).handle(taskId, { type: 'copyShown', paths: paths.slice(0, 2) });
    assert.equal(await vscode.env.clipboard.readText(), paths.slice(0, 2).join('\n'));
    await (await api.container.failedFiles()).handle(taskId, { type: 'openRaw' });
    const editor = await waitFor('the raw CSV', () => vscode.window.visibleTextEditors.find((shown) => shown.document.uri.scheme === 'fsx-report'));
    const lines = editor.document.getText().trim().split(/\r?\n/);
    assert.equal(lines.length, 4);
    assert.ok(lines.every((line) => /,failed,[A-Za-z0-9]+$/.test(line)), lines.join('\n'));
  });

  it('a report too large to open as a document: its size and a download command to copy, no terminal, no read', async () => {
    const taskId = await endedExport(api, { outcome: 'FAILED', failedCount: 140 });
    // 140 rows of 63 KiB: 8.6 MiB, over the 8 MiB a document gets.
    const restore = await emulatorOf(api).s3.replaceReport(
      taskId,
      Array.from({ length: 140 }, (_, i) => `${String(i).padStart(3, '0')}/${'p'.repeat(63 * 1024 - 20)},failed,S3Error\n`),
    );
    try {
      await vscode.commands.executeCommand('fsxTasks.showFailedFiles', taskId);
      const html = (await api.container.failedFiles()).htmlOf(taskId);
      assert.ok(html, JSON.stringify(prompts.messages));
      const shown = html.match(/<tr data-path=/g)?.length ?? 0;
      assert.ok(shown > 0 && shown < 140, `${shown} rows on the page`);
      assert.match(html, new RegExp(`Showing the first ${shown} of 140 rows\\.`));
      assert.ok(html.length < 4 * 1024 * 1024, `the page is ${html.length} characters`);
      const terminals = vscode.window.terminals.length;
      const reads = (await emulatorOf(api).s3.requestCounts()).GetObject;
      prompts.answerMessages = (text, actions) => (/too large to open/.test(text) ? actions.find((action) => action === 'Copy Command') : undefined);
      await (await api.container.failedFiles()).handle(taskId, { type: 'openRaw' });
      const message = prompts.messages.find((entry) => /too large to open/.test(entry.text));
      assert.ok(message, JSON.stringify(prompts.messages));
      assert.match(message.text, /The report is 9 MiB, too large to open as a document \(the limit is 8 MiB\)\. Download it with the AWS CLI: aws s3 cp s3:\/\/outcomes-host-reports\/fsx\/reports\/task-[0-9a-f]+\/failures\.csv \./);
      assert.deepEqual(message.actions, ['Copy Command', 'Copy S3 URI']);
      assert.match(await vscode.env.clipboard.readText(), /^aws s3 cp s3:\/\/outcomes-host-reports\/fsx\/reports\/task-[0-9a-f]+\/failures\.csv \.$/);
      assert.equal(vscode.window.terminals.length, terminals, 'no terminal');
      assert.equal((await emulatorOf(api).s3.requestCounts()).GetObject, reads, 'not read again');
      assert.equal(vscode.window.visibleTextEditors.find((shownEditor) => shownEditor.document.uri.scheme === 'fsx-report'), undefined);
    } finally {
      await restore();
      prompts.answerMessages = undefined;
    }
  });

  it('a report with an oversized record and hostile paths: the rows before it, as text, and where reading stopped', async () => {
    const taskId = await endedExport(api, { outcome: 'FAILED', failedCount: 4 });
    const hostile = ['<img src=https://evil.example/x.png>', '</script><script>alert(1)</script>', '<a href="command:workbench.action.terminal.new">open</a>'];
    const restore = await emulatorOf(api).s3.replaceReport(taskId, [
      ...hostile.map((path) => `"${path.replace(/"/g, '""')}",failed,S3Error\n`),
      `${'x'.repeat(1024 * 1024)},failed,S3Error\n`,
      'after.dat,failed,S3Error\n',
    ]);
    try {
      await vscode.commands.executeCommand('fsxTasks.showFailedFiles', taskId);
      const html = (await api.container.failedFiles()).htmlOf(taskId);
      assert.ok(html, JSON.stringify(prompts.messages));
      assert.match(html, /Reading stopped at row 4: it is longer than 64 KiB/);
      assert.equal(html.match(/<tr data-path=/g)?.length, 3);
      assert.doesNotMatch(html, /<img|<a |<iframe|after\.dat/);
      assert.equal(html.match(/<script/g)?.length, 1);
      assert.match(html, /&#60;img src=https:\/\/evil\.example\/x\.png&#62;/);
    } finally {
      await restore();
    }
  });

  it('Show Failed Files from the end-of-task notification of a tracked task', async () => {
    const taskId = await emulatorOf(api).state.addTask({
      fileSystemId: await fileSystemId(api),
      type: 'EXPORT_TO_REPOSITORY',
      pendingMs: 0,
      executingMs: 1500,
      totalCount: 100,
      failedCount: 7,
      outcome: 'FAILED',
      failureMessage: 'Failed to export 7 files',
      report: REPORT,
    });
    prompts.answerMessages = (text, actions) => (text.includes(taskId) && actions.includes('Show Failed Files') ? 'Show Failed Files' : undefined);
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    const notification = await waitFor('the failure notification', () => prompts.messages.find((message) => message.text.includes(taskId)), 30_000);
    assert.deepEqual(notification.actions, ['Show Details', 'Show Failed Files']);
    const failedFiles = await api.container.failedFiles();
    const html = await waitFor('the failed-files page', () => failedFiles.htmlOf(taskId), 30_000);
    assert.match(html, /The report lists 7 failed files, as many as the task counted\./);
  });

  describe('no report: one message with its next step, never an empty page', () => {
    const cases: { name: string; make: () => Promise<unknown>; text: RegExp; severity: string }[] = [
      {
        name: 'reports off',
        make: async () => await endedExport(api, { outcome: 'FAILED', failedCount: 3, report: false }),
        text: /created without a completion report\. Run the task again with the completion report enabled/,
        severity: 'info',
      },
      {
        name: 'still running',
        make: async () =>
          await emulatorOf(api).state.addTask({ fileSystemId: await fileSystemId(api), type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 10 * HOUR, totalCount: 100, outcome: 'SUCCEEDED', report: REPORT }),
        text: /still running; FSx writes its report when it ends\. Track the task/,
        severity: 'info',
      },
      {
        name: 'not written yet',
        make: async () => {
          const taskId = await endedExport(api, { outcome: 'FAILED', failedCount: 5 });
          const { connection, task } = await described(api, taskId);
          // The row names the report's place; FSx has not put it there (yet). A handed-over task
          // no longer says where to read (commands use their own copy), so the emulator moves it.
          assert.ok(await emulatorOf(api).state.getTaskPlan(taskId));
          await emulatorOf(api).state.setTaskReport(taskId, { ...REPORT, Path: `s3://${BUCKET}/elsewhere` });
          return { connection, task };
        },
        text: /is not there yet\. FSx writes it shortly after the task ends/,
        severity: 'warning',
      },
      {
        name: 'access denied',
        make: async () => {
          const taskId = await endedExport(api, { outcome: 'FAILED', failedCount: 5 });
          await emulatorOf(api).s3.denyBucket(BUCKET);
          return taskId;
        },
        text: /Access to s3:\/\/outcomes-host-reports\/.*failures\.csv was denied\. Your credentials need s3:GetObject/,
        severity: 'warning',
      },
      {
        name: 'expired session',
        make: async () => {
          const taskId = await endedExport(api, { outcome: 'FAILED', failedCount: 5 });
          await emulatorOf(api).s3.injectFault({ kind: 'expiredToken', operation: 'GetObject' });
          return taskId;
        },
        text: /credentials are missing or expired/,
        severity: 'warning',
      },
    ];
    for (const { name, make, text, severity } of cases) {
      it(name, async () => {
        const target = await make();
        const taskId = typeof target === 'string' ? target : (target as { task: Task }).task.taskId;
        await vscode.commands.executeCommand('fsxTasks.showFailedFiles', target);
        assert.equal((await api.container.failedFiles()).htmlOf(taskId), undefined, 'no page');
        assert.equal(prompts.messages.length, 1, JSON.stringify(prompts.messages));
        assert.match(prompts.messages[0].text, text);
        assert.equal(prompts.messages[0].severity, severity);
      });
    }
  });

  it('charts a running task from its sample history, and says there are not enough samples at first', async () => {
    const taskId = await emulatorOf(api).state.addTask({ fileSystemId: await fileSystemId(api), type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: HOUR, totalCount: 100_000, outcome: 'SUCCEEDED' });
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    const tracked = await waitFor('the task observed executing', () => api.container.tracking.tracker.list().find((entry) => entry.taskId === taskId && entry.task?.lifecycle === 'EXECUTING')?.task);
    await vscode.commands.executeCommand('fsxTasks.showProgressChart', taskId);
    const first = (await api.container.progressCharts()).htmlOf(taskId);
    assert.ok(first, 'a chart page');
    assert.match(first, /<svg /);
    assert.match(first, /Not enough progress samples yet/);
    assert.equal(api.container.estimateOf(tracked)?.state, 'notEnoughSamples');
    // The chart's data is the sample history the polls feed, as the estimator sees it.
    // await emulator.reset() in an earlier suite restarts the id sequence: an older task of this id
    // may have left samples, which the histories drop once they see the new task.
    const samples = api.container.progress.samples(taskId);
    assert.ok(samples.every((sample) => sample.at >= tracked.creationTime.getTime()), JSON.stringify(samples));
    assert.ok(samples.length >= 1);
    assert.equal((first.match(/<circle /g) ?? []).length, new Set(samples.map((sample) => sample.at)).size);
    // Before FSx's first status update a sample may not know the total yet; while it runs the
    // counts may pass the total (FSx does that too): the chart clamps, the unit tests check it.
    const counted = samples.filter((sample) => sample.total !== undefined && sample.total > 0);
    assert.ok(counted.every((sample) => sample.total === 100_000), JSON.stringify(samples));
  });

  it('Show Failed Files from the palette offers only ended tasks with a failure report; with none, says so and takes a typed id', async () => {
    const failed = await endedExport(api, { outcome: 'FAILED', failedCount: 4 });
    const clean = await endedExport(api, { outcome: 'SUCCEEDED', failedCount: 0 });
    const unreported = await endedExport(api, { outcome: 'SUCCEEDED', failedCount: 3, report: false });
    const running = await emulatorOf(api).state.addTask({ fileSystemId: await fileSystemId(api), type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: HOUR, totalCount: 100, failedCount: 5, outcome: 'FAILED', report: REPORT });
    let offered: Task[] = [];
    prompts.pickWith((items) => {
      offered = items.map((item) => (item as { target?: { task: Task } }).target?.task).filter((task): task is Task => !!task);
      return undefined;
    });
    await vscode.commands.executeCommand('fsxTasks.showFailedFiles');
    const ids = offered.map((task) => task.taskId);
    assert.ok(ids.includes(failed), ids.join(', '));
    for (const left of [clean, unreported, running]) {
      assert.ok(!ids.includes(left), `${left} is not offered`);
    }
    assert.ok(offered.every((task) => hasFailureReport(task)), 'every task offered has a failure report');
    // A world without any: a message, no pick of nothing; its action takes an id.
    await emulatorOf(api).state.clear();
    api.container.model.refresh();
    try {
      const none = new ScriptedPrompts().chooseMessageAction('Enter Task ID...').inputWith(undefined);
      api.setPrompts(none);
      await vscode.commands.executeCommand('fsxTasks.showFailedFiles');
      assert.deepEqual(none.unexpected, [], 'no pick was opened');
      assert.equal(none.messages.length, 1);
      assert.equal(none.messages[0].severity, 'info');
      assert.match(none.messages[0].text, /^No recently ended task has a failure report\./);
      assert.deepEqual(none.messages[0].actions, ['Enter Task ID...']);
      assert.equal(none.pendingAnswers, 0, 'the id was asked for');
    } finally {
      await emulatorOf(api).reset();
      api.container.model.refresh();
    }
  });
});
