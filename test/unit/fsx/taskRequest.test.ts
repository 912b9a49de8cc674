import * as assert from 'node:assert/strict';
import { hasAssociations } from '../../../src/fsx/associations';
import { ENGLISH, L10n } from '../../../src/fsx/l10n';
import {
  buildCreateTaskInput,
  Checked,
  checkReportPath,
  defaultReportPath,
  MAX_TASK_PATH_LENGTH,
  MAX_TASK_PATHS,
  newClientRequestToken,
  parseDays,
  reportRoots,
  resolveTaskPaths,
  ResolvedPaths,
  resourceRefusal,
  splitPathList,
  StartableTaskType,
  targetRefusal,
  StartTarget,
} from '../../../src/fsx/taskRequest';
import { assets, broken, cache, fromAssets, frames, legacy, legacyTarget, render, renderTarget } from './fixtures';

const EXPORT: StartableTaskType = 'EXPORT_TO_REPOSITORY';
const IMPORT: StartableTaskType = 'IMPORT_METADATA_FROM_REPOSITORY';
const RELEASE: StartableTaskType = 'RELEASE_DATA_FROM_FILESYSTEM';

function value<T>(checked: Checked<T>): T {
  assert.ok(checked.ok, checked.ok ? '' : checked.message);
  return checked.value;
}

function message<T>(checked: Checked<T>): string {
  assert.ok(!checked.ok, `expected a refusal, got ${JSON.stringify(checked)}`);
  return checked.message;
}

function paths(target: StartTarget, type: StartableTaskType, ...inputs: string[]): readonly string[] {
  return value(resolveTaskPaths(target, type, inputs, ENGLISH)).paths;
}

