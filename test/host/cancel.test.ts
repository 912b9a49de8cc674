import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { FaultKind } from '../../src/emulator';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, contextValue, emulatorOf, resourceNodes, ScriptedPrompts, useExtension, waitFor } from './helpers';

/** A fresh EXECUTING task on the first Lustre file system, long enough to cancel. */
async function addExecutingTask(api: FsxTasksApi, behaviour: { cancelingMs?: number; executingMs?: number } = {}): Promise<{ taskId: string; fileSystemId: string }> {
  const emulator = emulatorOf(api);
  let fileSystemId: string | undefined;
  for (const fs of await emulator.state.fileSystems()) {
    if (fs.type === 'LUSTRE' && (await emulator.state.tasksOf(fs.fileSystemId)).length < 50) {
      fileSystemId = fs.fileSystemId;
      break;
    }
  }
  assert.ok(fileSystemId, 'a Lustre file system');
  const taskId = await emulator.state.addTask({
    fileSystemId,
    type: 'EXPORT_TO_REPOSITORY',
    pendingMs: 0,
    executingMs: behaviour.executingMs ?? 3_600_000,
    cancelingMs: behaviour.cancelingMs ?? 1_500,
    totalCount: 5_000,
    outcome: 'SUCCEEDED',
    paths: ['/scratch/results', '/scratch/logs'],
  });
  return { taskId, fileSystemId };
}

async function taskRow(api: FsxTasksApi, fileSystemId: string, taskId: string): Promise<ExplorerNode> {
  api.container.model.refresh();
  const resource = (await resourceNodes(api)).find((node) => node.id.endsWith(fileSystemId));
  assert.ok(resource, `resource ${fileSystemId}`);
  const row = (await children(api, resource)).find((node) => node.id.endsWith(taskId));
  assert.ok(row, `row ${taskId}`);
  return row;
}

