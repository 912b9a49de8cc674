import * as vscode from 'vscode';
import type { AppServices } from './services';
import { Lifecycle, LIFECYCLES, TASK_TYPES } from '../fsx/types';
import { ACTIVE_LIFECYCLES, isActiveOnly, isFiltering, TaskFilter } from '../viewModel/taskFilter';
import { taskText } from '../views/taskText';
import { CommandDeps, registerCommand } from './boundary';

type FilterDeps = CommandDeps & Pick<AppServices, 'explorer'>;

interface FilterChoice extends vscode.QuickPickItem {
  readonly next: (filter: TaskFilter) => Promise<TaskFilter | undefined> | TaskFilter | undefined;
}

/** "Filter Tasks..." (Active only is the first choice) and "Clear Filter" on the view title. */
export function registerFilterCommands(deps: FilterDeps): vscode.Disposable[] {
  return [
    registerCommand('fsxTasks.filter', deps, async () => {
      const current = deps.explorer.filter();
      const choices: FilterChoice[] = [
        {
          label: `$(pulse) ${vscode.l10n.t('Active only')}`,
          description: vscode.l10n.t('pending or executing'),
          next: (filter) => ({ ...filter, lifecycles: ACTIVE_LIFECYCLES }),
        },
        { label: `$(symbol-enum) ${vscode.l10n.t('By lifecycle...')}`, next: (filter) => pickLifecycles(deps, filter) },
        { label: `$(symbol-event) ${vscode.l10n.t('By task type...')}`, next: (filter) => pickTypes(deps, filter) },
        {
          label: `$(search) ${vscode.l10n.t('By text...')}`,
          description: vscode.l10n.t('task ID, path, file system name or ID'),
          next: (filter) => askText(deps, filter),
        },
      ];
      if (isFiltering(current)) {
        choices.push({ label: `$(clear-all) ${vscode.l10n.t('Clear Filter')}`, next: () => ({}) });
      }
      const choice = await deps.prompts.pick(choices, { title: vscode.l10n.t('Filter Tasks'), placeholder: vscode.l10n.t('Show only some tasks') });
      const filter = choice && (await choice.next(current));
      if (filter) {
        await deps.explorer.setFilter(filter);
      }
    }),
    registerCommand('fsxTasks.clearFilter', deps, () => deps.explorer.setFilter({})),
  ];
}

async function pickLifecycles(deps: FilterDeps, filter: TaskFilter): Promise<TaskFilter | undefined> {
  const items = LIFECYCLES.map((lifecycle) => ({
    label: taskText.lifecycleLook(lifecycle).label,
    lifecycle,
    picked: !isActiveOnly(filter) && !!filter.lifecycles?.includes(lifecycle),
  }));
  const picked = await deps.prompts.pickMany(items, { title: vscode.l10n.t('Filter Tasks: lifecycle'), placeholder: vscode.l10n.t('Show tasks in these states (none: all)') });
  return picked && { ...filter, lifecycles: picked.map((item): Lifecycle => item.lifecycle) };
}

async function pickTypes(deps: FilterDeps, filter: TaskFilter): Promise<TaskFilter | undefined> {
  const items = TASK_TYPES.map((type) => ({ label: taskText.typeLabel(type), type, picked: !!filter.types?.includes(type) }));
  const picked = await deps.prompts.pickMany(items, { title: vscode.l10n.t('Filter Tasks: type'), placeholder: vscode.l10n.t('Show tasks of these types (none: all)') });
  return picked && { ...filter, types: picked.map((item) => item.type) };
}

async function askText(deps: FilterDeps, filter: TaskFilter): Promise<TaskFilter | undefined> {
  const text = await deps.prompts.input({
    title: vscode.l10n.t('Filter Tasks: text'),
    prompt: vscode.l10n.t('Show tasks whose ID or a path contains this, or whose file system name or ID does (empty: no text filter)'),
    value: filter.text ?? '',
  });
  return text === undefined ? undefined : { ...filter, text };
}
