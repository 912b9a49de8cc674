import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { collectPages, PageTokens } from '../../../src/fsx/pages';

/** Pages from a script of tokens; fails the test instead of looping forever on the old code. */
function scripted(tokens: readonly (string | undefined)[]) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (nextToken: string | undefined) => {
    asked.push(nextToken);
    if (asked.length > 50) {
      throw new Error('still paging after 50 pages');
    }
    // Empty pages, as FSx may give: only the token moves the listing on.
    return { items: [asked.length], nextToken: tokens[Math.min(asked.length - 1, tokens.length - 1)] };
  };
  return { asked, fetchPage };
}

describe('collectPages and PageTokens', () => {
  it('follows tokens to the last page', async () => {
    const { asked, fetchPage } = scripted(['a', 'b', undefined]);
    assert.deepEqual(await collectPages('DescribeDataRepositoryTasks', fetchPage, 100), [1, 2, 3]);
    assert.deepEqual(asked, [undefined, 'a', 'b']);
  });

  it('stops with a clear error when FSx gives back the token it was just sent', async () => {
    const { asked, fetchPage } = scripted(['a', 'a']);
    await assert.rejects(collectPages('DescribeDataRepositoryTasks', fetchPage, 100), (error: unknown) => {
      assert.ok(error instanceof FsxError);
      assert.equal(error.code, 'RepeatedNextToken');
      assert.match(error.detail, /DescribeDataRepositoryTasks returned a NextToken it had already returned/);
      return true;
    });
    assert.deepEqual(asked, [undefined, 'a']);
  });

  it('stops at a token seen earlier in the same listing (a cycle)', async () => {
    const { asked, fetchPage } = scripted(['a', 'b', 'c', 'a']);
    await assert.rejects(collectPages('DescribeDataRepositoryAssociations', fetchPage, 100), { code: 'RepeatedNextToken', name: 'FsxError' });
    assert.deepEqual(asked, [undefined, 'a', 'b', 'c']);
  });

  it('forgets tokens between listings, and treats an empty token as the end', () => {
    assert.equal(new PageTokens('X').next('a'), 'a');
    assert.equal(new PageTokens('X').next('a'), 'a');
    assert.equal(new PageTokens('X').next(''), undefined);
  });
});
