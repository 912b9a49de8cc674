import * as assert from 'node:assert/strict';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, connectionOf, contextValue, description, emulatorOf, getApi, hoverOf, label, resourceNodes, taskListRows, waitFor } from './helpers';

describe('explorer tree (demo scenario)', () => {
  let api: FsxTasksApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await emulatorOf(api).clearFaults();
    api.container.model.refresh();
  });

  it('shows one sandbox connection, clearly marked', async () => {
    const roots = await children(api);
    assert.equal(roots.length, 1);
    assert.equal(contextValue(roots[0]), 'connection.sandbox');
    assert.match(label(roots[0]), /Sandbox/);
    assert.match(description(roots[0]), /not AWS/);
  });

  it('lists the Lustre file systems and the File Cache, and hides the non-Lustre one', async () => {
    const [connection] = await children(api);
    const nodes = await children(api, connection);
    const fileSystems = nodes.filter((node) => contextValue(node).startsWith('resource.fileSystem'));
    const caches = nodes.filter((node) => contextValue(node) === 'resource.fileCache');
    assert.ok(fileSystems.length >= 3, `${fileSystems.length} file systems`);
    assert.equal(caches.length, 1);
    assert.ok(nodes.some((node) => /other file system/.test(label(node))), 'a note about the hidden non-Lustre file system');
    const emulator = emulatorOf(api);
    const lustre = (await emulator.state.fileSystems()).filter((fs) => fs.type === 'LUSTRE').length;
    assert.equal(fileSystems.length, lustre);
  });

  it('shows tasks newest first with lifecycle, type, id and progress', async () => {
    const all: ExplorerNode[] = [];
    for (const resource of await resourceNodes(api)) {
      const tasks = (await children(api, resource)).filter((node) => contextValue(node).startsWith('task.'));
      const times = tasks.map((node) => (node as unknown as { task: { creationTime: Date } }).task.creationTime.getTime());
      assert.deepEqual(times, [...times].sort((a, b) => b - a), `${label(resource)} newest first`);
      all.push(...tasks);
    }
    const lifecycles = new Set(all.map((node) => contextValue(node).split('.')[1]));
    for (const lifecycle of ['PENDING', 'EXECUTING', 'CANCELING', 'SUCCEEDED', 'FAILED', 'CANCELED']) {
      assert.ok(lifecycles.has(lifecycle), `some task is ${lifecycle}`);
    }
    const executing = all.find((node) => contextValue(node) === 'task.EXECUTING' && /%/.test(label(node)));
    assert.ok(executing, 'an executing task shows its progress');
    // The state leads the row, where the side bar never cuts it; type, age and id follow.
    assert.match(label(executing), /^Executing \d+%$/);
    assert.match(description(executing), /^(Export|Import|Release|Auto-release) · .+ · task-[0-9a-f]{4}…[0-9a-f]{4}$/);
    const taskId = (executing as unknown as { task: { taskId: string } }).task.taskId;
    assert.match(executing.getTreeItem().accessibilityInformation?.label ?? '', new RegExp(`${taskId}, Executing, [\\d,]+ / [\\d,]+ files`));
    const icon = executing.getTreeItem().iconPath as { id: string };
    assert.equal(icon.id, 'sync~spin');
    const hover = (await hoverOf(api, executing)).value;
    assert.ok(hover.includes('Task ID') && hover.includes(taskId.slice('task-'.length)), `a hover with details: ${hover}`);
  });

  it('pages with "Load more..." and loads one more page per click', async () => {
    let paged: ExplorerNode | undefined;
    for (const resource of await resourceNodes(api)) {
      const nodes = await children(api, resource);
      if (nodes.some((node) => contextValue(node) === 'loadMore')) {
        paged = resource;
        break;
      }
    }
    assert.ok(paged, 'a file system with more than one page of tasks');
    const before = await taskListRows(api, paged);
    const loadMore = before.find((node) => contextValue(node) === 'loadMore');
    assert.ok(loadMore);
    assert.equal(before.length - 1, 50);
    const emulator = emulatorOf(api);
    await emulator.resetRequestCounts();
    const command = loadMore.getTreeItem().command;
    assert.equal(command?.command, 'fsxTasks.loadMore');
    await Promise.all([
      (await import('vscode')).commands.executeCommand(command.command, ...(command.arguments ?? [])),
      (await import('vscode')).commands.executeCommand(command.command, ...(command.arguments ?? [])),
    ]);
    assert.equal((await emulator.requestCounts()).DescribeDataRepositoryTasks, 1, 'a double click loads one page');
    const after = (await children(api, paged)).filter((node) => contextValue(node).startsWith('task.'));
    assert.ok(after.length > 50, `${after.length} tasks after loading more`);
    assert.equal(new Set(after.map((node) => node.id)).size, after.length, 'no duplicates');
  });

  const faults = [
    { kind: 'accessDenied', context: 'error.accessDenied', text: /Access denied/, step: 'fsxTasks.showLog' },
    { kind: 'expiredToken', context: 'error.credentials', text: /credentials/i, step: 'fsxTasks.addConnection' },
    { kind: 'throttle', context: 'error.throttled', text: /Throttled/, step: 'fsxTasks.refresh' },
    { kind: 'unavailable', context: 'error.service', text: /internal error/i, step: 'fsxTasks.refresh' },
    { kind: 'drop', context: 'error.network', text: /Cannot reach FSx/, step: 'fsxTasks.refresh' },
  ] as const;
  for (const fault of faults) {
    it(`turns a ${fault.kind} fault into an error node with a next step, and recovers on retry`, async () => {
      const emulator = emulatorOf(api);
      await emulator.injectFault({ kind: fault.kind, operation: 'DescribeFileSystems' });
      api.container.model.refresh();
      const [connection] = await children(api);
      const nodes = await children(api, connection);
      const error = nodes.find((node) => contextValue(node).startsWith('error.'));
      assert.ok(error, `an error node among ${nodes.map(label).join(', ')}`);
      assert.equal(contextValue(error), fault.context);
      assert.match(label(error), fault.text);
      assert.equal(error.getTreeItem().command?.command, fault.step);
      await emulator.clearFaults();
      await (await import('vscode')).commands.executeCommand('fsxTasks.refresh', connection);
      const recovered = await children(api, connection);
      assert.ok(recovered.some((node) => contextValue(node).startsWith('resource.')), 'resources after the retry');
    });
  }

  it('shows an error node, not a broken list, when a task page fails', async () => {
    const [resource] = await resourceNodes(api);
    await emulatorOf(api).injectFault({ kind: 'accessDenied', operation: 'DescribeDataRepositoryTasks' });
    api.container.model.refresh();
    await children(api, (await children(api))[0]);
    const nodes = await children(api, resource);
    assert.equal(nodes.length, 1);
    assert.equal(contextValue(nodes[0]), 'error.accessDenied');
  });

  it('updates an executing task from polls while the view shows it', async () => {
    const emulator = emulatorOf(api);
    const fileSystemId = (await emulator.state.fileSystems()).find((fs) => fs.type === 'LUSTRE')?.fileSystemId;
    assert.ok(fileSystemId);
    // Polls serve the tree only while the view is visible.
    await (await import('vscode')).commands.executeCommand('fsxTasks.explorer.focus');
    const taskId = await emulator.state.addTask({ fileSystemId, type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 2_000, outcome: 'SUCCEEDED', totalCount: 10 });
    api.container.model.refresh();
    const resource = (await resourceNodes(api)).find((node) => node.id.endsWith(fileSystemId));
    assert.ok(resource);
    const row = (await children(api, resource)).find((node) => node.id.endsWith(taskId));
    assert.ok(row, 'the new task is listed');
    // The tree registers its active tasks with the scheduler while the view is visible.
    await waitFor('the tree to watch the new task', () => api.container.scheduler.watchedIds(connectionOf(resource)).includes(taskId) || undefined, 10_000);
    // Tree polls pause while the window is unfocused (by design); headless Chromium does not
    // always report the page focused, so say it is, as a person looking at the view would be.
    api.container.scheduler.setWindowFocused(true);
    api.container.scheduler.nudge();
    await waitFor('the task to show SUCCEEDED', async () => {
      const refreshed = (await children(api, resource)).find((node) => node.id.endsWith(taskId));
      return refreshed && contextValue(refreshed) === 'task.SUCCEEDED' ? refreshed : undefined;
    }, 20_000);
  });
});
