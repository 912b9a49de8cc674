// The chat's FSx tools through VS Code's own API (vscode.lm.invokeTool), as an agent calls them,
// against the sandbox; results are checked against the emulator. Outside a chat request (no
// toolInvocationToken) VS Code asks an acting tool's confirmation as a modal dialog; in a window
// that runs extension tests its DialogService shows none and answers "confirmed" (VS Code 1.100
// and 1.139 alike), so the confirmation is read here from the registered tool's
// prepareInvocation, and its exact words are unit-tested (test/unit/viewModel/chatTools.test.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import { emulatorOf, useExtension, waitFor } from './helpers';

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** What the registered tool asks the person to confirm, as VS Code gets it. */
async function confirmationOf(api: FsxTasksApi, name: string, input: object): Promise<{ title: string; message: string } | undefined> {
  const tool = (await api.container.chatTools()).get(name);
  assert.ok(tool?.prepareInvocation, name);
  const prepared = await tool.prepareInvocation({ input }, new vscode.CancellationTokenSource().token);
  const confirmation = prepared?.confirmationMessages;
  if (!confirmation) {
    return undefined;
  }
  assert.ok(confirmation.message instanceof vscode.MarkdownString, 'a Markdown message whose characters are escaped');
  assert.equal(confirmation.message.isTrusted, undefined, 'not trusted: no command link runs');
  return { title: confirmation.title, message: confirmation.message.value.replace(/\\(.)/g, '$1') };
}

