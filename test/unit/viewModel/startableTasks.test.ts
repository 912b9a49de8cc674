import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGLISH } from '../../../src/fsx/l10n';
import { STARTABLE_TASK_TYPES } from '../../../src/fsx/taskRequest';
import { STARTABLE_TASKS, startableTask } from '../../../src/viewModel/startableTasks';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'));
const contributed = new Set((manifest.contributes.commands as { command: string }[]).map((entry) => entry.command));
const explorerWhen = (command: string) => (manifest.contributes.menus['explorer/context'] as { command: string; when: string }[]).find((item) => item.command === command)?.when ?? '';

describe('startable tasks', () => {
  it('has one row per startable type, in the API order, each with contributed commands of its own', () => {
    assert.deepEqual(
      STARTABLE_TASKS.map((task) => task.type),
      [...STARTABLE_TASK_TYPES],
    );
    const commands = STARTABLE_TASKS.flatMap((task) => [task.command, task.explorerCommand]);
    assert.equal(new Set(commands).size, commands.length, 'no command starts two types');
    for (const command of commands) {
      assert.ok(contributed.has(command), command);
    }
  });

  it("offers the Explorer's item on files only where the row takes them", () => {
    for (const task of STARTABLE_TASKS) {
      assert.equal(/explorerResourceIsFolder/.test(explorerWhen(task.explorerCommand)), task.explorerTakes === 'folders', task.explorerCommand);
    }
  });

  it('words each type: title, button, and whether it reports by default', () => {
    assert.deepEqual(
      STARTABLE_TASKS.map((task) => [task.title('render', ENGLISH), task.confirmLabel(ENGLISH), task.reportOnByDefault]),
      [
        ['Export to S3: render', 'Start Export', true],
        ['Import Metadata from S3: render', 'Start Import', false],
        ['Release Files: render', 'Start Release', true],
      ],
    );
    assert.equal(startableTask('IMPORT_METADATA_FROM_REPOSITORY').command, 'fsxTasks.startImport');
  });
});
