import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Task } from '../../../src/fsx/types';
import { apiFilterKey, apiLifecycles, describeFilter, filterMessage, isFiltering, matchesFilter, normalizeFilter, viewDescription } from '../../../src/viewModel/taskFilter';

function task(overrides: Partial<Task> = {}): Task {
  return {
    taskId: 'task-0123456789abcdef0',
    lifecycle: 'EXECUTING',
    type: 'EXPORT_TO_REPOSITORY',
    creationTime: new Date(0),
    resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
    paths: ['/logs/2026', '/scratch'],
    ...overrides,
  };
}

describe('task filter', () => {
  it('keeps everything when empty', () => {
    assert.equal(isFiltering({}), false);
    assert.equal(isFiltering({ text: '  ' }), false);
    assert.equal(matchesFilter({}, task()), true);
  });

  it('filters by lifecycle and by type', () => {
    assert.equal(matchesFilter({ lifecycles: ['PENDING', 'EXECUTING'] }, task()), true);
    assert.equal(matchesFilter({ lifecycles: ['PENDING', 'EXECUTING'] }, task({ lifecycle: 'CANCELING' })), false);
    assert.equal(matchesFilter({ types: ['RELEASE_DATA_FROM_FILESYSTEM'] }, task()), false);
    assert.equal(matchesFilter({ types: ['EXPORT_TO_REPOSITORY', 'AUTO_RELEASE_DATA'] }, task()), true);
  });

  it('matches text in the task id, a path, the file system id or name, in any case', () => {
    assert.equal(matchesFilter({ text: 'ABCDEF0' }, task()), true);
    assert.equal(matchesFilter({ text: 'logs/20' }, task()), true);
    assert.equal(matchesFilter({ text: 'fs-0123' }, task({ taskId: 'task-fffffffffffffffff' })), true);
    assert.equal(matchesFilter({ text: 'genomics' }, task(), { kind: 'fileSystem', id: 'fs-0123456789abcdef0', name: 'Genomics scratch' }), true);
    assert.equal(matchesFilter({ text: 'genomics' }, task()), false);
  });

  it('sends only what FSx can filter: no CANCELING, nothing when every lifecycle is kept', () => {
    assert.deepEqual(apiLifecycles({ lifecycles: ['EXECUTING', 'PENDING'] }), ['EXECUTING', 'PENDING']);
    assert.equal(apiLifecycles({ lifecycles: ['CANCELING', 'EXECUTING'] }), undefined, 'CANCELING is not a documented filter value');
    assert.equal(apiLifecycles({ lifecycles: ['PENDING', 'EXECUTING', 'CANCELING', 'SUCCEEDED', 'FAILED', 'CANCELED'] }), undefined);
    assert.equal(apiLifecycles({ types: ['EXPORT_TO_REPOSITORY'], text: 'x' }), undefined);
    assert.equal(apiFilterKey({ lifecycles: ['PENDING', 'EXECUTING'] }), apiFilterKey({ lifecycles: ['EXECUTING', 'PENDING'], text: 'a' }));
    assert.notEqual(apiFilterKey({ lifecycles: ['FAILED'] }), apiFilterKey({}));
  });

  it('reads as the view description, with the sandbox in the same place', () => {
    assert.equal(describeFilter({}, ENGLISH), undefined);
    assert.equal(describeFilter({ lifecycles: ['EXECUTING', 'PENDING'] }, ENGLISH), 'Filter: Active');
    assert.equal(describeFilter({ lifecycles: ['FAILED'], types: ['EXPORT_TO_REPOSITORY'], text: ' logs ' }, ENGLISH), 'Filter: Failed · Export to repository · "logs"');
    assert.equal(viewDescription(true, {}, ENGLISH), 'Sandbox');
    assert.equal(viewDescription(true, { lifecycles: ['PENDING', 'EXECUTING'] }, ENGLISH), 'Sandbox · Filter: Active');
    assert.equal(viewDescription(false, {}, ENGLISH), undefined);
    assert.equal(filterMessage({ types: ['AUTO_RELEASE_DATA'] }, ENGLISH), 'Filter: Auto release data. Clear Filter is on the view title.');
    assert.equal(filterMessage({}, ENGLISH), undefined);
  });

  it('drops what it does not know when read back from storage', () => {
    assert.deepEqual(normalizeFilter(undefined), {});
    assert.deepEqual(normalizeFilter('active'), {});
    assert.deepEqual(normalizeFilter({ lifecycles: ['PENDING', 'RUNNING', 'PENDING'], types: ['EXPORT_TO_REPOSITORY', 3, 'drop table'], text: '  x ' }), {
      lifecycles: ['PENDING'],
      types: ['EXPORT_TO_REPOSITORY'],
      text: 'x',
    });
  });
});
