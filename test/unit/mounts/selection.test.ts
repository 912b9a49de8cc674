// The paths a selection in VS Code's Explorer gives a task, on real-format mount lines.

import * as assert from 'node:assert/strict';
import { lustreMountsOf, selectionOf } from '../../../src/mounts';

const mounts = lustreMountsOf(
  [
    'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com@tcp:/abcdefgh /fsx lustre rw,noatime,flock 0 0',
    'fs-0aaaabbbbccccdddd.fsx.eu-west-1.amazonaws.com@tcp:/p2mq7rxa/projects/alpha /home/ec2-user/alpha\\040project lustre rw,flock 0 0',
    'fs-0bbbbccccddddeeee.fsx.us-east-1.amazonaws.com@tcp:/r8dk2pqz /fsx/nested lustre rw,flock 0 0',
  ].join('\n'),
);

describe('Explorer selection to task paths', function () {
  it('gives each selected folder relative to the mount root, in selection order', function () {
    const selection = selectionOf(mounts, ['/fsx/results/run-7', '/fsx/logs', '/fsx/results/run-7/']);
    assert.ok(selection.ok);
    assert.equal(selection.mount.mountPoint, '/fsx');
    assert.deepEqual(selection.paths, ['results/run-7', 'logs']);
  });

  it('drops a path inside another selected one, but keeps a sibling with a common prefix', function () {
    const selection = selectionOf(mounts, ['/fsx/results/run-7/part-1', '/fsx/results', '/fsx/results-old']);
    assert.ok(selection.ok);
    assert.deepEqual(selection.paths, ['results', 'results-old']);
  });

  it('gives no paths (the whole file system) when the mount root is among the selection', function () {
    const selection = selectionOf(mounts, ['/fsx/logs', '/fsx']);
    assert.ok(selection.ok);
    assert.deepEqual(selection.paths, []);
  });

  it('prefixes the mounted subdirectory and decodes escaped spaces', function () {
    const selection = selectionOf(mounts, ['/home/ec2-user/alpha project/out']);
    assert.ok(selection.ok);
    assert.deepEqual(selection.paths, ['projects/alpha/out']);
    const root = selectionOf(mounts, ['/home/ec2-user/alpha project']);
    assert.ok(root.ok);
    assert.deepEqual(root.paths, ['projects/alpha'], 'a mounted subdirectory is a path, not the whole file system');
  });

  it('takes the nested mount for a path below it', function () {
    const selection = selectionOf(mounts, ['/fsx/nested/a']);
    assert.ok(selection.ok);
    assert.equal(selection.mount.mountName, 'r8dk2pqz');
    assert.deepEqual(selection.paths, ['a']);
  });

  it('refuses a path outside every Lustre mount, and a selection across mounts', function () {
    assert.deepEqual(selectionOf(mounts, ['/fsx/a', '/home/ec2-user/other']), { ok: false, reason: 'outside', path: '/home/ec2-user/other' });
    assert.deepEqual(selectionOf(mounts, ['/fsx/a', '/fsx/nested/b']), { ok: false, reason: 'severalMounts', mountPoints: ['/fsx', '/fsx/nested'] });
    assert.deepEqual(selectionOf(mounts, []), { ok: false, reason: 'outside', path: '' });
  });

  it('takes 100 paths and refuses 101', function () {
    const folders = (count: number) => Array.from({ length: count }, (_, i) => `/fsx/run-${i}`);
    const hundred = selectionOf(mounts, folders(100));
    assert.ok(hundred.ok);
    assert.equal(hundred.paths.length, 100);
    assert.deepEqual(selectionOf(mounts, folders(101)), { ok: false, reason: 'tooMany', count: 101 });
  });
});
