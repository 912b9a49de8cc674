// The export state of files on a Lustre mount, as the Explorer's decorations: a test mount table
// (FSX_MOUNT_TABLE) and a fake lfs (FSX_LFS, the sh script of the boundary tests) whose answer
// for a file is the mask written in it. The provider is asked as VS Code asks it, one file at a time.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import { LFS_ENV } from '../../src/views/exportStateDecorations';
import { MOUNT_TABLE_ENV } from '../../src/mounts';
import { FakeLfs } from '../boundary/fakeLfs';
import { clearEnv, emulatorOf, useExtension, waitFor } from './helpers';

describe('Export state of files on a Lustre mount', function () {
  this.timeout(60_000);
  const extension = useExtension();
  let api: FsxTasksApi;
  let lfs: FakeLfs;
  let dir: string;
  let mountPoint: string;
  let restoreEnv: () => void = () => {};

  const file = (name: string, mask: number) => {
    const path = join(mountPoint, name);
    writeFileSync(path, String(mask));
    return vscode.Uri.file(path);
  };
  const decorations = () => api.container.exportStates;

  before(async () => {
    api = extension.api();
    lfs = new FakeLfs();
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'fsx-hsm-')));
    mountPoint = join(dir, 'fsx');
    mkdirSync(join(mountPoint, 'results'), { recursive: true });
    const table = join(dir, 'mounts');
    writeFileSync(table, `fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com@tcp:/abcdefgh ${mountPoint} lustre rw,flock 0 0\n`);
    const fakeEnv = lfs.env();
    restoreEnv = clearEnv([MOUNT_TABLE_ENV, LFS_ENV, 'FAKE_LFS_LOG', 'FAKE_LFS_MODE', 'FAKE_LFS_DELAY']);
    process.env.FAKE_LFS_LOG = fakeEnv.FAKE_LFS_LOG;
    process.env.FAKE_LFS_MODE = fakeEnv.FAKE_LFS_MODE;
    process.env[LFS_ENV] = lfs.executable;
    process.env[MOUNT_TABLE_ENV] = table;
    await api.container.mounts.reload();
    decorations().refresh();
  });

  after(async () => {
    restoreEnv();
    await api.container.mounts.reload();
    decorations().refresh();
    lfs.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('badges each file of an opened folder from one lfs process, with what to do in the tooltip', async () => {
    const exported = file('results/exported.csv', 0x9);
    const changed = file('results/changed.csv', 0xb);
    const fresh = file('results/new.csv', 0);
    const released = file('results/old.bin', 0xd);
    const before = lfs.processes().length;
    const [e, c, n, r] = await Promise.all([exported, changed, fresh, released].map((uri) => decorations().provideFileDecoration(uri)));
    assert.deepEqual([e?.badge, c?.badge, n?.badge, r?.badge], ['E', 'C', 'N', 'R']);
    assert.match(String(c?.tooltip), /Changed since export/);
    assert.match(String(c?.tooltip), /Export to S3/);
    assert.equal((e?.color as vscode.ThemeColor | undefined)?.id, 'testing.iconPassed');
    assert.equal(lfs.processes().length - before, 1, 'the four questions went to one lfs process');
  });

  it('asks nothing for a file outside the Lustre mounts, nor for a folder', async () => {
    const before = lfs.processes().length;
    assert.equal(await decorations().provideFileDecoration(vscode.Uri.file(join(dir, 'mounts'))), undefined);
    assert.equal(await decorations().provideFileDecoration(vscode.Uri.file(join(mountPoint, 'results'))), undefined);
    assert.equal(lfs.processes().length, before);
  });

  it('asks again for a file a task acted on', async () => {
    const uri = file('results/later.csv', 0);
    assert.equal((await decorations().provideFileDecoration(uri))?.badge, 'N');
    writeFileSync(uri.fsPath, String(0x9));
    assert.equal((await decorations().provideFileDecoration(uri))?.badge, 'N', 'kept until told');
    decorations().filesChanged([uri]);
    assert.equal((await decorations().provideFileDecoration(uri))?.badge, 'E');
  });

  it('the Refresh command asks again for the files shown', async () => {
    const uri = file('results/released-elsewhere.csv', 0x9);
    assert.equal((await decorations().provideFileDecoration(uri))?.badge, 'E');
    // Released by a task this window did not track, as the file system would record it.
    writeFileSync(uri.fsPath, String(0xd));
    assert.equal((await decorations().provideFileDecoration(uri))?.badge, 'E', 'kept until told');
    await vscode.commands.executeCommand('fsxTasks.refresh');
    assert.equal((await decorations().provideFileDecoration(uri))?.badge, 'R');
  });

  it('asks again for the files shown when a tracked task ends', async () => {
    const uri = file('results/exported-by-task.csv', 0);
    assert.equal((await decorations().provideFileDecoration(uri))?.badge, 'N');
    // The task's export, as the file system would record it.
    writeFileSync(uri.fsPath, String(0x9));
    const emulator = emulatorOf(api);
    const fileSystemId = (await emulator.state.fileSystems()).find((fs) => fs.type === 'LUSTRE')?.fileSystemId;
    assert.ok(fileSystemId);
    // An id of its own: a drawn one would move the emulator's id sequence under the suites after this one.
    const taskId = 'task-0e5a7e0f11e5a7e00';
    await emulator.state.addTask({ taskId, fileSystemId, type: 'EXPORT_TO_REPOSITORY', totalCount: 1, pendingMs: 0, executingMs: 1_000, outcome: 'SUCCEEDED' });
    const changed = new Promise<{ uris: unknown }>((resolve) => {
      const subscription = decorations().onDidChangeFileDecorations((uris) => {
        subscription.dispose();
        resolve({ uris });
      });
    });
    await vscode.commands.executeCommand('fsxTasks.trackTask', taskId);
    assert.deepEqual(await waitFor('the decorations to change', () => changed, 30_000), { uris: undefined }, 'every row is asked again');
    assert.equal((await decorations().provideFileDecoration(uri))?.badge, 'E');
  });

  it('without lfs: one message with the installation guide, and no badges', async () => {
    const prompts = extension.prompts();
    process.env[LFS_ENV] = join(dir, 'no-lfs-here');
    decorations().refresh();
    const answers = await Promise.all([file('results/a', 0x9), file('results/b', 0x9)].map((uri) => decorations().provideFileDecoration(uri)));
    assert.deepEqual(answers, [undefined, undefined]);
    assert.equal(await decorations().provideFileDecoration(file('results/c', 0x9)), undefined);
    // A task that ends asks again, and does not say it again.
    decorations().statesChanged();
    assert.equal(await decorations().provideFileDecoration(file('results/c', 0x9)), undefined);
    const warnings = prompts.messages.filter((message) => message.severity === 'warning');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].text, /Lustre client \(lfs\) is not installed/);
    assert.deepEqual(warnings[0].actions, ['Open the Installation Guide']);
    process.env[LFS_ENV] = lfs.executable;
    decorations().refresh();
    assert.equal((await decorations().provideFileDecoration(file('results/d', 0x9)))?.badge, 'E');
  });
});
