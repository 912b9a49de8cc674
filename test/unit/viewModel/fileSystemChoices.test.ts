import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Connection, StorageResource } from '../../../src/fsx/types';
import { fileSystemChoices, ListedConnection } from '../../../src/viewModel/fileSystemChoices';
import { cache, legacy, render } from '../fsx/fixtures';

const east: Connection = { profile: 'dev', region: 'us-east-1' };
const west: Connection = { profile: 'dev', region: 'us-west-2' };
const windows: StorageResource = { kind: 'fileSystem', id: 'fs-0aaaaaaaaaaaaaaa1', name: 'shares', storageType: 'WINDOWS', lifecycle: 'AVAILABLE', supportsTasks: false };
const creating: StorageResource = { ...render, id: 'fs-0bbbbbbbbbbbbbbb2', name: 'new', lifecycle: 'CREATING' };

function listed(connection: Connection, label: string, resources: readonly StorageResource[]): ListedConnection {
  return { connection, label, listed: { status: 'fulfilled', value: resources } };
}

describe('fileSystemChoices (the palette pick of start-task commands)', () => {
  it('offers the Lustre file systems of every connection, no cache and no other file system type', () => {
    const answer = fileSystemChoices([listed(east, 'dev · us-east-1', [render, windows, cache]), listed(west, 'dev · us-west-2', [legacy, creating])], 'EXPORT_TO_REPOSITORY', ENGLISH);
    assert.equal(answer.kind, 'pick');
    assert.deepEqual(
      answer.kind === 'pick' && answer.choices.map((choice) => [choice.connectionLabel, choice.resource.id]),
      [
        ['dev · us-east-1', render.id],
        ['dev · us-west-2', legacy.id],
        ['dev · us-west-2', creating.id],
      ],
      'a file system that cannot take the task now is still listed, to be refused with its reason',
    );
  });

  it('says there is no Lustre file system, naming the connections, and offers another connection', () => {
    const answer = fileSystemChoices([listed(east, 'dev · us-east-1', [windows, cache])], 'EXPORT_TO_REPOSITORY', ENGLISH);
    assert.equal(answer.kind, 'none');
    assert.match(answer.kind === 'none' ? answer.message : '', /^No FSx for Lustre file system in dev · us-east-1; only Lustre file systems have data repository tasks\./);
    assert.deepEqual(answer.kind === 'none' && answer.next, ['addConnection', 'openView']);
  });

  it('says why when no Lustre file system can take this task (release on Lustre 2.10)', () => {
    const answer = fileSystemChoices([listed(west, 'dev · us-west-2', [legacy, creating])], 'RELEASE_DATA_FROM_FILESYSTEM', ENGLISH);
    assert.equal(answer.kind, 'none');
    assert.match(answer.kind === 'none' ? answer.message : '', /can take this task now\. fs-0fedcba987654321f runs Lustre 2\.10, which has no release tasks\. The other 1 cannot/);
    assert.deepEqual(answer.kind === 'none' && answer.next, ['openView']);
    assert.equal(fileSystemChoices([listed(west, 'dev · us-west-2', [legacy])], 'EXPORT_TO_REPOSITORY', ENGLISH).kind, 'pick', 'an export can run there');
  });

  it('no connection at all: add one or try the sandbox; only unusable ones: the view says what each needs', () => {
    const none = fileSystemChoices([], 'IMPORT_METADATA_FROM_REPOSITORY', ENGLISH);
    assert.deepEqual(none.kind === 'none' && none.next, ['addConnection', 'exploreSandbox']);
    const unusable = fileSystemChoices([{ connection: { profile: 'x', region: '' }, label: 'x · no region', problem: new FsxError('region', '') }], 'EXPORT_TO_REPOSITORY', ENGLISH);
    assert.match(unusable.kind === 'none' ? unusable.message : '', /No connection can list file systems \(x · no region\)/);
    assert.deepEqual(unusable.kind === 'none' && unusable.next, ['openView', 'addConnection']);
  });

  it('a failed listing with nothing else to offer is the answer, with its connection', () => {
    const expired = new FsxError('credentials', 'The SSO session has expired', { ssoExpired: true });
    const answer = fileSystemChoices([listed(east, 'dev · us-east-1', [windows]), { connection: west, label: 'dev · us-west-2', listed: { status: 'rejected', reason: expired } }], 'EXPORT_TO_REPOSITORY', ENGLISH);
    assert.equal(answer.kind, 'failed');
    assert.equal(answer.kind === 'failed' && answer.connection, west);
    assert.equal(answer.kind === 'failed' && answer.reason, expired);
    const withOther = fileSystemChoices([listed(east, 'dev · us-east-1', [render]), { connection: west, label: 'dev · us-west-2', listed: { status: 'rejected', reason: expired } }], 'EXPORT_TO_REPOSITORY', ENGLISH);
    assert.equal(withOther.kind, 'pick', 'what could be listed is offered');
  });

  it('for an association: only the file systems that can take one, the others counted; why when none can', () => {
    const answer = fileSystemChoices([listed(east, 'dev · us-east-1', [render, windows, cache]), listed(west, 'dev · us-west-2', [legacy, creating])], 'association', ENGLISH);
    assert.equal(answer.kind, 'pick');
    assert.deepEqual(
      answer.kind === 'pick' && answer.choices.map((choice) => choice.resource.id),
      [render.id, creating.id],
    );
    assert.equal(answer.kind === 'pick' && answer.leftOut, 1, 'the Lustre 2.10 one is left out, and counted for the note');
    const none = fileSystemChoices([listed(west, 'dev · us-west-2', [legacy])], 'association', ENGLISH);
    assert.match(none.kind === 'none' ? none.message : '', /^No FSx for Lustre file system can take a data repository association\. .*fs-0fedcba987654321f/);
    assert.deepEqual(none.kind === 'none' && none.next, ['openView']);
    const noLustre = fileSystemChoices([listed(east, 'dev · us-east-1', [windows, cache])], 'association', ENGLISH);
    assert.match(noLustre.kind === 'none' ? noLustre.message : '', /only Lustre file systems have data repository associations\./);
    const tasks = fileSystemChoices([listed(west, 'dev · us-west-2', [legacy, creating])], 'EXPORT_TO_REPOSITORY', ENGLISH);
    assert.equal(tasks.kind === 'pick' && tasks.leftOut, 0, 'a task pick leaves nothing out');
  });
});
