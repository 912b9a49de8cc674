import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { FsxError } from '../../src/fsx/errors';
import { children, contextValue, emulatorOf, resourceNodes, ScriptedPrompts, useExtension, waitFor } from './helpers';

async function addTask(api: FsxTasksApi, plan: { pendingMs: number; executingMs: number; outcome: 'SUCCEEDED' | 'FAILED'; failureMessage?: string }): Promise<string> {
  const emulator = emulatorOf(api);
  const fileSystemId = (await emulator.state.fileSystems()).find((fs) => fs.type === 'LUSTRE')?.fileSystemId;
  assert.ok(fileSystemId);
  return emulator.state.addTask({ fileSystemId, type: 'IMPORT_METADATA_FROM_REPOSITORY', totalCount: 200, ...plan });
}

describe('tracking in the status bar', () => {
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;

  beforeEach(() => {
    api = extension.api();
    prompts = extension.prompts();
  });

  it('shows every transition PENDING -> EXECUTING -> SUCCEEDED and notifies once', async () => {
    const taskId = await addTask(api, { pendingMs: 2_000, executingMs: 3_000, outcome: 'SUCCEEDED' });
    const seen: string[] = [];
    const subscription = api.container.tracking.tracker.onDidTransition((transition) => {
      if (transition.taskId === taskId) {
        seen.push(transition.to);
      }
    });
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    await waitFor('SUCCEEDED', () => seen.includes('SUCCEEDED'), 30_000);
    subscription.dispose();
    assert.deepEqual(seen, ['PENDING', 'EXECUTING', 'SUCCEEDED']);
    await waitFor('the notification', () => prompts.messages.find((message) => message.text.includes(taskId)));
    assert.equal(prompts.messages.filter((message) => message.text.includes(taskId)).length, 1);
    assert.match(prompts.messages[0].text, /succeeded \(200 of 200 files\)/);
  });

  it('notifies a failure with its FailureDetails message and a Show Details action', async () => {
    const taskId = await addTask(api, { pendingMs: 0, executingMs: 1_500, outcome: 'FAILED', failureMessage: 'Access denied to s3://bucket/prefix' });
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    const message = await waitFor('the failure notification', () => prompts.messages.find((m) => m.text.includes(taskId)), 30_000);
    assert.equal(message.severity, 'error');
    assert.match(message.text, /failed: Access denied to s3:\/\/bucket\/prefix/);
    assert.deepEqual(message.actions, ['Show Details']);
  });

  it('summarises several tracked tasks and hides when none is left', async () => {
    const first = await addTask(api, { pendingMs: 0, executingMs: 600_000, outcome: 'SUCCEEDED' });
    const second = await addTask(api, { pendingMs: 600_000, executingMs: 600_000, outcome: 'SUCCEEDED' });
    await vscode.commands.executeCommand('fsxTasks.trackTask', first);
    await vscode.commands.executeCommand('fsxTasks.trackTask', second);
    await waitFor('both observed', () => api.container.tracking.tracker.list().every((tracked) => tracked.task));
    // The item the extension created, as it stands.
    const statusBar = api.container.tracking.statusBar;
    assert.equal(statusBar.snapshot().visible, true);
    assert.match(statusBar.snapshot().text, /FSx: 2 tasks, 1 executing, 1 pending/);
    api.container.tracking.tracker.untrack(first);
    assert.match(statusBar.snapshot().text, /task-[0-9a-f]{4}…[0-9a-f]{4} Pending/);
    assert.match(statusBar.snapshot().tooltip, new RegExp(`${second}: Pending`));
    api.container.tracking.tracker.untrack(second);
    assert.equal(statusBar.snapshot().visible, false, 'hidden when nothing is tracked');
  });

  it('says in the status bar, not in a toast, when polls fail, and recovers', async () => {
    const taskId = await addTask(api, { pendingMs: 0, executingMs: 600_000, outcome: 'SUCCEEDED' });
    const emulator = emulatorOf(api);
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    await waitFor('the first observation', () => api.container.tracking.tracker.list().find((tracked) => tracked.taskId === taskId)?.task);
    // Credentials lose their FSx permission while the task is tracked.
    await emulator.injectFault({ kind: 'accessDenied', operation: 'DescribeDataRepositoryTasks' });
    const failure = new Promise<FsxError>((resolve) => {
      const subscription = api.container.scheduler.onDidFail(({ error }) => {
        subscription.dispose();
        resolve(error);
      });
    });
    api.container.scheduler.nudge();
    await failure;
    const statusBar = api.container.tracking.statusBar;
    const stale = statusBar.snapshot();
    assert.equal(stale.visible, true);
    assert.match(stale.text, /^\$\(warning\) /);
    assert.match(stale.tooltip, /last refresh failed.*Access denied/s);
    assert.equal(stale.backgroundColor, 'statusBarItem.warningBackground');
    assert.deepEqual(prompts.messages, [], 'no toast for a failed poll');
    await emulator.clearFaults();
    const recovered = new Promise<void>((resolve) => {
      const subscription = api.container.scheduler.onDidPoll(() => {
        subscription.dispose();
        resolve();
      });
    });
    api.container.scheduler.nudge();
    await recovered;
    const fresh = statusBar.snapshot();
    assert.doesNotMatch(fresh.text, /\$\(warning\)/, 'the warning is gone after a good poll');
    assert.doesNotMatch(fresh.tooltip, /last refresh failed/);
    assert.equal(fresh.backgroundColor, undefined);
  });

  it('marks tracked rows and offers Stop Tracking instead of Track', async () => {
    const emulator = emulatorOf(api);
    const taskId = await addTask(api, { pendingMs: 0, executingMs: 600_000, outcome: 'SUCCEEDED' });
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    api.container.model.refresh();
    const fileSystemId = (await emulator.state.getTask(taskId))?.fileSystemId ?? '';
    const resource = (await resourceNodes(api)).find((node) => node.id.endsWith(fileSystemId));
    assert.ok(resource);
    const row = (await children(api, resource)).find((node) => node.id.endsWith(taskId));
    assert.ok(row);
    assert.equal(contextValue(row), 'task.EXECUTING.tracked');
    await vscode.commands.executeCommand('fsxTasks.untrackTask', row);
    assert.equal(api.container.tracking.tracker.has(taskId), false);
  });

  it('offers the tracked tasks and their actions from the status bar', async () => {
    const taskId = await addTask(api, { pendingMs: 0, executingMs: 600_000, outcome: 'SUCCEEDED' });
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    let actions: string[] = [];
    prompts.pickWith((items) => items.find((item) => item.label.includes(taskId)));
    prompts.pickWith((items) => {
      actions = items.map((item) => item.label);
      return items.find((item) => /Stop Tracking/.test(item.label));
    });
    await vscode.commands.executeCommand('fsxTasks.showTrackedTasks');
    assert.ok(actions.some((action) => /Reveal in FSx View/.test(action)));
    assert.ok(actions.some((action) => /Show Task Details/.test(action)));
    assert.ok(actions.some((action) => /Cancel Data Repository Task/.test(action)));
    assert.equal(api.container.tracking.tracker.has(taskId), false);
  });

  it('copies the task id and ARN, and explains that sandbox tasks have no console page', async () => {
    const taskId = await addTask(api, { pendingMs: 0, executingMs: 600_000, outcome: 'SUCCEEDED' });
    await vscode.commands.executeCommand('fsxTasks.copyTaskId', taskId);
    assert.equal(await vscode.env.clipboard.readText(), taskId);
    await vscode.commands.executeCommand('fsxTasks.copyTaskArn', taskId);
    assert.match(await vscode.env.clipboard.readText(), new RegExp(`^arn:aws:fsx:us-east-1:\\d{12}:task/${taskId}$`));
    await vscode.commands.executeCommand('fsxTasks.openInConsole', taskId);
    assert.equal(prompts.messages.length, 1);
    assert.match(prompts.messages[0].text, /no AWS Console page/);
  });

  it('shows task details as a read-only document with every field', async () => {
    const taskId = await addTask(api, { pendingMs: 0, executingMs: 1_000, outcome: 'FAILED', failureMessage: 'Export path does not exist' });
    await waitFor('FAILED', async () => (await emulatorOf(api).state.getTask(taskId))?.lifecycle === 'FAILED', 10_000);
    await vscode.commands.executeCommand('fsxTasks.showTaskDetails', taskId);
    const editor = await waitFor('the details editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'fsx-task' && e.document.uri.path.includes(taskId)));
    const text = editor.document.getText();
    for (const expected of [taskId, 'IMPORT_METADATA_FROM_REPOSITORY', 'FAILED', 'Export path does not exist', 'Total files', 'Created', 'Ended', 'ARN']) {
      assert.ok(text.includes(expected), expected);
    }
    assert.equal(editor.document.languageId, 'markdown');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('keeps an open details document current from polls, and forgets it once closed', async () => {
    const taskId = await addTask(api, { pendingMs: 0, executingMs: 600_000, outcome: 'SUCCEEDED' });
    const details = api.container.details;
    await vscode.commands.executeCommand('fsxTasks.showTaskDetails', taskId);
    const editor = await waitFor('the details editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.includes(taskId)));
    assert.equal(details.has(taskId), true);
    // A poll that brings news of the task re-renders the open document.
    const [task] = await api.container.apiFor(api.container.model.connections()[0].connection).describeTasks([taskId]);
    const changed = new Promise<void>((resolve) => {
      const subscription = details.onDidChange((uri) => {
        if (uri.path.includes(taskId)) {
          subscription.dispose();
          resolve();
        }
      });
    });
    const connection = api.container.model.connections()[0].connection;
    api.container.scheduler.watch('host-test', connection, [taskId]);
    api.container.scheduler.nudge(connection);
    await changed;
    assert.ok(editor.document.getText().includes(task.taskId));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the closed document forgotten', () => !details.has(taskId), 10_000);
    let rendered = 0;
    const subscription = details.onDidChange(() => rendered++);
    api.container.scheduler.nudge(connection);
    await new Promise<void>((resolve) => {
      const polled = api.container.scheduler.onDidPoll(() => {
        polled.dispose();
        resolve();
      });
    });
    subscription.dispose();
    api.container.scheduler.unwatch('host-test', connection);
    assert.equal(rendered, 0, 'no re-render of a closed document');
    assert.equal(details.has(taskId), false);
  });
});
