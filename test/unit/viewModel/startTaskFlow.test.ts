import * as assert from 'node:assert/strict';
import { ENGLISH, L10n } from '../../../src/fsx/l10n';
import { CreateTaskInput } from '../../../src/fsx/types';
import { StartableTaskType, StartTarget } from '../../../src/fsx/taskRequest';
import { Answer, BACK, ConfirmStep, PickStep, ReportChoice, runStartTaskFlow, StartTaskAsk, StartTaskFlowResult, StepId, TextStep } from '../../../src/viewModel/startTaskFlow';
import { EXCERPT_MAX } from '../../../src/fsx/outsideText';
import { openingMessage } from '../../../src/viewModel/stepBack';
import { broken, cache, fromAssets, legacyTarget, mlTarget, renderTarget } from '../fsx/fixtures';

type Step = TextStep | PickStep<unknown> | ConfirmStep;

/** Answers each step from a script; fails fast on a step it did not expect or when it runs out. */
class ScriptedAsk implements StartTaskAsk {
  readonly seen: Step[] = [];

  constructor(private readonly script: Array<[StepId, (step: never) => Answer<unknown>]>) {}

  text(step: TextStep): Promise<Answer<string>> {
    return Promise.resolve(this.next(step) as Answer<string>);
  }

  pick<T>(step: PickStep<T>): Promise<Answer<T>> {
    return Promise.resolve(this.next(step as PickStep<unknown>) as Answer<T>);
  }

  confirm(step: ConfirmStep): Promise<Answer<true>> {
    return Promise.resolve(this.next(step) as Answer<true>);
  }

  get done(): boolean {
    return this.script.length === 0;
  }

  private next(step: Step): Answer<unknown> {
    this.seen.push(step);
    const entry = this.script.shift();
    if (!entry) {
      throw new Error(`unexpected prompt: ${step.id}`);
    }
    assert.equal(step.id, entry[0], `step ${this.seen.length}`);
    return entry[1](step as never);
  }
}

const answer =
  <T>(value: Answer<T>) =>
  (): Answer<T> =>
    value;
/** Takes the preselected item, as pressing Enter does. */
const acceptDefault = (step: PickStep<unknown>): unknown => step.active;

/** Paths, then the default report choice, then confirm: a three-step start. */
function acceptingDefaults(paths: string): Array<[StepId, (step: never) => Answer<unknown>]> {
  return [
    ['paths', answer(paths)],
    ['report', acceptDefault],
    ['confirm', answer(true)],
  ];
}

async function run(target: StartTarget, type: StartableTaskType, ask: ScriptedAsk, l10n: L10n = ENGLISH): Promise<{ result: StartTaskFlowResult; tokens: number }> {
  let tokens = 0;
  const result = await runStartTaskFlow(target, type, ask, l10n, { newToken: () => `token-${++tokens}` });
  assert.ok(ask.done, 'every scripted answer was used');
  return { result, tokens };
}

function confirmed(result: StartTaskFlowResult) {
  assert.equal(result.kind, 'confirmed', JSON.stringify(result));
  return result as Extract<StartTaskFlowResult, { kind: 'confirmed' }>;
}

