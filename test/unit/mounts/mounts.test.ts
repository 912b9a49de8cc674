// Mount table parsing on real-format lines, matching mounts to described file systems and
// caches, and the API path of a local path.

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fileMountTable,
  findMount,
  hasLustreMount,
  lustreMountsOf,
  matchMounts,
  parseFsxDnsName,
  parseMountTable,
  readLustreMounts,
  relativeToMount,
  type LustreMount,
  type MountableResource,
} from '../../../src/mounts';

// Compiled tests run from out/test/unit/mounts; the fixture stays in the source tree.
const FIXTURE = join(__dirname, '..', '..', '..', '..', 'test', 'unit', 'mounts', 'fixtures', 'proc-mounts.txt');

describe('mount table', function () {
  let mounts: LustreMount[];

  before(async function () {
    mounts = await readLustreMounts(fileMountTable(FIXTURE));
  });

  it('tells activation whether any Lustre file system is mounted, reading the file at once', function () {
    assert.equal(hasLustreMount(FIXTURE), true);
    // The table without its Lustre lines, and a machine without a table.
    const others = join(__dirname, 'no-lustre-mounts.txt');
    writeFileSync(others, readFileSync(FIXTURE, 'utf8').split('\n').filter((line) => !/ lustre /.test(line)).join('\n'));
    assert.equal(hasLustreMount(others), false);
    assert.equal(hasLustreMount(join(__dirname, 'no-such-table')), false);
  });

  it('keeps only the Lustre mounts, in table order', function () {
    assert.deepEqual(
      mounts.map((mount) => mount.mountPoint),
      ['/fsx', '/scratch', '/mnt/file cache', '/home/ec2-user/alpha project', '/data/tab\tand\\slash', '/mnt/failover'],
    );
  });

  it('reads a file system mount: hosts, mount name, options, what the DNS name says', function () {
    const fsx = mounts[0];
    assert.deepEqual(fsx.hosts, ['fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com']);
    assert.equal(fsx.mountName, 'abcdefgh');
    assert.equal(fsx.subdirectory, '');
    assert.deepEqual(fsx.options, ['rw', 'seclabel', 'noatime', 'flock', 'lazystatfs', '_netdev']);
    assert.deepEqual(fsx.fsxName, {
      dnsName: 'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com',
      kind: 'fileSystem',
      id: 'fs-0123456789abcdef0',
      region: 'us-east-1',
    });
  });

  it('reads a File Cache mount with an escaped space, a mounted subdirectory, an address and failover NIDs', function () {
    const [, scratch, cache, alpha, , failover] = mounts;
    assert.deepEqual(cache.fsxName, { dnsName: 'fc-0fedcba9876543210.fsx.us-west-2.amazonaws.com', kind: 'fileCache', id: 'fc-0fedcba9876543210', region: 'us-west-2' });
    assert.equal(cache.mountName, 'k3v8wfbx');
    assert.equal(alpha.mountName, 'p2mq7rxa');
    assert.equal(alpha.subdirectory, 'projects/alpha');
    assert.equal(alpha.fsxName?.region, 'eu-west-1');
    assert.deepEqual(scratch.hosts, ['172.31.46.23']);
    assert.equal(scratch.fsxName, undefined);
    assert.deepEqual(failover.hosts, ['10.0.1.5', '10.0.1.6']);
    assert.equal(failover.mountName, 'ha9tq2zp');
  });

  it('parses every line, decoding octal escapes, and skips blank lines', function () {
    const entries = parseMountTable('a /x\\040y ext4 rw 0 0\n\n   \nb /z nfs4 rw,vers=4.1\n');
    assert.deepEqual(entries, [
      { source: 'a', mountPoint: '/x y', fsType: 'ext4', options: ['rw'] },
      { source: 'b', mountPoint: '/z', fsType: 'nfs4', options: ['rw', 'vers=4.1'] },
    ]);
    assert.deepEqual(lustreMountsOf('not-a-lustre-source /m lustre rw 0 0\n'), []);
  });

  it('an absent mounts file means no mounts', async function () {
    assert.deepEqual(await readLustreMounts(fileMountTable(join(FIXTURE, '..', 'no-such-mounts-file'))), []);
  });

  it('recognises FSx DNS names only', function () {
    assert.equal(parseFsxDnsName('FS-0123456789ABCDEF0.fsx.us-east-1.amazonaws.com')?.id, 'fs-0123456789abcdef0');
    assert.equal(parseFsxDnsName('fs-0123456789abcdef0.fsx.cn-north-1.amazonaws.com.cn')?.region, 'cn-north-1');
    assert.equal(parseFsxDnsName('fs-0123456789abcdef1.efs.us-east-1.amazonaws.com'), undefined);
    assert.equal(parseFsxDnsName('172.31.46.23'), undefined);
  });
});

