// "Copy as AWS CLI Command": the POSIX command the extension copies, built by the same functions
// (fsx/cliCommand.ts) from the start flow's confirmed request, run through sh by the real AWS CLI
// against the emulator. It must do what the extension would have done: the same task (type,
// paths, report, release age), the same cancel. Hostile paths prove the quoting.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator } from '../../src/emulator';
import { linkedRepositories, listAllAssociations } from '../../src/fsx/associations';
import { cancelTaskArgv, createTaskArgv, describeTaskArgv, quoteCommand } from '../../src/fsx/cliCommand';
import { FsxClientFactory } from '../../src/fsx/clientFactory';
import { FsxService } from '../../src/fsx/fsxService';
import { ENGLISH } from '../../src/fsx/l10n';
import { StartableTaskType, StartTarget } from '../../src/fsx/taskRequest';
import { Connection, CreateTaskInput } from '../../src/fsx/types';
import { runStartTaskFlow, StartTaskAsk } from '../../src/viewModel/startTaskFlow';
import { posixShell, skipWithoutAwsCli } from './awsCliRunner';

const HOSTILE_PATHS = [`it's "quoted" $HOME $(id) \`id\``, 'ünïcødé ✓ 日本語', 'a b\\c;|&<>#~!'];

describe('copied AWS CLI commands, run by the real AWS CLI against the emulator', function () {
  this.timeout(60_000);
  let emulator: FsxEmulator;
  let factory: FsxClientFactory;
  let service: FsxService;
  let connection: Connection;
  let configDir: string;
  let env: NodeJS.ProcessEnv;

  before(async function () {
    await skipWithoutAwsCli(this);
    emulator = await FsxEmulator.start({ scenario: 'empty' });
    factory = new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(3, () => 0) });
    service = new FsxService(factory.get({ region: 'us-east-1', endpoint: emulator.url, sandbox: true }));
    // A named profile of the person's own, as a non-sandbox connection with an endpoint names it.
    configDir = mkdtempSync(join(tmpdir(), 'fsx-cli-'));
    writeFileSync(join(configDir, 'config'), '[profile fsx-cli-test]\nregion = eu-west-1\n');
    writeFileSync(join(configDir, 'credentials'), '[fsx-cli-test]\naws_access_key_id = x\naws_secret_access_key = x\n');
    env = { AWS_CONFIG_FILE: join(configDir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(configDir, 'credentials'), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' };
    connection = { profile: 'fsx-cli-test', region: 'us-east-1', endpoint: emulator.url };
  });

  after(async () => {
    factory?.dispose();
    await emulator?.close();
    if (configDir) {
      rmSync(configDir, { recursive: true, force: true });
    }
  });

  /** A file system as the demo's ml-training: /datasets only imports, /checkpoints exports. */
  async function target(): Promise<StartTarget> {
    const id = emulator.state.addFileSystem({ name: 'ml-training', deploymentType: 'PERSISTENT_2' });
    emulator.state.addAssociation({ fileSystemId: id, resourcePath: '/datasets', dataRepositoryPath: 's3://ml-training-datasets/curated/', autoExportEvents: [] });
    emulator.state.addAssociation({ fileSystemId: id, resourcePath: '/checkpoints', dataRepositoryPath: 's3://ml-training-checkpoints/runs/', autoImportEvents: [] });
    const resource = (await service.listResources()).find((candidate) => candidate.id === id);
    assert.ok(resource, id);
    return { resource, repositories: linkedRepositories(resource, await listAllAssociations(service, resource)) };
  }

  /** The start flow's request as the person confirmed it. */
  async function confirmed(start: StartTarget, type: StartableTaskType, answers: unknown[]): Promise<CreateTaskInput> {
    const ask: StartTaskAsk = {
      text: async () => answers.shift() as string,
      pick: async <T>() => answers.shift() as T,
      confirm: async () => answers.shift() as true,
    };
    const result = await runStartTaskFlow(start, type, ask, ENGLISH);
    assert.ok(result.kind === 'confirmed', JSON.stringify(result));
    return result.input;
  }

  async function run(argv: string[]): Promise<Record<string, unknown>> {
    const line = quoteCommand([...argv, '--output', 'json'], 'posix');
    const result = await posixShell(line, env);
    assert.equal(result.code, 0, `${line}\n${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  it('a copied export starts the task the flow confirmed (hostile paths, the default report); copied describe and cancel act on it', async () => {
    const start = await target();
    const input = await confirmed(start, 'EXPORT_TO_REPOSITORY', [HOSTILE_PATHS.map((path) => `checkpoints/${path}`).join(', '), 'default', true]);
    const created = (await run(createTaskArgv(input, connection))).DataRepositoryTask as { TaskId: string };
    const task = emulator.state.getTask(created.TaskId);
    assert.ok(task);
    assert.equal(task.type, 'EXPORT_TO_REPOSITORY');
    assert.equal(task.fileSystemId, input.fileSystemId);
    assert.deepEqual(task.paths, input.paths);
    assert.deepEqual(task.paths, HOSTILE_PATHS.map((path) => `checkpoints/${path}`));
    assert.deepEqual(task.report, { Enabled: true, Path: 's3://ml-training-checkpoints/runs', Format: 'REPORT_CSV_20191124', Scope: 'FAILED_FILES_ONLY' });

    const described = (await run(describeTaskArgv(created.TaskId, connection))).DataRepositoryTasks as { TaskId: string }[];
    assert.deepEqual(described.map((one) => one.TaskId), [created.TaskId]);

    const canceled = await run(cancelTaskArgv(created.TaskId, connection));
    assert.deepEqual(canceled, { Lifecycle: 'CANCELING', TaskId: created.TaskId });
    assert.equal(emulator.state.getTask(created.TaskId)?.lifecycle, 'CANCELING');
  });

  it('paths that start with - stay values: the copied command reaches the emulator with those paths', async () => {
    const start = await target();
    // A teammate's task duplicated: its paths are outside text, and these would be options.
    const paths = ['--endpoint-url', 'http://127.0.0.1:9/', 'checkpoints/-v'];
    const input: CreateTaskInput = { fileSystemId: start.resource.id, type: 'EXPORT_TO_REPOSITORY', paths, report: { enabled: false } };
    const created = (await run(createTaskArgv(input, connection))).DataRepositoryTask as { TaskId: string };
    assert.deepEqual(emulator.state.getTask(created.TaskId)?.paths, paths);
  });

  it('a copied release carries the release age; no report is Enabled=false', async () => {
    const start = await target();
    const input = await confirmed(start, 'RELEASE_DATA_FROM_FILESYSTEM', ['checkpoints/old runs', '45', 'none', true]);
    const created = (await run(createTaskArgv(input, connection))).DataRepositoryTask as { TaskId: string };
    const task = emulator.state.getTask(created.TaskId);
    assert.ok(task);
    assert.equal(task.type, 'RELEASE_DATA_FROM_FILESYSTEM');
    assert.deepEqual(task.paths, ['checkpoints/old runs']);
    assert.deepEqual(task.releaseConfiguration, { DurationSinceLastAccess: { Unit: 'DAYS', Value: 45 } });
    assert.deepEqual(task.report, { Enabled: false });
  });
});
