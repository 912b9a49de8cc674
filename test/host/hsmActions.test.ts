// Acting on files of a Lustre mount from VS Code's Explorer: a test mount table (FSX_MOUNT_TABLE)
// naming a sandbox file system, a real folder as its mount point, and a fake lfs (FSX_LFS) whose
// answer for a file is the mask written in it. Release previews what it would free inside the
// start flow; Restore from S3 runs lfs hsm_restore, or offers the sudo command when refused.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { quoteCommand, shellKindFor } from '../../src/fsx/cliCommand';
import type { StorageResource } from '../../src/fsx/types';
import { MOUNT_TABLE_ENV } from '../../src/mounts';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import { LFS_ENV } from '../../src/views/exportStateDecorations';
import { FakeLfs } from '../boundary/fakeLfs';
import { clearEnv, emulatorOf, ScriptedPrompts, useExtension } from './helpers';

describe('Acting on files of a Lustre mount from the Explorer', function () {
  this.timeout(60_000);
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;
  let lfs: FakeLfs;
  let dir: string;
  let mountPoint: string;
  let fileSystemId: string;
  let restoreEnv: () => void = () => {};

  const file = (name: string, mask: number) => {
    const path = join(mountPoint, name);
    writeFileSync(path, String(mask));
    return path;
  };
  const maskIn = (path: string) => Number(readFileSync(path, 'utf8').trim());
  const useLfs = (options: { refuse?: boolean } = {}) => {
    process.env.FAKE_LFS_REFUSE = options.refuse ? '1' : '';
    process.env[LFS_ENV] = lfs.executable;
    api.container.exportStates.refresh();
  };

  before(async () => {
    api = extension.api();
    const emulator = emulatorOf(api);
    // A file system of its own, so no other task is running on it (FSx runs one at a time).
    fileSystemId = await emulator.state.addFileSystem({ name: 'hsm-results', deploymentType: 'PERSISTENT_2', storageCapacity: 2400 });
    await emulator.state.addAssociation({ fileSystemId, resourcePath: '/results', dataRepositoryPath: 's3://hsm-results-bucket/results/' });
    api.container.model.refresh();
    const connection = api.container.model.connections()[0].connection;
    const resource = (await api.container.model.resources(connection)).find((candidate) => candidate.id === fileSystemId) as StorageResource;
    lfs = new FakeLfs();
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'fsx-hsm-act-')));
    mountPoint = join(dir, 'fsx');
    mkdirSync(join(mountPoint, 'results', 'run-1'), { recursive: true });
    const table = join(dir, 'mounts');
    writeFileSync(table, `${resource.dnsName}@tcp:/${resource.mountName} ${mountPoint} lustre rw,flock 0 0\n`);
    const fakeEnv = lfs.env();
    restoreEnv = clearEnv([MOUNT_TABLE_ENV, LFS_ENV, 'FAKE_LFS_LOG', 'FAKE_LFS_MODE', 'FAKE_LFS_REFUSE', 'FAKE_LFS_ACTION']);
    process.env.FAKE_LFS_LOG = fakeEnv.FAKE_LFS_LOG;
    process.env.FAKE_LFS_MODE = fakeEnv.FAKE_LFS_MODE;
    process.env[MOUNT_TABLE_ENV] = table;
    useLfs();
    await api.container.mounts.reload();
  });

  beforeEach(() => {
    prompts = extension.prompts();
  });

  after(async () => {
    restoreEnv();
    await api.container.mounts.reload();
    api.container.exportStates.refresh();
    lfs.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Release on a folder: its path prefilled, then what it would free; Enter changes the days, Continue starts it with that path', async () => {
    file('results/run-1/exported.bin', 0x9);
    file('results/run-1/changed.bin', 0xb);
    file('results/run-1/new.bin', 0);
    let prefilled: string | undefined;
    prompts
      .inputStepWith((step) => {
        prefilled = step.value;
        return step.value;
      })
      .inputStepWith('0')
      .modalWith('Change Days')
      .inputStepWith('0')
      .modalWith('Continue with These Paths')
      .pickStepWith((items) => items[0])
      .modalWith('Start Release');
    await vscode.commands.executeCommand('fsxTasks.releaseFromExplorer', vscode.Uri.file(join(mountPoint, 'results', 'run-1')));
    assert.equal(prompts.pendingAnswers, 0);
    assert.equal(prefilled, 'results/run-1');
    const preview = prompts.modals[0];
    assert.deepEqual(preview.actions, ['Change Days', 'Continue with These Paths'], 'the first button, which Enter presses, starts nothing');
    assert.equal(preview.message, 'A release of these paths would free 1 byte in 1 of their 3 files.');
    assert.match(preview.detail, /Stay, not exported to S3: 1 file,/);
    assert.match(preview.detail, /Stay, changed since their export: 1 file,/);
    const [task] = await emulatorOf(api).state.tasksOf(fileSystemId);
    assert.equal(task?.type, 'RELEASE_DATA_FROM_FILESYSTEM');
    assert.deepEqual(task?.paths, ['results/run-1']);
  });

  it('Release from a folder of one of two mounts of the file system: the preview counts under that mount, and says so', async () => {
    // The same file system mounted a second time, listed first in the table and first by name, with other files.
    const other = join(dir, 'again');
    mkdirSync(join(other, 'results', 'run-2'), { recursive: true });
    for (const name of ['x.bin', 'y.bin', 'z.bin']) {
      writeFileSync(join(other, 'results', 'run-2', name), String(0x9));
    }
    mkdirSync(join(mountPoint, 'results', 'run-2'), { recursive: true });
    file('results/run-2/only.bin', 0x9);
    const table = process.env[MOUNT_TABLE_ENV] as string;
    const line = readFileSync(table, 'utf8');
    writeFileSync(table, `${line.replace(` ${mountPoint} `, ` ${other} `)}${line}`);
    await api.container.mounts.reload();
    try {
      prompts.inputStepWith((step) => step.value).inputStepWith('0').modalWith(undefined);
      await vscode.commands.executeCommand('fsxTasks.releaseFromExplorer', vscode.Uri.file(join(mountPoint, 'results', 'run-2')));
      assert.equal(prompts.pendingAnswers, 0);
      const [preview] = prompts.modals;
      assert.equal(preview?.message, 'A release of these paths would free 1 byte in 1 of their 1 files.', 'the files under the selected mount, not those of the first listed');
      assert.ok(preview.detail.split('\n').includes(`Counted under ${mountPoint}, one of 2 mounts of this file system here.`), preview.detail);
    } finally {
      writeFileSync(table, line);
      await api.container.mounts.reload();
    }
  });

  it('Restore from S3 on a folder: lfs hsm_restore on its released files only, followed to the end', async () => {
    const released = [file('results/run-1/a.bin', 0xd), file('results/run-1/b.bin', 0xd)];
    const kept = file('results/run-1/kept.bin', 0x9);
    const before = lfs.processes().length;
    await vscode.commands.executeCommand('fsxTasks.restoreFromExplorer', vscode.Uri.file(join(mountPoint, 'results')));
    assert.deepEqual(released.map(maskIn), [0x9, 0x9]);
    assert.equal(maskIn(kept), 0x9);
    assert.ok(prompts.messages.some((message) => message.severity === 'info' && message.text === 'Restored 2 files from S3.'), JSON.stringify(prompts.messages));
    assert.ok(lfs.processes().length - before <= 4, 'one hsm_state, one hsm_restore, one hsm_action');
  });

  it('Restore refused for lack of privilege: says so and copies the exact sudo command, which it never runs', async () => {
    const path = file('results/run-1/c d.bin', 0xd);
    useLfs({ refuse: true });
    try {
      prompts.chooseMessageAction('Copy Command');
      const shell = shellKindFor(vscode.env.shell, process.platform);
      if (!shell) {
        prompts.pickWith((items) => items.find((item) => /POSIX/.test(item.description ?? '')));
      }
      await vscode.commands.executeCommand('fsxTasks.restoreFromExplorer', vscode.Uri.file(path));
      const warning = prompts.messages.find((message) => message.severity === 'warning');
      assert.match(warning?.text ?? '', /Restoring needs a privilege this user lacks \(lfs hsm_restore: Operation not permitted\)/);
      assert.equal(await vscode.env.clipboard.readText(), quoteCommand(['sudo', 'lfs', 'hsm_restore', path], shell ?? 'posix'));
      assert.equal(maskIn(path), 0xd, 'nothing restored');
    } finally {
      useLfs();
    }
  });
});
