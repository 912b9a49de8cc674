import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import type { QueuedStart } from '../../../src/tracking/startQueue';
import { queuedMessage, queuedStartRow } from '../../../src/viewModel/queuedStartText';

const item: QueuedStart = {
  id: 'queued-00000000-0000-0000-0000-000000000001',
  connection: { region: 'us-east-1' },
  input: { fileSystemId: 'fs-0123456789abcdef0', type: 'EXPORT_TO_REPOSITORY', paths: ['data/[a](command:x)', 'b'], report: { enabled: false }, clientRequestToken: 't' },
  behind: 'task-0123456789abcdef0',
  queuedAt: 0,
};

describe('queued start rows', () => {
  it('a waiting row: what it waits for, and that the queue lives in this window', () => {
    const row = queuedStartRow(item, false, 5 * 60_000, ENGLISH);
    assert.equal(row.label, 'Queued Export');
    assert.equal(row.description, 'after task-0123456789abcdef0');
    assert.equal(row.contextValue, 'queuedStart');
    assert.match(row.tooltip, /Starts when task-0123456789abcdef0 ends\./);
    assert.match(row.tooltip, /The queue lives in this VS Code window: while the window is closed, nothing is started/);
    assert.match(row.tooltip, /queued 5 min ago/);
    assert.doesNotMatch(row.tooltip, /\]\(command:/, 'a path cannot become a link');
    assert.equal(queuedStartRow(item, true, 0, ENGLISH).icon, 'loading~spin');
  });

  it("a refused row: FSx's reason, as text, and that it is not sent again by itself", () => {
    const row = queuedStartRow({ ...item, refusal: 'Access denied $(alert) [x](command:y)' }, false, 0, ENGLISH);
    assert.equal(row.contextValue, 'queuedStart.refused');
    assert.equal(row.label, 'Queued Export: refused');
    assert.match(row.tooltip, /FSx refused it: Access denied/);
    assert.match(row.tooltip, /not sent again by itself/);
    assert.doesNotMatch(row.tooltip + row.description, /\$\(alert\)|\]\(command:/);
  });

  it('a release of the whole file system (Paths `/`) reads as the whole file system', () => {
    const release = queuedStartRow({ ...item, input: { ...item.input, type: 'RELEASE_DATA_FROM_FILESYSTEM', paths: ['/'] } }, false, 0, ENGLISH);
    assert.match(release.tooltip, /^Release data of the whole file system, queued/);
    assert.match(queuedStartRow({ ...item, input: { ...item.input, paths: undefined } }, false, 0, ENGLISH).tooltip, /of the whole file system/);
  });

  it('says where the queue lives when starts are queued', () => {
    assert.match(queuedMessage(item, 'ml-training (fs-0123456789abcdef0)', 1, ENGLISH), /^Export to repository on ml-training .*: queued, starts when task-0123456789abcdef0 ends\. The queue lives in this VS Code window/);
    assert.match(queuedMessage(item, 'fs-0123456789abcdef0', 3, ENGLISH), /^3 tasks of Export to repository/);
  });
});
