import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Connection } from '../../src/fsx/types';
import { cancelTaskArgv, createTaskArgv, describeTaskArgv, quoteCommand, shellKindFor } from '../../src/fsx/cliCommand';
import { BACK } from '../../src/viewModel/startTaskFlow';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { associationRows, children, connectionOf, contextValue, description, emulatorOf, hoverOf, label, resourceNamed, resourceNodes, resourceOf, ScriptedPrompts, useExtension } from './helpers';

/** The tasks the tree shows under a resource, by id. */
async function taskIdsInTree(api: FsxTasksApi, resource: ExplorerNode): Promise<string[]> {
  return (await children(api, resource)).filter((node) => contextValue(node).startsWith('task.')).map((node) => node.id.split('/').at(-1) ?? '');
}

/** The one task the last CreateDataRepositoryTask made: the newest one of the file system. */
async function newestTask(api: FsxTasksApi, fileSystemId: string) {
  const [task] = await emulatorOf(api).state.tasksOf(fileSystemId);
  assert.ok(task, 'a task');
  return task;
}

const REPORT = { Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' } as const;

async function taskRow(api: FsxTasksApi, resource: ExplorerNode, taskId: string): Promise<ExplorerNode> {
  api.container.model.refresh();
  const row = (await children(api, resource)).find((node) => contextValue(node).startsWith('task.') && node.id.endsWith(taskId));
  assert.ok(row, `row ${taskId}`);
  return row;
}

/** When the default shell does not say which quoting applies, the copy asks: take POSIX. */
function answerShellPick(prompts: ScriptedPrompts, wanted: RegExp): void {
  prompts.pickWith((items) => {
    const item = items.find((candidate) => wanted.test(candidate.label) && (shellKindFor(vscode.env.shell, process.platform) !== undefined || /POSIX/.test(candidate.description ?? '')));
    assert.ok(item, items.map((candidate) => candidate.label).join(' | '));
    return item;
  });
}

describe('start data repository tasks', () => {
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;
  let ml: ExplorerNode;

  beforeEach(async () => {
    api = extension.api();
    prompts = extension.prompts();
    // ml-training has no running task in the demo: every test starts from that world.
    await emulatorOf(api).reset();
    api.container.model.refresh();
    ml = await resourceNamed(api, 'ml-training');
  });

  const STATE_FIRST: Readonly<Record<string, string>> = { 'association.AVAILABLE': '', 'association.UPDATING': 'Updating · ', 'association.MISCONFIGURED': 'Misconfigured · ', 'association.FAILED': 'Failed · ' };

  it('shows each association with its path, a state other than Available first in its description, and a problem with its message and next step', async () => {
    const rows = await associationRows(api, ml);
    const states = rows.map((row) => contextValue(row));
    assert.deepEqual([...states].sort(), ['association.AVAILABLE', 'association.AVAILABLE', 'association.FAILED', 'association.MISCONFIGURED', 'association.UPDATING']);
    for (const row of rows) {
      assert.match(label(row), /^\/\S*$/);
      const state = STATE_FIRST[contextValue(row)];
      // The failures the event log holds come between (the sandbox's /datasets fails to import).
      assert.ok(state !== undefined && new RegExp(`^${state}(\\d+ failed (export|import)s?( · \\d+ failed imports?)? · )?↔ s3://`).test(description(row)), description(row));
      const tooltip = await hoverOf(api, row);
      assert.match(tooltip.value, /Automatic import: `[^`]+`/);
      assert.match(tooltip.value, /Automatic export: `[^`]+`/);
    }
    const misconfigured = rows.find((row) => contextValue(row) === 'association.MISCONFIGURED');
    assert.ok(misconfigured);
    assert.equal(misconfigured.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const [failure, nextStep] = await children(api, misconfigured);
    assert.ok(label(failure).length > 10, label(failure));
    assert.match(label(nextStep), /bucket policy|IAM role|event notifications/);
    // The group and its rows come from one cached listing, until a refresh.
    const calls = (await emulatorOf(api).requestCounts()).DescribeDataRepositoryAssociations;
    await associationRows(api, ml);
    assert.equal((await emulatorOf(api).requestCounts()).DescribeDataRepositoryAssociations, calls);
    assert.match(description((await children(api, ml))[0]), /^5 · 2 need attention$/);
    // The task rows are still the resource's own children.
    assert.ok((await taskIdsInTree(api, ml)).length > 0);
  });

  it('shows an older file system\'s own S3 link the same way, with no association call', async () => {
    const calls = (await emulatorOf(api).requestCounts()).DescribeDataRepositoryAssociations;
    const states: string[] = [];
    for (const name of ['genomics-scratch', 'climate-archive']) {
      const resource = await resourceNamed(api, name);
      assert.equal(label((await children(api, resource))[0]), 'S3 link');
      const rows = await associationRows(api, resource);
      assert.equal(rows.length, 1);
      assert.match(label(rows[0]), /^\/\S*$/);
      assert.match(description(rows[0]), /^((Misconfigured|Failed|Creating|Updating|Deleting) · )?↔ s3:\/\//);
      states.push(contextValue(rows[0]));
    }
    // Read-only: FSx changes a file system's own link only through the file system's settings.
    assert.ok(states.includes('association.MISCONFIGURED.readOnly'), states.join(', '));
    assert.equal((await emulatorOf(api).requestCounts()).DescribeDataRepositoryAssociations, calls);
  });

  it('Export to S3 from a file system: paths, report, confirm; the task appears in the tree at once and is tracked', async () => {
    const before = await taskIdsInTree(api, ml);
    prompts
      .inputStepWith((step) => (assert.equal(step.canGoBack, false), assert.equal(step.step, 1), 'datasets/run-7'))
      .pickStepWith((items, step) => step.active ?? items[0])
      .modalWith('Start Export');
    await vscode.commands.executeCommand('fsxTasks.startExport', ml);
    assert.equal(prompts.pendingAnswers, 0, 'every step was asked');
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryTask, 1);
    const created = await newestTask(api, resourceOf(ml).id);
    assert.equal(created.type, 'EXPORT_TO_REPOSITORY');
    assert.deepEqual(created.paths, ['datasets/run-7']);
    assert.equal(created.report.Enabled, true, 'a report by default for exports');
    assert.match(prompts.modals[0].message, /^Export from ml-training/);
    assert.match(prompts.modals[0].detail, /Paths \(1\): datasets\/run-7/);
    const after = await taskIdsInTree(api, ml);
    assert.equal(after[0], created.taskId, 'the new task heads the list without a reload');
    // The others follow as they were. On a full page (tasks.pageSize, 50) the new row is put above
    // the page shown (51 rows), or, if a refresh came first, the last one moved to the next page.
    assert.deepEqual(after.slice(1), before.slice(0, after.length - 1));
    assert.ok(after.length >= Math.min(before.length + 1, 50), `${after.length} rows after, ${before.length} before`);
    const tracked = api.container.tracking.tracker.list().find((entry) => entry.taskId === created.taskId);
    assert.equal(tracked?.reason, 'user');
    assert.ok(prompts.messages.some((message) => message.severity === 'info' && message.text.includes(created.taskId)));
  });

  it('Export of /checkpoints reports under the checkpoints repository by default; the report can go elsewhere, checked first', async () => {
    prompts.inputStepWith('checkpoints/run-1').pickStepWith((_items, step) => step.active).modalWith('Start Export');
    await vscode.commands.executeCommand('fsxTasks.startExport', ml);
    assert.equal((await newestTask(api, resourceOf(ml).id)).report.Path, 's3://ml-training-checkpoints/runs', 'not the datasets association listed first');
    assert.match(prompts.modals[0].detail, /Completion report \(failed files only\): under s3:\/\/ml-training-checkpoints\/runs\//);
    // The running export holds the file system: start the next one on a fresh world.
    await emulatorOf(api).reset();
    api.container.model.refresh();
    const custom = new ScriptedPrompts()
      .inputStepWith('checkpoints/run-2')
      .pickStepWith((items) => items.find((item) => /elsewhere/.test(item.label)))
      .inputStepWith((step) => {
        assert.equal(step.value, 's3://ml-training-checkpoints/runs', 'prefilled with the default');
        assert.match(step.validate('s3://somebody-elses-bucket/reports') ?? '', /inside an export path/);
        return 's3://ml-training-datasets/curated/fsx-reports';
      })
      .modalWith('Start Export');
    api.setPrompts(custom);
    await vscode.commands.executeCommand('fsxTasks.startExport', await resourceNamed(api, 'ml-training'));
    assert.deepEqual(custom.unexpected, []);
    const created = await newestTask(api, resourceOf(ml).id);
    assert.deepEqual(created.paths, ['checkpoints/run-2']);
    assert.equal(created.report.Path, 's3://ml-training-datasets/curated/fsx-reports', 'FSx took the path chosen');
  });

  it('Import Metadata from S3 on an association: paths relative to it, the report off by default', async () => {
    const association = (await associationRows(api, ml)).find((row) => contextValue(row) === 'association.AVAILABLE');
    assert.ok(association);
    const fileSystemPath = label(association);
    prompts
      .inputStepWith((step) => (assert.match(step.title, new RegExp(`^Import Metadata from S3: .* ${fileSystemPath}$`)), 'new'))
      .pickStepWith((_items, step) => (assert.equal((step.active as { value?: string } | undefined)?.value, 'none'), step.active))
      .modalWith('Start Import');
    await vscode.commands.executeCommand('fsxTasks.startImport', association);
    const created = await newestTask(api, resourceOf(ml).id);
    assert.equal(created.type, 'IMPORT_METADATA_FROM_REPOSITORY');
    assert.equal(created.paths.length, 1);
    assert.match(created.paths[0], /^s3:\/\/.*\/new$/, 'mapped to the association\'s S3 path');
    assert.equal(created.report.Enabled, false);
  });

  it('Release Files: Back keeps the earlier answers; days since last access reach the request', async () => {
    prompts
      .inputStepWith('checkpoints/old')
      .inputStepWith(BACK)
      .inputStepWith((step) => (assert.equal(step.value, 'checkpoints/old'), 'checkpoints/older'))
      .inputStepWith((step) => (assert.equal(step.canGoBack, true), '30'))
      // ml-training is mounted (the sandbox's folder): the release preview comes first.
      .modalWith('Continue with These Paths')
      .pickStepWith((_items, step) => step.active)
      .modalWith('Back')
      .pickStepWith((items) => items.find((item) => /No completion report/.test(item.label)))
      .modalWith('Start Release');
    await vscode.commands.executeCommand('fsxTasks.startRelease', ml);
    assert.equal(prompts.pendingAnswers, 0);
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryTask, 1, 'one create, after the confirmation');
    const created = await newestTask(api, resourceOf(ml).id);
    assert.equal(created.type, 'RELEASE_DATA_FROM_FILESYSTEM');
    assert.deepEqual(created.paths, ['checkpoints/older']);
    assert.equal(created.releaseConfiguration?.DurationSinceLastAccess?.Value, 30);
    assert.equal(created.report.Enabled, false);
    assert.match(prompts.modals[0].message, /^A release of these paths would free /);
    assert.match(prompts.modals[1].detail, /at least 30 days/);
  });

  it('a task already running: names it and offers to queue behind it, track it or cancel it', async () => {
    const fileSystemId = resourceOf(ml).id;
    const runningId = await emulatorOf(api).state.addTask({ fileSystemId, type: 'IMPORT_METADATA_FROM_REPOSITORY', pendingMs: 0, executingMs: 3_600_000, totalCount: 100 });
    prompts.inputStepWith('').pickStepWith((_items, step) => step.active).modalWith('Start Export').chooseMessageAction('Track It');
    await vscode.commands.executeCommand('fsxTasks.startExport', ml);
    const warning = prompts.messages.find((message) => message.severity === 'warning');
    assert.ok(warning, 'a warning');
    assert.match(warning.text, new RegExp(`${runningId}.*already EXECUTING`));
    assert.deepEqual(warning.actions, ['Queue', 'Track It', 'Cancel It']);
    assert.equal((await newestTask(api, fileSystemId)).taskId, runningId, 'nothing started');
    assert.deepEqual(
      api.container.tracking.tracker.list().map((entry) => entry.taskId),
      [runningId],
      'Track It tracks the running task, and only it',
    );
  });

  it('another error: one message with a next step, nothing half-done', async () => {
    const before = await taskIdsInTree(api, ml);
    await emulatorOf(api).injectFault({ kind: 'accessDenied', operation: 'CreateDataRepositoryTask' });
    prompts.inputStepWith('').pickStepWith((_items, step) => step.active).modalWith('Start Export');
    await vscode.commands.executeCommand('fsxTasks.startExport', ml);
    const errors = prompts.messages.filter((message) => message.severity === 'error');
    assert.equal(errors.length, 1);
    assert.deepEqual(errors[0].actions, ['Show log']);
    assert.deepEqual(await taskIdsInTree(api, ml), before, 'the tree is unchanged');
    assert.deepEqual(api.container.tracking.tracker.list(), [], 'nothing tracked');
  });

  it('refuses a File Cache before asking anything, and says why', async () => {
    const cache = (await resourceNodes(api)).find((node) => contextValue(node) === 'resource.fileCache');
    assert.ok(cache);
    await vscode.commands.executeCommand('fsxTasks.startRelease', { connection: connectionOf(cache), resource: resourceOf(cache) });
    assert.equal(prompts.steps.length, 0);
    assert.match(prompts.messages[0]?.text ?? '', /cannot be started on Amazon File Cache .*AUTO_RELEASE_DATA/);
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryTask, 0);
  });

  it('takes { connection, resource, paths } from another view and prefills the paths', async () => {
    const connection: Connection = connectionOf(ml);
    prompts
      .inputStepWith((step) => (assert.equal(step.value, 'datasets/a, datasets/b'), step.value))
      .pickStepWith((_items, step) => step.active)
      .modalWith('Start Export');
    await vscode.commands.executeCommand('fsxTasks.startExport', { connection, resource: resourceOf(ml), paths: ['datasets/a', 'datasets/b'] });
    assert.deepEqual((await newestTask(api, resourceOf(ml).id)).paths, ['datasets/a', 'datasets/b']);
  });

  it('from the palette: a pick of Lustre file systems only; Escape at a step starts nothing', async () => {
    let offered: string[] = [];
    prompts
      .pickWith((items) => {
        offered = items.map((item) => item.label);
        return items.find((item) => item.label === 'ml-training');
      })
      .inputStepWith(undefined);
    await vscode.commands.executeCommand('fsxTasks.startExport');
    assert.deepEqual(
      [...offered].sort(),
      ['analytics-tiered', 'cfd-scratch', 'climate-archive', 'genomics-scratch', 'ml-training', 'render-farm', 'seismic-2-10'],
      'no File Cache, no Windows file system',
    );
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryTask, 0);
    assert.deepEqual(prompts.messages, []);
  });

  describe('duplicate a task; copy as AWS CLI command', () => {
    /** An ended release on ml-training, 45 days, its report in a folder of its own. */
    async function endedRelease(): Promise<string> {
      const state = emulatorOf(api).state;
      return state.addTask({
        fileSystemId: resourceOf(ml).id,
        type: 'RELEASE_DATA_FROM_FILESYSTEM',
        createdAt: (await state.now()) - 2 * 3_600_000,
        pendingMs: 0,
        executingMs: 60_000,
        paths: ['checkpoints/old runs'],
        releaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 45 } },
        report: { Enabled: true, Path: 's3://ml-training-checkpoints/runs/releases', ...REPORT },
      });
    }

    it('Duplicate Task on a row: every step prefilled from the task (paths, days, report); Enter on each starts the same request', async () => {
      const original = await endedRelease();
      const row = await taskRow(api, ml, original);
      prompts
        .inputStepWith((step) => (assert.equal(step.value, 'checkpoints/old runs'), step.value))
        .inputStepWith((step) => (assert.equal(step.value, '45'), assert.equal(step.canGoBack, true), step.value))
        // ml-training is mounted (the sandbox's folder): the release preview comes after the days.
        .modalWith('Continue with These Paths')
        .pickStepWith((_items, step) => (assert.match(step.active?.label ?? '', /elsewhere/), step.active))
        .inputStepWith((step) => (assert.equal(step.value, 's3://ml-training-checkpoints/runs/releases'), step.value))
        .modalWith('Start Release');
      await vscode.commands.executeCommand('fsxTasks.duplicateTask', row);
      assert.equal(prompts.pendingAnswers, 0, 'every step was asked');
      assert.match(prompts.modals[1].message, /^Release file data from ml-training/);
      const [created] = await emulatorOf(api).state.tasksOf(resourceOf(ml).id);
      assert.notEqual(created.taskId, original);
      assert.equal(created.type, 'RELEASE_DATA_FROM_FILESYSTEM');
      assert.deepEqual(created.paths, ['checkpoints/old runs']);
      assert.deepEqual(created.releaseConfiguration, { DurationSinceLastAccess: { Unit: 'DAYS', Value: 45 } });
      assert.deepEqual(created.report, { Enabled: true, Path: 's3://ml-training-checkpoints/runs/releases', ...REPORT });
    });

    it('Duplicate Task from the palette: a pick of recent tasks; a step changed with Back', async () => {
      const original = await endedRelease();
      prompts
        .pickWith((items) => items.find((item) => item.label.includes(original)))
        .inputStepWith((step) => step.value)
        .inputStepWith('45')
        .modalWith('Continue with These Paths')
        .pickStepWith((items) => items.find((item) => /^No completion report$/.test(item.label)))
        .modalWith('Back')
        .pickStepWith(() => BACK)
        // Back from the report lands on the preview again (not walked again); Change Days goes on back.
        .modalWith('Change Days')
        .inputStepWith((step) => (assert.equal(step.value, '45', 'kept'), '7'))
        .modalWith('Continue with These Paths')
        .pickStepWith((_items, step) => step.active)
        .modalWith('Start Release');
      await vscode.commands.executeCommand('fsxTasks.duplicateTask');
      assert.equal(prompts.pendingAnswers, 0);
      const [created] = await emulatorOf(api).state.tasksOf(resourceOf(ml).id);
      assert.notEqual(created.taskId, original);
      assert.deepEqual(created.releaseConfiguration, { DurationSinceLastAccess: { Unit: 'DAYS', Value: 7 } });
      assert.deepEqual(created.report, { Enabled: false });
    });

    it('Copy as AWS CLI Command on the start confirmation: the exact command on the clipboard, nothing sent; then Start', async () => {
      const connection = connectionOf(ml);
      prompts.inputStepWith('checkpoints/run-9').pickStepWith((_items, step) => step.active).modalWith('Copy as AWS CLI Command');
      const shell = shellKindFor(vscode.env.shell, process.platform);
      if (!shell) {
        answerShellPick(prompts, /Start the task/);
      }
      prompts.modalWith('Start Export');
      await vscode.commands.executeCommand('fsxTasks.startExport', ml);
      assert.equal(prompts.pendingAnswers, 0);
      assert.deepEqual(prompts.modals[0].actions, ['Start Export', 'Copy as AWS CLI Command', 'Back']);
      assert.equal(prompts.modals.length, 2, 'the confirmation again after the copy');
      assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryTask, 1, 'only the Start sent anything');
      const expected = quoteCommand(
        createTaskArgv(
          { fileSystemId: resourceOf(ml).id, type: 'EXPORT_TO_REPOSITORY', paths: ['checkpoints/run-9'], report: { enabled: true, path: 's3://ml-training-checkpoints/runs', format: REPORT.Format, scope: REPORT.Scope } },
          connection,
        ),
        shell ?? 'posix',
      );
      assert.equal(await vscode.env.clipboard.readText(), expected);
      assert.match(expected, /^aws fsx create-data-repository-task --file-system-id fs-[0-9a-f]+ --type EXPORT_TO_REPOSITORY --paths checkpoints\/run-9 --report .* --region us-east-1 --endpoint-url http:\/\/127\.0\.0\.1:\d+$/);
    });

    it('Copy as AWS CLI Command on a task: describe on an ended one; describe or cancel on an executing one', async () => {
      const connection = connectionOf(ml);
      const shell = shellKindFor(vscode.env.shell, process.platform);
      const ended = await endedRelease();
      if (!shell) {
        answerShellPick(prompts, /^Describe/);
      }
      await vscode.commands.executeCommand('fsxTasks.copyAsCliCommand', await taskRow(api, ml, ended));
      assert.equal(await vscode.env.clipboard.readText(), quoteCommand(describeTaskArgv(ended, connection), shell ?? 'posix'));

      const running = await emulatorOf(api).state.addTask({ fileSystemId: resourceOf(ml).id, type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 3_600_000 });
      let offered: string[] = [];
      prompts.pickWith((items) => {
        offered = items.map((item) => item.label);
        return items.find((item) => /^Cancel/.test(item.label) && (shell !== undefined || /POSIX/.test(item.description ?? '')));
      });
      await vscode.commands.executeCommand('fsxTasks.copyAsCliCommand', await taskRow(api, ml, running));
      assert.ok(offered.some((item) => item.startsWith(`Describe ${running}`)) && offered.some((item) => item.startsWith(`Cancel ${running}`)), offered.join(' | '));
      assert.equal(await vscode.env.clipboard.readText(), quoteCommand(cancelTaskArgv(running, connection), shell ?? 'posix'));
      assert.equal((await emulatorOf(api).state.getTask(running))?.lifecycle, 'EXECUTING', 'copied, never run');
    });
  });
});
