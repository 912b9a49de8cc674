// The sandbox's mount folder: made when the sandbox starts, listed as a Lustre mount of the demo's
// ml-training, its files' export state kept by the sandbox's emulator. A user exports a folder
// from VS Code's Explorer and its badges turn exported when the task ends, then releases it and
// they turn released. Tasks run in about a second (the emulator's created-task behaviour).
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import { emulatorOf, useExtension, waitFor } from './helpers';

describe('The sandbox mount folder and its export-state badges', function () {
  this.timeout(60_000);
  const extension = useExtension();
  let api: FsxTasksApi;
  let root: string;

  const badge = async (path: string) => (await api.container.exportStates.provideFileDecoration(vscode.Uri.file(join(root, ...path.split('/')))))?.badge;
  const badges = (...paths: string[]) => Promise.all(paths.map(badge));

  before(async () => {
    api = extension.api();
    const sandbox = api.container.mounts.sandboxMount();
    assert.ok(sandbox, 'the sandbox mounted its folder when it started');
    root = sandbox.mount.mountPoint;
    // Earlier suites ran tasks on ml-training (exports change the folder's files): the seeded world again.
    await emulatorOf(api).reset();
    api.container.exportStates.statesChanged();
    await emulatorOf(api).taskRules.setCreatedTaskBehaviour({ pendingMs: 0, executingMs: 500, outcome: 'SUCCEEDED', totalCount: 2, failedCount: 0 });
  });

  after(() => emulatorOf(api).taskRules.setCreatedTaskBehaviour(undefined));

  it('is listed as a Lustre mount of ml-training, in the extension\'s global storage, with files in every state', async () => {
    const sandbox = api.container.mounts.sandboxMount();
    assert.ok(api.container.mounts.lustreMounts().includes(sandbox?.mount as never));
    assert.ok(root.startsWith(api.container.sandboxMount.root) || root === api.container.sandboxMount.root);
    const resources = await api.container.model.resources(api.container.model.connections()[0].connection);
    const ml = resources.find((resource) => resource.id === sandbox?.fileSystemId);
    assert.equal(ml?.name, 'ml-training');
    assert.deepEqual(api.container.mounts.mountPointsOf(api.container.model.connections()[0].connection, ml as never), [root], 'the tree marks it mounted');
    assert.deepEqual(
      await badges(
        'checkpoints/resnet50/epoch-090.pt',
        'checkpoints/resnet50/train.log',
        'checkpoints/llm-7b/config.json',
        'checkpoints/archive/epoch-001.pt',
        'checkpoints/archive/epoch-002.pt',
        'datasets/imagenet-21k/index.parquet',
      ),
      ['E', 'C', 'N', 'R', 'L', 'E'],
    );
  });

  it('badges turn exported after an export of the folder from the Explorer, and released after a release', async () => {
    // Files of this test's own, so other suites' tasks on ml-training do not matter.
    const folder = 'checkpoints/host-run';
    mkdirSync(join(root, ...folder.split('/')), { recursive: true });
    const files = [`${folder}/a.bin`, `${folder}/b.bin`];
    for (const file of files) {
      writeFileSync(join(root, ...file.split('/')), file);
    }
    assert.deepEqual(await badges(...files), ['N', 'N']);

    const prompts = extension.prompts();
    prompts
      .inputStepWith((step) => (assert.equal(step.value, folder), step.value))
      .pickStepWith((items) => items.find((item) => /No completion report/.test(item.label)) ?? items[0])
      .modalWith('Start Export');
    await vscode.commands.executeCommand('fsxTasks.exportFromExplorer', vscode.Uri.file(join(root, ...folder.split('/'))));
    assert.deepEqual(await badges(...files), ['N', 'N'], 'not before the task ends');
    await waitFor('the badges to turn exported', async () => ((await badges(...files)).join() === 'E,E' ? true : undefined), 20_000);

    prompts
      .inputStepWith((step) => step.value)
      .inputStepWith('0')
      .modalWith('Continue with These Paths')
      .pickStepWith((items) => items.find((item) => /No completion report/.test(item.label)) ?? items[0])
      .modalWith('Start Release');
    await vscode.commands.executeCommand('fsxTasks.releaseFromExplorer', vscode.Uri.file(join(root, ...folder.split('/'))));
    // The preview walked the folder through the sandbox's backend: both files, exported, would go.
    assert.match(prompts.modals.find((modal) => /^A release of these paths/.test(modal.message))?.message ?? '', /would free \d+ bytes in 2 of their 2 files/);
    await waitFor('the badges to turn released', async () => ((await badges(...files)).join() === 'R,R' ? true : undefined), 20_000);

    // A write brings a released file's data back and changes it: the watcher asks again.
    writeFileSync(join(root, ...files[0].split('/')), 'changed');
    api.container.exportStates.filesChanged([vscode.Uri.file(join(root, ...files[0].split('/')))]);
    assert.deepEqual(await badges(...files), ['C', 'R']);
  });
});
