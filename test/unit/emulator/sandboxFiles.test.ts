// The sandbox's files' HSM state in the emulator: what its export, release and import tasks do
// to them, and that a write makes a file dirty. Real files in a temporary folder; the emulator's
// clock is a manual one, so a task ends when the test says.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_SEED_FILES, SandboxFiles, SandboxHsmError, type SandboxFileState } from '../../../src/emulator/hsm';
import { ManualEmulatorClock } from '../../../src/emulator/clock';
import { EmulatorStore } from '../../../src/emulator/store';

const MINUTE = 60_000;
const DAY = 86_400_000;
const EXPORTED = 0x9;
const CHANGED = 0xb;
const RELEASED = 0xd;

describe('sandbox files (emulator HSM state)', () => {
  let dir: string;
  let root: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fsx-sandbox-files-'));
    root = join(dir, 'mount');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function attached(wallClock: () => number = Date.now) {
    const clock = new ManualEmulatorClock(Date.UTC(2025, 5, 1));
    const store = new EmulatorStore({ clock, seed: 7 });
    const fileSystemId = store.addFileSystem({ name: 'ml-training', deploymentType: 'PERSISTENT_2' });
    store.addAssociation({ fileSystemId, resourcePath: '/checkpoints', dataRepositoryPath: 's3://ckpt/runs/' });
    const files = new SandboxFiles(store, wallClock);
    const mount = await files.attach(root);
    const masks = async (...paths: string[]) => (await files.states(fileSystemId, paths)).map((state) => ('mask' in state ? state.mask : state.error));
    /** A task that ends after a minute; the clock is moved past its end. */
    const runTask = (spec: Parameters<EmulatorStore['addTask']>[0]) => {
      store.addTask({ fileSystemId, pendingMs: 0, executingMs: MINUTE, outcome: 'SUCCEEDED', ...spec });
      clock.advance(MINUTE);
    };
    return { clock, store, files, mount, fileSystemId, masks, runTask };
  }

  it('mounts the demo file system on an empty folder, with files in every state', async () => {
    const { mount, masks, fileSystemId } = await attached();
    assert.equal(mount.fileSystemId, fileSystemId);
    assert.equal(mount.dnsName, `${fileSystemId}.fsx.us-east-1.amazonaws.com`);
    assert.equal(mount.mountName, fileSystemId.slice(-8));
    const byState = new Map(SANDBOX_SEED_FILES.map((seed) => [seed.state, seed.path]));
    const states = ['exported', 'changed', 'notExported', 'released', 'lost', 'noRelease', 'noArchive'] as const;
    assert.deepEqual(await masks(...states.map((state) => byState.get(state) as string)), [0x9, 0xb, 0, 0xd, 0x49, 0x19, 0x20]);
    assert.deepEqual(readdirSync(root).sort(), ['checkpoints', 'datasets']);
  });

  it('refuses a folder with anything in it, and writes nothing there', async () => {
    const { store } = await attached();
    const files = new SandboxFiles(store);
    await assert.rejects(files.attach(root), (error: unknown) => error instanceof SandboxHsmError && error.status === 409);
  });

  it('answers a folder, a missing file and a path that climbs out as lfs would, never outside the root', async () => {
    const { masks } = await attached();
    writeFileSync(join(dir, 'outside'), 'x');
    assert.deepEqual(await masks('checkpoints', 'checkpoints/nope.bin', '../outside', 'checkpoints/../../outside'), [
      'Inappropriate ioctl for device',
      'No such file or directory',
      'No such file or directory',
      'No such file or directory',
    ]);
  });

  it('a reset writes the seeded files again in their seeded states, and forgets the tasks before it', async () => {
    const { files, masks, runTask } = await attached();
    const paths = SANDBOX_SEED_FILES.map((seed) => seed.path);
    const seeded = await masks(...paths);
    runTask({ type: 'EXPORT_TO_REPOSITORY', paths: ['checkpoints'] });
    writeFileSync(join(root, 'checkpoints/resnet50/epoch-090.pt'), 'changed by a test');
    assert.notDeepEqual(await masks(...paths), seeded);
    files.reset();
    assert.deepEqual(await masks(...paths), seeded);
  });

  it('a write makes an exported file dirty, and a released one changed (its data came back first)', async () => {
    const { masks } = await attached();
    const exported = 'checkpoints/resnet50/epoch-090.pt';
    const released = 'checkpoints/archive/epoch-001.pt';
    writeFileSync(join(root, exported), 'new weights');
    writeFileSync(join(root, released), 'rewritten');
    assert.deepEqual(await masks(exported, released), [CHANGED, CHANGED]);
  });

  it('an export archives the files under its paths when it SUCCEEDS, not before, and skips never_archive', async () => {
    const { masks, store, clock, fileSystemId, runTask } = await attached();
    const changed = 'checkpoints/llm-7b/step-120000.bin';
    const fresh = 'checkpoints/llm-7b/config.json';
    const elsewhere = 'checkpoints/resnet50/train.log';
    store.addTask({ fileSystemId, type: 'EXPORT_TO_REPOSITORY', paths: ['checkpoints/llm-7b'], pendingMs: 0, executingMs: MINUTE });
    clock.advance(MINUTE - 1);
    assert.deepEqual(await masks(changed, fresh), [CHANGED, 0], 'still running');
    clock.advance(1);
    assert.deepEqual(await masks(changed, fresh, elsewhere), [EXPORTED, EXPORTED, CHANGED]);
    writeFileSync(join(root, 'checkpoints/llm-7b/new.bin'), 'x');
    runTask({ type: 'EXPORT_TO_REPOSITORY', paths: [] });
    assert.deepEqual(await masks('checkpoints/llm-7b/new.bin', elsewhere, 'datasets/tmp/scratch.bin'), [EXPORTED, EXPORTED, 0x20], 'no Paths: the whole file system');
  });

  it('a FAILED or CANCELED export archives nothing', async () => {
    const { masks, runTask } = await attached();
    runTask({ type: 'EXPORT_TO_REPOSITORY', outcome: 'FAILED' });
    assert.deepEqual(await masks('checkpoints/llm-7b/config.json'), [0]);
  });

  it('a release releases what the rule allows: exported, unchanged, not never_release, not accessed within the days', async () => {
    const { masks, runTask } = await attached();
    const old = 'checkpoints/resnet50/epoch-089.pt';
    const recent = 'checkpoints/resnet50/epoch-090.pt';
    // Read 40 days ago, written a day ago (the seeding's mtime): the largest of atime, mtime and ctime counts.
    const { mtime } = statSync(join(root, old));
    utimesSync(join(root, old), new Date(Date.now() - 40 * DAY), mtime);
    runTask({ type: 'RELEASE_DATA_FROM_FILESYSTEM', paths: ['/'], releaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 30 } } });
    assert.deepEqual(await masks(old, recent), [EXPORTED, EXPORTED], 'written within 30 days: kept');
    runTask({ type: 'RELEASE_DATA_FROM_FILESYSTEM', paths: ['/'], releaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 0 } } });
    assert.deepEqual(
      await masks(old, recent, 'checkpoints/resnet50/train.log', 'checkpoints/llm-7b/config.json', 'datasets/imagenet-21k/index.parquet', 'checkpoints/archive/epoch-002.pt'),
      [0x9 | 0x4, 0x9 | 0x4, CHANGED, 0, 0x19, 0x49],
      'released: the exported ones; kept: changed, never exported, never_release, lost',
    );
  });

  it('a release with days releases a file last accessed longer ago than that', async () => {
    // The machine's clock 31 days on: every seeded file was last touched 31 days ago.
    let later = 0;
    const { masks, runTask } = await attached(() => Date.now() + later);
    later = 31 * DAY;
    runTask({ type: 'RELEASE_DATA_FROM_FILESYSTEM', paths: ['checkpoints/resnet50'], releaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 30 } } });
    assert.deepEqual(await masks('checkpoints/resnet50/epoch-089.pt'), [RELEASED]);
  });

  it('a release reaches only its paths', async () => {
    const { masks, runTask } = await attached();
    runTask({ type: 'RELEASE_DATA_FROM_FILESYSTEM', paths: ['/checkpoints/resnet50/epoch-089.pt'] });
    assert.deepEqual(await masks('checkpoints/resnet50/epoch-089.pt', 'checkpoints/resnet50/epoch-090.pt'), [RELEASED, EXPORTED]);
  });

  it('an import links a lost file to its S3 object again (released), through the association', async () => {
    const { masks, runTask } = await attached();
    const lost = 'checkpoints/archive/epoch-002.pt';
    runTask({ type: 'IMPORT_METADATA_FROM_REPOSITORY', paths: ['s3://other-bucket/x'] });
    assert.deepEqual(await masks(lost), [0x49], 'another bucket: untouched');
    runTask({ type: 'IMPORT_METADATA_FROM_REPOSITORY', paths: ['s3://ckpt/runs/archive'] });
    assert.deepEqual(await masks(lost), [RELEASED]);
  });

  it('tasks of the file system before the mount was attached change nothing', async () => {
    const clock = new ManualEmulatorClock(Date.UTC(2025, 5, 1));
    const store = new EmulatorStore({ clock, seed: 7 });
    const fileSystemId = store.addFileSystem({ name: 'ml-training' });
    store.addTask({ fileSystemId, type: 'EXPORT_TO_REPOSITORY', createdAt: clock.now() - DAY, pendingMs: 0, executingMs: MINUTE });
    clock.advance(1);
    const files = new SandboxFiles(store);
    await files.attach(root);
    const states: SandboxFileState[] = await files.states(fileSystemId, ['checkpoints/llm-7b/config.json']);
    assert.deepEqual(states, [{ mask: 0, archiveId: 0 }]);
  });
});
