import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { ENGLISH } from '../../../src/fsx/l10n';
import { FSX_REGIONS, partitionOf, scanRegions } from '../../../src/fsx/regions';
import { REGION_SCAN_CONCURRENCY, refusalLines, scanForResources, scanSummary, ScanTarget } from '../../../src/viewModel/regionScan';

describe('region scan', () => {
  it('stays inside the partition of the profile region', () => {
    assert.equal(partitionOf('us-gov-west-1'), 'aws-us-gov');
    assert.equal(partitionOf('cn-north-1'), 'aws-cn');
    assert.equal(partitionOf(undefined), 'aws');
    assert.deepEqual(scanRegions('us-gov-east-1'), ['us-gov-west-1', 'us-gov-east-1']);
    const commercial = scanRegions('eu-west-1');
    assert.ok(commercial.includes('us-east-1') && commercial.includes('ap-east-1'));
    assert.ok(!commercial.some((region) => region.startsWith('us-gov-') || region.startsWith('cn-')));
    assert.deepEqual(scanRegions(undefined), commercial);
    assert.ok(FSX_REGIONS.includes('us-gov-west-1'), 'the region pick still offers GovCloud');
  });

  const targets: ScanTarget[] = ['us-east-1', 'eu-west-1', 'ap-east-1', 'me-south-1', 'sa-east-1', 'eu-south-2'].map((region) => ({ profile: 'dev', region }));
  const answers: Record<string, number | FsxError> = {
    'us-east-1': 3,
    'eu-west-1': 1,
    'ap-east-1': new FsxError('credentials', 'The security token included in the request is invalid.'),
    'me-south-1': new FsxError('accessDenied', 'not authorized'),
    'sa-east-1': 0,
    'eu-south-2': 0,
  };

  it('asks each region once, a few at a time, and sorts the answers without failing on a refusal', async () => {
    const asked: string[] = [];
    let running = 0;
    let most = 0;
    const outcomes = await scanForResources(targets, async ({ region }) => {
      asked.push(region);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running--;
      const answer = answers[region];
      if (answer instanceof FsxError) {
        throw answer;
      }
      return answer;
    });
    assert.deepEqual([...asked].sort(), targets.map((target) => target.region).sort());
    assert.ok(most <= REGION_SCAN_CONCURRENCY && most > 1, `${most} at once`);
    assert.deepEqual(
      outcomes.map((outcome) => `${outcome.target.region}:${outcome.kind}`),
      ['us-east-1:found', 'eu-west-1:found', 'ap-east-1:refused', 'me-south-1:refused', 'sa-east-1:empty', 'eu-south-2:empty'],
    );
    assert.deepEqual(refusalLines(outcomes, ENGLISH), [
      'dev · ap-east-1: not enabled for this account, or the credentials are not valid there',
      'dev · me-south-1: no permission (fsx:DescribeFileSystems)',
    ]);
    assert.equal(scanSummary(outcomes, targets.length, false, ENGLISH), 'Added 2 connections: dev · us-east-1, dev · eu-west-1. 2 regions refused (see the log).');
  });

  it('stops asking on cancel and keeps what it found', async () => {
    const abort = new AbortController();
    const progress: number[] = [];
    const outcomes = await scanForResources(
      targets,
      async ({ region }, signal) => {
        if (region === 'eu-west-1') {
          abort.abort();
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (signal?.aborted && region !== 'us-east-1') {
          throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        }
        return 2;
      },
      { signal: abort.signal, onProgress: (done) => progress.push(done) },
    );
    assert.ok(outcomes.length < targets.length, `${outcomes.length} answered`);
    assert.ok(outcomes.every((outcome) => outcome.kind === 'found'), 'an aborted call is no refusal');
    assert.match(scanSummary(outcomes, targets.length, true, ENGLISH), /Stopped after \d of 6 regions\./);
    assert.ok(progress.length >= outcomes.length);
  });

  it('says when no region has anything', () => {
    assert.equal(scanSummary([{ target: targets[4], kind: 'empty' }], 1, false, ENGLISH), 'No Lustre file systems or File Caches in the region asked.');
  });
});
