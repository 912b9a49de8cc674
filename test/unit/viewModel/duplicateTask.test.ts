import * as assert from 'node:assert/strict';
import { ENGLISH } from '../../../src/fsx/l10n';
import { Task } from '../../../src/fsx/types';
import { duplicateOf } from '../../../src/viewModel/duplicateTask';
import { Answer, BACK, ConfirmStep, PickStep, ReportChoice, runStartTaskFlow, StartTaskAsk, TextStep } from '../../../src/viewModel/startTaskFlow';
import { cache, render, renderTarget } from '../fsx/fixtures';

function task(patch: Partial<Task>): Task {
  return { taskId: 'task-0123456789abcdef0', lifecycle: 'SUCCEEDED', type: 'EXPORT_TO_REPOSITORY', creationTime: new Date(0), resource: { kind: 'fileSystem', id: render.id }, paths: [], ...patch };
}

type Step = TextStep | PickStep<unknown> | ConfirmStep;

/** Records each step and answers it with `answer(step)`. */
function asking(answer: (step: Step, seen: Step[]) => Answer<unknown>): StartTaskAsk & { seen: Step[] } {
  const seen: Step[] = [];
  const next = (step: Step) => {
    seen.push(step);
    return Promise.resolve(answer(step, seen));
  };
  return { seen, text: (step: TextStep) => next(step) as Promise<Answer<string>>, pick: <T>(step: PickStep<T>) => next(step as PickStep<unknown>) as Promise<Answer<T>>, confirm: (step: ConfirmStep) => next(step) as Promise<Answer<true>> };
}

/** Enter on every step: the prefilled answer, the preselected item, the start button. */
const enterEverywhere = (step: Step): Answer<unknown> => (step.kind === 'text' ? step.value : step.kind === 'pick' ? step.active : true);

describe('Duplicate Task', () => {
  it('a release: type, paths, release age and report come from the task; Enter on every step starts the same request', async () => {
    const original = task({ type: 'RELEASE_DATA_FROM_FILESYSTEM', paths: ['frames/seq1', 'assets/old'], daysSinceLastAccess: 45, report: { enabled: true, path: 's3://render-assets/projects/reports' } });
    const duplicate = duplicateOf(original, ENGLISH);
    assert.ok(duplicate.ok);
    assert.equal(duplicate.value.type, 'RELEASE_DATA_FROM_FILESYSTEM');
    assert.deepEqual(duplicate.value.prefill, { paths: ['frames/seq1', 'assets/old'], daysSinceLastAccess: 45, report: { path: 's3://render-assets/projects/reports' } });
    const ask = asking(enterEverywhere);
    const result = await runStartTaskFlow(renderTarget, duplicate.value.type, ask, ENGLISH, { prefill: duplicate.value.prefill, newToken: () => 'token' });
    assert.ok(result.kind === 'confirmed');
    assert.deepEqual(result.input.paths, ['frames/seq1', 'assets/old']);
    assert.equal(result.input.daysSinceLastAccess, 45);
    assert.deepEqual(result.input.report, { enabled: true, path: 's3://render-assets/projects/reports', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' });
    assert.deepEqual(ask.seen.map((step) => step.id), ['paths', 'days', 'report', 'reportPath', 'confirm'], 'every step is asked, the report path one too (not the default)');
    assert.equal((ask.seen[2] as PickStep<ReportChoice>).active, 'elsewhere');
  });

  it('a report at the default location preselects the default; no report preselects none', async () => {
    const atDefault = duplicateOf(task({ paths: ['frames/a'], report: { enabled: true, path: 's3://render-output/frames/' } }), ENGLISH);
    assert.ok(atDefault.ok);
    const ask = asking(enterEverywhere);
    await runStartTaskFlow(renderTarget, atDefault.value.type, ask, ENGLISH, { prefill: atDefault.value.prefill });
    assert.equal((ask.seen[1] as PickStep<ReportChoice>).active, 'default');

    const none = duplicateOf(task({ paths: ['frames/a'], report: { enabled: false } }), ENGLISH);
    assert.ok(none.ok);
    const askNone = asking(enterEverywhere);
    const result = await runStartTaskFlow(renderTarget, none.value.type, askNone, ENGLISH, { prefill: none.value.prefill });
    assert.equal((askNone.seen[1] as PickStep<ReportChoice>).active, 'none');
    assert.ok(result.kind === 'confirmed');
    assert.deepEqual(result.input.report, { enabled: false });
  });

  it('every step can be changed, with Back from the confirmation', async () => {
    const duplicate = duplicateOf(task({ type: 'RELEASE_DATA_FROM_FILESYSTEM', paths: ['frames/seq1'], daysSinceLastAccess: 45 }), ENGLISH);
    assert.ok(duplicate.ok);
    const ask = asking((step, seen) => {
      const confirmations = seen.filter((one) => one.kind === 'confirm').length;
      if (step.kind === 'confirm') {
        return confirmations === 1 ? BACK : true;
      }
      const changed = seen.some((one) => one.id === 'days' && one.kind === 'text' && seen.indexOf(one) > seen.findIndex((first) => first.kind === 'confirm'));
      if (confirmations === 1 && step.id === 'report' && !changed) {
        return BACK;
      }
      if (confirmations === 1 && step.id === 'days') {
        assert.equal(step.kind === 'text' && step.value, '45', 'the task\u2019s age, shown');
        return '7';
      }
      return enterEverywhere(step);
    });
    const result = await runStartTaskFlow(renderTarget, duplicate.value.type, ask, ENGLISH, { prefill: duplicate.value.prefill });
    assert.ok(result.kind === 'confirmed');
    assert.equal(result.input.daysSinceLastAccess, 7);
    assert.deepEqual(ask.seen.map((step) => step.id), ['paths', 'days', 'report', 'confirm', 'report', 'days', 'report', 'confirm']);
  });

  it('an import keeps its S3 paths; a File Cache’s automatic release cannot be duplicated, and says why', () => {
    const imported = duplicateOf(task({ type: 'IMPORT_METADATA_FROM_REPOSITORY', paths: ['s3://render-assets/projects/new'] }), ENGLISH);
    assert.ok(imported.ok);
    assert.deepEqual(imported.value.prefill.paths, ['s3://render-assets/projects/new']);
    assert.equal(imported.value.prefill.daysSinceLastAccess, undefined);
    const auto = duplicateOf(task({ type: 'AUTO_RELEASE_DATA', resource: { kind: 'fileCache', id: cache.id } }), ENGLISH);
    assert.equal(auto.ok, false);
    assert.match(auto.ok ? '' : auto.message, /cannot be duplicated: it is an automatic release a File Cache starts itself/);
  });
});
