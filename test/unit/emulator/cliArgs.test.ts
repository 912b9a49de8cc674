import * as assert from 'node:assert/strict';
import { UsageError, formatLogLine, parseCliArgs } from '../../../src/emulator/cli';

describe('emulator CLI flags', () => {
  it('parses every flag', () => {
    assert.deepEqual(parseCliArgs(['--port', '4566', '--scenario', 'scale', '--time-scale', '10', '--seed', '7']), {
      port: 4566,
      host: '127.0.0.1',
      scenario: 'scale',
      timeScale: 10,
      seed: 7,
    });
    assert.deepEqual(parseCliArgs([]), { port: 4566, host: '127.0.0.1', scenario: 'demo', timeScale: 1, seed: 1 });
    assert.equal(parseCliArgs(['--help']), 'help');
  });

  it('rejects bad flags with a UsageError', () => {
    for (const argv of [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--port', '-1'],
      ['--scenario', 'huge'],
      ['--time-scale', '0'],
      ['--time-scale', 'fast'],
      ['--seed', '1.5'],
      ['--bogus'],
      ['positional'],
      ['--port'],
    ]) {
      assert.throws(() => parseCliArgs(argv), UsageError, argv.join(' '));
    }
  });

  it('formats one log line per request', () => {
    assert.equal(formatLogLine({ operation: 'DescribeFileSystems', status: 200, ms: 3, requestId: 'r' }), 'DescribeFileSystems 200 3ms');
    assert.equal(
      formatLogLine({ operation: 'CancelDataRepositoryTask', status: 400, errorCode: 'DataRepositoryTaskEnded', ms: 1, requestId: 'r' }),
      'CancelDataRepositoryTask 400 DataRepositoryTaskEnded 1ms',
    );
    assert.equal(formatLogLine({ operation: 'DescribeFileSystems', status: 0, ms: 0, requestId: 'r' }), 'DescribeFileSystems dropped 0ms');
  });
});
