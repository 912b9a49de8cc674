import * as assert from 'node:assert/strict';
import { isValidTaskId, normalizeTaskId, shortened } from '../../../src/fsx/types';

describe('typed task ids', () => {
  const id = 'task-0123456789abcdef0';

  it('folds case, surrounding space and full-width forms into the id FSx knows', () => {
    assert.equal(normalizeTaskId(`  ${id.toUpperCase()}\t`), id);
    assert.equal(normalizeTaskId('ｔａｓｋ－０１２３４５６７８９ａｂｃｄｅｆ０'), id);
    assert.ok(isValidTaskId(normalizeTaskId(`\n${id} `)));
  });

  it('refuses inner spaces, look-alikes from other scripts and ids longer than FSx allows', () => {
    assert.equal(isValidTaskId(normalizeTaskId('task-0123456789 abcdef0')), false);
    assert.equal(isValidTaskId(normalizeTaskId('tаsk-0123456789abcdef0')), false, 'a Cyrillic а');
    assert.equal(isValidTaskId(normalizeTaskId(`task-${'0'.repeat(123)}`)), true);
    assert.equal(isValidTaskId(normalizeTaskId(`task-${'0'.repeat(124)}`)), false);
    assert.equal(isValidTaskId(normalizeTaskId(`task-${'a'.repeat(10_000)}`)), false);
  });

  it('cuts a long value for a message', () => {
    assert.equal(shortened('abc'), 'abc');
    assert.equal(shortened('x'.repeat(10_000)).length, 61);
  });
});
