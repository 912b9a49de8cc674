// Retry Failed Files and the queue behind a running task, in the real extension host against the
// sandbox: what is created is read back from the emulator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { reportRows } from '../../src/emulator';
import type { Connection, StorageResource } from '../../src/fsx/types';
import { ManualClock } from '../../src/tracking/clock';
import { Emitter } from '../../src/tracking/events';
import { parseQueuedStarts, StartQueue } from '../../src/tracking/startQueue';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, contextValue, emulatorOf, label, resourceNodes, ScriptedPrompts, useExtension, waitFor } from './helpers';

function sandboxConnection(api: FsxTasksApi): Connection {
  const connection = api.container.sandbox.connection;
  assert.ok(connection, 'the sandbox runs');
  return connection;
}

async function resourceNamed(api: FsxTasksApi, name: string): Promise<ExplorerNode> {
  const node = (await resourceNodes(api)).find((candidate) => label(candidate) === name);
  assert.ok(node, `resource ${name}`);
  return node;
}

/** The causes a retry can fix (FSx user guide), written out here so the test does not take the product's word. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['ResourceBusy', 'InternalError', 'S3Error']);

describe('retry failed files and queue behind a running task', () => {
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;

  beforeEach(async () => {
    api = extension.api();
    prompts = extension.prompts();
    await emulatorOf(api).reset();
    api.container.model.refresh();
  });
  afterEach(() => {
    for (const item of [...api.container.queue.queue.list()]) {
      api.container.queue.queue.remove(item.id);
    }
  });

  it('Retry Failed Files: a new export of exactly the retryable paths of a demo task; the others listed apart', async () => {
    const state = emulatorOf(api).state;
    // The demo's failed export whose report mixes causes a retry fixes with causes that need a change.
    const candidates = (await state.endedTasks())
      .filter((task) => task.type === 'EXPORT_TO_REPOSITORY' && task.report.Enabled && (task.status?.failedCount ?? 0) > 0)
      .map((task) => ({ task, rows: [...reportRows({ taskId: task.taskId, type: task.type, failedCount: task.status?.failedCount ?? 0, paths: task.paths, failureMessage: task.failureMessage })] }));
    const chosen = candidates.find(({ rows }) => rows.some((row) => RETRYABLE_CODES.has(row.errorCode)) && rows.some((row) => !RETRYABLE_CODES.has(row.errorCode)));
    assert.ok(chosen, 'a demo export with both kinds of failure');
    const fileSystemId = chosen.task.fileSystemId;
    assert.ok(fileSystemId);
    const expected = [...new Set(chosen.rows.filter((row) => RETRYABLE_CODES.has(row.errorCode)).map((row) => row.path.replace(/^\/+/, '')))].sort();
    const apartCodes = [...new Set(chosen.rows.filter((row) => !RETRYABLE_CODES.has(row.errorCode)).map((row) => row.errorCode))];
    // The file system may run a demo task: the retry must not wait for it in this test.
    for (const running of (await state.tasksOf(fileSystemId)).filter((task) => task.lifecycle === 'EXECUTING' || task.lifecycle === 'PENDING')) {
      await state.markCancelRequested(running.taskId, (await state.now()) - 60_000);
    }
    prompts.confirmWith(true);
    await vscode.commands.executeCommand('fsxTasks.retryFailedFiles', { connection: sandboxConnection(api), task: { taskId: chosen.task.taskId } });
    assert.equal(prompts.confirmations.length, 1, `one confirmation; messages: ${JSON.stringify(prompts.messages)}`);
    const { message, detail } = prompts.confirmations[0];
    assert.match(message, new RegExp(`Export again the failed files of ${chosen.task.taskId}`));
    assert.match(detail, new RegExp(`Retried: ${expected.length} files`));
    for (const code of apartCodes) {
      assert.match(detail, new RegExp(`× ${code}: `), `${code} listed apart with what to change`);
    }
    const [created] = await state.tasksOf(fileSystemId);
    assert.notEqual(created.taskId, chosen.task.taskId, 'a new task');
    assert.equal(created.type, 'EXPORT_TO_REPOSITORY');
    assert.deepEqual([...created.paths].sort(), expected, 'exactly the retryable paths, in the form the API takes');
    assert.deepEqual(created.report, chosen.task.report, 'the same completion report');
    assert.ok(api.container.tracking.tracker.has(created.taskId), 'the status bar follows it');
  });

  it('Retry Failed Files past 100 paths: several release tasks, the first started, the others queued behind it', async () => {
    const ml = await resourceNamed(api, 'ml-training');
    const resource = (ml as unknown as { resource: StorageResource }).resource;
    const state = emulatorOf(api).state;
    const hour = 3_600_000;
    const releaseId = await state.addTask({
      fileSystemId: resource.id,
      type: 'RELEASE_DATA_FROM_FILESYSTEM',
      createdAt: (await state.now()) - 2 * hour,
      pendingMs: 1000,
      executingMs: hour,
      totalCount: 1_000,
      failedCount: 250,
      outcome: 'FAILED',
      failureMessage: 'Failed to release 250 files: in use by another client.',
      paths: ['checkpoints'],
      report: { Enabled: true, Path: 's3://ml-training-checkpoints/runs/reports', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' },
      releaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 30 } },
    });
    prompts.confirmWith(true);
    await vscode.commands.executeCommand('fsxTasks.retryFailedFiles', { connection: sandboxConnection(api), task: { taskId: releaseId } });
    assert.match(prompts.confirmations[0]?.detail ?? '', /the files go in 3 tasks: the first starts now, the others are queued in this VS Code window/);
    const [first] = await state.tasksOf(resource.id);
    assert.notEqual(first.taskId, releaseId);
    assert.equal(first.type, 'RELEASE_DATA_FROM_FILESYSTEM');
    assert.equal(first.paths.length, 100);
    assert.equal(first.releaseConfiguration?.DurationSinceLastAccess?.Value, 30, 'the same release age');
    const queued = api.container.queue.queue.list();
    assert.deepEqual(queued.map((item) => [item.behind, item.input.paths?.length]), [[first.taskId, 100], [first.taskId, 50]]);
    assert.equal(new Set([...first.paths, ...queued.flatMap((item) => item.input.paths ?? [])]).size, 250, 'every failed file once');
    assert.ok(prompts.messages.some((entry) => /2 more tasks are queued behind it/.test(entry.text)));
  });

  it('Retry Failed Files on an import says why not, and sends nothing', async () => {
    const imported = (await emulatorOf(api).state.endedTasks())
      .find((task) => task.type === 'IMPORT_METADATA_FROM_REPOSITORY' && task.report.Enabled && (task.status?.failedCount ?? 0) > 0);
    assert.ok(imported);
    await vscode.commands.executeCommand('fsxTasks.retryFailedFiles', { connection: sandboxConnection(api), task: { taskId: imported.taskId } });
    assert.match(prompts.messages[0]?.text ?? '', /retries exports and releases/);
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryTask, 0);
  });

  it('Queue: a start that meets a running task waits under its file system, survives in the workspace state, and starts when the running one is canceled', async () => {
    const ml = await resourceNamed(api, 'ml-training');
    const resource = (ml as unknown as { resource: StorageResource }).resource;
    const runningId = await emulatorOf(api).state.addTask({ fileSystemId: resource.id, type: 'IMPORT_METADATA_FROM_REPOSITORY', pendingMs: 0, executingMs: 3_600_000, cancelingMs: 0, totalCount: 100 });
    prompts.inputStepWith('').pickStepWith((_items, step) => step.active).modalWith('Start Export').chooseMessageAction('Queue');
    await vscode.commands.executeCommand('fsxTasks.startExport', ml);
    const warning = prompts.messages.find((entry) => entry.severity === 'warning');
    assert.deepEqual(warning?.actions, ['Queue', 'Track It', 'Cancel It']);
    assert.match(warning?.text ?? '', /Queue this start to run when it ends/);
    const queued = prompts.messages.find((entry) => /queued, starts when/.test(entry.text));
    assert.ok(queued, `said on queueing; messages: ${JSON.stringify(prompts.messages)}`);
    assert.match(queued.text, /The queue lives in this VS Code window: while the window is closed, nothing is started/);
    assert.equal((await emulatorOf(api).state.tasksOf(resource.id))[0]?.taskId, runningId, 'nothing started yet');
    assert.ok(api.container.tracking.tracker.has(runningId), 'the running task is followed, so its end is seen');

    // The row under its file system.
    const row = (await children(api, ml)).find((node) => contextValue(node).startsWith('queuedStart'));
    assert.ok(row, 'a queued row');
    assert.equal(contextValue(row), 'queuedStart');
    assert.match(label(row), /^Queued Export/);
    assert.match(String(row.getTreeItem().tooltip), /lives in this VS Code window/);

    // What a reload reads back: the saved value gives the same queue to a fresh one.
    const [item] = api.container.queue.queue.list();
    await api.container.queue.queue.whenPersisted();
    const stored = api.container.workspaceState.get('fsxTasks.queuedStarts');
    assert.deepEqual(parseQueuedStarts(stored).items, JSON.parse(JSON.stringify([item])));
    const ended = new Emitter<never>();
    const reloaded = new StartQueue({ clock: new ManualClock(), store: { get: () => stored, set: () => undefined }, tracker: { onDidEnd: ended.event, onDidVanish: ended.event }, create: () => Promise.reject(new Error('not sent')) });
    assert.equal(reloaded.restore((saved) => saved).restored.length, 1);
    assert.deepEqual(reloaded.list(), JSON.parse(JSON.stringify([item])));
    reloaded.dispose();

    // Cancel the running task: the queued export starts once the tracker sees it end.
    prompts.confirmWith(true);
    await vscode.commands.executeCommand('fsxTasks.cancelTask', { connection: sandboxConnection(api), task: { taskId: runningId } });
    const started = await waitFor('the queued export to start', async () => (await emulatorOf(api).state.tasksOf(resource.id)).find((task) => task.taskId !== runningId && task.type === 'EXPORT_TO_REPOSITORY' && task.creationTime > item.queuedAt - 1000), 40_000);
    assert.equal(started.report.Enabled, item.input.report?.enabled);
    assert.deepEqual(api.container.queue.queue.list(), [], 'the queue is empty once it started');
    await waitFor('the started task followed', () => api.container.tracking.tracker.has(started.taskId));
  });

  it('Queue: a start FSx then refuses shows its reason on the row and is not sent again by itself', async () => {
    const ml = await resourceNamed(api, 'ml-training');
    const resource = (ml as unknown as { resource: StorageResource }).resource;
    const runningId = await emulatorOf(api).state.addTask({ fileSystemId: resource.id, type: 'IMPORT_METADATA_FROM_REPOSITORY', pendingMs: 0, executingMs: 3_600_000, cancelingMs: 0, totalCount: 100 });
    const item = api.container.queue.add(sandboxConnection(api), [{ fileSystemId: resource.id, type: 'EXPORT_TO_REPOSITORY', report: { enabled: false } }], { taskId: runningId }, resource.id)[0];
    await emulatorOf(api).injectFault({ kind: 'accessDenied', operation: 'CreateDataRepositoryTask' });
    prompts.confirmWith(true);
    await vscode.commands.executeCommand('fsxTasks.cancelTask', { connection: sandboxConnection(api), task: { taskId: runningId } });
    const refused = await waitFor('the refusal on the row', () => api.container.queue.queue.list().find((candidate) => candidate.id === item.id && candidate.refusal), 40_000);
    assert.ok(prompts.messages.some((entry) => entry.severity === 'warning' && /queued .* was not started/i.test(entry.text)));
    const row = (await children(api, ml)).find((node) => contextValue(node) === 'queuedStart.refused');
    assert.ok(row, 'the refused row');
    assert.match(String(row.getTreeItem().tooltip), /FSx refused it/);
    const creates = (await emulatorOf(api).requestCounts()).CreateDataRepositoryTask;
    await emulatorOf(api).clearFaults();
    // Another end on that file system does not send it again.
    const otherId = await emulatorOf(api).state.addTask({ fileSystemId: resource.id, type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 500, totalCount: 10 });
    api.container.tracking.tracker.track(sandboxConnection(api), otherId, 'user');
    await waitFor('the other task to end', async () => (await emulatorOf(api).state.getTask(otherId))?.lifecycle === 'SUCCEEDED' && !api.container.tracking.tracker.list().some((entry) => entry.taskId === otherId && !entry.endedAt));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryTask, creates, 'not sent again by itself');
    assert.ok(refused.refusal);
    // Start Now sends it.
    await vscode.commands.executeCommand('fsxTasks.startQueuedNow', row);
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryTask, creates + 1);
    assert.deepEqual(api.container.queue.queue.list(), []);
  });
});
