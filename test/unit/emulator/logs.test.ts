// The emulator's CloudWatch Logs records: LogConfiguration on Lustre file systems (what FSx
// allows), the log groups' time-ordered filter, and the demo's event log.
import * as assert from 'node:assert/strict';
import { EmulatorStore, LogGroups, ManualEmulatorClock, patternTerms, seedScenario } from '../../../src/emulator';

describe('emulator: CloudWatch Logs records', () => {
  it('gives Lustre file systems a LogConfiguration: WARN_ERROR to /aws/fsx/lustre by default, none while DISABLED', () => {
    const store = new EmulatorStore({ clock: new ManualEmulatorClock() });
    const plain = store.getFileSystem(store.addFileSystem())!;
    assert.deepEqual(plain.logConfiguration, { level: 'WARN_ERROR', destination: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/fsx/lustre' });
    assert.deepEqual(store.getFileSystem(store.addFileSystem({ logging: { level: 'DISABLED' } }))!.logConfiguration, { level: 'DISABLED' });
    assert.throws(() => store.addFileSystem({ logging: { level: 'DISABLED', logGroup: '/aws/fsx/x' } }), /no destination/);
    assert.throws(() => store.addFileSystem({ logging: { level: 'WARN_ONLY', logGroup: '/elsewhere' } }), /\/aws\/fsx\//);
    assert.throws(() => store.addFileSystem({ type: 'WINDOWS', logging: { level: 'WARN_ERROR' } }), /Lustre file systems only/);
  });

  it('filters a group in time order across streams, both ends inclusive, by stream and terms', () => {
    const groups = new LogGroups();
    groups.addEvents('/aws/fsx/g', 'b', [{ timestamp: 3, message: 'three ERROR' }, { timestamp: 1, message: 'one' }]);
    groups.addEvents('/aws/fsx/g', 'a', [{ timestamp: 2, message: 'two ERROR "quoted phrase"' }]);
    assert.deepEqual(groups.filter('/aws/fsx/g', {})!.map((event) => event.timestamp), [1, 2, 3]);
    assert.deepEqual(groups.filter('/aws/fsx/g', { startTime: 2, endTime: 3 })!.map((event) => event.timestamp), [2, 3]);
    assert.deepEqual(groups.filter('/aws/fsx/g', { logStreamNames: ['a'] })!.map((event) => event.timestamp), [2]);
    assert.deepEqual(groups.filter('/aws/fsx/g', { filterPattern: 'ERROR three' })!.map((event) => event.timestamp), [3]);
    assert.deepEqual(patternTerms('"quoted phrase" ERROR'), ['quoted phrase', 'ERROR']);
    assert.equal(groups.filter('/aws/fsx/none', {}), undefined);
  });

  it('seeds the demo: ml-training logs to its own group, its /checkpoints export keeps failing, and a reset seeds it again', () => {
    const store = new EmulatorStore({ clock: new ManualEmulatorClock() });
    seedScenario(store, 'demo');
    const ml = store.fileSystems().find((fs) => fs.tags.some((tag) => tag.Value === 'ml-training'))!;
    const day = store.logs.filter('/aws/fsx/ml-training', { logStreamNames: [`datarepo_${ml.fileSystemId}`], startTime: store.now() - 86_400_000 })!;
    const exports = day.map((event) => JSON.parse(event.message) as { operation: string; logLevel: string }).filter((event) => event.operation === 'AUTO_EXPORT' && event.logLevel === 'ERROR');
    assert.ok(exports.length >= 50, `${exports.length}`);
    const render = store.fileSystems().find((fs) => fs.tags.some((tag) => tag.Value === 'render-farm'))!;
    assert.equal(render.logConfiguration?.level, 'DISABLED');
    store.clear();
    assert.deepEqual(store.logs.groupNames(), []);
  });
});