describe('cancel a data repository task', () => {
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;

  beforeEach(() => {
    api = extension.api();
    prompts = extension.prompts();
  });

  it('from the context menu: confirms, cancels, and tracks the task to CANCELED', async () => {
    const { taskId, fileSystemId } = await addExecutingTask(api);
    const row = await taskRow(api, fileSystemId, taskId);
    assert.equal(contextValue(row), 'task.EXECUTING');
    const transitions: string[] = [];
    const subscription = api.container.tracking.tracker.onDidTransition((transition) => {
      if (transition.taskId === taskId) {
        transitions.push(`${transition.from ?? ''}->${transition.to}`);
      }
    });
    prompts.confirmWith(true);
    await vscode.commands.executeCommand('fsxTasks.cancelTask', row);
    assert.equal(prompts.confirmations.length, 1);
    const { message, detail } = prompts.confirmations[0];
    assert.equal(message, `Cancel task ${taskId}?`);
    assert.match(detail, /^Type: Export to repository$/m);
    assert.match(detail, new RegExp(fileSystemId));
    assert.match(detail, /\/scratch\/results/);
    assert.match(detail, /exported files are not reverted/);
    assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask, 1);
    assert.ok(api.container.tracking.tracker.has(taskId), 'the canceled task is tracked');
    await waitFor('CANCELED', () => api.container.tracking.tracker.list().find((tracked) => tracked.taskId === taskId)?.task?.lifecycle === 'CANCELED', 20_000);
    assert.ok(transitions.includes('CANCELING->CANCELED'), transitions.join(', '));
    await waitFor('the end notification', () => prompts.messages.find((m) => m.text.includes(taskId) && /was canceled/.test(m.text)));
    assert.equal(prompts.messages.filter((m) => m.text.includes(taskId)).length, 1, 'one notification');
    subscription.dispose();
  });

  it('asks for the task id instead when fsxTasks.cancel.confirmation is typeTaskId', async () => {
    const config = vscode.workspace.getConfiguration('fsxTasks');
    await config.update('cancel.confirmation', 'typeTaskId', vscode.ConfigurationTarget.Global);
    try {
      const { taskId, fileSystemId } = await addExecutingTask(api);
      const row = await taskRow(api, fileSystemId, taskId);
      // A wrong id changes nothing.
      prompts.typeWith(taskId.slice(0, -1));
      await vscode.commands.executeCommand('fsxTasks.cancelTask', row);
      assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask ?? 0, 0);
      prompts.typeWith(taskId);
      await vscode.commands.executeCommand('fsxTasks.cancelTask', row);
      assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask, 1);
      assert.equal(prompts.confirmations.length, 2);
      assert.ok(api.container.tracking.tracker.has(taskId));
    } finally {
      await config.update('cancel.confirmation', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('does nothing when the confirmation is declined', async () => {
    const { taskId, fileSystemId } = await addExecutingTask(api);
    prompts.confirmWith(false);
    await vscode.commands.executeCommand('fsxTasks.cancelTask', await taskRow(api, fileSystemId, taskId));
    assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask, 0);
    assert.equal((await emulatorOf(api).state.getTask(taskId))?.lifecycle, 'EXECUTING');
    assert.equal(api.container.tracking.tracker.has(taskId), false);
    assert.deepEqual(prompts.messages, []);
  });

  it('from the palette: picks among the active tasks of every connection', async () => {
    const { taskId } = await addExecutingTask(api);
    let offered: string[] = [];
    prompts.pickWith((items) => {
      offered = items.map((item) => item.label);
      return items.find((item) => item.label.includes(taskId));
    });
    prompts.confirmWith(true);
    await vscode.commands.executeCommand('fsxTasks.cancelTask');
    assert.ok(offered.length > 1, 'several active tasks offered');
    assert.ok(offered.every((text) => !/Succeeded|Failed|Canceled/.test(text)));
    assert.equal((await emulatorOf(api).state.getTask(taskId))?.lifecycle, 'CANCELING');
  });

  it('from the palette: validates a typed task id before any call', async () => {
    prompts.pickWith((_items, options) => options.itemForValue?.('task-123'));
    await vscode.commands.executeCommand('fsxTasks.cancelTask');
    const counts = await emulatorOf(api).requestCounts();
    assert.equal(counts.CancelDataRepositoryTask, 0);
    assert.equal(counts.DescribeDataRepositoryTasks, 1, 'only the listing of active tasks for the picker');
    assert.equal(prompts.messages.length, 1);
    assert.match(prompts.messages[0].text, /not a task ID/);
  });

  it('from the palette: accepts a valid typed task id', async () => {
    const { taskId } = await addExecutingTask(api);
    prompts.pickWith((_items, options) => options.itemForValue?.(taskId));
    prompts.confirmWith(true);
    await vscode.commands.executeCommand('fsxTasks.cancelTask');
    assert.equal((await emulatorOf(api).state.getTask(taskId))?.lifecycle, 'CANCELING');
  });

  it('says a task already ended when it finishes between the confirmation and the call', async () => {
    const { taskId, fileSystemId } = await addExecutingTask(api, { executingMs: 4_000 });
    const emulator = emulatorOf(api);
    const row = await taskRow(api, fileSystemId, taskId);
    // While the dialog is open, the task finishes on its own.
    prompts.confirmWith(true, () => waitFor('the task to succeed', async () => (await emulator.state.getTask(taskId))?.lifecycle === 'SUCCEEDED', 10_000).then(() => undefined));
    await vscode.commands.executeCommand('fsxTasks.cancelTask', row);
    assert.equal(prompts.confirmations.length, 1, 'the dialog was shown while the task executed');
    assert.equal((await emulator.requestCounts()).CancelDataRepositoryTask, 1);
    assert.equal((await emulator.state.getTask(taskId))?.lifecycle, 'SUCCEEDED');
    assert.equal(prompts.messages.length, 1, prompts.messages.map((m) => m.text).join(' | '));
    assert.equal(prompts.messages[0].severity, 'info');
    assert.match(prompts.messages[0].text, /had already ended \(succeeded\)/);
    assert.equal(api.container.tracking.tracker.has(taskId), false);
    const refreshed = await taskRow(api, fileSystemId, taskId);
    assert.equal(contextValue(refreshed), 'task.SUCCEEDED');
  });

  const errorCases: { fault: FaultKind; severity: string; text: RegExp }[] = [
    { fault: 'accessDenied', severity: 'error', text: /Access denied/ },
    { fault: 'expiredToken', severity: 'error', text: /credentials are missing or expired/ },
    { fault: 'throttle', severity: 'error', text: /throttling/ },
    { fault: 'internal', severity: 'error', text: /internal error/ },
    { fault: 'drop', severity: 'error', text: /Could not reach FSx/ },
  ];
  for (const { fault, severity, text } of errorCases) {
    it(`reports a ${fault} failure once, with a next step, and changes nothing`, async () => {
      const { taskId, fileSystemId } = await addExecutingTask(api);
      const row = await taskRow(api, fileSystemId, taskId);
      await emulatorOf(api).injectFault({ kind: fault, operation: 'CancelDataRepositoryTask' });
      prompts.confirmWith(true);
      await vscode.commands.executeCommand('fsxTasks.cancelTask', row);
      assert.equal(prompts.messages.length, 1, prompts.messages.map((m) => m.text).join(' | '));
      assert.equal(prompts.messages[0].severity, severity);
      assert.match(prompts.messages[0].text, text);
      assert.match(prompts.messages[0].text, new RegExp(`Could not cancel ${taskId}`));
      assert.ok(prompts.messages[0].actions.length === 1, 'one next step');
      assert.equal((await emulatorOf(api).state.getTask(taskId))?.lifecycle, 'EXECUTING');
      assert.equal(api.container.tracking.tracker.has(taskId), false);
      const refreshed = await taskRow(api, fileSystemId, taskId);
      assert.equal(refreshed.getTreeItem().description?.toString().startsWith('Canceling...'), false, 'no spinner left behind');
    });
  }

  it('reports a task id that does not exist', async () => {
    await vscode.commands.executeCommand('fsxTasks.cancelTask', 'task-0000000000000dead0');
    assert.equal(prompts.messages.length, 1);
    assert.match(prompts.messages[0].text, /could not find it/);
    assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask, 0);
  });

  it('refuses to cancel a task that already succeeded, without calling cancel', async () => {
    const emulator = emulatorOf(api);
    const tasks = await Promise.all((await emulator.state.fileSystems()).map((fs) => emulator.state.tasksOf(fs.fileSystemId)));
    const ended = tasks.flat().find((task) => task.lifecycle === 'SUCCEEDED');
    assert.ok(ended);
    await vscode.commands.executeCommand('fsxTasks.cancelTask', ended.taskId);
    assert.equal((await emulator.requestCounts()).CancelDataRepositoryTask, 0);
    assert.match(prompts.messages[0]?.text ?? '', /cannot be canceled now: its state is Succeeded/);
  });

  describe('many at once', () => {
    /** The rows of these tasks, from one listing of the file system (as a multi-selection). */
    async function rows(fileSystemId: string, taskIds: readonly string[]): Promise<ExplorerNode[]> {
      api.container.model.refresh();
      const resource = (await resourceNodes(api)).find((node) => node.id.endsWith(fileSystemId));
      assert.ok(resource);
      const listed = await children(api, resource);
      return taskIds.map((taskId) => {
        const row = listed.find((node) => node.id.endsWith(taskId));
        assert.ok(row, `row ${taskId}`);
        return row;
      });
    }

    async function endedTaskOn(fileSystemId: string): Promise<string> {
      const ended = (await emulatorOf(api).state.tasksOf(fileSystemId)).find((task) => task.lifecycle === 'SUCCEEDED');
      assert.ok(ended, 'a succeeded task on the file system');
      return ended.taskId;
    }

    it('cancels every selected active task after one confirmation, skips the ended ones, and sums up', async () => {
      const emulator = emulatorOf(api);
      const first = await addExecutingTask(api);
      const others = [(await addExecutingTask(api)).taskId, (await addExecutingTask(api)).taskId];
      // This one ends while the dialog is open: "had already ended".
      const racing = (await addExecutingTask(api, { executingMs: 4_000 })).taskId;
      const ended = await endedTaskOn(first.fileSystemId);
      const selection = await rows(first.fileSystemId, [first.taskId, ...others, racing, ended]);
      prompts.confirmWith(true, () => waitFor('the racing task to end', async () => (await emulator.state.getTask(racing))?.lifecycle === 'SUCCEEDED', 10_000).then(() => undefined));
      await vscode.commands.executeCommand('fsxTasks.cancelTask', selection[1], selection);
      assert.equal(prompts.confirmations.length, 1, 'one confirmation');
      const { message, detail } = prompts.confirmations[0];
      assert.equal(message, 'Cancel 4 tasks?');
      for (const taskId of [first.taskId, ...others, racing]) {
        assert.match(detail, new RegExp(`^${taskId} · Export to repository · `, 'm'));
      }
      assert.match(detail, new RegExp(`Skipped, they cannot be canceled now:\n${ended}: Succeeded`));
      assert.match(detail, /exported files are not reverted/);
      assert.equal((await emulator.requestCounts()).CancelDataRepositoryTask, 4, 'no cancel for the skipped task');
      assert.equal((await emulator.requestCounts()).DescribeDataRepositoryTasks >= 1, true);
      for (const taskId of [first.taskId, ...others]) {
        assert.equal((await emulator.state.getTask(taskId))?.lifecycle, 'CANCELING');
        assert.ok(api.container.tracking.tracker.has(taskId), `${taskId} is tracked`);
      }
      assert.equal(api.container.tracking.tracker.has(racing), false);
      assert.deepEqual(
        prompts.messages.map((m) => m.text),
        ['3 canceled, 1 had already ended'],
      );
    });

    it('keeps every task running when the one confirmation is declined', async () => {
      const a = await addExecutingTask(api);
      const b = (await addExecutingTask(api)).taskId;
      const selection = await rows(a.fileSystemId, [a.taskId, b]);
      prompts.confirmWith(false);
      await vscode.commands.executeCommand('fsxTasks.cancelTask', selection[0], selection);
      assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask, 0);
      assert.deepEqual(prompts.messages, []);
    });

    it('asks to type "cancel N tasks" under the typeTaskId confirmation', async () => {
      const config = vscode.workspace.getConfiguration('fsxTasks');
      await config.update('cancel.confirmation', 'typeTaskId', vscode.ConfigurationTarget.Global);
      try {
        const a = await addExecutingTask(api);
        const b = (await addExecutingTask(api)).taskId;
        const selection = await rows(a.fileSystemId, [a.taskId, b]);
        prompts.typeWith('cancel 1 tasks');
        await vscode.commands.executeCommand('fsxTasks.cancelTask', selection[0], selection);
        assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask, 0, 'a wrong count cancels nothing');
        prompts.typeWith('cancel 2 tasks');
        await vscode.commands.executeCommand('fsxTasks.cancelTask', selection[0], selection);
        assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask, 2);
        assert.deepEqual(prompts.messages.map((m) => m.text), [], 'the ends are announced together, later');
      } finally {
        await config.update('cancel.confirmation', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('acts on the clicked task alone when it is outside the selection', async () => {
      const a = await addExecutingTask(api);
      const b = (await addExecutingTask(api)).taskId;
      const c = (await addExecutingTask(api)).taskId;
      const [rowA, rowB, rowC] = await rows(a.fileSystemId, [a.taskId, b, c]);
      prompts.confirmWith(true);
      await vscode.commands.executeCommand('fsxTasks.cancelTask', rowC, [rowA, rowB]);
      assert.equal(prompts.confirmations[0].message, `Cancel task ${c}?`);
      assert.equal((await emulatorOf(api).requestCounts()).CancelDataRepositoryTask, 1);
      assert.equal((await emulatorOf(api).state.getTask(a.taskId))?.lifecycle, 'EXECUTING');
    });

    it('tracks every selected task that can still change and says which ended ones it skipped', async () => {
      const a = await addExecutingTask(api);
      const b = (await addExecutingTask(api)).taskId;
      const ended = await endedTaskOn(a.fileSystemId);
      const selection = await rows(a.fileSystemId, [a.taskId, b, ended]);
      await vscode.commands.executeCommand('fsxTasks.trackTask', selection[2], selection);
      const tracker = api.container.tracking.tracker;
      assert.ok(tracker.has(a.taskId) && tracker.has(b));
      assert.equal(tracker.has(ended), false);
      assert.equal(prompts.messages.length, 1);
      assert.equal(prompts.messages[0].text, `Tracking 2 tasks. Skipped 1 that had ended (${ended}: Succeeded).`);
    });

    it('"Cancel Tasks..." from the palette: a multi-select pick of the active tasks', async () => {
      const picked = [(await addExecutingTask(api)).taskId, (await addExecutingTask(api)).taskId];
      let offered = 0;
      prompts.pickManyWith((items) => {
        offered = items.length;
        return items.filter((item) => picked.some((taskId) => item.label.includes(taskId)));
      });
      prompts.confirmWith(true);
      await vscode.commands.executeCommand('fsxTasks.cancelTasks');
      assert.ok(offered >= 2, `${offered} active tasks offered`);
      assert.equal(prompts.confirmations[0].message, 'Cancel 2 tasks?');
      for (const taskId of picked) {
        assert.equal((await emulatorOf(api).state.getTask(taskId))?.lifecycle, 'CANCELING');
      }
      assert.deepEqual(prompts.messages.map((m) => m.text), [], 'the ends are announced together, later');
    });

    it('tasks canceled together end in one notification, not one per task', async () => {
      const a = await addExecutingTask(api, { cancelingMs: 1_000 });
      const b = (await addExecutingTask(api, { cancelingMs: 3_000 })).taskId;
      const selection = await rows(a.fileSystemId, [a.taskId, b]);
      prompts.confirmWith(true);
      await vscode.commands.executeCommand('fsxTasks.cancelTask', selection[0], selection);
      const tracker = api.container.tracking.tracker;
      const ended = (taskId: string) => tracker.list().find((tracked) => tracked.taskId === taskId)?.task?.lifecycle === 'CANCELED';
      await waitFor('both canceled', () => ended(a.taskId) && ended(b), 30_000);
      await waitFor('the announcement', () => prompts.messages.length > 0, 10_000);
      // Anything else would have come with the last poll: give the notifications a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const texts = prompts.messages.map((m) => m.text);
      assert.equal(texts.length, 1, texts.join(' | '));
      assert.match(texts[0], /^The 2 tasks canceled together have ended: 2 canceled \(/);
      assert.ok(texts[0].includes(a.taskId) && texts[0].includes(b), texts[0]);
    });
  });
});
