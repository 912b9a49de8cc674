import * as assert from 'node:assert/strict';
import { sandboxLatencyFromEnv, sandboxScenarioFromEnv } from '../../../src/sandbox/localSandbox';
import { parseSandboxArgs, DEFAULT_IDLE_MS } from '../../../src/emulator/sandboxProcess';

describe('LocalSandbox', () => {
  it('reads FSX_SANDBOX: 1 or demo, scale, anything else off', () => {
    assert.equal(sandboxScenarioFromEnv('1'), 'demo');
    assert.equal(sandboxScenarioFromEnv('demo'), 'demo');
    assert.equal(sandboxScenarioFromEnv('scale'), 'scale');
    for (const value of [undefined, '', '0', 'true', 'empty']) {
      assert.equal(sandboxScenarioFromEnv(value), undefined, String(value));
    }
  });

  it('reads FSX_SANDBOX_LATENCY_MS: a whole number of ms up to 10,000, anything else none', () => {
    assert.equal(sandboxLatencyFromEnv('40'), 40);
    assert.equal(sandboxLatencyFromEnv('0'), 0);
    for (const value of [undefined, '', '-1', '4.5', '10001', '40ms', ' 40']) {
      assert.equal(sandboxLatencyFromEnv(value), undefined, String(value));
    }
  });

  it("the process's arguments: defaults, and refusals of what it cannot use", () => {
    assert.deepEqual(parseSandboxArgs([]), { scenario: 'demo', timeScale: 1, idleMs: DEFAULT_IDLE_MS, latencyMs: 0, stateFile: undefined });
    assert.deepEqual(parseSandboxArgs(['--scenario', 'scale', '--time-scale', '10', '--idle-ms', '500', '--latency-ms', '40', '--state-file', 'f.json']), {
      scenario: 'scale',
      timeScale: 10,
      idleMs: 500,
      latencyMs: 40,
      stateFile: 'f.json',
    });
    assert.throws(() => parseSandboxArgs(['--scenario', 'nope']), /Unknown scenario/);
    assert.throws(() => parseSandboxArgs(['--latency-ms=-1']), /--latency-ms is out of range/);
    assert.throws(() => parseSandboxArgs(['--idle-ms', '0']), /--idle-ms is out of range/);
    assert.throws(() => parseSandboxArgs(['--port', '1']));
  });
});
