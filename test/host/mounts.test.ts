// VS Code's Explorer on a Lustre mount: a mount table file (FSX_MOUNT_TABLE) whose line names a
// sandbox file system's DNS name and mount name, a real folder as its mount point, and the
// Explorer commands run on that folder's URIs as the context menu passes them (uri, uris[]).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StorageResource } from '../../src/fsx/types';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import { MOUNT_TABLE_ENV } from '../../src/mounts';
import { children, clearEnv, description, emulatorOf, hoverOf, label, ScriptedPrompts, useExtension, waitFor } from './helpers';

describe('Explorer context menu on a Lustre mount', function () {
  this.timeout(60_000);
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;
  let dir: string;
  let mountPoint: string;
  let otherMount: string;
  let fileSystemId: string;
  let resource: StorageResource;
  let restoreEnv: () => void = () => {};

  const uri = (...parts: string[]) => vscode.Uri.file(join(mountPoint, ...parts));
  const sandboxConnection = () => api.container.model.connections()[0].connection;

  before(async () => {
    api = extension.api();
    const emulator = emulatorOf(api);
    // A file system of its own, so no demo task is running on it (FSx runs one at a time).
    fileSystemId = await emulator.state.addFileSystem({ name: 'mounted-results', deploymentType: 'PERSISTENT_2', storageCapacity: 2400 });
    await emulator.state.addAssociation({ fileSystemId, resourcePath: '/results', dataRepositoryPath: 's3://mounted-results-bucket/results/' });
    api.container.model.refresh();
    resource = (await api.container.model.resources(sandboxConnection())).find((candidate) => candidate.id === fileSystemId) as StorageResource;
    assert.ok(resource?.dnsName && resource.mountName, 'the sandbox describes its DNS name and mount name');

    // Real paths, as the kernel writes them in the mount table.
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'fsx-mount-')));
    mountPoint = join(dir, 'fsx');
    otherMount = join(dir, 'scratch');
    for (const folder of ['results/run-7', 'results/run-8', 'logs']) {
      mkdirSync(join(mountPoint, folder), { recursive: true });
    }
    mkdirSync(otherMount);
    writeFileSync(join(mountPoint, 'results', 'run-7', 'metrics.csv'), 'step,loss\n1,0.5\n');
    const table = join(dir, 'mounts');
    writeFileSync(
      table,
      [
        'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
        `${resource.dnsName}@tcp:/${resource.mountName} ${mountPoint.replace(/ /g, '\\040')} lustre rw,noatime,flock,lazystatfs,_netdev 0 0`,
        `fs-0feedfacecafe0123.fsx.eu-west-1.amazonaws.com@tcp:/q7rzmbxa ${otherMount} lustre rw,flock 0 0`,
        `nas01.corp.example.com:/exports/home ${join(dir, 'home')} nfs4 rw,relatime,vers=4.1 0 0`,
        '',
      ].join('\n'),
    );
    restoreEnv = clearEnv([MOUNT_TABLE_ENV]);
    process.env[MOUNT_TABLE_ENV] = table;
    await api.container.mounts.reload();
  });

  beforeEach(() => {
    prompts = extension.prompts();
  });

  after(async () => {
    restoreEnv();
    await api.container.mounts.reload();
    await emulatorOf(api).taskRules.setCreatedTaskBehaviour(undefined);
    await vscode.workspace.getConfiguration('fsxTasks').update('connections', undefined, vscode.ConfigurationTarget.Global);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the Lustre mounts from the table file, and marks the mounted file system in the tree', async () => {
    assert.deepEqual(
      api.container.mounts.lustreMounts().map((mount) => mount.mountPoint),
      // The sandbox's own mount folder comes after the table's.
      [mountPoint, otherMount, api.container.mounts.sandboxMount()?.mount.mountPoint],
    );
    const [connection] = await children(api);
    const nodes = await children(api, connection);
    const mounted = nodes.find((node) => label(node) === 'mounted-results');
    assert.ok(mounted, nodes.map(label).join(' | '));
    assert.equal(description(mounted), `mounted · ${fileSystemId}`);
    const tooltip = await hoverOf(api, mounted);
    assert.ok(tooltip.value.includes(`mounted at \`${mountPoint}\``), tooltip.value);
    // ml-training is the sandbox mount folder's file system.
    const others = nodes.filter((node) => !['mounted-results', 'ml-training'].includes(label(node)) && /^resource\./.test(node.getTreeItem().contextValue ?? ''));
    assert.ok(others.length >= 3);
    for (const node of others) {
      assert.doesNotMatch(description(node), /mounted/, label(node));
    }
  });

  it('exports two selected folders: the paths relative to the mount root are prefilled, the task starts and is tracked to its end', async () => {
    await emulatorOf(api).taskRules.setCreatedTaskBehaviour({ pendingMs: 300, executingMs: 1_500, outcome: 'SUCCEEDED', totalCount: 42, failedCount: 0 });
    let prefilled: string | undefined;
    prompts
      .inputStepWith((step) => {
        prefilled = step.value;
        return step.value;
      })
      .pickStepWith((items) => items[0])
      .modalWith('Start Export');
    // Right-click on run-7 with run-7 and run-8 selected: VS Code passes (clicked, selection).
    await vscode.commands.executeCommand('fsxTasks.exportFromExplorer', uri('results', 'run-7'), [uri('results', 'run-7'), uri('results', 'run-8')]);
    assert.equal(prefilled, 'results/run-7, results/run-8');
    const started = prompts.messages.find((message) => message.severity === 'info' && /started on/.test(message.text));
    assert.ok(started, JSON.stringify(prompts.messages));
    const [task] = await emulatorOf(api).state.tasksOf(fileSystemId);
    assert.ok(task, 'a task on the mounted file system');
    assert.equal(task.type, 'EXPORT_TO_REPOSITORY');
    assert.deepEqual(task.paths, ['results/run-7', 'results/run-8']);
    assert.ok(started.text.includes(task.taskId));
    assert.ok(api.container.tracking.tracker.has(task.taskId), 'tracked in the status bar');
    await waitFor('the export to succeed', () => prompts.messages.find((message) => message.text.includes(task.taskId) && /succeeded/.test(message.text)), 30_000);
  });

  it('releases a file: its path is prefilled; Import is refused on a file', async () => {
    let prefilled: string | undefined;
    prompts.inputStepWith((step) => {
      prefilled = step.value;
      return undefined; // Escape: nothing starts
    });
    await vscode.commands.executeCommand('fsxTasks.releaseFromExplorer', uri('results', 'run-7', 'metrics.csv'));
    assert.equal(prefilled, 'results/run-7/metrics.csv');
    await vscode.commands.executeCommand('fsxTasks.importFromExplorer', uri('results', 'run-7', 'metrics.csv'), [uri('results', 'run-7', 'metrics.csv')]);
    assert.match(prompts.messages.at(-1)?.text ?? '', /Import Metadata works on folders; .*metrics\.csv is a file/);
    assert.equal(prompts.pendingAnswers, 0);
  });

  it('imports a folder with its path prefilled, and the whole file system from the mount root', async () => {
    const seen: string[] = [];
    prompts.inputStepWith((step) => (seen.push(step.value), undefined)).inputStepWith((step) => (seen.push(step.value), undefined));
    await vscode.commands.executeCommand('fsxTasks.importFromExplorer', uri('results'));
    await vscode.commands.executeCommand('fsxTasks.importFromExplorer', vscode.Uri.file(mountPoint));
    assert.deepEqual(seen, ['results', '']);
  });

  it('follows a symbolic link into the mount (a workspace opened through a link)', async () => {
    const link = join(dir, 'fsx-link');
    symlinkSync(mountPoint, link);
    let prefilled: string | undefined;
    prompts.inputStepWith((step) => {
      prefilled = step.value;
      return undefined;
    });
    await vscode.commands.executeCommand('fsxTasks.releaseFromExplorer', vscode.Uri.file(join(link, 'logs')));
    assert.equal(prefilled, 'logs');
  });

  it('refuses paths outside the mounts, selections across mounts and more than 100 paths, before any flow', async () => {
    await vscode.commands.executeCommand('fsxTasks.exportFromExplorer', vscode.Uri.file(join(dir, 'home')));
    assert.match(prompts.messages.at(-1)?.text ?? '', /is not on a mounted FSx for Lustre file system or File Cache/);
    await vscode.commands.executeCommand('fsxTasks.exportFromExplorer', uri('logs'), [uri('logs'), vscode.Uri.file(otherMount)]);
    assert.match(prompts.messages.at(-1)?.text ?? '', /spans several Lustre mounts/);
    const many = Array.from({ length: 101 }, (_, i) => uri('results', `run-${i}`));
    await vscode.commands.executeCommand('fsxTasks.exportFromExplorer', many[0], many);
    assert.match(prompts.messages.at(-1)?.text ?? '', /at most 100 paths; 101 are selected/);
    assert.equal(prompts.steps.length, 0, 'no flow started');
  });

  it('offers a connection for the region in the DNS name of a mount no connection describes', async () => {
    prompts.chooseMessageAction('Add Connection for eu-west-1').pickManyWith((items) => items.filter((item) => item.label === 'Default credential chain'));
    await vscode.commands.executeCommand('fsxTasks.exportFromExplorer', vscode.Uri.file(otherMount));
    const offer = prompts.messages.find((message) => message.actions.includes('Add Connection for eu-west-1'));
    assert.ok(offer, JSON.stringify(prompts.messages));
    assert.match(offer.text, /No connection describes fs-0feedfacecafe0123, mounted at .*scratch\. Its DNS name says it is in eu-west-1/);
    // The region step was skipped: the only question was the profile.
    const added = api.container.settings.connections();
    assert.deepEqual(
      added.map((entry) => [entry.profile, entry.region]),
      [[undefined, 'eu-west-1']],
      'the default credential chain in the region of the DNS name',
    );
  });

  it('shows the mounted file system in the FSx view', async () => {
    await vscode.commands.executeCommand('fsxTasks.showMountedTasks', uri('logs'));
    const selected = await waitFor('the selection', () => api.container.explorer.view.selection[0]);
    assert.equal(label(selected), 'mounted-results');
    assert.equal((selected as unknown as { resource: StorageResource }).resource.id, fileSystemId);
  });
});
