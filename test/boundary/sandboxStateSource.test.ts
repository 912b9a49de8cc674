// The sandbox's HSM backend (mounts/hsm/sandboxStateSource.ts) over HTTP against a real emulator
// with the demo scenario: the mount folder it writes, each file's state asked in batches as lfs
// would be, tasks created through the FSx API changing them, and the route's Host check.
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateDataRepositoryTaskCommand, FSxClient } from '@aws-sdk/client-fsx';
import { FsxEmulator } from '../../src/emulator';
import { attachSandboxMount, type SandboxMount } from '../../src/mounts';
import { exportStatusOf, HsmRequestError, SandboxStateSource, type HsmAnswer } from '../../src/mounts/hsm';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };

function stateOf(answer: HsmAnswer | undefined): string {
  return answer?.ok ? exportStatusOf(answer.state).state : `error:${answer?.error.kind ?? 'none'}`;
}

describe('The sandbox HSM backend against the emulator', function () {
  this.timeout(30_000);
  let emulator: FsxEmulator;
  let dir: string;
  let sandbox: SandboxMount;
  let fsx: FSxClient;
  const at = (path: string) => join(sandbox.mount.mountPoint, ...path.split('/'));

  before(async () => {
    emulator = await FsxEmulator.start({ scenario: 'demo' });
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'fsx-sandbox-mount-')));
    sandbox = await attachSandboxMount(emulator.url, join(dir, 'mount'));
    fsx = new FSxClient({ endpoint: emulator.url, region: 'us-east-1', credentials });
  });

  after(async () => {
    fsx.destroy();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('mounts the demo ml-training file system as a Lustre mount its DNS name and mount name match', () => {
    const record = emulator.state.fileSystems().find((fs) => fs.fileSystemId === sandbox.fileSystemId);
    assert.ok(record?.tags.some((tag) => tag.Value === 'ml-training'));
    assert.equal(sandbox.mount.mountName, record?.mountName);
    assert.deepEqual(sandbox.mount.hosts, [`${sandbox.fileSystemId}.fsx.us-east-1.amazonaws.com`]);
    assert.equal(sandbox.mount.fsxName?.id, sandbox.fileSystemId);
  });

  it('answers every state in batches of the lfs limits, a folder and a vanished file as lfs does', async () => {
    const source = new SandboxStateSource({ sandbox, batch: { maxFiles: 3, maxArgBytes: 64 * 1024 } });
    const paths = [
      'checkpoints/resnet50/epoch-090.pt',
      'checkpoints/llm-7b/step-120000.bin',
      'checkpoints/llm-7b/config.json',
      'checkpoints/archive/epoch-001.pt',
      'checkpoints/archive/epoch-002.pt',
      'datasets/imagenet-21k/index.parquet',
      'datasets/tmp/scratch.bin',
      'checkpoints/gone.bin',
    ].map(at);
    const answers = await source.getStates([...paths, sandbox.mount.mountPoint]);
    assert.deepEqual(
      [...paths, sandbox.mount.mountPoint].map((path) => stateOf(answers.get(path))),
      ['exported', 'changed', 'notExported', 'released', 'lost', 'exported', 'notExported', 'error:notFound', 'error:notSupported'],
    );
    const flags = (path: string) => {
      const answer = answers.get(at(path));
      return answer?.ok ? exportStatusOf(answer.state) : undefined;
    };
    assert.equal(flags('datasets/imagenet-21k/index.parquet')?.noRelease, true);
    assert.equal(flags('datasets/tmp/scratch.bin')?.noArchive, true);
    assert.equal(source.stats.requests, 3, '9 files, 3 a request');
  });

  it('an export task created through the FSx API turns the folder exported when it succeeds, a release then released; a write dirties', async () => {
    emulator.taskRules.setCreatedTaskBehaviour({ pendingMs: 0, executingMs: 300, outcome: 'SUCCEEDED' });
    const source = new SandboxStateSource({ sandbox });
    const files = ['checkpoints/llm-7b/step-120000.bin', 'checkpoints/llm-7b/step-121000.bin'].map(at);
    const states = async () => [...(await source.getStates(files)).values()].map(stateOf);
    const report = { Enabled: false };
    await fsx.send(new CreateDataRepositoryTaskCommand({ FileSystemId: sandbox.fileSystemId, Type: 'EXPORT_TO_REPOSITORY', Paths: ['checkpoints/llm-7b'], Report: report }));
    assert.deepEqual(await states(), ['changed', 'notExported'], 'not before it ends');
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.deepEqual(await states(), ['exported', 'exported']);
    await fsx.send(
      new CreateDataRepositoryTaskCommand({
        FileSystemId: sandbox.fileSystemId,
        Type: 'RELEASE_DATA_FROM_FILESYSTEM',
        Paths: ['/'],
        Report: report,
        ReleaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 0 } },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.deepEqual(await states(), ['released', 'released']);
    writeFileSync(files[0], 'a new step');
    assert.deepEqual(await states(), ['changed', 'released'], 'the write brought the data back and changed it');
  });

  it('refuses the sandbox route to a foreign Host (421), and answers its own', async () => {
    const send = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const outgoing = httpRequest(
          { host: '127.0.0.1', port: emulator.port, method: 'POST', path: '/_sandbox/hsm/state', headers: { host, 'content-type': 'application/json' }, setHost: false },
          (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          },
        );
        outgoing.on('error', reject);
        outgoing.end(JSON.stringify({ fileSystemId: sandbox.fileSystemId, paths: ['datasets/imagenet-21k/index.parquet'] }));
      });
    const foreign = await send(`evil.example.com:${emulator.port}`);
    assert.equal(foreign.status, 421);
    assert.match(foreign.body, /MisdirectedRequest/);
    assert.doesNotMatch(foreign.body, /mask/);
    const own = await send(`127.0.0.1:${emulator.port}`);
    assert.equal(own.status, 200);
    assert.match(own.body, /"mask":25/, "exported and never_release");
  });

  it('a second mount of a folder with files in it is refused, and nothing there is overwritten', async () => {
    await assert.rejects(attachSandboxMount(emulator.url, sandbox.mount.mountPoint), /HTTP 409 \(FolderNotEmpty\)/);
  });

  // Last: it changes a seeded file the tests above read.
  it('Restore from S3 brings a released file back (exported again), skips what is not a file, refuses archive and release', async () => {
    const backend = new SandboxStateSource({ sandbox });
    const released = at('checkpoints/archive/epoch-001.pt');
    assert.equal(stateOf((await backend.getStates([released])).get(released)), 'released');
    const result = await backend.request('restore', [released, at('checkpoints/archive'), at('checkpoints/nope.bin'), join(dir, 'elsewhere.bin')]);
    assert.deepEqual(result.sent, [released]);
    assert.deepEqual(
      result.skipped.map((file) => file.reason),
      ['notFound', 'notRegular', 'notFound'],
    );
    assert.equal(stateOf((await backend.getStates([released])).get(released)), 'exported');
    assert.equal((await backend.getActions([released])).get(released)?.ok, true);
    await assert.rejects(backend.request('release', [released]), (error: unknown) => error instanceof HsmRequestError && error.kind === 'refused');
    await assert.rejects(backend.request('archive', [released]), (error: unknown) => error instanceof HsmRequestError && error.kind === 'refused');
  });
});
