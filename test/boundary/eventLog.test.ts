// The real CloudWatchLogsClient (LogsClientFactory, as the extension builds it) against the
// emulator's CloudWatch Logs side on the FSx URL: the demo's event log filtered over a window,
// paged, a missing log group, a dropped connection.
import * as assert from 'node:assert/strict';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator } from '../../src/emulator';
import { FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxService } from '../../src/fsx/fsxService';
import { Connection, StorageResource } from '../../src/fsx/types';
import { loggingOf, summarizeEvents } from '../../src/outcomes/eventLog';
import { readEventLog } from '../../src/outcomes/eventLogReader';
import { createLogEventSource, LogsClientFactory } from '../../src/outcomes/logsClient';

describe('the data repository event log with the real CloudWatch Logs client against the emulator', function () {
  this.timeout(60_000);
  let emulator: FsxEmulator;
  let logs: LogsClientFactory;
  let connection: Connection;
  let ml: StorageResource;
  let render: StorageResource;

  before(async () => {
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    connection = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
    const fsx = new FsxClientFactory();
    const resources = await new FsxService(fsx.get(connection)).listResources();
    fsx.dispose();
    ml = resources.find((resource) => resource.name === 'ml-training')!;
    render = resources.find((resource) => resource.name === 'render-farm')!;
    logs = new LogsClientFactory({ retryStrategy: new ConfiguredRetryStrategy(1, 0) });
  });

  after(async () => {
    logs.dispose();
    await emulator.close();
  });

  afterEach(() => emulator.reset());

  function place(resource: StorageResource) {
    const logging = loggingOf(resource);
    return { logGroup: logging.logGroup!, logStream: logging.logStream! };
  }

  it('reads the LogConfiguration FSx describes: WARN_ERROR to its own group, and DISABLED', () => {
    assert.deepEqual(loggingOf(ml), { level: 'WARN_ERROR', logGroup: '/aws/fsx/ml-training', logStream: `datarepo_${ml.id}` });
    assert.equal(loggingOf(render).level, 'DISABLED');
  });

  it('filters the window and groups the failing association’s automatic export', async () => {
    const source = createLogEventSource(logs, connection, emulator.url);
    const day = await readEventLog(source, place(ml), { window: '24h', now: emulator.state.now() });
    const week = await readEventLog(source, place(ml), { window: '7d', now: emulator.state.now() });
    assert.ok(week.entries.length > day.entries.length);
    const associations = (await new FsxService(new FsxClientFactory().get(connection)).listAssociations(ml)).associations;
    const checkpoints = summarizeEvents(day.entries, associations).groups.find((group) => group.fileSystemPath === '/checkpoints');
    assert.ok(checkpoints && checkpoints.exportFailures >= 50, JSON.stringify(checkpoints?.exportFailures));
    assert.equal(checkpoints.codes[0].code, 'S3ExportAccessDenied');
  });

  it('follows every page and stops at the bound', async () => {
    emulator.logs.pageEvents = 10;
    const source = createLogEventSource(logs, connection, emulator.url);
    const all = await readEventLog(source, place(ml), { window: '7d', now: emulator.state.now() });
    assert.ok(all.pages > 10, `${all.pages} pages`);
    const bounded = await readEventLog(source, place(ml), { window: '7d', now: emulator.state.now(), max: 25 });
    assert.equal(bounded.entries.length, 25);
    assert.equal(bounded.cut, true);
  });

  it('a missing log group is ResourceNotFoundException', async () => {
    const source = createLogEventSource(logs, connection, emulator.url);
    await assert.rejects(readEventLog(source, { logGroup: '/aws/fsx/nothing-here', logStream: 'datarepo_fs-0' }, { window: '1h', now: Date.now() }), { name: 'ResourceNotFoundException' });
  });

  it('answers as CloudWatch Logs does: a group by ARN, the streams, a bad token and both group names refused', async () => {
    const client = logs.get(connection, emulator.url);
    const { FilterLogEventsCommand, DescribeLogStreamsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    const byArn = await client.send(new FilterLogEventsCommand({ logGroupIdentifier: ml.logConfiguration!.destination, limit: 5 }));
    assert.equal(byArn.events?.length, 5);
    assert.ok(byArn.nextToken);
    const streams = await client.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/fsx/ml-training' }));
    assert.deepEqual(streams.logStreams?.map((stream) => stream.logStreamName), [`datarepo_${ml.id}`]);
    await assert.rejects(client.send(new FilterLogEventsCommand({ logGroupName: '/aws/fsx/ml-training', nextToken: 'made-up' })), { name: 'InvalidParameterException' });
    await assert.rejects(client.send(new FilterLogEventsCommand({ logGroupName: '/aws/fsx/ml-training', logGroupIdentifier: '/aws/fsx/ml-training' })), { name: 'InvalidParameterException' });
  });

  it('a dropped connection fails the read (no hang, no partial success)', async () => {
    emulator.logs.injectFault({ operation: 'FilterLogEvents', kind: 'drop' });
    const source = createLogEventSource(logs, connection, emulator.url);
    await assert.rejects(readEventLog(source, place(ml), { window: '1h', now: emulator.state.now() }));
  });
});
