import * as assert from 'node:assert/strict';
import { FaultInjector } from '../../../src/emulator/faults';

describe('emulator fault injector', () => {
  it('applies a fault to its operation only, for count requests', () => {
    const faults = new FaultInjector();
    faults.add({ kind: 'throttle', operation: 'CancelDataRepositoryTask', count: 2 });
    assert.equal(faults.decide('DescribeFileSystems').error, undefined);
    assert.equal(faults.decide('CancelDataRepositoryTask').error?.code, 'ThrottlingException');
    assert.equal(faults.decide('CancelDataRepositoryTask').error?.status, 400);
    assert.equal(faults.decide('CancelDataRepositoryTask').error, undefined, 'used up');
    assert.equal(faults.size, 0);
  });

  it("'*' and an omitted operation match everything until removed", () => {
    const faults = new FaultInjector();
    const remove = faults.add({ kind: 'unavailable', operation: '*' });
    faults.add({ kind: 'internal' });
    for (let i = 0; i < 3; i++) {
      const decision = faults.decide('DescribeDataRepositoryTasks');
      assert.equal(decision.error?.code, 'ServiceUnavailable');
      assert.equal(decision.error?.status, 503);
    }
    remove();
    assert.equal(faults.decide('DescribeFileCaches').error?.status, 500);
    faults.clear();
    assert.deepEqual(faults.decide('DescribeFileCaches'), { delayMs: 0, drop: false });
  });

  it('maps each kind to the service answer', () => {
    const faults = new FaultInjector();
    const expected = [
      ['throttle', 400, 'ThrottlingException', 'Rate exceeded'],
      ['internal', 500, 'InternalServerError', undefined],
      ['unavailable', 503, 'ServiceUnavailable', undefined],
      ['expiredToken', 400, 'ExpiredTokenException', 'The security token included in the request is expired'],
      ['accessDenied', 403, 'AccessDeniedException', undefined],
      ['unrecognizedClient', 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.'],
    ] as const;
    for (const [kind, status, code, message] of expected) {
      faults.add({ kind, count: 1 });
      const error = faults.decide('DescribeFileSystems').error;
      assert.equal(error?.status, status, kind);
      assert.equal(error?.code, code, kind);
      if (message) {
        assert.equal(error?.message, message);
      }
    }
    faults.add({ kind: 'drop', count: 1 });
    assert.equal(faults.decide('DescribeFileSystems').drop, true);
    faults.add({ kind: 'dropAfterApply', operation: 'CancelDataRepositoryTask', count: 1 });
    assert.deepEqual(faults.decide('DescribeFileSystems'), { delayMs: 0, drop: false }, 'other operations pass');
    assert.deepEqual(faults.decide('CancelDataRepositoryTask'), { delayMs: 0, drop: false, dropAfterApply: true }, 'applied first: no drop before');
    assert.equal(faults.size, 0);
  });

  it('applies a fault with a region to requests signed for that region only', () => {
    const faults = new FaultInjector();
    faults.add({ kind: 'accessDenied', region: 'ap-east-1' });
    assert.equal(faults.decide('DescribeFileSystems', 'us-east-1').error, undefined);
    assert.equal(faults.decide('DescribeFileSystems').error, undefined, 'an unsigned request has no region');
    assert.equal(faults.decide('DescribeFileSystems', 'ap-east-1').error?.code, 'AccessDeniedException');
    assert.equal(faults.decide('DescribeFileCaches', 'ap-east-1').error?.code, 'AccessDeniedException');
  });

  it('adds latency to whatever else happens', () => {
    const faults = new FaultInjector();
    faults.add({ kind: 'latency', latencyMs: 30, count: 1 });
    faults.add({ kind: 'latency', latencyMs: 12, count: 1 });
    faults.add({ kind: 'throttle', count: 1 });
    const decision = faults.decide('DescribeFileSystems');
    assert.equal(decision.delayMs, 42);
    assert.equal(decision.error?.code, 'ThrottlingException');
    assert.deepEqual(faults.decide('DescribeFileSystems'), { delayMs: 0, drop: false });
  });

  it('refuses malformed specs', () => {
    const faults = new FaultInjector();
    assert.throws(() => faults.add({ kind: 'latency' }), RangeError);
    assert.throws(() => faults.add({ kind: 'throttle', count: 0 }), RangeError);
    assert.throws(() => faults.add({ kind: 'explode' as never }), RangeError);
    assert.equal(faults.size, 0);
  });
});
