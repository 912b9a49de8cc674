import * as assert from 'node:assert/strict';
import { ManualEmulatorClock } from '../../../src/emulator/clock';
import { lifecycleAt } from '../../../src/emulator/lifecycle';
import { DATA_REPOSITORY_LIFECYCLES, TASK_LIFECYCLES } from '../../../src/emulator/apiModel';
import {
  SCALE_EXECUTING_ON_SECOND,
  SCALE_FILE_SYSTEMS,
  SCALE_FIRST_FILE_SYSTEM_TASKS,
  SCALE_TASKS,
  seedScenario,
} from '../../../src/emulator/scenarios';
import { EmulatorStore } from '../../../src/emulator/store';
import { exportPathsOf } from '../../../src/emulator/taskRules';

const HOUR = 3_600_000;
const START = Date.UTC(2025, 2, 3, 9, 30);

function seeded(scenario: 'empty' | 'demo' | 'scale', seed = 1): EmulatorStore {
  const state = new EmulatorStore({ clock: new ManualEmulatorClock(START), seed });
  seedScenario(state, scenario, seed);
  return state;
}

function nameOf(state: EmulatorStore, fileSystemId: string): string | undefined {
  return state.getFileSystem(fileSystemId)?.tags.find((tag) => tag.Key === 'Name')?.Value;
}

