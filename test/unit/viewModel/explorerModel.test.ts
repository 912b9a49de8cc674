import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { Association, AssociationPage, Connection, connectionKey, FsxApi, ListAssociationsOptions, ListTasksOptions, ResourceRef, StorageResource, Task, TaskPage } from '../../../src/fsx/types';
import { ConnectionEntry, ExplorerChange, ExplorerModel } from '../../../src/viewModel/explorerModel';

const connection: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:1', sandbox: true };
const fileSystem: StorageResource = { kind: 'fileSystem', id: 'fs-0123456789abcdef0', storageType: 'LUSTRE', lifecycle: 'AVAILABLE', supportsTasks: true };

function task(n: number, lifecycle: Task['lifecycle'] = 'EXECUTING'): Task {
  return {
    taskId: `task-${n.toString(16).padStart(17, '0')}`,
    lifecycle,
    type: 'EXPORT_TO_REPOSITORY',
    creationTime: new Date(1_700_000_000_000 - n * 1000),
    resource: { kind: 'fileSystem', id: fileSystem.id },
    paths: [],
  };
}

/** A fake FsxApi over an array of tasks, paging by offset, counting calls. Pure logic only. */
class FakeApi implements FsxApi {
  calls: string[] = [];
  tasks = Array.from({ length: 120 }, (_, n) => task(n, n < 3 ? 'EXECUTING' : 'SUCCEEDED'));
  failNext?: FsxError;
  gate?: Promise<void>;

  async listResources(): Promise<StorageResource[]> {
    this.calls.push('listResources');
    this.throwIfFailing();
    return [fileSystem];
  }

  async listTasks(_resource: ResourceRef | undefined, options: ListTasksOptions = {}): Promise<TaskPage> {
    this.calls.push(`listTasks:${options.nextToken ?? ''}${options.lifecycles ? `:${options.lifecycles.join(',')}` : ''}`);
    await this.gate;
    this.throwIfFailing();
    // The task-lifecycle filter, as FSx applies it: before paging.
    const matching = options.lifecycles ? this.tasks.filter((candidate) => options.lifecycles?.includes(candidate.lifecycle)) : this.tasks;
    const start = Number(options.nextToken ?? 0);
    const size = options.pageSize ?? 50;
    const end = start + size;
    return { tasks: matching.slice(start, end), nextToken: end < matching.length ? String(end) : undefined };
  }

  async describeTasks(): Promise<Task[]> {
    throw new Error('not used');
  }

  async cancelTask(): Promise<'CANCELING'> {
    throw new Error('not used');
  }

  async createTask(): Promise<Task> {
    throw new Error('not used');
  }

  /** 30 associations, paged by the API's 25 at most. */
  async listAssociations(_resource: ResourceRef, options: ListAssociationsOptions = {}): Promise<AssociationPage> {
    this.calls.push(`listAssociations:${options.nextToken ?? ''}`);
    this.throwIfFailing();
    const start = Number(options.nextToken ?? 0);
    const associations = Array.from({ length: 30 }, (_, n): Association => ({
      source: 'association',
      associationId: `dra-${n.toString(16).padStart(17, '0')}`,
      resource: { kind: 'fileSystem', id: fileSystem.id },
      fileSystemPath: `/ns${n}`,
      dataRepositoryPath: `s3://bucket/ns${n}/`,
      lifecycle: 'AVAILABLE',
    })).slice(start, start + 25);
    return { associations, nextToken: start + 25 < 30 ? String(start + 25) : undefined };
  }

  createAssociation(): never {
    throw new Error('not used by the model');
  }

  updateAssociation(): never {
    throw new Error('not used by the model');
  }

  deleteAssociation(): never {
    throw new Error('not used by the model');
  }

  private throwIfFailing(): void {
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) {
      throw failure;
    }
  }
}