describe('matching mounts to file systems and caches', function () {
  const mounts = lustreMountsOf(
    [
      'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com@tcp:/abcdefgh /fsx lustre rw,flock 0 0',
      '172.31.46.23@tcp:/zq4xbmnv /scratch lustre rw,flock 0 0',
      'fc-0fedcba9876543210.fsx.us-west-2.amazonaws.com@tcp:/k3v8wfbx /mnt/file\\040cache lustre rw,flock 0 0',
      'fs-0aaaabbbbccccdddd.fsx.eu-west-1.amazonaws.com@tcp:/p2mq7rxa/projects/alpha /alpha lustre rw 0 0',
      '10.0.0.9@tcp:/dupdupdu /dup lustre rw 0 0',
    ].join('\n'),
  );
  const resources: (MountableResource & { connection: string })[] = [
    { kind: 'fileSystem', id: 'fs-0123456789abcdef0', dnsName: 'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com', mountName: 'abcdefgh', connection: 'east' },
    { kind: 'fileSystem', id: 'fs-0bbbbbbbbbbbbbbbb', dnsName: 'fs-0bbbbbbbbbbbbbbbb.fsx.us-east-1.amazonaws.com', mountName: 'zq4xbmnv', connection: 'east' },
    { kind: 'fileCache', id: 'fc-0fedcba9876543210', dnsName: 'FC-0fedcba9876543210.fsx.us-west-2.amazonaws.com', mountName: 'k3v8wfbx', connection: 'west' },
    { kind: 'fileSystem', id: 'fs-0cccccccccccccccc', dnsName: 'fs-0cccccccccccccccc.fsx.us-east-1.amazonaws.com', mountName: 'dupdupdu', connection: 'east' },
    { kind: 'fileSystem', id: 'fs-0dddddddddddddddd', dnsName: 'fs-0dddddddddddddddd.fsx.us-east-2.amazonaws.com', mountName: 'dupdupdu', connection: 'east2' },
  ];

  it('by DNS name and mount name, by mount name alone for an address, by region when nothing covers it', function () {
    const matches = matchMounts(mounts, resources);
    assert.equal(matches.length, 5);
    assert.deepEqual([matches[0].resource?.id, matches[0].resource && matches[0].by], ['fs-0123456789abcdef0', 'dnsName']);
    assert.deepEqual([matches[1].resource?.id, matches[1].resource && matches[1].by], ['fs-0bbbbbbbbbbbbbbbb', 'mountName']);
    assert.deepEqual([matches[2].resource?.id, matches[2].resource?.connection], ['fc-0fedcba9876543210', 'west']);
    const alpha = matches[3];
    assert.equal(alpha.resource, undefined);
    assert.ok(!alpha.resource);
    assert.deepEqual([alpha.region, alpha.resourceId], ['eu-west-1', 'fs-0aaaabbbbccccdddd']);
    const ambiguous = matches[4];
    assert.ok(!ambiguous.resource, 'two resources share the mount name: no guess');
    assert.equal(ambiguous.region, undefined);
  });

  it('a DNS name with another mount name is not that file system', function () {
    const [match] = matchMounts(mounts.slice(0, 1), [{ ...resources[0], mountName: 'otherxyz' }]);
    assert.equal(match.resource, undefined);
    assert.ok(!match.resource && match.region === 'us-east-1');
  });
});

describe('local paths to API paths', function () {
  const [fsx, alpha, root] = lustreMountsOf(
    [
      'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com@tcp:/abcdefgh /mnt/fsx\\040data lustre rw 0 0',
      'fs-0aaaabbbbccccdddd.fsx.eu-west-1.amazonaws.com@tcp:/p2mq7rxa/projects/alpha /mnt/fsx\\040data/alpha lustre rw 0 0',
      'fs-0eeeeeeeeeeeeeeee.fsx.eu-west-1.amazonaws.com@tcp:/rootmnt1 / lustre rw 0 0',
    ].join('\n'),
  );

  it('relative to the file system root, without a leading slash', function () {
    assert.equal(relativeToMount(fsx, '/mnt/fsx data/results/run 1/out.bam'), 'results/run 1/out.bam');
    assert.equal(relativeToMount(fsx, '/mnt/fsx data/results/'), 'results');
    assert.equal(relativeToMount(fsx, '/mnt/fsx data'), '');
    assert.equal(relativeToMount(fsx, '/mnt/fsx data/a/../b/./c'), 'b/c');
    assert.equal(relativeToMount(fsx, '/mnt/fsx database/x'), undefined, 'a sibling with the same prefix is outside');
    assert.equal(relativeToMount(fsx, 'relative/path'), undefined);
    assert.equal(relativeToMount(fsx, '/mnt/fsx data/../other'), undefined);
  });

  it('a mounted subdirectory is part of the API path; a root mount works', function () {
    assert.equal(relativeToMount(alpha, '/mnt/fsx data/alpha/x/y'), 'projects/alpha/x/y');
    assert.equal(relativeToMount(alpha, '/mnt/fsx data/alpha'), 'projects/alpha');
    assert.equal(relativeToMount(root, '/home/me'), 'home/me');
  });

  it('findMount picks the deepest mount holding the path, the last of equal ones', function () {
    const mounts = [fsx, alpha];
    assert.equal(findMount(mounts, '/mnt/fsx data/alpha/x'), alpha);
    assert.equal(findMount(mounts, '/mnt/fsx data/beta'), fsx);
    assert.equal(findMount(mounts, '/elsewhere'), undefined);
    assert.equal(findMount([root, fsx], '/mnt/fsx data/x'), fsx);
    const shadow = { ...fsx, mountName: 'shadowed' };
    assert.equal(findMount([fsx, shadow], '/mnt/fsx data/x'), shadow);
  });
});
