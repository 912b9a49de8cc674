import * as assert from 'node:assert/strict';
import type { Connection } from '../../../src/fsx/types';
import { TreeWatch, TreeWatchSource } from '../../../src/viewModel/treeWatch';
import { Emitter } from '../../../src/tracking/events';

const east: Connection = { region: 'us-east-1' };
const west: Connection = { region: 'us-west-2' };

function fixture() {
  const active = new Map<string, { connection: Connection; taskIds: string[] }>();
  const loads = new Emitter<void>();
  const changes = new Emitter<{ scope: string }>();
  const visibility = new Emitter<unknown>();
  const source: TreeWatchSource = { activeTaskIds: () => active, onDidLoadTasks: loads.event, onDidChange: changes.event };
  const view = { visible: true, onDidChangeVisibility: visibility.event };
  const calls: string[] = [];
  const watcher = {
    watch: (sourceId: string, connection: Connection, ids: Iterable<string>) => calls.push(`watch ${sourceId} ${connection.region} [${[...ids].join(',')}]`),
    unwatch: (sourceId: string, connection?: Connection) => calls.push(`unwatch ${sourceId} ${connection?.region}`),
  };
  const watch = new TreeWatch(source, watcher, view, 'tree');
  return { active, loads, changes, visibility, view, calls, watch };
}

describe('TreeWatch', () => {
  it('watches the active tasks of the loaded pages when tasks load', () => {
    const f = fixture();
    f.active.set('e', { connection: east, taskIds: ['task-1'] });
    f.loads.fire();
    assert.deepEqual(f.calls, ['watch tree us-east-1 [task-1]']);
    assert.deepEqual([...f.watch.watchedConnections().keys()], ['e']);
  });

  it('watches nothing while the view is hidden, and again once it shows', () => {
    const f = fixture();
    f.active.set('e', { connection: east, taskIds: ['task-1'] });
    f.view.visible = false;
    f.visibility.fire(undefined);
    assert.deepEqual(f.calls, ['watch tree us-east-1 []']);
    assert.equal(f.watch.watchedConnections().size, 0);
    f.view.visible = true;
    f.visibility.fire(undefined);
    assert.equal(f.calls.at(-1), 'watch tree us-east-1 [task-1]');
  });

  it('unwatches a connection that left the list (the sandbox stopped)', () => {
    const f = fixture();
    f.active.set('e', { connection: east, taskIds: ['task-1'] });
    f.active.set('w', { connection: west, taskIds: ['task-2'] });
    f.watch.update();
    f.active.delete('w');
    f.calls.length = 0;
    f.watch.update();
    assert.deepEqual(f.calls, ['watch tree us-east-1 [task-1]', 'unwatch tree us-west-2']);
  });

  it('ignores a poll updating rows, but follows refreshes after the change is applied', async () => {
    const f = fixture();
    f.active.set('e', { connection: east, taskIds: ['task-1'] });
    f.changes.fire({ scope: 'resource' });
    await Promise.resolve();
    assert.deepEqual(f.calls, [], 'a resource-scoped change does not re-watch');
    f.changes.fire({ scope: 'all' });
    assert.deepEqual(f.calls, [], 'not synchronously, inside the emitter');
    await Promise.resolve();
    assert.deepEqual(f.calls, ['watch tree us-east-1 [task-1]']);
  });

  it('stops listening when disposed', () => {
    const f = fixture();
    f.active.set('e', { connection: east, taskIds: ['task-1'] });
    f.watch.dispose();
    f.loads.fire();
    assert.deepEqual(f.calls, []);
  });
});
