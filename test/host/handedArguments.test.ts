// Command arguments identify, they do not configure (issue 18, finding 3): a command run with a
// `{ task, connection }` (or a start command's `{ connection, resource }`) whose connection names an
// endpoint that is not configured is refused with a message, and nothing reaches that endpoint; a
// saved tracked task with such an endpoint is dropped on restore with one log line, never polled.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Connection } from '../../src/fsx/types';
import { emulatorOf, useExtension, waitFor } from './helpers';

const TRACKED_TASKS_KEY = 'fsxTasks.trackedTasks';

describe('handed-over arguments and a capture server', function () {
  this.timeout(60_000);
  const extension = useExtension();
  let server: Server;
  let captureUrl = '';
  let captured = 0;

  before(async () => {
    server = createServer((request, response) => {
      captured += 1;
      request.resume();
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"__type":"InternalServerError","message":"captured"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    captureUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    captured = 0;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A task of the running sandbox, and its file system. */
  async function sandboxTask(): Promise<{ taskId: string; fileSystemId: string }> {
    const emulator = emulatorOf(extension.api());
    const fileSystemId = (await emulator.state.fileSystems()).find((fs) => fs.type === 'LUSTRE')?.fileSystemId;
    assert.ok(fileSystemId);
    const taskId = await emulator.state.addTask({ fileSystemId, type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 600_000, outcome: 'SUCCEEDED', totalCount: 10 });
    return { taskId, fileSystemId };
  }

  const foreignConnections = (): Connection[] => [
    { region: 'us-east-1', endpoint: captureUrl, profile: 'capture' },
    // The sandbox's profile and region, another loopback port.
    { region: 'us-east-1', endpoint: captureUrl, sandbox: true },
    { region: 'us-east-1', endpoint: captureUrl },
    // Open in AWS Console put the region into the console's host name.
    { region: 'evil.example.com#', sandbox: true },
  ];

  async function expectRefused(command: string, argument: unknown): Promise<void> {
    const prompts = extension.prompts();
    const before = prompts.messages.length;
    await vscode.commands.executeCommand(command, argument);
    const shown = prompts.messages.slice(before);
    assert.equal(shown.length, 1, `${command}: one message, got ${JSON.stringify(shown)}`);
    assert.equal(shown[0].severity, 'error');
    assert.match(shown[0].text, /not one of yours.*Nothing was sent/, command);
  }

  for (const command of ['fsxTasks.cancelTask', 'fsxTasks.trackTask', 'fsxTasks.showTaskDetails', 'fsxTasks.showFailedFiles', 'fsxTasks.untrackTask', 'fsxTasks.openInConsole']) {
    it(`${command}: a { task, connection } naming an endpoint that is not configured is refused, nothing sent`, async () => {
      const { taskId, fileSystemId } = await sandboxTask();
      for (const connection of foreignConnections()) {
        await expectRefused(command, { task: { taskId, lifecycle: 'EXECUTING', type: 'EXPORT_TO_REPOSITORY', resource: { kind: 'fileSystem', id: fileSystemId }, paths: [], creationTime: new Date() }, connection });
      }
      assert.equal(extension.api().container.tracking.tracker.has(taskId), false, 'nothing tracked');
      await new Promise((resolve) => setTimeout(resolve, 2_500)); // a poll would have gone by now
      assert.equal(captured, 0, 'the capture server received no request');
    });
  }

  it('start commands: a { connection, resource, paths } naming an endpoint that is not configured is refused, nothing sent', async () => {
    const { fileSystemId } = await sandboxTask();
    for (const command of ['fsxTasks.startExport', 'fsxTasks.startImport', 'fsxTasks.startRelease']) {
      for (const connection of foreignConnections()) {
        await expectRefused(command, { connection, resource: { kind: 'fileSystem', id: fileSystemId, storageType: 'LUSTRE', lifecycle: 'AVAILABLE', supportsTasks: true }, paths: ['data'] });
      }
    }
    assert.equal(captured, 0, 'the capture server received no request');
  });

  it('fsxTasks.refresh: an object shaped like a tree node is no node; its connection is not scanned', async () => {
    await vscode.commands.executeCommand('fsxTasks.refresh', { id: 'conn:x', getTreeItem: () => ({}), getChildren: async () => [], connection: foreignConnections()[0] });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(captured, 0, 'the capture server received no request');
  });

  it('a handed-over target naming the sandbox as it runs still works, with our copy of the task', async () => {
    const api = extension.api();
    const { taskId } = await sandboxTask();
    const sandbox = api.container.sandbox.connection;
    assert.ok(sandbox);
    await vscode.commands.executeCommand('fsxTasks.trackTask', { task: { taskId, lifecycle: 'SUCCEEDED', failureMessage: 'not from FSx' }, connection: { ...sandbox } });
    const tracked = await waitFor('tracked', () => api.container.tracking.tracker.list().find((candidate) => candidate.taskId === taskId));
    assert.deepEqual(tracked.connection, sandbox, 'the sandbox connection');
    assert.notEqual(tracked.task?.failureMessage, 'not from FSx', 'the task as FSx describes it');
    assert.deepEqual(extension.prompts().messages, []);
  });

  it('drops a saved tracked task whose endpoint is not configured, with one log line, and never polls it', async () => {
    const api = extension.api();
    const { taskId } = await sandboxTask();
    const kept = (await sandboxTask()).taskId;
    const sandbox = api.container.sandbox.connection;
    assert.ok(sandbox);
    // The previous test's untrack may still be on its way to the store.
    await api.container.tracking.tracker.whenPersisted();
    const record = (id: string, connection: Connection) => ({ taskId: id, connection, lastLifecycle: 'EXECUTING', reason: 'user', addedAt: Date.now() });
    await api.container.workspaceState.update(TRACKED_TASKS_KEY, [record(taskId, { region: 'us-east-1', endpoint: captureUrl, profile: 'capture' }), record(kept, { ...sandbox, endpoint: 'http://127.0.0.1:1' })]);
    // Only what this test logs: after an emulator reset an earlier test may have logged a task of the same id.
    const logFiles = () => readdirSync(api.logUri.fsPath).filter((file) => file.endsWith('.log'));
    const logged0 = new Map(logFiles().map((file) => [file, readFileSync(join(api.logUri.fsPath, file), 'utf8').length]));
    // What activation does after a window reload.
    await api.container.tracking.start(sandbox);
    assert.equal(api.container.tracking.tracker.has(taskId), false, 'the foreign record is not tracked');
    assert.equal(api.container.tracking.tracker.has(kept), true, `a sandbox record follows the running sandbox: ${JSON.stringify(api.container.tracking.tracker.list())} ${JSON.stringify(api.container.workspaceState.get(TRACKED_TASKS_KEY))}`);
    const logged = await waitFor('the log line', () => {
      const lines = logFiles()
        .flatMap((file) => readFileSync(join(api.logUri.fsPath, file), 'utf8').slice(logged0.get(file) ?? 0).split('\n'))
        .filter((line) => line.includes(taskId));
      return lines.length > 0 ? lines : undefined;
    });
    assert.equal(logged.length, 1, `one log line: ${logged.join(' | ')}`);
    assert.match(logged[0], /Dropped 1 saved tracked task\(s\) whose connection is not one of yours/);
    assert.doesNotMatch(logged[0], new RegExp(captureUrl.replace(/[.:/]/g, '\\$&')), 'the endpoint is not repeated');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    assert.equal(captured, 0, 'the capture server received no request');
    const saved = api.container.workspaceState.get<{ taskId: string }[]>(TRACKED_TASKS_KEY) ?? [];
    assert.ok(!saved.some((entry) => entry.taskId === taskId), 'pruned from the saved state');
  });
});