describe('start task flow', () => {
  it('export from a file system: paths, report (on by default), confirm; one token', async () => {
    const ask = new ScriptedAsk(acceptingDefaults(''));
    const { result, tokens } = await run(renderTarget, 'EXPORT_TO_REPOSITORY', ask);
    const { input, summary } = confirmed(result);
    assert.deepEqual(input, {
      fileSystemId: renderTarget.resource.id,
      type: 'EXPORT_TO_REPOSITORY',
      paths: undefined,
      report: { enabled: true, path: 's3://render-assets/projects', format: 'REPORT_CSV_20191124', scope: 'FAILED_FILES_ONLY' },
      clientRequestToken: 'token-1',
      daysSinceLastAccess: undefined,
    });
    assert.equal(tokens, 1);
    assert.deepEqual(
      ask.seen.map((step) => [step.id, step.step, step.totalSteps, step.canGoBack]),
      [
        ['paths', 1, 3, false],
        ['report', 2, 3, true],
        ['confirm', 3, 3, true],
      ],
    );
    assert.equal(ask.seen[0].title, 'Export to S3: render (fs-0123456789abcdef0)');
    assert.match((ask.seen[0] as TextStep).prompt, /relative to the file system root .*Leave empty to export the whole file system/);
    assert.deepEqual(summary, [
      'Export from render (fs-0123456789abcdef0) to S3?',
      'Paths: the whole file system',
      'Destination: /assets → s3://render-assets/projects/; /frames → s3://render-output/frames/',
      'New and changed files are exported with their POSIX metadata.',
      'Completion report (failed files only): under s3://render-assets/projects/, in a folder named after the task.',
    ]);
    const confirm = ask.seen[2] as ConfirmStep;
    assert.equal(confirm.message, summary[0]);
    assert.deepEqual(confirm.details, summary.slice(1));
    assert.equal(confirm.confirmLabel, 'Start Export');
  });

  it('release: paths, days, report, confirm; the days and the release facts are restated', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer('assets/cache, frames/old')],
      ['days', answer('30')],
      ['report', acceptDefault],
      ['confirm', answer(true)],
    ]);
    const { input, summary } = confirmed((await run(renderTarget, 'RELEASE_DATA_FROM_FILESYSTEM', ask)).result);
    assert.deepEqual(input.paths, ['assets/cache', 'frames/old']);
    assert.equal(input.daysSinceLastAccess, 30);
    assert.equal(input.report?.enabled, true, 'report on by default for release');
    assert.deepEqual(ask.seen.map((step) => step.totalSteps), [4, 4, 4, 4]);
    assert.match((ask.seen[1] as TextStep).prompt, /at least this many days \(0 releases them however recently/);
    assert.match((ask.seen[1] as TextStep).prompt, /Only files already exported/);
    assert.equal(summary[0], 'Release file data from render (fs-0123456789abcdef0)?');
    assert.ok(summary.includes('Paths (2): assets/cache, frames/old'));
    assert.ok(summary.includes('Releases exported files not accessed for at least 30 days.'));
    assert.ok(summary.some((line) => /Files not yet exported are kept/.test(line)));
    assert.equal((ask.seen[3] as ConfirmStep).confirmLabel, 'Start Release');
  });

  it('release with a preview: after the days, with the resolved paths; Change Days goes back, Continue on to the report', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer('assets/cache, frames/old')],
      ['days', answer('30')],
      ['days', answer('7')],
      ['report', acceptDefault],
      ['confirm', answer(true)],
    ]);
    const asked: Array<{ paths: readonly string[]; days: number }> = [];
    const choices: Array<'continue' | 'changeDays'> = ['changeDays', 'continue'];
    const result = await runStartTaskFlow(renderTarget, 'RELEASE_DATA_FROM_FILESYSTEM', ask, ENGLISH, {
      newToken: () => 'token',
      previewRelease: async (request) => {
        asked.push(request);
        return choices.shift();
      },
    });
    assert.ok(ask.done);
    assert.equal(confirmed(result).input.daysSinceLastAccess, 7);
    assert.deepEqual(asked, [
      { paths: ['assets/cache', 'frames/old'], days: 30 },
      { paths: ['assets/cache', 'frames/old'], days: 7 },
    ]);
    assert.deepEqual(ask.seen.map((step) => [step.id, step.step, step.totalSteps]), [
      ['paths', 1, 5],
      ['days', 2, 5],
      ['days', 2, 5],
      ['report', 4, 5],
      ['confirm', 5, 5],
    ]);
  });

  it('release preview dismissed: nothing starts; other task types have no preview step', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer('')],
      ['days', answer('0')],
    ]);
    let previews = 0;
    const preview = async () => {
      previews++;
      return undefined;
    };
    const result = await runStartTaskFlow(renderTarget, 'RELEASE_DATA_FROM_FILESYSTEM', ask, ENGLISH, { previewRelease: preview });
    assert.equal(result.kind, 'cancelled');
    const exportAsk = new ScriptedAsk(acceptingDefaults(''));
    confirmed(await runStartTaskFlow(renderTarget, 'EXPORT_TO_REPOSITORY', exportAsk, ENGLISH, { previewRelease: preview }));
    assert.equal(previews, 1);
  });

  it('release with 0 days says it releases regardless of age', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer('')],
      ['days', answer('0')],
      ['report', answer('none')],
      ['confirm', answer(true)],
    ]);
    const { input, summary } = confirmed((await run(renderTarget, 'RELEASE_DATA_FROM_FILESYSTEM', ask)).result);
    assert.equal(input.daysSinceLastAccess, 0);
    assert.deepEqual(input.report, { enabled: false });
    assert.ok(summary.includes('Releases every exported file, however recently it was used.'));
    assert.ok(summary.includes('No completion report.'));
  });

  it('import: report off by default; S3 sources restated', async () => {
    const ask = new ScriptedAsk(acceptingDefaults('assets/shots'));
    const { input, summary } = confirmed((await run(renderTarget, 'IMPORT_METADATA_FROM_REPOSITORY', ask)).result);
    assert.equal((ask.seen[1] as PickStep<ReportChoice>).active, 'none');
    assert.deepEqual(
      (ask.seen[1] as PickStep<ReportChoice>).items.map((item) => [item.label, item.value]),
      [
        ['Write a completion report', 'default'],
        ['Write the report elsewhere...', 'elsewhere'],
        ['No completion report', 'none'],
      ],
    );
    assert.deepEqual(input.paths, ['s3://render-assets/projects/shots']);
    assert.deepEqual(input.report, { enabled: false });
    assert.ok(summary.includes('Source: s3://render-assets/projects/ → /assets'));
    assert.ok(summary.includes('No completion report.'));
  });

  it('from an association: paths relative to its file system path, report under its export path', async () => {
    const ask = new ScriptedAsk(acceptingDefaults('shots/seq1'));
    const { input, summary } = confirmed((await run(fromAssets, 'EXPORT_TO_REPOSITORY', ask)).result);
    assert.equal(ask.seen[0].title, 'Export to S3: render (fs-0123456789abcdef0) /assets');
    assert.match((ask.seen[0] as TextStep).prompt, /relative to \/assets.*Leave empty to export all of \/assets to s3:\/\/render-assets\/projects\//);
    assert.match((ask.seen[1] as PickStep<ReportChoice>).items[0].detail ?? '', /Under s3:\/\/render-assets\/projects\//);
    assert.deepEqual(input.paths, ['assets/shots/seq1']);
    assert.equal(input.report?.path, 's3://render-assets/projects');
    assert.ok(summary.includes('Destination: /assets → s3://render-assets/projects/'));
  });

  it('Back returns to the previous step with its answer kept; a new answer replaces it', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer('assets/a')],
      ['days', answer('7')],
      ['report', answer(BACK)],
      ['days', (step: TextStep) => (assert.equal(step.value, '7'), BACK)],
      ['paths', (step: TextStep) => (assert.equal(step.value, 'assets/a'), assert.equal(step.canGoBack, false), 'frames')],
      ['days', (step: TextStep) => (assert.equal(step.value, '7'), '7')],
      ['report', answer('none')],
      ['confirm', answer(BACK)],
      ['report', (step: PickStep<ReportChoice>) => (assert.equal(step.active, 'none', 'the earlier choice'), 'default')],
      ['confirm', answer(true)],
    ]);
    const { result, tokens } = await run(renderTarget, 'RELEASE_DATA_FROM_FILESYSTEM', ask);
    const { input } = confirmed(result);
    assert.deepEqual(input.paths, ['frames']);
    assert.equal(input.daysSinceLastAccess, 7);
    assert.equal(input.report?.enabled, true);
    assert.equal(tokens, 1, 'a token only when confirmed');
  });

  it('prefills the paths step with paths handed over, which can still be changed', async () => {
    const ask = new ScriptedAsk([
      ['paths', (step: TextStep) => (assert.equal(step.value, 'assets/a, frames'), step.value)],
      ['report', acceptDefault],
      ['confirm', answer(true)],
    ]);
    const result = await runStartTaskFlow(renderTarget, 'EXPORT_TO_REPOSITORY', ask, ENGLISH, { newToken: () => 'token', paths: ['assets/a', 'frames'] });
    assert.deepEqual(confirmed(result).input.paths, ['assets/a', 'frames']);
  });

  it('Back on the first step stays there', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer(BACK)],
      ['paths', answer(undefined)],
    ]);
    assert.deepEqual((await run(renderTarget, 'EXPORT_TO_REPOSITORY', ask)).result, { kind: 'cancelled' });
  });

  it('validates each text step, and asks again when an invalid answer gets through', async () => {
    const ask = new ScriptedAsk([
      [
        'paths',
        (step: TextStep) => {
          assert.match(step.validate('assets/*.exr') ?? '', /wildcard/);
          assert.match(step.validate('elsewhere/x') ?? '', /not inside a data repository association/);
          assert.equal(step.validate('assets/x, frames'), undefined);
          return 'assets/*.exr';
        },
      ],
      ['paths', answer('assets/x')],
      ['days', (step: TextStep) => (assert.match(step.validate('-3') ?? '', /whole number/), assert.equal(step.validate('3'), undefined), 'soon')],
      ['days', answer('3')],
      ['report', answer(undefined)],
    ]);
    const { result, tokens } = await run(renderTarget, 'RELEASE_DATA_FROM_FILESYSTEM', ask);
    assert.deepEqual(result, { kind: 'cancelled' });
    assert.equal(tokens, 0);
  });

  for (const step of ['paths', 'report', 'confirm'] as const) {
    it(`dismissing the ${step} step cancels without a token`, async () => {
      const script = acceptingDefaults('');
      const at = script.findIndex(([id]) => id === step);
      const ask = new ScriptedAsk([...script.slice(0, at), [step, answer(undefined)]]);
      const { result, tokens } = await run(renderTarget, 'EXPORT_TO_REPOSITORY', ask);
      assert.deepEqual(result, { kind: 'cancelled' });
      assert.equal(tokens, 0);
    });
  }

  it('refuses a File Cache before asking anything, with the reason', async () => {
    const ask = new ScriptedAsk([]);
    const { result } = await run({ resource: cache, repositories: [] }, 'EXPORT_TO_REPOSITORY', ask);
    assert.equal(result.kind, 'refused');
    assert.match(result.kind === 'refused' ? result.reason : '', /AUTO_RELEASE_DATA/);
    assert.equal(ask.seen.length, 0);
  });

  it('refuses a misconfigured association with its failure message', async () => {
    const { result } = await run({ ...renderTarget, association: broken }, 'IMPORT_METADATA_FROM_REPOSITORY', new ScriptedAsk([]));
    assert.match(result.kind === 'refused' ? result.reason : '', /MISCONFIGURED: The bucket policy denies FSx\./);
  });

  it('an older file system: the report goes to its ExportPath; many paths are summarized', async () => {
    const many = Array.from({ length: 7 }, (_, n) => `out/run${n}`).join(',');
    const ask = new ScriptedAsk(acceptingDefaults(many));
    const { input, summary } = confirmed((await run(legacyTarget, 'EXPORT_TO_REPOSITORY', ask)).result);
    assert.equal(input.paths?.length, 7);
    assert.equal(input.report?.path, 's3://legacy-bucket/out');
    assert.ok(summary.includes('Paths (7): out/run0, out/run1, out/run2, out/run3, out/run4 and 2 more'));
    assert.ok(summary.includes('Destination: / → s3://legacy-bucket/out/'));
  });

  it('the default report goes where the exported path belongs, not to the first association', async () => {
    const ask = new ScriptedAsk(acceptingDefaults('frames/seq2'));
    const { input, summary } = confirmed((await run(renderTarget, 'EXPORT_TO_REPOSITORY', ask)).result);
    assert.match((ask.seen[1] as PickStep<ReportChoice>).items[0].detail ?? '', /^Under s3:\/\/render-output\/frames\//);
    assert.equal(input.report?.path, 's3://render-output/frames');
    assert.ok(summary.includes('Completion report (failed files only): under s3://render-output/frames/, in a folder named after the task.'));
    // Several paths: the first one's repository.
    const both = new ScriptedAsk([
      ['paths', answer('frames/a, assets/b')],
      ['days', answer('0')],
      ['report', acceptDefault],
      ['confirm', answer(true)],
    ]);
    assert.equal(confirmed((await run(renderTarget, 'RELEASE_DATA_FROM_FILESYSTEM', both)).result).input.report?.path, 's3://render-output/frames');
  });

  it('the report can go elsewhere: an input prefilled with the default, checked against the linked repositories; Back returns to the choice', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer('frames/seq2')],
      ['report', answer('elsewhere')],
      [
        'reportPath',
        (step: TextStep) => {
          assert.equal(step.value, 's3://render-output/frames', 'the default, one Enter away');
          assert.equal(step.totalSteps, 4);
          assert.match(step.prompt, /inside a linked data repository \(s3:\/\/render-assets\/projects, s3:\/\/render-output\/frames\)/);
          assert.match(step.validate('s3://render-broken/reports') ?? '', /must be written inside an export path/, 'not the misconfigured association');
          assert.match(step.validate('s3://other-bucket/x') ?? '', /must be written inside an export path/);
          assert.match(step.validate('s3://render-output/frames/a\u2028b') ?? '', /no control characters/);
          assert.equal(step.validate('s3://render-assets/projects/reports/'), undefined);
          return 's3://other-bucket/x';
        },
      ],
      ['reportPath', answer('s3://render-assets/projects/reports/')],
      ['confirm', answer(BACK)],
      ['reportPath', (step: TextStep) => (assert.equal(step.value, 's3://render-assets/projects/reports/', 'kept'), BACK)],
      ['report', (step: PickStep<ReportChoice>) => (assert.equal(step.active, 'elsewhere'), assert.match(step.items[1].detail ?? '', /Under s3:\/\/render-assets\/projects\/reports\//), 'elsewhere')],
      ['reportPath', (step: TextStep) => step.value],
      ['confirm', answer(true)],
    ]);
    const { input, summary } = confirmed((await run(renderTarget, 'EXPORT_TO_REPOSITORY', ask)).result);
    assert.equal(input.report?.path, 's3://render-assets/projects/reports');
    assert.ok(summary.includes('Completion report (failed files only): under s3://render-assets/projects/reports/, in a folder named after the task.'));
    assert.deepEqual(input.paths, ['frames/seq2'], 'nothing else changed');
  });

  it('choosing the default or no report after "elsewhere" drops the path step', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer('')],
      ['report', answer('elsewhere')],
      ['reportPath', answer(BACK)],
      ['report', answer('default')],
      ['confirm', (step: ConfirmStep) => (assert.equal(step.totalSteps, 3), true)],
    ]);
    assert.equal(confirmed((await run(renderTarget, 'EXPORT_TO_REPOSITORY', ask)).result).input.report?.path, 's3://render-assets/projects');
  });

  it('exporting the whole file system reports under an association that exports, and says which', async () => {
    const ask = new ScriptedAsk(acceptingDefaults(''));
    const { input } = confirmed((await run(mlTarget, 'EXPORT_TO_REPOSITORY', ask)).result);
    // /datasets is listed first but only imports: a person exporting expects the checkpoints bucket.
    assert.equal(input.report?.path, 's3://ml-checkpoints/runs');
    assert.equal((ask.seen[1] as PickStep<ReportChoice>).items[0].detail, 'Under s3://ml-checkpoints/runs/, in a folder named after the task: the S3 repository linked at /checkpoints');
    // A path of the importing association still reports with the repository that holds it.
    const datasetsOnly = new ScriptedAsk(acceptingDefaults('datasets/a'));
    assert.equal(confirmed((await run(mlTarget, 'EXPORT_TO_REPOSITORY', datasetsOnly)).result).input.report?.path, 's3://ml-datasets/curated');
  });

  it('the release days step does not open in the error state; a prefilled answer is checked at once', async () => {
    const ask = new ScriptedAsk([
      ['paths', answer('')],
      [
        'days',
        (step: TextStep) => {
          assert.equal(step.value, '');
          assert.equal(openingMessage(step), undefined, 'nothing typed yet: no error');
          assert.match(step.validate('') ?? '', /whole number of days/, 'Enter on the empty box is still refused');
          assert.match(openingMessage({ ...step, value: 'x' }) ?? '', /whole number of days/);
          return '30';
        },
      ],
      ['report', acceptDefault],
      ['confirm', answer(true)],
    ]);
    assert.equal(confirmed((await run(renderTarget, 'RELEASE_DATA_FROM_FILESYSTEM', ask)).result).input.daysSinceLastAccess, 30);
  });

  it('no validation message echoes long input: the reason first, then a short cut excerpt', async () => {
    const long = (prefix: string, length = 5000) => `${prefix}${'x'.repeat(length - prefix.length - 3)}END`;
    const cases: Array<{ type: StartableTaskType; step: 'paths' | 'days' | 'reportPath'; input: string; reason: RegExp }> = [
      { type: 'EXPORT_TO_REPOSITORY', step: 'paths', input: long('assets/'), reason: /^A path is longer than the 4096 characters FSx takes \(5000 characters\)/ },
      { type: 'EXPORT_TO_REPOSITORY', step: 'paths', input: long('nowhere/'), reason: /^A path is not inside a data repository association/ },
      { type: 'EXPORT_TO_REPOSITORY', step: 'paths', input: long('assets/*'), reason: /^A path has a wildcard/ },
      { type: 'EXPORT_TO_REPOSITORY', step: 'paths', input: long('assets/\u0007'), reason: /^A path contains a control character/ },
      { type: 'EXPORT_TO_REPOSITORY', step: 'paths', input: long('assets/../'), reason: /^"\." and "\.\." are not allowed/ },
      { type: 'EXPORT_TO_REPOSITORY', step: 'paths', input: long('https://x/'), reason: /^A path is a URL/ },
      { type: 'IMPORT_METADATA_FROM_REPOSITORY', step: 'paths', input: long('nfs://x/'), reason: /^A path is not an S3 path/ },
      { type: 'IMPORT_METADATA_FROM_REPOSITORY', step: 'paths', input: long('s3://elsewhere/'), reason: /^A path is not inside a linked S3 repository/ },
      { type: 'RELEASE_DATA_FROM_FILESYSTEM', step: 'days', input: long('1'), reason: /^Enter a whole number of days/ },
      { type: 'EXPORT_TO_REPOSITORY', step: 'reportPath', input: long('s3://other-bucket/', 4300), reason: /^The report must be written inside an export path/ },
      { type: 'EXPORT_TO_REPOSITORY', step: 'reportPath', input: long('s3://render-assets/projects/'), reason: /^A report path has 3 to 4357 characters/ },
    ];
    for (const { type, step: id, input, reason } of cases) {
      const messages: string[] = [];
      const check = (step: TextStep) => {
        if (step.id === id) {
          messages.push(step.validate(input) ?? '');
        }
        return undefined;
      };
      const script: Array<[StepId, (step: never) => Answer<unknown>]> =
        id === 'paths'
          ? [['paths', check]]
          : id === 'days'
            ? [['paths', answer('')], ['days', check]]
            : [['paths', answer('')], ['report', answer('elsewhere')], ['reportPath', check]];
      await run(renderTarget, type, new ScriptedAsk(script));
      const [message] = messages;
      assert.match(message, reason, `${id}: ${message.slice(0, 200)}`);
      assert.ok(message.length < 400, `${id}: ${message.length} characters`);
      // At most an excerpt of the input, its end kept: never a run of the input longer than the excerpt.
      assert.ok(!message.includes('x'.repeat(EXCERPT_MAX)), `${id} echoes the input: ${message.slice(0, 200)}`);
    }
  });

  it('the confirmation offers Copy as AWS CLI Command: the request as it would be sent, copied, then the same confirmation again', async () => {
    const copied: CreateTaskInput[] = [];
    const ask = new ScriptedAsk([
      ['paths', answer('frames/seq2')],
      ['report', acceptDefault],
      ['confirm', (step: ConfirmStep) => (assert.equal(step.copyLabel, 'Copy as AWS CLI Command'), 'copy')],
      ['confirm', answer(true)],
    ]);
    let tokens = 0;
    const result = await runStartTaskFlow(renderTarget, 'EXPORT_TO_REPOSITORY', ask, ENGLISH, { newToken: () => `token-${++tokens}`, copyCommand: async (input) => void copied.push(input) });
    const { input } = confirmed(result);
    assert.equal(copied.length, 1);
    assert.deepEqual({ ...copied[0], clientRequestToken: input.clientRequestToken }, input, 'what was copied is what is started');
    assert.equal(tokens, 1, 'copying makes no token');
    const without = new ScriptedAsk([['paths', answer('')], ['report', acceptDefault], ['confirm', (step: ConfirmStep) => (assert.equal(step.copyLabel, undefined), undefined)]]);
    await run(renderTarget, 'EXPORT_TO_REPOSITORY', without);
  });

  it('every word goes through the injected L10n', async () => {
    const marked: L10n = { t: (text, ...args) => `«${ENGLISH.t(text, ...args)}»` };
    const ask = new ScriptedAsk(acceptingDefaults(''));
    const { summary } = confirmed((await run(renderTarget, 'EXPORT_TO_REPOSITORY', ask, marked)).result);
    const texts = [
      ask.seen[0].title,
      (ask.seen[0] as TextStep).prompt,
      (ask.seen[0] as TextStep).placeholder,
      ...(ask.seen[1] as PickStep<ReportChoice>).items.flatMap((item) => [item.label, item.detail ?? '«»']),
      (ask.seen[2] as ConfirmStep).confirmLabel,
      ...summary,
    ];
    for (const text of texts) {
      assert.match(text, /^«.*»$/s, text);
    }
  });
});
