// The task filter on the view: what it shows, what it asks FSx (counted by the emulator), how it
// pages, what it says when it hides everything, and that it is kept for the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FILTER_STATE_KEY } from '../../src/views/explorer/explorerController';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, contextValue, emulatorOf, label, resourceNodes, useExtension } from './helpers';

const isTask = (node: ExplorerNode) => contextValue(node).startsWith('task.');
const taskOf = (node: ExplorerNode) => (node as unknown as { task: { lifecycle: string; type: string; taskId: string } }).task;

describe('task filter', function () {
  this.timeout(60_000);
  const { api, prompts } = useExtension();

  afterEach(async () => {
    await vscode.commands.executeCommand('fsxTasks.clearFilter');
  });

  /** The file system with the most tasks in the emulator: more than one page unfiltered. */
  async function busiest(): Promise<ExplorerNode> {
    const emulator = emulatorOf(api());
    const resources = (await resourceNodes(api())).filter((node) => contextValue(node) === 'resource.fileSystem');
    const sized = await Promise.all(resources.map(async (node) => ({ node, count: (await emulator.state.tasksOf(node.id.split(':').at(-1) ?? '')).length })));
    const best = sized.sort((a, b) => b.count - a.count)[0];
    assert.ok(best && best.count > 50, `a resource with more than a page of tasks (${best?.count})`);
    return best.node;
  }

  it('"Active only" is one pick, is sent to FSx as task-lifecycle, and shows in the description', async () => {
    const emulator = emulatorOf(api());
    const resource = await busiest();
    const resourceId = resource.id.split(':').at(-1) ?? '';
    const added = await emulator.state.addTask({ fileSystemId: resourceId, type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 3_600_000, outcome: 'SUCCEEDED', totalCount: 10 });
    api().container.model.refresh();
    const unfiltered = await children(api(), resource);
    assert.ok(unfiltered.some((node) => contextValue(node) === 'loadMore'), 'unfiltered, the tasks take more than a page');

    prompts().pickWith((items) => items[0]);
    await vscode.commands.executeCommand('fsxTasks.filter');
    assert.equal(api().container.explorer.view.description, 'Sandbox · Filter: Active');
    await emulator.resetRequestCounts();
    await children(api(), (await children(api()))[0]);
    const nodes = await children(api(), resource);
    const tasks = nodes.filter(isTask);
    const active = (await emulator.state.tasksOf(resourceId)).filter((task) => task.lifecycle === 'PENDING' || task.lifecycle === 'EXECUTING');
    assert.ok(active.some((task) => task.taskId === added), 'the task just started is active');
    assert.deepEqual(tasks.map((node) => taskOf(node).taskId).sort(), active.map((task) => task.taskId).sort(), 'exactly its pending and executing tasks');
    assert.ok(!nodes.some((node) => contextValue(node) === 'loadMore'), 'one page holds them: FSx filtered, not the tree');
    assert.equal((await emulator.requestCounts()).DescribeDataRepositoryTasks, 1, 'one request for this resource');
    assert.deepEqual(api().container.workspaceState.get(FILTER_STATE_KEY), { lifecycles: ['PENDING', 'EXECUTING'] }, 'kept for the workspace');
  });

  it('filters by type on the loaded pages, and "Load more..." still pages under the filter', async () => {
    const emulator = emulatorOf(api());
    const resource = await busiest();
    const type = 'EXPORT_TO_REPOSITORY';
    prompts()
      .pickWith((items) => items.find((item) => /By task type/.test(item.label)))
      .pickManyWith((items) => items.filter((item) => (item as unknown as { type: string }).type === type));
    await vscode.commands.executeCommand('fsxTasks.filter');
    assert.match(String(api().container.explorer.view.description), /Filter: Export to repository/);
    await emulator.resetRequestCounts();
    const first = await children(api(), resource);
    assert.ok(first.filter(isTask).every((node) => taskOf(node).type === type), 'only exports');
    const loadMore = first.find((node) => contextValue(node) === 'loadMore');
    assert.ok(loadMore, 'Load more stays under a filter that FSx cannot apply');
    const shownBefore = first.filter(isTask).length;
    await vscode.commands.executeCommand('fsxTasks.loadMore', loadMore);
    const second = (await children(api(), resource)).filter(isTask);
    assert.ok(second.every((node) => taskOf(node).type === type));
    assert.ok(second.length >= shownBefore, `${second.length} after loading more, ${shownBefore} before`);
    assert.equal((await emulator.requestCounts()).DescribeDataRepositoryTasks, 2, 'the first page and the next one, nothing more');
  });

  it('says when the filter hides everything, with Clear Filter one click away', async () => {
    prompts()
      .pickWith((items) => items.find((item) => /By text/.test(item.label)))
      .inputWith('no-such-task-anywhere');
    await vscode.commands.executeCommand('fsxTasks.filter');
    const [resource] = await resourceNodes(api());
    const nodes = await children(api(), resource);
    const message = nodes.find((node) => contextValue(node) === 'filteredOut');
    assert.ok(message, `a message among ${nodes.map(label).join(' | ')}`);
    assert.ok(!nodes.some(isTask));
    assert.match(label(message), /match the filter/);
    const command = message.getTreeItem().command;
    assert.equal(command?.command, 'fsxTasks.clearFilter');
    await vscode.commands.executeCommand(command.command);
    assert.equal(api().container.explorer.view.description, 'Sandbox');
    assert.equal(api().container.workspaceState.get(FILTER_STATE_KEY), undefined);
    assert.ok((await children(api(), resource)).some(isTask), 'the tasks are back');
  });

  it('matches text in a file system name, and combines with a lifecycle pick', async () => {
    const emulator = emulatorOf(api());
    const named = (await emulator.state.fileSystems()).find((fs) => fs.type === 'LUSTRE' && fs.tags.some((tag) => tag.Key === 'Name'));
    assert.ok(named, 'a named Lustre file system');
    const name = named.tags.find((tag) => tag.Key === 'Name')?.Value ?? '';
    prompts()
      .pickWith((items) => items.find((item) => /By lifecycle/.test(item.label)))
      .pickManyWith((items) => items.filter((item) => ['Succeeded', 'Failed'].includes(item.label)));
    await vscode.commands.executeCommand('fsxTasks.filter');
    prompts()
      .pickWith((items) => items.find((item) => /By text/.test(item.label)))
      .inputWith(name.slice(0, 6).toUpperCase());
    await vscode.commands.executeCommand('fsxTasks.filter');
    assert.deepEqual(api().container.explorer.filter().lifecycles, ['SUCCEEDED', 'FAILED']);
    const resources = await resourceNodes(api());
    const match = resources.find((node) => node.id.endsWith(named.fileSystemId));
    assert.ok(match);
    const tasks = (await children(api(), match)).filter(isTask);
    assert.ok(tasks.length > 0, 'the named file system\'s ended tasks');
    assert.ok(tasks.every((node) => ['SUCCEEDED', 'FAILED'].includes(taskOf(node).lifecycle)));
  });
});
