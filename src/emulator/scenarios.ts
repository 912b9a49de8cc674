// Seeded starting worlds. Tasks are planned relative to the clock's time at seeding, so a demo
// started now shows tasks that are executing now. Same seed and start time, same world.

import { DEFAULT_LUSTRE_LOG_GROUP, type CompletionReport, type TaskLifecycle, type TaskType } from './apiModel';
import { dataRepositoryEvent, dataRepositoryStream, type DataRepositoryEventSpec } from './logs/events';
import { Random } from './random';
import { releasedGiB } from './taskRules';
import type { TaskSpec } from './records';
import type { EmulatorStore } from './store';

export const SCENARIO_NAMES = ['empty', 'demo', 'scale'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(value);
}

export function seedScenario(store: EmulatorStore, scenario: ScenarioName, seed = 1): void {
  // A stream of its own, unrelated to the store's id stream under the same seed.
  const random = new Random(seed ^ 0x5ce7a210);
  switch (scenario) {
    case 'empty':
      return;
    case 'demo':
      return seedDemo(store, random);
    case 'scale':
      return seedScale(store, random);
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The part of a task spec that puts it in `lifecycle` at `now`. */
type Timing = Pick<TaskSpec, 'createdAt' | 'pendingMs' | 'executingMs' | 'outcome' | 'cancelRequestedAt' | 'cancelingMs'>;

interface TimingOptions {
  /** How long ago a finished task ended (roughly). */
  readonly agoMs?: number;
  /** How much longer an EXECUTING task runs, or a PENDING one waits. */
  readonly remainingMs?: number;
  readonly executingMs?: number;
}

export function timingFor(lifecycle: TaskLifecycle, now: number, random: Random, options: TimingOptions = {}): Timing {
  const pendingMs = random.int(5, 90) * SECOND;
  const executingMs = options.executingMs ?? random.int(4, 90) * MINUTE;
  const agoMs = options.agoMs ?? random.int(1, 72) * HOUR;
  switch (lifecycle) {
    case 'SUCCEEDED':
    case 'FAILED':
      return timing(now - agoMs - executingMs - pendingMs, pendingMs, executingMs, lifecycle);
    case 'CANCELED': {
      const createdAt = now - agoMs - executingMs - pendingMs;
      const cancelAt = createdAt + pendingMs + Math.floor(executingMs * 0.4);
      return timing(createdAt, pendingMs, executingMs, 'SUCCEEDED', cancelAt, random.int(10, 60) * SECOND);
    }
    case 'EXECUTING': {
      const elapsed = random.int(3, 40) * MINUTE;
      const remaining = options.remainingMs ?? random.int(20, 120) * MINUTE;
      return timing(now - elapsed - pendingMs, pendingMs, elapsed + remaining, 'SUCCEEDED');
    }
    case 'PENDING': {
      const waited = random.int(1, 10) * MINUTE;
      const remaining = options.remainingMs ?? random.int(30, 90) * MINUTE;
      return timing(now - waited, waited + remaining, executingMs, 'SUCCEEDED');
    }
    case 'CANCELING': {
      const elapsed = random.int(10, 40) * MINUTE;
      // A long cancel, so that a person sees CANCELING in the demo.
      return timing(now - elapsed - pendingMs, pendingMs, elapsed + 2 * HOUR, 'SUCCEEDED', now - 20 * SECOND, 10 * MINUTE);
    }
  }
}

/** Always the same object shape (cheap for V8 when there are 100,000 of them). */
function timing(
  createdAt: number,
  pendingMs: number,
  executingMs: number,
  outcome: 'SUCCEEDED' | 'FAILED',
  cancelRequestedAt?: number,
  cancelingMs?: number,
): Timing {
  return { createdAt, pendingMs, executingMs, outcome, cancelRequestedAt, cancelingMs };
}

function report(path: string): CompletionReport {
  return Object.freeze({ Enabled: true, Path: path, Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' });
}

interface DemoTaskKind {
  readonly type: TaskType;
  readonly paths: readonly (readonly string[])[];
  readonly report?: CompletionReport;
  readonly failure: string;
  readonly failedCount: number;
  readonly releaseDays?: number;
}

function seedDemo(store: EmulatorStore, random: Random): void {
  const now = store.now();

  const genomics = store.addFileSystem({
    name: 'genomics-scratch',
    deploymentType: 'SCRATCH_2',
    storageCapacity: 2400,
    tags: [{ Key: 'team', Value: 'bioinformatics' }],
    // A Scratch file system links S3 through its own DataRepositoryConfiguration.
    dataRepository: {
      importPath: 's3://genomics-raw-reads-prod',
      exportPath: 's3://genomics-raw-reads-prod/fsx-export',
      autoImportPolicy: 'NEW_CHANGED_DELETED',
    },
    createdAt: now - 41 * DAY,
  });
  const render = store.addFileSystem({
    name: 'render-farm',
    deploymentType: 'PERSISTENT_2',
    storageCapacity: 9600,
    tags: [{ Key: 'team', Value: 'vfx' }],
    // Nobody turned the event log on: the tree says so, and how.
    logging: { level: 'DISABLED' },
    createdAt: now - 120 * DAY,
  });
  const ml = store.addFileSystem({
    name: 'ml-training',
    deploymentType: 'PERSISTENT_2',
    storageCapacity: 4800,
    tags: [{ Key: 'team', Value: 'ml-platform' }],
    logging: { level: 'WARN_ERROR', logGroup: ML_LOG_GROUP },
    createdAt: now - 200 * DAY,
  });
  store.addFileSystem({
    name: 'corp-shares',
    type: 'WINDOWS',
    deploymentType: 'MULTI_AZ_1',
    storageCapacity: 2048,
    createdAt: now - 365 * DAY,
  });
  const cache = store.addFileCache({ storageCapacity: 1200, createdAt: now - 30 * DAY });

  store.addAssociation({ fileSystemId: render, resourcePath: '/assets', dataRepositoryPath: 's3://render-farm-assets/projects/', createdAt: now - 119 * DAY });
  store.addAssociation({ fileSystemId: render, resourcePath: '/frames', dataRepositoryPath: 's3://render-farm-output/frames/', createdAt: now - 119 * DAY });
  // Datasets only come in, checkpoints only go out.
  const datasets = store.addAssociation({
    fileSystemId: ml,
    resourcePath: '/datasets',
    dataRepositoryPath: 's3://ml-training-datasets/curated/',
    autoExportEvents: [],
    createdAt: now - 199 * DAY,
  });
  const checkpoints = store.addAssociation({
    fileSystemId: ml,
    resourcePath: '/checkpoints',
    dataRepositoryPath: 's3://ml-training-checkpoints/runs/',
    autoImportEvents: [],
    batchImportMetaDataOnCreate: false,
    createdAt: now - 199 * DAY,
  });
  store.addAssociation({ fileCacheId: cache, resourcePath: '/ns1', dataRepositoryPath: 'nfs://nas01.corp.example.com/exports/render', createdAt: now - 30 * DAY });

  const genomicsExport: DemoTaskKind = {
    type: 'EXPORT_TO_REPOSITORY',
    paths: [['runs/2025-01-14/aligned'], ['runs/2025-01-13/variants', 'runs/2025-01-13/qc'], []],
    report: report('s3://genomics-raw-reads-prod/fsx-export/reports'),
    failure:
      'Failed to export 37 files to s3://genomics-raw-reads-prod/fsx-export: the bucket policy denies s3:PutObject to Amazon FSx. See the completion report for the list of files.',
    failedCount: 37,
  };
  const genomicsImport: DemoTaskKind = {
    type: 'IMPORT_METADATA_FROM_REPOSITORY',
    paths: [['s3://genomics-raw-reads-prod/incoming/batch-0412'], ['s3://genomics-raw-reads-prod/reference/GRCh38']],
    report: report('s3://genomics-raw-reads-prod/fsx-export/reports'),
    failure: 'Amazon FSx could not read from s3://genomics-raw-reads-prod/incoming: Access Denied (Service: Amazon S3; Status Code: 403).',
    // Objects it could not read: the demo's report.csv.
    failedCount: 214,
  };
  const renderRelease: DemoTaskKind = {
    type: 'RELEASE_DATA_FROM_FILESYSTEM',
    paths: [['/assets/archive/2024'], ['/frames/shot_0420', '/frames/shot_0421']],
    report: report('s3://render-farm-output/frames/fsx-reports'),
    failure: 'Failed to release 12 files: they have not been exported to the data repository yet.',
    failedCount: 12,
    releaseDays: 30,
  };

  const specs: TaskSpec[] = [];
  // Every ended lifecycle of every file-system task type. FSx runs one task at a time on a file
  // system (a create while one runs answers DataRepositoryTaskExecuting), so each file system has
  // at most one task that has not ended: the export on genomics-scratch and the release on
  // render-farm run for hours, so a person has time to cancel them; climate-archive's export is
  // CANCELING and cfd-scratch's import PENDING (seedDemoKinds).
  const ENDED: readonly TaskLifecycle[] = ['SUCCEEDED', 'FAILED', 'CANCELED'];
  for (const [fileSystemId, kind, running] of [
    [genomics, genomicsExport, 'EXECUTING'],
    [genomics, genomicsImport, undefined],
    [render, renderRelease, 'EXECUTING'],
  ] as const) {
    for (const lifecycle of ENDED) {
      specs.push(demoTask(fileSystemId, kind, lifecycle, now, random));
    }
    if (running) {
      specs.push(demoTask(fileSystemId, kind, running, now, random, 3 * HOUR));
    }
  }

  // Enough finished history on ml-training that its task list pages ("Load more").
  const mlKinds: DemoTaskKind[] = [
    {
      type: 'EXPORT_TO_REPOSITORY',
      paths: [['checkpoints/resnet50/epoch-090'], ['checkpoints/llm-7b/step-120000'], []],
      report: report('s3://ml-training-checkpoints/runs/fsx-reports'),
      failure: 'Failed to export 5 files: the S3 object key would exceed 1,024 bytes.',
      failedCount: 5,
    },
    {
      type: 'IMPORT_METADATA_FROM_REPOSITORY',
      paths: [['s3://ml-training-datasets/curated/imagenet-21k'], ['s3://ml-training-datasets/curated/laion-subset']],
      failure: 'The data repository task failed because the S3 prefix s3://ml-training-datasets/curated/tmp does not exist.',
      failedCount: 0,
    },
  ];
  for (let i = 0; i < 62; i++) {
    const lifecycle: TaskLifecycle = i % 11 === 5 ? 'FAILED' : i % 13 === 7 ? 'CANCELED' : 'SUCCEEDED';
    specs.push(demoTask(ml, mlKinds[i % 2], lifecycle, now, random, undefined, (i + 1) * 9 * HOUR));
  }

  // The cache's automatic releases.
  for (const [lifecycle, remaining] of [
    ['SUCCEEDED', undefined],
    ['EXECUTING', 2 * HOUR],
  ] as const) {
    const releasedCapacity = random.int(100, 600);
    specs.push({
      fileCacheId: cache,
      type: 'AUTO_RELEASE_DATA',
      ...timingFor(lifecycle, now, random, { remainingMs: remaining }),
      totalCount: random.int(20_000, 90_000),
      releasedCapacity,
      capacityToRelease: releasedCapacity + 100,
    });
  }
  store.addTasks(specs);
  // Added after the tasks so that the ids above stay what they were before these existed.
  seedDemoLinks(store, random, { render, ml, now });
  seedDemoEventLogs(store, { ml, checkpoints, datasets, now });
}

/** The log group ml-training's event log goes to (its LogConfiguration.Destination). */
const ML_LOG_GROUP = '/aws/fsx/ml-training';

/**
 * ml-training's data repository event log: automatic export of /checkpoints keeps failing (the
 * bucket policy denies s3:PutObject; a few paths are too long for an S3 key; one file was busy),
 * automatic import of /datasets meets objects it cannot import. Older failures reach back 7 days.
 */
function seedDemoEventLogs(store: EmulatorStore, { ml, checkpoints, datasets, now }: { ml: string; checkpoints: string; datasets: string; now: number }): void {
  const random = new Random(0x10c5);
  const events: DataRepositoryEventSpec[] = [];
  const exportEvent = (at: number, errorCode: string, message: string, path: string, level: 'ERROR' | 'WARN' = 'ERROR'): void => {
    events.push({ timestamp: at, fileSystemId: ml, associationId: checkpoints, operation: 'AUTO_EXPORT', level, errorCode, message, path, s3Path: `s3://ml-training-checkpoints/runs/${path.slice('/checkpoints/'.length)}` });
  };
  // Every 25 minutes for a week: a new checkpoint, refused by the bucket.
  for (let at = now - 7 * DAY + 7 * MINUTE, i = 0; at < now; at += 25 * MINUTE, i++) {
    const run = `run-${String(400 + Math.floor(i / 48)).padStart(4, '0')}`;
    const path = `/checkpoints/${run}/epoch-${String(i % 48).padStart(3, '0')}.pt`;
    exportEvent(at + random.int(0, 59) * SECOND, 'S3ExportAccessDenied', `Failed to export file because access was denied to S3 object with key runs/${path.slice(13)} in S3 bucket ml-training-checkpoints.`, path);
  }
  const longName = `${'hyperparameter-sweep-'.repeat(52)}final.pt`;
  for (const hoursAgo of [3, 9, 20]) {
    exportEvent(now - hoursAgo * HOUR, 'S3ExportPathSizeTooLong', 'Failed to export file because the local file path size exceeds the maximum object key length supported by S3.', `/checkpoints/sweeps/${hoursAgo}/${longName}`);
  }
  exportEvent(now - 5 * HOUR, 'S3ExportResourceBusy', 'Failed to export file because it is being used by another process.', '/checkpoints/run-0406/latest.pt');
  exportEvent(now - 2 * HOUR, 'S3ExportLocalObjectReleaseWithoutS3Source', 'Export skipped: Local file is in released state and a linked S3 object was not found.', '/checkpoints/run-0399/epoch-047.pt', 'WARN');
  const importEvent = (at: number, errorCode: string, level: 'ERROR' | 'WARN', key: string, message: string): void => {
    events.push({ timestamp: at, fileSystemId: ml, associationId: datasets, operation: 'AUTO_IMPORT', level, errorCode, message, path: `/datasets/${key}`, s3Path: `s3://ml-training-datasets/curated/${key}` });
  };
  for (const [hoursAgo, key] of [[1, 'images/train/ja:colon.png'], [6, 'images/train/%2e%2e/escape.png'], [30, 'text/corpus\\shard-0007.jsonl']] as const) {
    importEvent(now - hoursAgo * HOUR, 'S3ImportObjectPathNotPosixCompliant', 'ERROR', key, `Failed to import S3 object with key curated/${key} in S3 bucket ml-training-datasets because S3 object is not POSIX compliant.`);
  }
  for (const hoursAgo of [4, 11]) {
    importEvent(now - hoursAgo * HOUR, 'S3ImportUnsupportedTierWarning', 'WARN', `archive/2019/shard-${hoursAgo}.tar`, `Failed to import S3 object with key curated/archive/2019/shard-${hoursAgo}.tar in S3 bucket ml-training-datasets due to an S3 object in an unsupported tier GLACIER.`);
  }
  events.sort((a, b) => a.timestamp - b.timestamp);
  store.logs.addEvents(ML_LOG_GROUP, dataRepositoryStream(ml), events.map(dataRepositoryEvent), now - 200 * DAY);
  // The default group exists in every account that ever logged FSx for Lustre events.
  store.logs.addGroup(DEFAULT_LUSTRE_LOG_GROUP, now - 500 * DAY);
}

/** Associations in every other lifecycle, and a Persistent 1 file system with a misconfigured link. */
function seedDemoLinks(store: EmulatorStore, random: Random, { render, ml, now }: { render: string; ml: string; now: number }): void {
  store.addAssociation({ fileSystemId: render, resourcePath: '/textures', dataRepositoryPath: 's3://render-farm-assets/textures/', lifecycle: 'CREATING', createdAt: now - 2 * MINUTE });
  store.addAssociation({ fileSystemId: render, resourcePath: '/archive', dataRepositoryPath: 's3://render-farm-archive/2023/', lifecycle: 'DELETING', createdAt: now - 300 * DAY });
  store.addAssociation({
    fileSystemId: ml,
    resourcePath: '/scratch-results',
    dataRepositoryPath: 's3://ml-training-scratch/results/',
    lifecycle: 'MISCONFIGURED',
    failureMessage:
      'Amazon FSx cannot receive event notifications from s3://ml-training-scratch: the bucket has no event notification configuration for Amazon FSx. Add it (or let FSx create it), then update the association.',
    createdAt: now - 60 * DAY,
  });
  store.addAssociation({ fileSystemId: ml, resourcePath: '/features', dataRepositoryPath: 's3://ml-training-features/v2/', lifecycle: 'UPDATING', autoImportEvents: ['NEW'], createdAt: now - 90 * DAY });
  store.addAssociation({
    fileSystemId: ml,
    resourcePath: '/legacy-import',
    dataRepositoryPath: 's3://ml-training-legacy/import/',
    lifecycle: 'FAILED',
    failureMessage: 'The data repository association could not be created: the bucket ml-training-legacy does not exist or is in another Region.',
    createdAt: now - 10 * DAY,
  });

  const climate = store.addFileSystem({
    name: 'climate-archive',
    deploymentType: 'PERSISTENT_1',
    storageCapacity: 3600,
    storageType: 'HDD',
    tags: [{ Key: 'team', Value: 'climate-research' }],
    // Warnings only: failures are not logged.
    logging: { level: 'WARN_ONLY' },
    dataRepository: {
      importPath: 's3://climate-model-archive',
      exportPath: 's3://climate-model-archive/fsx-export',
      autoImportPolicy: 'NEW_CHANGED',
      lifecycle: 'MISCONFIGURED',
      failureMessage:
        'Amazon FSx cannot import updates from s3://climate-model-archive: the bucket policy denies s3:GetBucketNotification to Amazon FSx. Correct the policy; automatic import resumes once FSx can read the configuration.',
    },
    createdAt: now - 500 * DAY,
  });
  const climateExport: DemoTaskKind = {
    type: 'EXPORT_TO_REPOSITORY',
    paths: [['cmip6/ssp585'], []],
    report: report('s3://climate-model-archive/fsx-export/reports'),
    failure: 'Failed to export 3 files: Access Denied (Service: Amazon S3; Status Code: 403).',
    failedCount: 3,
  };
  store.addTasks([
    ...(['SUCCEEDED', 'FAILED', 'SUCCEEDED'] as const).map((lifecycle, i) => demoTask(climate, climateExport, lifecycle, now, random, undefined, (i + 1) * DAY)),
    demoTask(climate, climateExport, 'CANCELING', now, random),
  ]);
  seedDemoKinds(store, random, now);
}

/**
 * The file systems the product must treat differently: a Scratch 1 (mount name `fsx`, linked
 * through its own DataRepositoryConfiguration, no associations) with an import waiting to run,
 * a Lustre 2.10 one (no associations, no release tasks), an Intelligent-Tiering one (no S3 link
 * at all, so no tasks), and buckets an association cannot use.
 */
function seedDemoKinds(store: EmulatorStore, random: Random, now: number): void {
  const cfd = store.addFileSystem({
    name: 'cfd-scratch',
    deploymentType: 'SCRATCH_1',
    lustreVersion: '2.12',
    storageCapacity: 3600,
    tags: [{ Key: 'team', Value: 'aero' }],
    dataRepository: { importPath: 's3://cfd-meshes', exportPath: 's3://cfd-meshes/fsx-export' },
    createdAt: now - 3 * DAY,
  });
  const seismic = store.addFileSystem({
    name: 'seismic-2-10',
    deploymentType: 'PERSISTENT_1',
    lustreVersion: '2.10',
    storageCapacity: 2400,
    storageType: 'HDD',
    tags: [{ Key: 'team', Value: 'geophysics' }],
    dataRepository: { importPath: 's3://seismic-surveys', exportPath: 's3://seismic-surveys/fsx-export', autoImportPolicy: 'NEW' },
    createdAt: now - 900 * DAY,
  });
  store.addFileSystem({
    name: 'analytics-tiered',
    deploymentType: 'PERSISTENT_2',
    storageType: 'INTELLIGENT_TIERING',
    tags: [{ Key: 'team', Value: 'analytics' }],
    createdAt: now - 14 * DAY,
  });
  const cfdImport: DemoTaskKind = {
    type: 'IMPORT_METADATA_FROM_REPOSITORY',
    paths: [['s3://cfd-meshes/wing-v7']],
    failure: 'Amazon FSx could not list s3://cfd-meshes/wing-v7.',
    failedCount: 0,
  };
  const seismicExport: DemoTaskKind = {
    type: 'EXPORT_TO_REPOSITORY',
    paths: [['surveys/2019'], []],
    report: report('s3://seismic-surveys/fsx-export/reports'),
    failure: 'Failed to export 2 files: the S3 object key would exceed 1,024 bytes.',
    failedCount: 2,
  };
  store.addTasks([
    demoTask(cfd, cfdImport, 'SUCCEEDED', now, random, undefined, 2 * DAY),
    demoTask(cfd, cfdImport, 'PENDING', now, random),
    demoTask(seismic, seismicExport, 'SUCCEEDED', now, random, undefined, 30 * DAY),
  ]);
  // An association on these buckets ends as FSx would leave it: the bucket is gone, or sends FSx no events.
  store.addRepositoryProblem({
    s3Prefix: 's3://ml-training-legacy',
    lifecycle: 'FAILED',
    failureMessage: 'The data repository association could not be created: the bucket ml-training-legacy does not exist or is in another Region.',
  });
  store.addRepositoryProblem({
    s3Prefix: 's3://ml-training-scratch',
    lifecycle: 'MISCONFIGURED',
    failureMessage:
      'Amazon FSx cannot receive event notifications from s3://ml-training-scratch: the bucket has no event notification configuration for Amazon FSx. Add it (or let FSx create it), then update the association.',
  });
}

function demoTask(
  fileSystemId: string,
  kind: DemoTaskKind,
  lifecycle: TaskLifecycle,
  now: number,
  random: Random,
  longRunningMs?: number,
  agoMs?: number,
): TaskSpec {
  const totalCount = kind.type === 'IMPORT_METADATA_FROM_REPOSITORY' ? random.int(50_000, 2_000_000) : random.int(2_000, 400_000);
  const failed = lifecycle === 'FAILED';
  // A canceled export or release has failures too (counts freeze at the cancel): its report shows them.
  const hasFailures = failed || lifecycle === 'CANCELED';
  return {
    fileSystemId,
    type: kind.type,
    ...timingFor(lifecycle, now, random, { remainingMs: lifecycle === 'EXECUTING' ? longRunningMs : undefined, agoMs }),
    totalCount,
    failedCount: hasFailures ? Math.min(kind.failedCount, totalCount) : 0,
    failureMessage: failed ? kind.failure : undefined,
    paths: random.pick(kind.paths),
    report: kind.report,
    releasedCapacity: kind.type === 'RELEASE_DATA_FROM_FILESYSTEM' ? releasedGiB(totalCount - (failed ? kind.failedCount : 0)) : undefined,
    releaseConfiguration:
      kind.releaseDays === undefined ? undefined : { DurationSinceLastAccess: { Unit: 'DAYS', Value: kind.releaseDays } },
  };
}

// ---- scale ----

export const SCALE_FILE_SYSTEMS = 1000;
export const SCALE_FILE_CACHES = 3;
export const SCALE_TASKS = 100_000;
export const SCALE_FIRST_FILE_SYSTEM_TASKS = 10_000;
export const SCALE_EXECUTING_ON_SECOND = 500;
const SCALE_TASKS_PER_CACHE = 500;

const SCALE_PATHS: readonly (readonly string[])[] = [[], ['data/raw'], ['results/latest', 'logs']].map((paths) => Object.freeze(paths));
const SCALE_BUCKET = 's3://scale-test-bucket/';
const SCALE_REPORT = report(`${SCALE_BUCKET}reports`);
/** Scratch file systems link the whole bucket through DataRepositoryConfiguration; the others through one association. */
const SCALE_LEGACY_LINK = Object.freeze({ importPath: 's3://scale-test-bucket', exportPath: 's3://scale-test-bucket' });
const SCALE_FINISHED: readonly TaskLifecycle[] = ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'FAILED', 'CANCELED'];
const SCALE_TYPES: readonly TaskType[] = ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM'];

/**
 * 1,000 Lustre file systems and a few caches with 100,000 tasks: the first file system has
 * exactly 10,000 finished tasks, the second 500 EXECUTING ones that run for hours, and the rest
 * are spread over the other file systems and the caches. Every Scratch file system links S3
 * through DataRepositoryConfiguration, every other one through one association.
 */
function seedScale(store: EmulatorStore, random: Random): void {
  const now = store.now();
  const fileSystems: string[] = [];
  for (let i = 0; i < SCALE_FILE_SYSTEMS; i++) {
    fileSystems.push(
      store.addFileSystem({
        name: `scale-fs-${String(i + 1).padStart(4, '0')}`,
        deploymentType: scaleScratch(i) ? 'SCRATCH_2' : 'PERSISTENT_2',
        storageCapacity: 1200 * (1 + (i % 8)),
        createdAt: now - 400 * DAY + i * MINUTE,
        dataRepository: scaleScratch(i) ? SCALE_LEGACY_LINK : undefined,
      }),
    );
  }
  const caches: string[] = [];
  for (let i = 0; i < SCALE_FILE_CACHES; i++) {
    caches.push(store.addFileCache({ createdAt: now - 100 * DAY + i * HOUR }));
  }

  // Specs are built with one fixed shape (no spreads): at 100,000 tasks that is the
  // difference between a fast seed and a slow one.
  const specs: TaskSpec[] = [];
  const add = (resource: readonly [fileSystemId?: string, fileCacheId?: string], type: TaskType, lifecycle: TaskLifecycle, timing: Timing, totalCount: number): void => {
    const failed = lifecycle === 'FAILED';
    specs.push({
      fileSystemId: resource[0],
      fileCacheId: resource[1],
      type,
      createdAt: timing.createdAt,
      pendingMs: timing.pendingMs,
      executingMs: timing.executingMs,
      outcome: timing.outcome,
      cancelRequestedAt: timing.cancelRequestedAt,
      cancelingMs: timing.cancelingMs,
      totalCount,
      failedCount: failed ? Math.min(totalCount, random.int(1, 50)) : 0,
      failureMessage: failed ? 'The data repository task failed: Access Denied (Service: Amazon S3; Status Code: 403).' : undefined,
      paths: random.pick(SCALE_PATHS),
      report: SCALE_REPORT,
    });
  };
  const addFinished = (resource: readonly [fileSystemId?: string, fileCacheId?: string], type: TaskType): void => {
    const lifecycle = random.pick(SCALE_FINISHED);
    const timing = timingFor(lifecycle, now, random, { agoMs: random.int(1, 90 * 24) * HOUR, executingMs: random.int(1, 120) * MINUTE });
    add(resource, type, lifecycle, timing, random.int(100, 200_000));
  };

  for (let i = 0; i < SCALE_FIRST_FILE_SYSTEM_TASKS; i++) {
    addFinished([fileSystems[0]], random.pick(SCALE_TYPES));
  }
  for (let i = 0; i < SCALE_EXECUTING_ON_SECOND; i++) {
    const timing = timingFor('EXECUTING', now, random, { remainingMs: random.int(6, 24) * HOUR });
    add([fileSystems[1]], 'EXPORT_TO_REPOSITORY', 'EXECUTING', timing, random.int(10_000, 5_000_000));
  }
  for (const cache of caches) {
    for (let i = 0; i < SCALE_TASKS_PER_CACHE; i++) {
      addFinished([undefined, cache], 'AUTO_RELEASE_DATA');
    }
  }
  const others = fileSystems.slice(2);
  for (let i = 0; specs.length < SCALE_TASKS; i++) {
    addFinished([others[i % others.length]], random.pick(SCALE_TYPES));
  }
  store.addTasks(specs);
  // After the tasks, so that the task ids do not depend on the associations.
  fileSystems.forEach((fileSystemId, i) => {
    if (!scaleScratch(i)) {
      store.addAssociation({ fileSystemId, resourcePath: '/data', dataRepositoryPath: SCALE_BUCKET, createdAt: now - 400 * DAY + i * MINUTE });
    }
  });
}

function scaleScratch(index: number): boolean {
  return index % 4 === 0;
}
