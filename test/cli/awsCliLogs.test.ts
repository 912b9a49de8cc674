// The real AWS CLI reads the data repository event log from the emulator's CloudWatch Logs side,
// on the FSx URL: `aws logs filter-log-events` (which follows nextToken itself), describe-log-streams,
// and a missing group.

import * as assert from 'node:assert/strict';
import { FsxEmulator } from '../../src/emulator';
import { aws, awsJson, skipWithoutAwsCli } from './awsCliRunner';

describe('AWS CLI against the emulator CloudWatch Logs side', function () {
  this.timeout(120_000);
  let emulator: FsxEmulator;
  let endpoint: string[];
  let stream: string;

  before(async function () {
    await skipWithoutAwsCli(this);
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    endpoint = ['--endpoint-url', emulator.url, '--region', 'us-east-1'];
    const ml = emulator.state.fileSystems().find((fs) => fs.tags.some((tag) => tag.Value === 'ml-training'));
    assert.ok(ml);
    stream = `datarepo_${ml.fileSystemId}`;
  });

  after(async () => {
    await emulator?.close();
  });

  it('filter-log-events reads every page of the window, in time order', async () => {
    emulator.logs.pageEvents = 10;
    const now = emulator.state.now();
    const answer = await awsJson(['logs', 'filter-log-events', '--log-group-name', '/aws/fsx/ml-training', '--log-stream-names', stream, '--start-time', String(now - 86_400_000), '--end-time', String(now), ...endpoint]);
    const events = answer.events as { timestamp: number; message: string; logStreamName: string }[];
    const expected = emulator.state.logs.filter('/aws/fsx/ml-training', { logStreamNames: [stream], startTime: now - 86_400_000, endTime: now })!;
    assert.equal(events.length, expected.length);
    assert.ok(emulator.logs.requestCounts().FilterLogEvents > 1, 'more than one page');
    assert.deepEqual(events.map((event) => event.timestamp), [...events.map((event) => event.timestamp)].sort((a, b) => a - b));
    const codes = new Set(events.map((event) => (JSON.parse(event.message) as { errorCode: string }).errorCode));
    assert.ok(codes.has('S3ExportAccessDenied'));
  });

  it('filter-log-events with a term pattern, describe-log-streams, and a missing group', async () => {
    const busy = await awsJson(['logs', 'filter-log-events', '--log-group-name', '/aws/fsx/ml-training', '--filter-pattern', 'S3ExportResourceBusy', ...endpoint]);
    assert.equal((busy.events as unknown[]).length, 1);
    const streams = await awsJson(['logs', 'describe-log-streams', '--log-group-name', '/aws/fsx/ml-training', ...endpoint]);
    assert.deepEqual((streams.logStreams as { logStreamName: string }[]).map((entry) => entry.logStreamName), [stream]);
    const missing = await aws(['logs', 'filter-log-events', '--log-group-name', '/aws/fsx/none', ...endpoint]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /ResourceNotFoundException/);
  });
});