describe('emulator scenarios', () => {
  it('empty has nothing', () => {
    const state = seeded('empty');
    assert.equal(state.fileSystems().length, 0);
    assert.equal(state.fileCaches().length, 0);
    assert.equal(state.taskCount(), 0);
  });

  describe('demo', () => {
    const state = seeded('demo');
    const lustre = state.fileSystems().filter((fs) => fs.type === 'LUSTRE');
    const allTasks = state.fileSystems().flatMap((fs) => state.tasksOf(fs.fileSystemId));

    it('has named Lustre file systems, a non-Lustre one without tasks, and a File Cache with tasks', () => {
      const names = lustre.map((fs) => nameOf(state, fs.fileSystemId));
      for (const name of ['genomics-scratch', 'render-farm', 'ml-training']) {
        assert.ok(names.includes(name), `missing ${name}`);
      }
      const others = state.fileSystems().filter((fs) => fs.type !== 'LUSTRE');
      assert.ok(others.length >= 1);
      for (const fs of others) {
        assert.equal(state.tasksOf(fs.fileSystemId).length, 0);
      }
      assert.equal(state.fileCaches().length, 1);
      const cacheTasks = state.tasksOf(state.fileCaches()[0].fileCacheId);
      assert.ok(cacheTasks.length >= 1);
      assert.ok(cacheTasks.every((task) => task.fileCacheId && !task.fileSystemId));
    });

    it('has every ended lifecycle for each file-system task type, and every lifecycle among them', () => {
      for (const type of ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM']) {
        const seen = new Set(allTasks.filter((task) => task.type === type).map((task) => task.lifecycle));
        for (const lifecycle of ['SUCCEEDED', 'FAILED', 'CANCELED'] as const) {
          assert.ok(seen.has(lifecycle), `${type} ${lifecycle}`);
        }
      }
      assert.deepEqual([...new Set(allTasks.map((task) => task.lifecycle))].sort(), [...TASK_LIFECYCLES].sort());
    });

    it('obeys its own rule: at most one task that has not ended on each file system, now and for the next hours', () => {
      for (const at of [START, START + HOUR, START + 3 * HOUR]) {
        for (const fs of state.fileSystems()) {
          const active = state.tasksOf(fs.fileSystemId, at).filter((task) => !['SUCCEEDED', 'FAILED', 'CANCELED'].includes(task.lifecycle));
          assert.ok(active.length <= 1, `${nameOf(state, fs.fileSystemId)}: ${active.map((task) => task.lifecycle).join(', ')}`);
        }
      }
    });

    it('has the file system kinds the product treats differently: Intelligent-Tiering, Scratch 1 named fsx, Lustre 2.10', () => {
      const byName = (name: string) => lustre.find((fs) => nameOf(state, fs.fileSystemId) === name);
      assert.equal(byName('analytics-tiered')?.storageType, 'INTELLIGENT_TIERING');
      assert.equal(byName('analytics-tiered')?.dataRepository, undefined);
      assert.equal(byName('cfd-scratch')?.deploymentType, 'SCRATCH_1');
      assert.equal(byName('cfd-scratch')?.mountName, 'fsx');
      assert.equal(byName('seismic-2-10')?.lustreVersion, '2.10');
      assert.equal(byName('render-farm')?.lustreVersion, '2.15');
    });

    it('has realistic failures, S3 report paths and paths', () => {
      const failed = allTasks.filter((task) => task.lifecycle === 'FAILED');
      assert.ok(failed.length >= 3);
      for (const task of failed) {
        assert.ok((task.failureMessage ?? '').length > 30, task.failureMessage);
      }
      const reports = allTasks.filter((task) => task.report.Enabled);
      assert.ok(reports.length > 0 && reports.every((task) => task.report.Path?.startsWith('s3://')));
      assert.ok(allTasks.some((task) => task.paths.some((path) => path.startsWith('s3://'))));
    });

    it('has several associations per associated file system, one in each lifecycle, failures explained', () => {
      const onFileSystems = state.associations().filter((association) => association.resource.kind === 'fileSystem');
      const perFileSystem = new Map<string, number>();
      for (const association of onFileSystems) {
        perFileSystem.set(association.resource.id, (perFileSystem.get(association.resource.id) ?? 0) + 1);
      }
      assert.ok(perFileSystem.size >= 2 && [...perFileSystem.values()].every((count) => count >= 3), JSON.stringify([...perFileSystem]));
      assert.deepEqual([...new Set(onFileSystems.map((association) => association.lifecycle))].sort(), [...DATA_REPOSITORY_LIFECYCLES].sort());
      const misconfigured = onFileSystems.find((association) => association.lifecycle === 'MISCONFIGURED');
      assert.ok((misconfigured?.failureMessage ?? '').length > 40, 'says what is wrong and what to do');
      assert.ok(onFileSystems.some((association) => association.autoExportEvents.length === 0), 'an import-only one');
      assert.ok(onFileSystems.some((association) => association.autoImportEvents.length === 0), 'an export-only one');
    });

    it('links each Scratch or Persistent 1 file system through DataRepositoryConfiguration, one of them misconfigured', () => {
      const legacy = lustre.filter((fs) => fs.dataRepository !== undefined);
      assert.deepEqual(legacy.map((fs) => fs.deploymentType).sort(), ['PERSISTENT_1', 'PERSISTENT_1', 'SCRATCH_1', 'SCRATCH_2']);
      assert.ok(legacy.every((fs) => state.associationsOf(fs.fileSystemId).length === 0));
      assert.ok(legacy.some((fs) => fs.dataRepository?.lifecycle === 'MISCONFIGURED' && fs.dataRepository.failureMessage));
    });

    it('writes every seeded report where the create rules allow it, and releases report ReleasedCapacity', () => {
      for (const fs of lustre) {
        const exportPaths = exportPathsOf(state, fs);
        for (const task of state.tasksOf(fs.fileSystemId).filter((t) => t.report.Enabled)) {
          assert.ok(
            exportPaths.some((root) => task.report.Path?.startsWith(root.endsWith('/') ? root : `${root}/`)),
            `${task.report.Path} outside ${exportPaths.join(', ')}`,
          );
        }
      }
      const releases = allTasks.filter((task) => task.type === 'RELEASE_DATA_FROM_FILESYSTEM' && task.status);
      assert.ok(releases.length >= 4 && releases.every((task) => task.status?.releasedCapacity !== undefined));
    });

    it('has at least two EXECUTING tasks that run for at least another hour', () => {
      const longRunning = allTasks.filter(
        (task) => task.lifecycle === 'EXECUTING' && lifecycleAt(state.getTaskPlan(task.taskId)!, START + HOUR) === 'EXECUTING',
      );
      assert.ok(longRunning.length >= 2, `only ${longRunning.length}`);
    });

    it('has a file system with more than 50 tasks (paging)', () => {
      assert.ok(lustre.some((fs) => state.tasksOf(fs.fileSystemId).length > 50));
    });

    it('is planned relative to the start time and deterministic per seed', () => {
      const again = seeded('demo');
      assert.deepEqual(
        again.fileSystems().flatMap((fs) => again.tasksOf(fs.fileSystemId)),
        allTasks,
      );
      const other = seeded('demo', 2);
      assert.notDeepEqual(other.fileSystems()[0].fileSystemId, state.fileSystems()[0].fileSystemId);
      assert.ok(allTasks.every((task) => task.creationTime <= START));
    });
  });

  describe('scale', () => {
    // How fast it seeds is a benchmark figure (npm run bench), not a timed test.
    it('seeds 1,000 file systems and 100,000 tasks with the promised shape', function () {
      this.timeout(30_000);
      const state = seeded('scale');
      assert.equal(state.fileSystems().length, SCALE_FILE_SYSTEMS);
      assert.ok(state.fileSystems().every((fs) => fs.type === 'LUSTRE'));
      assert.ok(
        state.fileSystems().every((fs) => (fs.dataRepository !== undefined) !== (state.associationsOf(fs.fileSystemId).length > 0)),
        'each linked to S3 one way or the other',
      );
      assert.ok(state.fileCaches().length >= 1);
      assert.equal(state.taskCount(), SCALE_TASKS);
      const [first, second] = state.fileSystems();
      assert.equal(state.tasksOf(first.fileSystemId).length, SCALE_FIRST_FILE_SYSTEM_TASKS);
      const onSecond = state.tasksOf(second.fileSystemId);
      assert.equal(onSecond.filter((task) => task.lifecycle === 'EXECUTING').length, SCALE_EXECUTING_ON_SECOND);
      assert.ok(
        onSecond.every((task) => lifecycleAt(state.getTaskPlan(task.taskId)!, START + 5 * HOUR) === 'EXECUTING'),
        'the tracked tasks run for hours',
      );
    });
  });
});
