import * as assert from 'node:assert/strict';
import { NoSuchBucket, NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Lifecycle, Task } from '../../../src/fsx/types';
import { downloadCommand, ReportLocation, ReportObjectStore, ReportOutcome, ReportReader, reportLocation, unavailableText } from '../../../src/outcomes/reportReader';
import { reportLocation as emulatorReportLocation } from '../../../src/emulator/s3/location';
import { reportLine } from './reportFixtures';

const TASK_ID = 'task-0123456789abcdef0';

function task(overrides: Partial<Task> = {}, lifecycle: Lifecycle = 'FAILED'): Task {
  return {
    taskId: TASK_ID,
    lifecycle,
    type: 'EXPORT_TO_REPOSITORY',
    creationTime: new Date(0),
    resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
    paths: [],
    status: { totalCount: 10, succeededCount: 8, failedCount: 2 },
    report: { enabled: true, path: 's3://bucket-a/exports/reports', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' },
    ...overrides,
  };
}

/** The S3 side as data (pure logic under test): an object per key, or the error S3 would throw. */
class MapStore implements ReportObjectStore {
  readonly opened: ReportLocation[] = [];
  constructor(private readonly answer: (location: ReportLocation) => string | Error) {}
  async open(location: ReportLocation): Promise<Iterable<string>> {
    this.opened.push(location);
    const answer = this.answer(location);
    if (answer instanceof Error) {
      throw answer;
    }
    return [answer];
  }
}

function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', message: `${name} said S3`, $metadata: { httpStatusCode: status, requestId: 'REQ1' } });
}

function unavailable(outcome: ReportOutcome) {
  assert.equal(outcome.kind, 'unavailable', JSON.stringify(outcome));
  return outcome as Extract<ReportOutcome, { kind: 'unavailable' }>;
}

describe('reportLocation', () => {
  it('puts the report at {Report.Path}/{TaskId}/failures.csv', () => {
    assert.deepEqual(reportLocation(task()), { bucket: 'bucket-a', key: `exports/reports/${TASK_ID}/failures.csv`, uri: `s3://bucket-a/exports/reports/${TASK_ID}/failures.csv` });
  });

  it('names import reports report.csv', () => {
    assert.equal(reportLocation(task({ type: 'IMPORT_METADATA_FROM_REPOSITORY' }))?.key, `exports/reports/${TASK_ID}/report.csv`);
  });

  it('copes with a bucket-only path and trailing slashes', () => {
    assert.equal(reportLocation(task({ report: { enabled: true, path: 's3://bucket-a' } }))?.key, `${TASK_ID}/failures.csv`);
    assert.equal(reportLocation(task({ report: { enabled: true, path: 's3://bucket-a/' } }))?.key, `${TASK_ID}/failures.csv`);
    assert.equal(reportLocation(task({ report: { enabled: true, path: 's3://bucket-a/p//' } }))?.key, `p/${TASK_ID}/failures.csv`);
  });

  it('refuses what is not an s3:// URI', () => {
    for (const path of ['', '/fsx/reports', 'https://bucket-a.s3.amazonaws.com/x', 's3://']) {
      assert.equal(reportLocation(task({ report: { enabled: true, path } })), undefined, path);
    }
  });

  it("is the emulator's rule, the side that writes the reports (each keeps its own copy)", () => {
    for (const path of ['s3://bucket-a', 's3://bucket-a/', 's3://bucket-a/p//', 's3://b/x/y/z', ' s3://b/x ', 's3://', '/fsx']) {
      for (const type of ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM'] as const) {
        const ours = reportLocation(task({ type, report: { enabled: true, path } }));
        const emulators = emulatorReportLocation({ taskId: TASK_ID, type, report: { Enabled: true, Path: path.trim() } });
        assert.deepEqual(ours && { bucket: ours.bucket, key: ours.key }, emulators, `${type} ${path}`);
      }
    }
  });
});

