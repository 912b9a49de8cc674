// Command arguments identify, they do not configure (issue 18, finding 3): the pure half of
// resolving what another command, a keybinding or an extension hands over.
import * as assert from 'node:assert/strict';
import { Connection } from '../../../src/fsx/types';
import { distinctConnections, handedAssociation, handedResource, handedTaskId, identifyConnection, isHandedOver } from '../../../src/viewModel/handedTarget';

const dev: Connection = { region: 'us-east-1', profile: 'dev' };
const devWest: Connection = { region: 'us-west-2', profile: 'dev' };
const vpce: Connection = { region: 'eu-west-1', profile: 'prod', endpoint: 'https://vpce.example.com' };
const sandbox: Connection = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', sandbox: true };
const known = [dev, devWest, vpce, sandbox];

describe('identifyConnection', () => {
  it('finds the known connection by profile and region, and returns the known object, not the handed one', () => {
    assert.equal(identifyConnection(known, { region: 'us-east-1', profile: 'dev' }), dev);
    assert.equal(identifyConnection(known, { ...vpce }), vpce);
    assert.equal(identifyConnection(known, { region: 'eu-west-1', profile: 'prod' }), vpce, 'an endpoint left out is the configured one');
    assert.equal(identifyConnection(known, { ...sandbox }), sandbox);
    assert.equal(identifyConnection(known, { region: 'us-east-1', sandbox: true }), sandbox);
  });

  it('refuses a connection that names another endpoint, loopback included', () => {
    for (const endpoint of ['http://127.0.0.1:9', 'https://capture.example.com', 'http://127.0.0.1:4600']) {
      assert.equal(identifyConnection(known, { region: 'us-east-1', profile: 'dev', endpoint }), undefined, endpoint);
      assert.equal(identifyConnection(known, { region: 'us-east-1', endpoint, sandbox: true }), undefined, endpoint);
      assert.equal(identifyConnection(known, { region: 'eu-west-1', profile: 'prod', endpoint }), undefined, endpoint);
    }
  });

  it('refuses an unknown profile or region, a disagreeing flag, and anything not shaped like a connection', () => {
    assert.equal(identifyConnection(known, { region: 'us-east-1', profile: 'other' }), undefined);
    assert.equal(identifyConnection(known, { region: 'ap-south-1', profile: 'dev' }), undefined);
    assert.equal(identifyConnection(known, { region: 'us-east-1', profile: 'dev', sandbox: true }), undefined, 'a real profile is no sandbox');
    assert.equal(identifyConnection(known, { region: 'us-east-1', profile: 'dev', useFipsEndpoint: true }), undefined);
    for (const bad of [undefined, null, 'us-east-1', 42, {}, { region: 1 }, { region: 'us-east-1', profile: 7 }, { region: 'us-east-1', endpoint: {} }, { region: 'us-east-1', sandbox: 'yes' }]) {
      assert.equal(identifyConnection(known, bad), undefined, JSON.stringify(bad));
    }
    assert.equal(identifyConnection([], { ...dev }), undefined);
  });
});

describe('what else an argument may name', () => {
  it('takes a task id only as FSx spells it', () => {
    assert.equal(handedTaskId({ taskId: 'task-0123456789abcdef0' }), 'task-0123456789abcdef0');
    for (const bad of [undefined, 'task-0123456789abcdef0', {}, { taskId: 'task-1' }, { taskId: 'TASK-0123456789ABCDEF0' }, { taskId: 'task-0123456789abcdef0\n[x](command:y)' }, { taskId: 7 }]) {
      assert.equal(handedTaskId(bad), undefined, JSON.stringify(bad));
    }
  });

  it('takes a file system or File Cache by kind and id only', () => {
    assert.deepEqual(handedResource({ kind: 'fileSystem', id: 'fs-0123456789abcdef0', name: 'ignored' }), { kind: 'fileSystem', id: 'fs-0123456789abcdef0' });
    assert.deepEqual(handedResource({ kind: 'fileCache', id: 'fc-0123456789abcdef0' }), { kind: 'fileCache', id: 'fc-0123456789abcdef0' });
    for (const bad of [undefined, {}, { kind: 'fileSystem', id: 'fc-0123456789abcdef0' }, { kind: 'bucket', id: 'fs-0123456789abcdef0' }, { kind: 'fileSystem', id: '../fs-01234567' }]) {
      assert.equal(handedResource(bad), undefined, JSON.stringify(bad));
    }
  });

  it('takes an association by its id, or a file system\'s own link', () => {
    assert.deepEqual(handedAssociation({ associationId: 'dra-0123456789abcdef0', fileSystemPath: '/ignored' }), { associationId: 'dra-0123456789abcdef0' });
    assert.deepEqual(handedAssociation({ source: 'fileSystem', fileSystemPath: '/' }), { ownLink: true });
    assert.equal(handedAssociation({ associationId: 'dra-x' }), undefined);
    assert.equal(handedAssociation('dra-0123456789abcdef0'), undefined);
  });

  it('knows a handed-over object from a node id or a typed string', () => {
    assert.ok(isHandedOver({ task: {}, connection: {} }, ['task', 'connection']));
    assert.ok(isHandedOver({ connection: {} }, ['task', 'connection']), 'half a target is still refused, not picked around');
    assert.ok(!isHandedOver('task-0123456789abcdef0', ['task', 'connection']));
    assert.ok(!isHandedOver(undefined, ['task', 'connection']));
    assert.ok(!isHandedOver([{ task: {} }], ['task']));
  });

  it('lists each known connection once', () => {
    assert.deepEqual(distinctConnections([dev, { ...dev }, sandbox, dev]), [dev, sandbox]);
  });
});
