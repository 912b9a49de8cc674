import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BACK } from '../../src/viewModel/startTaskFlow';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { associationRows, children, contextValue, emulatorOf, label, resourceNamed, resourceNodes, resourceOf, ScriptedPrompts, useExtension, waitFor } from './helpers';

/** The association row at a file system path, as the tree shows it now (no refresh). */
async function rowAt(api: FsxTasksApi, resource: ExplorerNode, path: string): Promise<ExplorerNode | undefined> {
  return (await associationRows(api, resource)).find((row) => label(row) === path);
}

const takeActive = (_items: readonly vscode.QuickPickItem[], step: { active?: vscode.QuickPickItem }) => step.active;
const takeLabel = (text: string) => (items: readonly vscode.QuickPickItem[]) => items.find((item) => item.label === text);

describe('data repository associations: create, edit, delete from the tree and the palette', () => {
  const extension = useExtension();
  let api: FsxTasksApi;
  let prompts: ScriptedPrompts;
  let render: ExplorerNode;

  beforeEach(async () => {
    api = extension.api();
    prompts = extension.prompts();
    await emulatorOf(api).reset();
    // FSx takes minutes; the sandbox is told to take seconds so the rows move while we watch.
    await emulatorOf(api).associationRules.setTiming({ creatingMs: 2_500, updatingMs: 2_500, deletingMs: 2_500 });
    api.container.model.refresh();
    render = await resourceNamed(api, 'render-farm');
  });

  it('Create Association from a file system: steps with Back, one summary, the row at once in Creating, then Available without Refresh', async () => {
    const before = (await emulatorOf(api).requestCounts()).CreateDataRepositoryAssociation;
    prompts
      .inputStepWith('/linked/')
      .inputStepWith(BACK)
      .inputStepWith((step) => (assert.equal(step.value, '/linked/', 'Back keeps the answer'), '/linked/'))
      .inputStepWith((step) => (assert.match(step.validate('s3://render-farm-assets/projects/x') ?? '', /one association only/), 's3://render-farm-linked/in/'))
      .pickStepWith(takeActive)
      .pickStepWith(takeActive)
      .pickStepWith(takeLabel('off'))
      .inputStepWith('')
      .modalWith('Create Association');
    await vscode.commands.executeCommand('fsxTasks.createAssociation', render);
    assert.equal(prompts.pendingAnswers, 0);
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryAssociation, before + 1, 'one create, after the summary');
    assert.match(prompts.modals[0].message, /Link \/linked\/ on render-farm .* to s3:\/\/render-farm-linked\/in\/\?/);
    assert.match(prompts.modals[0].detail, /Automatic export: off/);
    const row = await rowAt(api, render, '/linked/');
    assert.ok(row, 'the new row is there at once');
    assert.equal(contextValue(row), 'association.CREATING');
    await waitFor('the row to become Available', async () => contextValue((await rowAt(api, render, '/linked/')) as ExplorerNode) === 'association.AVAILABLE');
    const created = (await emulatorOf(api).state.associationsOf(resourceOf(render).id)).find((association) => association.resourcePath === '/linked/');
    assert.deepEqual([created?.autoImportEvents, created?.autoExportEvents, created?.batchImportMetaDataOnCreate], [['NEW', 'CHANGED', 'DELETED'], [], true]);
  });

  it('Create Association from the palette: a pick of the file systems that can take one, the others left out with a note', async () => {
    const before = (await emulatorOf(api).requestCounts()).CreateDataRepositoryAssociation;
    prompts
      .pickWith((items, options) => {
        const labels = items.map((item) => item.label);
        for (const refused of ['genomics-scratch', 'cfd-scratch', 'seismic-2-10', 'analytics-tiered']) {
          assert.ok(!labels.includes(refused), `${refused} is not offered: ${labels.join(', ')}`);
        }
        assert.match(options.placeholder, /\d+ others cannot take associations/);
        return items.find((item) => item.label === 'render-farm');
      })
      .inputStepWith('/linked/')
      .inputStepWith('s3://render-farm-linked/in/')
      .pickStepWith(takeActive)
      .pickStepWith(takeActive)
      .pickStepWith(takeActive)
      .inputStepWith('')
      .modalWith('Create Association');
    await vscode.commands.executeCommand('fsxTasks.createAssociation');
    assert.equal(prompts.pendingAnswers, 0);
    assert.match(prompts.modals[0].message, /Link \/linked\/ on render-farm /);
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryAssociation, before + 1);
    assert.ok(await rowAt(api, render, '/linked/'), 'the new row is in the tree');
  });

  it('a create FSx cannot complete ends FAILED in the row, with FSx’s message and a next step', async () => {
    const group = (await children(api, render)).find((node) => contextValue(node) === 'associations.creatable');
    assert.ok(group, 'the Associations group offers Create');
    prompts.inputStepWith('/legacy-copy').inputStepWith('s3://ml-training-legacy/copy/').pickStepWith(takeActive).pickStepWith(takeActive).pickStepWith(takeActive).inputStepWith('').modalWith('Create Association');
    await vscode.commands.executeCommand('fsxTasks.createAssociation', group);
    const failed = await waitFor('the row to fail', async () => {
      const row = await rowAt(api, render, '/legacy-copy');
      return row && contextValue(row) === 'association.FAILED' ? row : undefined;
    });
    const [message, nextStep] = await children(api, failed);
    assert.match(label(message), /does not exist or is in another Region/);
    assert.match(label(nextStep), /Delete Association\.\.\..*Create Association\.\.\./);
  });

  it('Edit Association: events and chunk size; Updating, then Available with the new settings', async () => {
    const assets = await rowAt(api, render, '/assets');
    assert.ok(assets);
    prompts.pickStepWith(takeLabel('NEW')).pickStepWith(takeActive).inputStepWith('2048').modalWith('Save Changes');
    await vscode.commands.executeCommand('fsxTasks.editAssociation', assets);
    assert.equal(contextValue((await rowAt(api, render, '/assets')) as ExplorerNode), 'association.UPDATING');
    await waitFor('the row to settle', async () => contextValue((await rowAt(api, render, '/assets')) as ExplorerNode) === 'association.AVAILABLE');
    const record = (await emulatorOf(api).state.associationsOf(resourceOf(render).id)).find((association) => association.resourcePath === '/assets');
    assert.deepEqual([record?.autoImportEvents, record?.importedFileChunkSize], [['NEW'], 2048]);
  });

  it('Delete Association: Enter or Escape keeps it; deleting the files too needs the path typed; the row follows Deleting until gone', async () => {
    const frames = await rowAt(api, render, '/frames');
    assert.ok(frames);
    const sent = async () => (await emulatorOf(api).requestCounts()).DeleteDataRepositoryAssociation;
    const before = await sent();
    prompts.modalWith('Keep Association').modalWith(undefined).modalWith('Delete Association and Files...').typeWith('/wrong');
    for (let i = 0; i < 3; i++) {
      await vscode.commands.executeCommand('fsxTasks.deleteAssociation', frames);
    }
    assert.equal(await sent(), before, 'nothing sent');
    assert.deepEqual(prompts.modals[0].actions, ['Keep Association', 'Delete Association', 'Delete Association and Files...'], 'the safe choice first, the default');
    assert.match(prompts.modals[0].detail, /files stay in the file system and the objects stay in S3/);
    assert.match(prompts.confirmations[0].detail, /removes every file and directory under \/frames/);
    prompts.modalWith('Delete Association and Files...').typeWith('/frames');
    await vscode.commands.executeCommand('fsxTasks.deleteAssociation', frames);
    assert.equal(await sent(), before + 1);
    assert.equal(contextValue((await rowAt(api, render, '/frames')) as ExplorerNode), 'association.DELETING');
    await waitFor('the row to go', async () => (await rowAt(api, render, '/frames')) === undefined);
  });

  it('refuses on each file system kind that takes no associations, saying why, before anything is sent', async () => {
    const reasons: Record<string, RegExp> = {
      'genomics-scratch': /own import and export paths/,
      'cfd-scratch': /Scratch 1/,
      'seismic-2-10': /Lustre 2\.10/,
      'analytics-tiered': /Intelligent-Tiering/,
    };
    for (const [name, reason] of Object.entries(reasons)) {
      const node = await resourceNamed(api, name);
      assert.notEqual(contextValue(node), 'resource.fileSystem', `${name}: no Create Association in its menu`);
      await vscode.commands.executeCommand('fsxTasks.createAssociation', node);
      assert.match(prompts.messages.at(-1)?.text ?? '', reason, name);
    }
    const cache = (await resourceNodes(api)).find((node) => contextValue(node) === 'resource.fileCache');
    await vscode.commands.executeCommand('fsxTasks.createAssociation', cache);
    assert.match(prompts.messages.at(-1)?.text ?? '', /only when the cache is created/);
    assert.equal((await emulatorOf(api).requestCounts()).CreateDataRepositoryAssociation, 0);
    assert.equal(prompts.steps.length, 0, 'no question asked');
  });

  it('an Intelligent-Tiering file system is offered no task, and says why when one is asked for', async () => {
    const tiered = await resourceNamed(api, 'analytics-tiered');
    assert.equal(contextValue(tiered), 'resource.fileSystem.noS3');
    await vscode.commands.executeCommand('fsxTasks.startExport', tiered);
    assert.match(prompts.messages.at(-1)?.text ?? '', /Intelligent-Tiering .* no data repository tasks/);
    assert.equal(prompts.steps.length, 0);
  });

  it('access denied names the permissions FSx needs for a new association', async () => {
    await emulatorOf(api).injectFault({ kind: 'accessDenied', operation: 'CreateDataRepositoryAssociation' });
    prompts.inputStepWith('/denied').inputStepWith('s3://render-farm-denied/').pickStepWith(takeActive).pickStepWith(takeActive).pickStepWith(takeActive).inputStepWith('').modalWith('Create Association');
    await vscode.commands.executeCommand('fsxTasks.createAssociation', render);
    const errors = prompts.messages.filter((message) => message.severity === 'error');
    assert.equal(errors.length, 1);
    assert.match(errors[0].text, /fsx:CreateDataRepositoryAssociation, iam:CreateServiceLinkedRole/);
    assert.equal(await rowAt(api, render, '/denied'), undefined, 'no row');
  });
});
