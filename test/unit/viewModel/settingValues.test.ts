import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { ENGLISH } from '../../../src/fsx/l10n';
import { readSetting, ReportedOnce, SETTING_SPECS } from '../../../src/viewModel/settingValues';

const root = join(__dirname, '..', '..', '..', '..');
const properties: Record<string, { type: string; default: unknown; minimum?: number; maximum?: number; enum?: string[] }> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.configuration.properties;

const read = (spec: Parameters<typeof readSetting>[0], raw: unknown) => readSetting(spec, raw, 'fsxTasks', ENGLISH);

describe('setting values (numeric, enum and boolean settings)', () => {
  it('declares each setting as package.json does, and covers every numeric, enum and boolean one', () => {
    const specs = Object.values(SETTING_SPECS);
    for (const spec of specs) {
      const declared = properties[`fsxTasks.${spec.key}`];
      assert.ok(declared, spec.key);
      assert.deepEqual(declared.default, spec.default, `${spec.key} default`);
      if (spec.kind === 'enum') {
        assert.deepEqual(declared.enum, spec.values, spec.key);
      } else if (spec.kind === 'boolean') {
        assert.equal(declared.type, 'boolean', spec.key);
      } else {
        assert.deepEqual([declared.type, declared.minimum, declared.maximum], [spec.kind, spec.min, spec.max], spec.key);
      }
    }
    const checkable = Object.entries(properties)
      .filter(([, declared]) => ['integer', 'number', 'boolean'].includes(declared.type) || declared.enum)
      .map(([key]) => key.replace(/^fsxTasks\./, ''));
    assert.deepEqual([...checkable].sort(), specs.map((spec) => spec.key).sort(), 'every such setting is checked');
  });

  it('takes a good value as it is, and an unset one as the default, without a problem', () => {
    assert.deepEqual(read(SETTING_SPECS.pageSize, 20), { value: 20 });
    assert.deepEqual(read(SETTING_SPECS.pageSize, undefined), { value: 50 });
    assert.deepEqual(read(SETTING_SPECS.sandboxTimeScale, 2.5), { value: 2.5 });
    assert.deepEqual(read(SETTING_SPECS.cancelConfirmation, 'typeTaskId'), { value: 'typeTaskId' });
    assert.deepEqual(read(SETTING_SPECS.notifyWhenTaskEnds, false), { value: false });
  });

  it('out of range: the nearest bound, named in one sentence with the setting', () => {
    assert.deepEqual(read(SETTING_SPECS.pageSize, 500), { value: 50, problem: 'fsxTasks.tasks.pageSize is 500, above its maximum of 50: using 50.' });
    assert.deepEqual(read(SETTING_SPECS.pollIntervalSeconds, 1), { value: 10, problem: 'fsxTasks.tracking.pollIntervalSeconds is 1, below its minimum of 10: using 10.' });
    assert.equal(read(SETTING_SPECS.sandboxTimeScale, 0).value, 0.1);
  });

  it('a fraction where a whole number belongs is rounded (FSx takes no half page), and said', () => {
    assert.deepEqual(read(SETTING_SPECS.pageSize, 12.4), { value: 12, problem: 'fsxTasks.tasks.pageSize is 12.4, not a whole number: using 12.' });
    assert.match(read(SETTING_SPECS.pageSize, 80.5).problem ?? '', /above its maximum of 50: using 50/);
  });

  it('the wrong shape: the default, saying what was expected and what kind of value was set', () => {
    assert.deepEqual(read(SETTING_SPECS.pollIntervalSeconds, 'often'), { value: 30, problem: 'fsxTasks.tracking.pollIntervalSeconds is a text, not a whole number from 10–600: using the default, 30.' });
    assert.equal(read(SETTING_SPECS.pageSize, '20').value, 50, 'a number in a string is still a string in settings.json');
    assert.match(read(SETTING_SPECS.sandboxTimeScale, [2]).problem ?? '', /is a list, not a number from 0.1–100: using the default, 1\./);
    assert.deepEqual(read(SETTING_SPECS.cancelConfirmation, 'typed'), { value: 'dialog', problem: 'fsxTasks.cancel.confirmation is a text, not one of dialog, typeTaskId: using the default, dialog.' });
    assert.deepEqual(read(SETTING_SPECS.useFipsEndpoint, 'yes'), { value: false, problem: 'fsxTasks.useFipsEndpoint is a text, not true or false: using the default, false.' });
    assert.match(read(SETTING_SPECS.useFipsEndpoint, { a: 1 }).problem ?? '', /is an object, not true or false/);
  });

  it('never repeats a value that is not a number: a workspace could write a command link or Markdown there', () => {
    const hostile = ['[x](command:workbench.action.terminal.new "t")', '![i](https://evil.example.com/p.png)', '<img src=x>', 'https://evil.example.com', '$(alert)'];
    for (const spec of Object.values(SETTING_SPECS)) {
      for (const value of [...hostile, hostile, { [hostile[0]]: hostile[1] }]) {
        const { problem } = read(spec, value);
        assert.ok(problem, `${spec.key} refuses ${JSON.stringify(value)}`);
        assert.match(problem, new RegExp(`^fsxTasks\\.${spec.key.replace(/\./g, '\\.')} `), 'names the key');
        for (const piece of ['](', '$(', '<img', 'evil', 'command:']) {
          assert.ok(!problem.includes(piece), `${spec.key}: ${problem}`);
        }
        const html = new MarkdownIt({ html: true, linkify: true }).render(problem);
        assert.doesNotMatch(html, /<a |<img/, html);
      }
    }
  });

  it('the words go through the injected L10n', () => {
    const marked = readSetting(SETTING_SPECS.pageSize, 0, 'fsxTasks', { t: (text, ...args) => `«${ENGLISH.t(text, ...args)}»` });
    assert.match(marked.problem ?? '', /^«.*»$/);
  });

  it('reports a bad value once, again only after it changed', () => {
    const once = new ReportedOnce();
    assert.equal(once.shouldReport('tasks.pageSize', 500, true), true);
    assert.equal(once.shouldReport('tasks.pageSize', 500, true), false, 'read again: no second warning');
    assert.equal(once.shouldReport('tracking.pollIntervalSeconds', 1, true), true, 'another setting has its own');
    assert.equal(once.shouldReport('tasks.pageSize', 600, true), true, 'another bad value');
    assert.equal(once.shouldReport('tasks.pageSize', 20, false), false);
    assert.equal(once.shouldReport('tasks.pageSize', 600, true), true, 'bad again after a good value');
  });
});
