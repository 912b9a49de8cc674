// The sandbox's emulator runs as a process of its own (src/sandbox/localSandbox.ts): a reload
// finds it again with its state, and its crash is said once with a way back.
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import { emulatorOf, useExtension, waitFor } from './helpers';

describe('the sandbox process', () => {
  const extension = useExtension();

  it('runs outside the extension host, recorded for this user only in the global storage', () => {
    const api = extension.api();
    const control = api.container.sandbox.control;
    assert.ok(control);
    assert.notEqual(control.pid, process.pid);
    process.kill(control.pid, 0); // alive
    const record = api.container.sandbox.recordFile;
    assert.equal(statSync(record).mode & 0o777, 0o600);
    assert.equal((JSON.parse(readFileSync(record, 'utf8')) as { pid: number }).pid, control.pid);
  });

  it('a window reload reattaches: the same process, and a tracked sandbox task keeps its progress', async () => {
    const api = extension.api();
    const emulator = emulatorOf(api);
    const [fileSystem] = (await emulator.state.fileSystems()).filter((fs) => fs.type === 'LUSTRE');
    const taskId = await emulator.state.addTask({ fileSystemId: fileSystem.fileSystemId, type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 3_600_000, totalCount: 100 });
    const before = await emulator.state.getTask(taskId);
    const connection = api.container.sandbox.connection;
    const pid = api.container.sandbox.control?.pid;
    assert.ok(connection && pid);
    api.container.tracking.tracker.track(connection, taskId, 'user');
    await waitFor('the task polled', () => api.container.tracking.tracker.list().find((entry) => entry.taskId === taskId && entry.task?.lifecycle === 'EXECUTING'));
    await api.container.tracking.tracker.whenPersisted();

    // What a reload does: the closing window lets go of the process, the new one finds it and restores its tracked tasks.
    api.container.sandbox.detach();
    assert.equal(api.container.sandbox.running, false);
    process.kill(pid, 0); // still alive
    const reattached = await api.container.sandbox.reattach();
    assert.deepEqual(reattached, connection, 'the same endpoint');
    assert.equal(api.container.sandbox.control?.pid, pid, 'the same process');
    await api.container.tracking.start(reattached);
    assert.ok(api.container.tracking.tracker.has(taskId), 'still tracked');
    const after = await emulatorOf(api).state.getTask(taskId);
    assert.equal(after?.lifecycle, 'EXECUTING', 'the task is still there: nothing re-seeded');
    assert.equal(after?.creationTime, before?.creationTime, 'not started over');
    api.container.tracking.tracker.untrack(taskId);
  });

  it('a crash: one error with Restart Sandbox, which starts a new process that the tree lists', async () => {
    const api = extension.api();
    const prompts = extension.prompts();
    const pid = api.container.sandbox.control?.pid;
    assert.ok(pid);
    prompts.chooseMessageAction('Restart Sandbox');
    process.kill(pid, 'SIGKILL');
    await waitFor('a new sandbox process', () => {
      const now = api.container.sandbox.control?.pid;
      return now !== undefined && now !== pid;
    });
    const errors = prompts.messages.filter((message) => message.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(prompts.messages));
    assert.match(errors[0].text, /^The local FSx sandbox stopped unexpectedly \(SIGKILL\); its tasks are gone\.$/);
    assert.deepEqual(errors[0].actions, ['Restart Sandbox']);
    assert.equal(api.container.sandbox.running, true);
    assert.ok((await emulatorOf(api).state.fileSystems()).length >= 4, 'the demo data again');
    const [root] = await api.container.explorer.tree.getChildren();
    assert.ok(root && api.container.model.connections().some((entry) => entry.connection.sandbox && entry.connection.endpoint === api.container.sandbox.connection?.endpoint), 'the tree lists the new sandbox');
    await vscode.commands.executeCommand('fsxTasks.refresh');
  });
});
