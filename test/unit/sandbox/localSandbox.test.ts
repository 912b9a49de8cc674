import * as assert from 'node:assert/strict';
import { LocalSandbox, sandboxScenarioFromEnv } from '../../../src/sandbox/localSandbox';

describe('LocalSandbox', () => {
  it('reads FSX_SANDBOX: 1 or demo, scale, anything else off', () => {
    assert.equal(sandboxScenarioFromEnv('1'), 'demo');
    assert.equal(sandboxScenarioFromEnv('demo'), 'demo');
    assert.equal(sandboxScenarioFromEnv('scale'), 'scale');
    for (const value of [undefined, '', '0', 'true', 'empty']) {
      assert.equal(sandboxScenarioFromEnv(value), undefined, String(value));
    }
  });

  it('starts one emulator on loopback however often it is asked, and stops it', async () => {
    const sandbox = new LocalSandbox();
    const [first, second] = await Promise.all([sandbox.start(1), sandbox.start(1)]);
    try {
      assert.deepEqual(first, second);
      assert.match(first.endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(first.sandbox, true);
      assert.ok((sandbox.instance?.state.fileSystems().length ?? 0) >= 4, 'demo data');
    } finally {
      await sandbox.stop();
    }
    assert.equal(sandbox.running, false);
    assert.equal(sandbox.connection, undefined);
  });
});
