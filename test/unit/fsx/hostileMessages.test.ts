// Sentences built for notifications, input boxes' validation messages and quick picks, fed text
// from outside (typed or Explorer-selected paths, Name tags, FSx failure messages and errors):
// VS Code renders `[label](target)` in those as a live link and `$(name)` as an icon, so none may
// carry either. The words stay (plainText only breaks the syntax with a zero-width space).
import * as assert from 'node:assert/strict';
import { FsxError } from '../../../src/fsx/errors';
import { ENGLISH } from '../../../src/fsx/l10n';
import { busyMessage, createTaskErrorMessage } from '../../../src/fsx/createTask';
import { checkReportPath, resolveTaskPaths, resourceLabel, resourceRefusal, targetRefusal } from '../../../src/fsx/taskRequest';
import { Task } from '../../../src/fsx/types';
import { fileSystemChoices } from '../../../src/viewModel/fileSystemChoices';
import { describeTaskRequest } from '../../../src/viewModel/startTaskWords';
import { broken, fromAssets, render, renderTarget } from './fixtures';

const LINK = '[open](command:workbench.action.terminal.new "t")';
const ICON = '$(alert)';

/** `wordsStay`: false where only an excerpt of a long input is named (its middle cut out). */
function assertNoSyntax(text: string | undefined, wordsStay = true): void {
  assert.ok(text, 'a message');
  assert.ok(!text.includes(']('), `no link syntax in: ${text}`);
  assert.ok(!text.includes('$('), `no icon syntax in: ${text}`);
  if (wordsStay) {
    assert.ok(text.replace(/\u200b/g, '').includes('open'), `the words stay: ${text}`);
  }
}

function refusal(checked: { ok: boolean; message?: string }): string | undefined {
  assert.equal(checked.ok, false);
  return checked.message;
}

describe('messages with outside text', () => {
  it('a refused path is repeated in the validation message without link or icon syntax', () => {
    for (const input of [`dir/${LINK}*${ICON}`, `${LINK}\u0007`, `https://x/${LINK}`, `../${LINK}`, `/elsewhere/${LINK}${ICON}`, `s3://other/${LINK}`, `${'x'.repeat(5000)}${LINK}`.slice(-200)]) {
      for (const type of ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY'] as const) {
        const checked = resolveTaskPaths(renderTarget, type, [input], ENGLISH);
        if (!checked.ok) {
          assertNoSyntax(checked.message, input.length < 100);
        }
      }
    }
    assertNoSyntax(refusal(checkReportPath(fromAssets, `s3://elsewhere/${LINK}${ICON}`, ENGLISH)));
  });

  it('a Name tag, a state and a failure message from FSx are plain text in refusals and labels', () => {
    const named = { ...render, name: `${LINK} ${ICON}` };
    assertNoSyntax(resourceLabel(named));
    assertNoSyntax(resourceRefusal({ ...named, lifecycle: `${LINK}${ICON}` }, 'EXPORT_TO_REPOSITORY', ENGLISH));
    assertNoSyntax(targetRefusal({ ...renderTarget, association: { ...broken, failureMessage: `${LINK} ${ICON}` } }, 'EXPORT_TO_REPOSITORY', ENGLISH));
    assertNoSyntax(targetRefusal({ ...renderTarget, association: { ...broken, fileSystemPath: `/${LINK}`, failureMessage: undefined } }, 'EXPORT_TO_REPOSITORY', ENGLISH));
    const listed = fileSystemChoices([{ connection: { region: 'us-east-1' }, label: `${LINK}${ICON}`, problem: new FsxError('region', '') }], 'EXPORT_TO_REPOSITORY', ENGLISH);
    assert.equal(listed.kind, 'none');
    assertNoSyntax(listed.kind === 'none' ? listed.message : undefined);
  });

  it('the confirmation restates hostile paths and repositories without link or icon syntax', () => {
    const target = { ...fromAssets, association: { ...fromAssets.association!, fileSystemPath: `/${LINK}` } };
    const lines = describeTaskRequest(target, { type: 'EXPORT_TO_REPOSITORY', paths: [`${LINK}${ICON}`], reportPath: `s3://b/${LINK}` }, { paths: [], repositories: [target.association] }, ENGLISH);
    for (const line of lines.filter((text) => /Paths|Destination|report/.test(text))) {
      assert.ok(!line.includes('](') && !line.includes('$('), line);
    }
  });

  it('what FSx says in an error or a busy answer is plain text in the message', () => {
    const fromServer = new FsxError('validation', `Bad path ${LINK} ${ICON}`, { requestId: `req-${LINK}` });
    assertNoSyntax(fromServer.userMessageIn(ENGLISH));
    assertNoSyntax(new FsxError('validation', `Ours quotes ${LINK}`).userMessageIn(ENGLISH));
    assertNoSyntax(createTaskErrorMessage(new FsxError('conflict', `FSx said ${LINK} ${ICON}`, { code: 'BadRequest', requestId: 'r-1' }), ENGLISH));
    const running = { taskId: `task-1${LINK}`, type: ICON, lifecycle: 'EXECUTING' } as unknown as Task;
    assertNoSyntax(busyMessage({ kind: 'busy', running, error: fromServer } as Parameters<typeof busyMessage>[0], ENGLISH));
  });
});