function rowsOf(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trimStart().startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('chat tools (vscode.lm.invokeTool)', () => {
  const extension = useExtension();
  let api: FsxTasksApi;

  beforeEach(async () => {
    api = extension.api();
    await emulatorOf(api).reset();
    api.container.model.refresh();
  });

  it('are contributed and registered with their reference names', () => {
    const ours = vscode.lm.tools.filter((tool) => tool.name.startsWith('fsxTasks_')).map((tool) => tool.name);
    assert.deepEqual([...ours].sort(), [
      'fsxTasks_cancelTask',
      'fsxTasks_describeTask',
      'fsxTasks_explainFailedFiles',
      'fsxTasks_listAssociations',
      'fsxTasks_listFileSystems',
      'fsxTasks_listTasks',
      'fsxTasks_startTask',
      'fsxTasks_trackTask',
    ]);
  });

  it('list the file systems of the sandbox as the emulator has them', async () => {
    const text = await invoke('fsxTasks_listFileSystems', {});
    const ids = rowsOf(text).map((row) => row.id);
    const emulator = emulatorOf(api);
    for (const fileSystem of (await emulator.state.fileSystems()).filter((fs) => fs.type === 'LUSTRE')) {
      assert.ok(ids.includes(fileSystem.fileSystemId), `${fileSystem.fileSystemId} in ${text}`);
    }
  });

  it('list failed tasks with a filter, and describe one as FSx reports it', async () => {
    const text = await invoke('fsxTasks_listTasks', { lifecycles: ['FAILED'] });
    const rows = rowsOf(text);
    assert.ok(rows.length > 0, text);
    assert.ok(rows.every((row) => row.lifecycle === 'FAILED'), text);
    const taskId = String(rows[0].taskId);
    const described = rowsOf(await invoke('fsxTasks_describeTask', { taskId }))[0];
    const truth = await emulatorOf(api).state.getTask(taskId);
    assert.ok(truth);
    assert.equal(described.lifecycle, truth.lifecycle);
    assert.equal(described.failedCount, truth.status?.failedCount);
    assert.equal(described.totalCount, truth.status?.totalCount);
  });

  it('explain failed files by cause from the completion report', async () => {
    const withReport = rowsOf(await invoke('fsxTasks_listTasks', { lifecycles: ['FAILED', 'SUCCEEDED'] })).find((row) => typeof row.report === 'string');
    assert.ok(withReport);
    const text = await invoke('fsxTasks_explainFailedFiles', { taskId: withReport.taskId as string });
    assert.match(text, /Failed files of task-[0-9a-f]+ by cause|No files failed|not there yet/, text);
  });

  it('answer a bad input with what to do, and send nothing', async () => {
    const text = await invoke('fsxTasks_describeTask', { taskId: 'task-123' }).catch((error: unknown) => `threw: ${String(error)}`);
    assert.match(text, /not a task ID/);
    assert.equal((await emulatorOf(api).requestCounts()).DescribeDataRepositoryTasks ?? 0, 0);
  });

  it('start an export: the confirmation says what will be sent, and the emulator has exactly that', async () => {
    const emulator = emulatorOf(api);
    const ml = (await emulator.state.fileSystems()).find((fs) => fs.tags?.some((tag) => tag.Key === 'Name' && tag.Value === 'ml-training'));
    assert.ok(ml, 'ml-training');
    const input = { type: 'EXPORT_TO_REPOSITORY', fileSystemId: ml.fileSystemId, paths: ['datasets/run-7'] };
    const confirmation = await confirmationOf(api, 'fsxTasks_startTask', input);
    assert.match(confirmation?.title ?? '', /^Export from ml-training \(fs-[0-9a-f]+\) to S3\?$/);
    assert.match(confirmation?.message ?? '', /Paths \(1\): datasets\/run-7/);
    assert.match(confirmation?.message ?? '', /Completion report \(failed files only\): under s3:\/\//);
    assert.equal((await emulator.requestCounts()).CreateDataRepositoryTask ?? 0, 0, 'preparing sends nothing');
    const result = await invoke('fsxTasks_startTask', input);
    const [created] = await emulator.state.tasksOf(ml.fileSystemId);
    assert.equal((await emulator.requestCounts()).CreateDataRepositoryTask, 1);
    assert.equal(created.type, 'EXPORT_TO_REPOSITORY');
    assert.deepEqual(created.paths, ['datasets/run-7']);
    assert.equal(created.report.Enabled, true);
    assert.match(result, new RegExp(`Started ${created.taskId}`));
    assert.ok(api.container.tracking.tracker.has(created.taskId), 'tracked as a started task is');
    // FSx runs one task at a time: a second start names the running one and starts nothing.
    const busy = await invoke('fsxTasks_startTask', { type: 'RELEASE_DATA_FROM_FILESYSTEM', fileSystemId: ml.fileSystemId });
    assert.match(busy, new RegExp(`${created.taskId}.*already`));
    assert.match(busy, /Nothing was started/);
  });

  it('refuse a start the start flow refuses, with its words, and send nothing', async () => {
    const emulator = emulatorOf(api);
    const ml = (await emulator.state.fileSystems()).find((fs) => fs.tags?.some((tag) => tag.Key === 'Name' && tag.Value === 'ml-training'));
    assert.ok(ml);
    const input = { type: 'EXPORT_TO_REPOSITORY', fileSystemId: ml.fileSystemId, paths: ['/mnt/fsx/*.log'] };
    assert.equal(await confirmationOf(api, 'fsxTasks_startTask', input), undefined, 'nothing to confirm');
    const result = await invoke('fsxTasks_startTask', input);
    assert.match(result, /^Nothing was sent: .*wildcard/);
    assert.equal((await emulator.requestCounts()).CreateDataRepositoryTask ?? 0, 0);
  });

  it('cancel: the confirmation has the cancel dialog words, the task is CANCELING; a cancel of an ended task says so and changes nothing', async () => {
    const emulator = emulatorOf(api);
    const fileSystemId = (await emulator.state.fileSystems()).find((fs) => fs.type === 'LUSTRE')?.fileSystemId;
    assert.ok(fileSystemId);
    const taskId = await emulator.state.addTask({ fileSystemId, type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 3_600_000, cancelingMs: 1_500, totalCount: 5_000, outcome: 'SUCCEEDED', paths: ['scratch/results'] });
    const confirmation = await confirmationOf(api, 'fsxTasks_cancelTask', { taskId });
    assert.equal(confirmation?.title, `Cancel task ${taskId}?`);
    assert.match(confirmation?.message ?? '', /Type: Export to repository/);
    assert.match(confirmation?.message ?? '', /Paths: scratch\/results/);
    assert.match(confirmation?.message ?? '', /exported files are not reverted/);
    assert.equal((await emulator.requestCounts()).CancelDataRepositoryTask ?? 0, 0, 'preparing sends nothing');
    const result = await invoke('fsxTasks_cancelTask', { taskId });
    assert.match(result, /CANCELING/);
    assert.equal((await emulator.state.getTask(taskId))?.lifecycle, 'CANCELING');
    assert.ok(api.container.tracking.tracker.has(taskId));
    await waitFor('the task to be canceled', async () => (await emulator.state.getTask(taskId))?.lifecycle === 'CANCELED', 10_000);
    const sent = (await emulator.requestCounts()).CancelDataRepositoryTask;
    assert.equal(await confirmationOf(api, 'fsxTasks_cancelTask', { taskId }), undefined, 'nothing to confirm for an ended task');
    const again = await invoke('fsxTasks_cancelTask', { taskId });
    assert.match(again, /cannot be canceled: it is CANCELED/);
    assert.match(again, /Nothing was sent/);
    assert.equal((await emulator.requestCounts()).CancelDataRepositoryTask, sent, 'no cancel sent for an ended task');
    assert.equal((await emulator.state.getTask(taskId))?.lifecycle, 'CANCELED');
  });
});