describe('start-task rules (taskRequest)', () => {
  describe('which resources can have a task', () => {
    it('refuses a File Cache and says why', () => {
      const reason = resourceRefusal(cache, EXPORT, ENGLISH) ?? '';
      assert.match(reason, /fc-0123456789abcdef0/);
      assert.match(reason, /AUTO_RELEASE_DATA/);
      assert.match(reason, /file systems only|only file systems/);
    });

    it('refuses other file system types, unavailable file systems, and release on Lustre 2.10', () => {
      assert.match(resourceRefusal({ ...render, storageType: 'WINDOWS', supportsTasks: false }, EXPORT, ENGLISH) ?? '', /FSx WINDOWS .*only FSx for Lustre/);
      assert.match(resourceRefusal({ ...render, lifecycle: 'CREATING' }, EXPORT, ENGLISH) ?? '', /render \(fs-0123456789abcdef0\) is CREATING/);
      assert.match(resourceRefusal(legacy, RELEASE, ENGLISH) ?? '', /Lustre 2\.10/);
      assert.equal(resourceRefusal(legacy, EXPORT, ENGLISH), undefined);
      assert.equal(resourceRefusal(render, RELEASE, ENGLISH), undefined);
    });

    it('needs an S3 link, and a usable association when started from one', () => {
      assert.equal(targetRefusal(renderTarget, EXPORT, ENGLISH), undefined);
      assert.match(targetRefusal({ resource: render, repositories: [] }, EXPORT, ENGLISH) ?? '', /not linked to an S3 bucket/);
      assert.match(targetRefusal({ resource: render, repositories: [broken] }, EXPORT, ENGLISH) ?? '', /No data repository association .* is AVAILABLE/);
      assert.match(targetRefusal({ ...renderTarget, association: broken }, EXPORT, ENGLISH) ?? '', /\/broken is MISCONFIGURED: The bucket policy denies FSx\. Fix the association/);
      assert.match(targetRefusal({ ...renderTarget, association: { ...assets, lifecycle: 'CREATING' } }, IMPORT, ENGLISH) ?? '', /\/assets is CREATING; start the task once it is AVAILABLE/);
      assert.match(targetRefusal({ ...renderTarget, association: { ...assets, dataRepositoryPath: 'nfs://nas/x', exportPath: undefined } }, IMPORT, ENGLISH) ?? '', /not an S3 bucket/);
      const misconfigured = { ...legacy, dataRepositoryLink: { ...legacyTarget.repositories[0], lifecycle: 'MISCONFIGURED', failureMessage: 'The import path cannot be read.' } };
      assert.match(targetRefusal({ resource: misconfigured, repositories: [misconfigured.dataRepositoryLink] }, EXPORT, ENGLISH) ?? '', /The S3 link of fs-0fedcba987654321f is MISCONFIGURED: The import path cannot be read\. Fix the link/);
    });

    it('lists associations only where FSx has them', () => {
      assert.equal(hasAssociations(render), true);
      assert.equal(hasAssociations(cache), true);
      assert.equal(hasAssociations(legacy), false, 'its own link instead');
      assert.equal(hasAssociations({ ...render, deploymentType: 'SCRATCH_1' }), false);
      assert.equal(hasAssociations({ ...render, storageType: 'ONTAP', supportsTasks: false }), false);
    });
  });

  describe('paths', () => {
    it('splits one line on commas and drops blanks', () => {
      assert.deepEqual(splitPathList(' a/b , ,c,'), ['a/b', 'c']);
      assert.deepEqual(splitPathList('   '), []);
    });

    it('export from a file system: relative to the root, one leading slash or none, duplicates once', () => {
      assert.deepEqual(paths(renderTarget, EXPORT, 'assets/a', '/frames//b/', 'assets/a'), ['assets/a', 'frames/b']);
      const resolved = value(resolveTaskPaths(renderTarget, EXPORT, ['frames/b'], ENGLISH));
      assert.deepEqual(resolved.repositories, [frames]);
    });

    it('no paths or the root means the whole file system (no Paths), across the usable associations', () => {
      for (const inputs of [[], ['/'], ['  '], ['/', 'assets/x']]) {
        const resolved: ResolvedPaths = value(resolveTaskPaths(renderTarget, EXPORT, inputs, ENGLISH));
        assert.deepEqual(resolved.paths, [], JSON.stringify(inputs));
        assert.deepEqual(resolved.repositories, [assets, frames], 'not the misconfigured one');
      }
    });

    it('refuses paths outside every usable association, naming them and the mount point', () => {
      const text = message(resolveTaskPaths(renderTarget, EXPORT, ['mnt/fsx/assets/a'], ENGLISH));
      assert.match(text, /^A path is not inside a data repository association \(\/assets, \/frames\).*: "mnt\/fsx\/assets\/a"$/);
      assert.match(text, /without your mount point/);
      message(resolveTaskPaths(renderTarget, RELEASE, ['broken/x'], ENGLISH));
    });

    it('refuses wildcards, dot segments, URLs and control characters', () => {
      for (const input of ['assets/*.csv', 'assets/file?', 'assets/[ab]']) {
        assert.match(message(resolveTaskPaths(renderTarget, EXPORT, [input], ENGLISH)), /wildcard/);
      }
      assert.match(message(resolveTaskPaths(renderTarget, EXPORT, ['assets/../frames'], ENGLISH)), /"\." and "\.\."/);
      assert.match(message(resolveTaskPaths(renderTarget, EXPORT, ['s3://render-assets/projects/a'], ENGLISH)), /is a URL/);
      assert.match(message(resolveTaskPaths(renderTarget, IMPORT, ['nfs://x/y'], ENGLISH)), /not an S3 path/);
      assert.match(message(resolveTaskPaths(renderTarget, EXPORT, ['assets/a\tb'], ENGLISH)), /control character/);
    });

    it('takes up to 100 paths of up to 4,096 characters each', () => {
      const hundred = Array.from({ length: MAX_TASK_PATHS }, (_, n) => `assets/f${n}`);
      assert.equal(paths(renderTarget, EXPORT, ...hundred).length, 100);
      assert.match(message(resolveTaskPaths(renderTarget, EXPORT, [...hundred, 'assets/one-more'], ENGLISH)), /at most 100 paths; 101 were given/);
      const longest = `assets/${'a'.repeat(MAX_TASK_PATH_LENGTH - 'assets/'.length)}`;
      assert.deepEqual(paths(renderTarget, EXPORT, longest), [longest]);
      assert.match(message(resolveTaskPaths(renderTarget, EXPORT, [`${longest}b`], ENGLISH)), /longer than the 4096 characters/);
    });

    it('from an association: relative to its file system path; nothing means all of it', () => {
      assert.deepEqual(paths(fromAssets, EXPORT, 'shots/a', '/b'), ['assets/shots/a', 'assets/b']);
      assert.deepEqual(paths(fromAssets, EXPORT), ['assets']);
      assert.deepEqual(paths(fromAssets, RELEASE, '/'), ['assets']);
      assert.deepEqual(value(resolveTaskPaths(fromAssets, RELEASE, [], ENGLISH)).repositories, [assets]);
      const atRoot: StartTarget = { ...renderTarget, association: { ...assets, fileSystemPath: '/' } };
      assert.deepEqual(paths(atRoot, EXPORT), [], 'an association at / is the whole file system');
    });

    it('import: file system paths become S3 paths through their association; s3:// paths must be inside one', () => {
      assert.deepEqual(paths(renderTarget, IMPORT, 'assets/shots', '/frames'), ['s3://render-assets/projects/shots', 's3://render-output/frames/']);
      assert.deepEqual(paths(renderTarget, IMPORT, 's3://render-output/frames/f1'), ['s3://render-output/frames/f1']);
      assert.deepEqual(paths(renderTarget, IMPORT), [], 'every linked repository');
      assert.match(message(resolveTaskPaths(renderTarget, IMPORT, ['s3://render-output/framesX'], ENGLISH)), /not inside a linked S3 repository/);
      assert.match(message(resolveTaskPaths(renderTarget, IMPORT, ['s3://render-broken/a'], ENGLISH)), /not inside a linked S3 repository/);
      assert.deepEqual(paths(fromAssets, IMPORT), ['s3://render-assets/projects/']);
      assert.deepEqual(paths(fromAssets, IMPORT, 'shots'), ['s3://render-assets/projects/shots']);
      message(resolveTaskPaths(fromAssets, IMPORT, ['s3://render-output/frames/f1'], ENGLISH));
    });

    it('an older file system’s link covers the whole file system', () => {
      assert.deepEqual(paths(legacyTarget, EXPORT, '/results/run1'), ['results/run1']);
      assert.deepEqual(paths(legacyTarget, IMPORT, 'inputs'), ['s3://legacy-bucket/in/inputs']);
    });
  });

  it('days since last access: a whole number, 0 or more', () => {
    assert.equal(value(parseDays('0', ENGLISH)), 0);
    assert.equal(value(parseDays(' 30 ', ENGLISH)), 30);
    for (const text of ['', '-1', '1.5', '1e3', 'ten', '99999999999999999999']) {
      assert.match(message(parseDays(text, ENGLISH)), /whole number of days/, text);
    }
  });

  describe('completion report', () => {
    it('goes under the export path of the association, or of the file system’s usable links', () => {
      assert.deepEqual(reportRoots(renderTarget), ['s3://render-assets/projects', 's3://render-output/frames']);
      assert.equal(defaultReportPath({ ...renderTarget, association: frames }), 's3://render-output/frames');
      assert.equal(defaultReportPath(legacyTarget), 's3://legacy-bucket/out', 'the link’s ExportPath, not its ImportPath');
      assert.equal(defaultReportPath({ resource: render, repositories: [broken] }), undefined);
      assert.equal(defaultReportPath(renderTarget, [frames, assets]), 's3://render-output/frames', 'the repository the first path reaches');
      assert.equal(defaultReportPath(renderTarget, [broken]), 's3://render-assets/projects', 'never an unusable one');
    });

    it('refuses a report path outside the export path', () => {
      assert.equal(value(checkReportPath(renderTarget, 's3://render-output/frames/reports/', ENGLISH)), 's3://render-output/frames/reports');
      assert.match(message(checkReportPath(renderTarget, 's3://render-output/framesX', ENGLISH)), /inside an export path \(s3:\/\/render-assets\/projects, s3:\/\/render-output\/frames\)/);
      assert.match(message(checkReportPath(fromAssets, 's3://render-output/frames', ENGLISH)), /inside an export path \(s3:\/\/render-assets\/projects\)/);
      assert.match(message(checkReportPath(renderTarget, 's3', ENGLISH)), /3 to 4357 characters/);
    });
  });

  it('builds the CreateTaskInput: report members, release configuration, token', () => {
    const exportInput = buildCreateTaskInput(renderTarget, { type: EXPORT, paths: ['assets'], reportPath: 's3://render-assets/projects' }, 'token-1');
    assert.deepEqual(exportInput, {
      fileSystemId: render.id,
      type: EXPORT,
      paths: ['assets'],
      report: { enabled: true, path: 's3://render-assets/projects', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' },
      clientRequestToken: 'token-1',
      daysSinceLastAccess: undefined,
    });
    const release = buildCreateTaskInput(renderTarget, { type: RELEASE, paths: [] }, 'token-2');
    assert.deepEqual(release.paths, ['/'], 'a whole-file-system release sends `/`, as the API model documents');
    assert.deepEqual(release.report, { enabled: false });
    assert.equal(release.daysSinceLastAccess, 0);
    assert.equal(buildCreateTaskInput(renderTarget, { type: IMPORT, paths: [], daysSinceLastAccess: 3 }, 't').daysSinceLastAccess, undefined, 'release only');
    assert.equal(buildCreateTaskInput(renderTarget, { type: EXPORT, paths: [] }, 't').paths, undefined, 'a whole-file-system export sends no Paths');
    assert.equal(buildCreateTaskInput(renderTarget, { type: IMPORT, paths: [] }, 't').paths, undefined, 'a whole import sends no Paths');
    assert.deepEqual(buildCreateTaskInput(renderTarget, { type: RELEASE, paths: ['assets'] }, 't').paths, ['assets'], 'given paths go as they are');
  });

  it('makes idempotency tokens the API takes, a new one each time', () => {
    const a = newClientRequestToken();
    const b = newClientRequestToken();
    assert.match(a, /^[A-Za-z0-9_.-]{1,63}$/);
    assert.notEqual(a, b);
  });

  it('says everything through the injected L10n', () => {
    const marked: L10n = { t: (text, ...args) => `«${ENGLISH.t(text, ...args)}»` };
    assert.match(resourceRefusal(cache, EXPORT, marked) ?? '', /^«.*»$/);
    assert.match(message(resolveTaskPaths(renderTarget, EXPORT, ['a*'], marked)), /^«.*»$/);
    assert.match(message(parseDays('x', marked)), /^«.*»$/);
  });
});