describe('ReportReader', () => {
  it('summarises the report and checks it against FailedCount', async () => {
    const store = new MapStore(() => reportLine('a.txt', 'S3Error') + reportLine('@b.txt', 'ResourceBusy'));
    const outcome = await new ReportReader(store).read(task());
    assert.equal(outcome.kind, 'report');
    assert.equal(outcome.kind === 'report' && outcome.summary.totalRows, 2);
    assert.deepEqual(outcome.kind === 'report' && outcome.failedCount, { reported: 2, expected: 2, matches: true });
    assert.equal(outcome.kind === 'report' && outcome.summary.rows[1].filePath, '@b.txt');
    assert.equal(store.opened[0].key, `exports/reports/${TASK_ID}/failures.csv`);
  });

  it('an empty report of a task without failures is a message, not an empty table', async () => {
    const reader = new ReportReader(new MapStore(() => ''));
    assert.equal(unavailable(await reader.read(task({ status: { totalCount: 5, succeededCount: 5, failedCount: 0 } }))).reason, 'noFailedFiles');
    // When FSx counted failures, an empty report is shown with the mismatch said.
    const outcome = await reader.read(task());
    assert.equal(outcome.kind, 'report');
    assert.deepEqual(outcome.kind === 'report' && outcome.failedCount, { reported: 0, expected: 2, matches: false });
  });

  it('does not call S3 when reports are off, the task still runs, or the path is not S3', async () => {
    const store = new MapStore(() => assert.fail('no S3 call expected'));
    const reader = new ReportReader(store);
    assert.equal(unavailable(await reader.read(task({ report: { enabled: false } }))).reason, 'reportsOff');
    assert.equal(unavailable(await reader.read(task({ report: undefined }))).reason, 'reportsOff');
    for (const lifecycle of ['PENDING', 'EXECUTING', 'CANCELING'] as const) {
      assert.equal(unavailable(await reader.read(task({}, lifecycle))).reason, 'stillRunning', lifecycle);
    }
    assert.equal(unavailable(await reader.read(task({ report: { enabled: true, path: '/local' } }))).reason, 'badPath');
    assert.equal(store.opened.length, 0);
  });

  const errorCases: [string, Error, string, Partial<Task>?][] = [
    ['NoSuchKey', new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }), 'notWritten'],
    ['NoSuchKey with no failed files', new NoSuchKey({ message: 'nope', $metadata: {} }), 'noFailedFiles', { status: { failedCount: 0 } }],
    ['NoSuchBucket', new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } }), 'bucketMissing'],
    ['AccessDenied', s3Error('AccessDenied', 403), 'accessDenied'],
    ['ExpiredToken', s3Error('ExpiredToken', 400), 'credentials'],
    ['InvalidAccessKeyId', s3Error('InvalidAccessKeyId', 403), 'credentials'],
    ['an SSO session that ended', Object.assign(new Error('The SSO session associated with this profile has expired'), { name: 'CredentialsProviderError' }), 'credentials'],
    ['SlowDown', s3Error('SlowDown', 503), 'failed'],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'failed'],
  ];
  for (const [label, error, reason, overrides] of errorCases) {
    it(`turns ${label} into "${reason}" with a message and a next step`, async () => {
      const outcome = unavailable(await new ReportReader(new MapStore(() => error)).read(task(overrides)));
      assert.equal(outcome.reason, reason);
      assert.equal(outcome.location?.bucket, 'bucket-a');
      const text = unavailableText(outcome, ENGLISH);
      assert.ok(text.message.length > 10 && text.nextStep.length > 5, JSON.stringify(text));
      assert.doesNotMatch(text.message, /FSx could not|reach FSx/, 'S3 trouble is not called FSx trouble');
    });
  }

  it('names the object, the bucket and the SSO sign-in where they help', async () => {
    const read = async (error: Error) => unavailableText(unavailable(await new ReportReader(new MapStore(() => error)).read(task())), ENGLISH);
    assert.match((await read(new NoSuchKey({ message: 'x', $metadata: {} }))).message, new RegExp(`s3://bucket-a/exports/reports/${TASK_ID}/failures.csv`));
    assert.match((await read(new NoSuchBucket({ message: 'x', $metadata: {} }))).message, /bucket-a/);
    assert.match((await read(s3Error('AccessDenied', 403))).nextStep, /s3:GetObject/);
    assert.match((await read(Object.assign(new Error('SSO session expired'), { name: 'CredentialsProviderError' }))).nextStep, /SSO/);
    assert.match((await read(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).message, /Could not reach S3/);
  });

  it('puts a hostile report path and what S3 said into a message as plain text: no link, no icon', async () => {
    const hostile = task({ report: { enabled: true, path: 's3://bucket-a/[open](command:workbench.action.terminal.new)/$(alert)', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' } });
    const read = async (error: Error) => unavailableText(unavailable(await new ReportReader(new MapStore(() => error)).read(hostile)), ENGLISH);
    const messages = [
      (await read(new NoSuchKey({ message: 'x', $metadata: {} }))).message,
      (await read(s3Error('AccessDenied', 403))).message,
      (await read(new Error('[click](command:workbench.action.terminal.new) $(alert)\nsecond line'))).message,
    ];
    for (const message of messages) {
      assert.doesNotMatch(message, /\]\(|\$\(|\n/, message);
    }
  });

  it('offers a download command only for a URI no shell would interpret', () => {
    assert.equal(downloadCommand('s3://bucket-a/exports/reports/task-0123456789abcdef0/failures.csv'), 'aws s3 cp s3://bucket-a/exports/reports/task-0123456789abcdef0/failures.csv .');
    for (const uri of ['s3://b/$(id)/failures.csv', 's3://b/a b/failures.csv', "s3://b/a'b", 's3://b/a;rm -rf ~', 's3://b/a`x`', 's3://b/a\u0003x', 's3://b/a|x', 's3://B/x']) {
      assert.equal(downloadCommand(uri), undefined, uri);
    }
  });

  it('a report that breaks off mid-stream is a failure, not a short table', async () => {
    const store: ReportObjectStore = {
      open: async () =>
        (async function* () {
          yield reportLine('a', 'S3Error');
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        })(),
    };
    const outcome = unavailable(await new ReportReader(store).read(task()));
    assert.equal(outcome.reason, 'failed');
    assert.equal(outcome.error?.kind, 'network');
  });

  it("rethrows the caller's own abort", async () => {
    const controller = new AbortController();
    const store: ReportObjectStore = {
      open: async () => {
        controller.abort();
        throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      },
    };
    await assert.rejects(new ReportReader(store).read(task(), { signal: controller.signal }), { name: 'AbortError' });
  });
});