describe('ExplorerModel', () => {
  let api: FakeApi;
  let model: ExplorerModel;
  let changes: ExplorerChange[];

  beforeEach(() => {
    api = new FakeApi();
    model = new ExplorerModel(() => api, () => 50);
    model.setConnections([{ connection, label: 'Sandbox', sandbox: true }]);
    changes = [];
    model.onDidChange((change) => changes.push(change));
  });

  it('loads resources once and serves them from the cache', async () => {
    assert.deepEqual(await model.resources(connection), [fileSystem]);
    assert.deepEqual(await model.resources(connection), [fileSystem]);
    assert.deepEqual(api.calls, ['listResources']);
  });

  it('shares one call between concurrent readers', async () => {
    await Promise.all([model.resources(connection), model.resources(connection), model.resources(connection)]);
    assert.equal(api.calls.length, 1);
  });

  it('pages tasks and guards Load more against double clicks', async () => {
    const first = await model.tasks(connection, fileSystem);
    assert.equal(first.tasks.length, 50);
    assert.equal(first.nextToken, '50');
    await Promise.all([model.loadMore(connection, fileSystem), model.loadMore(connection, fileSystem)]);
    assert.deepEqual(api.calls, ['listTasks:', 'listTasks:50']);
    const second = await model.tasks(connection, fileSystem);
    assert.equal(second.tasks.length, 100);
    await model.loadMore(connection, fileSystem);
    const third = await model.tasks(connection, fileSystem);
    assert.equal(third.tasks.length, 120);
    assert.equal(third.nextToken, undefined);
    assert.equal(new Set(third.tasks.map((t) => t.taskId)).size, 120);
  });

  it('keeps the loaded pages when Load more fails, and says why', async () => {
    await model.tasks(connection, fileSystem);
    api.failNext = new FsxError('throttled', 'Rate exceeded');
    await model.loadMore(connection, fileSystem);
    const list = await model.tasks(connection, fileSystem);
    assert.equal(list.tasks.length, 50);
    assert.equal(list.loadMoreError?.kind, 'throttled');
    assert.equal(list.nextToken, '50');
  });

  it('rejects with an FsxError and retries after refresh', async () => {
    api.failNext = new FsxError('credentials', 'expired');
    await assert.rejects(model.resources(connection), (error: unknown) => error instanceof FsxError && error.kind === 'credentials');
    assert.deepEqual(await model.resources(connection), [fileSystem]);
  });

  it('loads every page of associations once, and again after a refresh of the resource', async () => {
    assert.equal(model.cachedAssociations(connection, fileSystem), undefined);
    const [first, second] = await Promise.all([model.associations(connection, fileSystem), model.associations(connection, fileSystem)]);
    assert.equal(first.length, 30);
    assert.equal(second, first);
    assert.deepEqual(api.calls, ['listAssociations:', 'listAssociations:25']);
    assert.equal(model.cachedAssociations(connection, fileSystem), first);
    model.refresh(connection, fileSystem);
    assert.equal(model.cachedAssociations(connection, fileSystem), undefined);
    await model.associations(connection, fileSystem);
    assert.equal(api.calls.length, 4);
    model.refresh(connection);
    assert.equal(model.cachedAssociations(connection, fileSystem), undefined, 'a connection refresh forgets them too');
  });

  it('puts a started task at the top of a loaded list, once, and says so', async () => {
    const loads: number[] = [];
    model.onDidLoadTasks(() => loads.push(1));
    model.addTask(connection, task(999, 'PENDING'));
    assert.equal(changes.length, 0, 'an unloaded list fetches it on first use');
    await model.tasks(connection, fileSystem);
    loads.length = 0;
    const started = task(998, 'PENDING');
    model.addTask(connection, started);
    model.addTask(connection, started);
    const tasks = model.cachedTasks(connection, fileSystem);
    assert.equal(tasks[0], started);
    assert.equal(tasks.filter((candidate) => candidate.taskId === started.taskId).length, 1);
    assert.equal(loads.length, 1, 'the poller learns of it');
    assert.equal(changes.at(-1)?.scope, 'resource');
    assert.ok(model.activeTaskIds().get(connectionKey(connection))?.taskIds.includes(started.taskId), 'and polls it');
  });

  it('applies polled tasks to the lists that show them and reports the resource', async () => {
    await model.tasks(connection, fileSystem);
    const updated = { ...task(1), lifecycle: 'SUCCEEDED' as const };
    model.applyTasks(connection, [updated]);
    assert.equal(model.cachedTasks(connection, fileSystem)[1].lifecycle, 'SUCCEEDED');
    const last = changes.at(-1);
    assert.equal(last?.scope, 'resource');
    assert.deepEqual(last?.scope === 'resource' && last.resource, { kind: 'fileSystem', id: fileSystem.id });
    const count = changes.length;
    model.applyTasks(connection, [updated]);
    assert.equal(changes.length, count, 'an unchanged task fires nothing');
  });

  it('lists the active loaded tasks per connection for the poller', async () => {
    await model.tasks(connection, fileSystem);
    const [active] = [...model.activeTaskIds().values()];
    assert.deepEqual(active.taskIds, [task(0).taskId, task(1).taskId, task(2).taskId]);
  });

  it('drops answers of calls started before a refresh', async () => {
    let release!: () => void;
    api.gate = new Promise((resolve) => (release = resolve));
    const stale = model.tasks(connection, fileSystem);
    model.refresh();
    release();
    await stale;
    api.gate = undefined;
    assert.equal(model.cachedTasks(connection, fileSystem).length, 0, 'the stale page was not cached');
  });

  it('sends the lifecycle filter to FSx, pages under it, and refetches only when it changes', async () => {
    api.tasks = Array.from({ length: 120 }, (_, n) => task(n, n % 2 === 0 ? 'EXECUTING' : 'SUCCEEDED'));
    model.setFilter({ lifecycles: ['EXECUTING', 'PENDING'] });
    const first = await model.tasks(connection, fileSystem);
    assert.equal(first.tasks.length, 50);
    assert.ok(first.tasks.every((candidate) => candidate.lifecycle === 'EXECUTING'));
    await model.loadMore(connection, fileSystem);
    assert.equal(model.cachedTasks(connection, fileSystem).length, 60, 'the 60 executing ones in two pages');
    assert.deepEqual(api.calls, ['listTasks::EXECUTING,PENDING', 'listTasks:50:EXECUTING,PENDING']);
    // Type and text do not change what FSx is asked: the cache stays.
    model.setFilter({ lifecycles: ['PENDING', 'EXECUTING'], text: 'logs' });
    assert.equal(changes.at(-1)?.scope, 'all');
    assert.equal(model.cachedTasks(connection, fileSystem).length, 60);
    // Another lifecycle set: the pages cached under the old one are dropped.
    model.setFilter({});
    assert.equal(model.cachedTasks(connection, fileSystem).length, 0);
    await model.tasks(connection, fileSystem);
    assert.equal(api.calls.at(-1), 'listTasks:');
  });

  it('starts connections collapsed once there are more than three', () => {
    assert.equal(model.connectionsStartExpanded(), true);
    const regions = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1'];
    model.setConnections(regions.slice(0, 3).map((region) => ({ connection: { region }, label: region, sandbox: false })));
    assert.equal(model.connectionsStartExpanded(), true);
    model.setConnections(regions.map((region) => ({ connection: { region }, label: region, sandbox: false })));
    assert.equal(model.connectionsStartExpanded(), false);
  });

  it('counts only usable connections for the expanded state, not setting problems or connections with a known problem', () => {
    const usable = ['us-east-1', 'us-east-2', 'us-west-2'].map((region): ConnectionEntry => ({ connection: { region }, label: region, sandbox: false }));
    const noRegion: ConnectionEntry = { connection: { profile: 'dev', region: '' }, label: 'dev · no region', sandbox: false, problem: new FsxError('region', '') };
    const badSettings = [2, 3].map((entry): ConnectionEntry => ({ kind: 'settingProblem', id: `${entry}.0`, label: `Connection setting ${entry}`, problem: new FsxError('validation', `entry ${entry} has no region`) }));
    model.setConnections([...usable, noRegion, ...badSettings]);
    assert.equal(model.entries().length, 6, 'every row is listed');
    assert.equal(model.connectionsStartExpanded(), true, 'three connections that send requests: expanded');
    model.setConnections([...usable, { connection: { region: 'eu-west-1' }, label: 'eu-west-1', sandbox: false }, ...badSettings]);
    assert.equal(model.connectionsStartExpanded(), false);
  });

  it('tells the usable connections from the listed ones and the rows that are no connection', () => {
    const good: ConnectionEntry = { connection: { profile: 'good', region: 'us-east-1' }, label: 'good · us-east-1', sandbox: false };
    const ghost: ConnectionEntry = { connection: { profile: 'ghost', region: 'us-east-1' }, label: 'ghost · us-east-1', sandbox: false, problem: new FsxError('validation', 'not in your AWS files') };
    const bad: ConnectionEntry = { kind: 'settingProblem', id: '2.0', label: 'Connection setting 2', problem: new FsxError('validation', 'entry 2 has no region') };
    model.setConnections([good, bad, ghost]);
    assert.deepEqual(model.entries(), [good, bad, ghost]);
    assert.deepEqual(model.connections(), [good, ghost]);
    assert.deepEqual(model.usableConnections(), [good]);
    assert.equal(model.connectionFor(connectionKey(ghost.connection)), ghost);
    assert.equal(model.connectionFor(connectionKey({ region: '' })), undefined, 'a setting problem has no connection to find');
  });

  it('finds a loaded task by id', async () => {
    await model.tasks(connection, fileSystem);
    assert.equal(model.findTask(task(7).taskId)?.task.taskId, task(7).taskId);
    assert.equal(model.findTask('task-fffffffffffffffff'), undefined);
  });
});

describe('ExplorerModel load events', () => {
  it('says when a task page was fetched, so the poller can watch its active tasks', async () => {
    const api = new FakeApi();
    const model = new ExplorerModel(() => api);
    model.setConnections([{ connection, label: 'Sandbox', sandbox: true }]);
    let loads = 0;
    model.onDidLoadTasks(() => loads++);
    await model.tasks(connection, fileSystem);
    await model.tasks(connection, fileSystem);
    assert.equal(loads, 1, 'a cached read is not a load');
    await model.loadMore(connection, fileSystem);
    assert.equal(loads, 2);
  });
});
