import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import type { Services } from './services';
import { isCancellable } from '../fsx/types';
import { stripCodicons } from '../viewModel/presentation';
import { taskText } from '../views/taskText';
import { TrackedTask } from '../tracking/taskTracker';
import { CommandDeps, registerCommand } from './boundary';
import { TaskTarget } from './taskTarget';

type TrackedTasksDeps = CommandDeps & Pick<Services, 'tracking' | 'explorer' | 'details'>;

interface TrackedItem extends vscode.QuickPickItem {
  readonly tracked: TrackedTask;
}

interface ActionItem extends vscode.QuickPickItem {
  readonly run: () => Thenable<unknown> | unknown;
}

/** The status bar's click: the tracked tasks, then what to do with the one picked. */
export function registerShowTrackedTasks(deps: TrackedTasksDeps): vscode.Disposable {
  return registerCommand('fsxTasks.showTrackedTasks', deps, async () => {
    const tracked = deps.tracking.tracker.list();
    if (tracked.length === 0) {
      void deps.prompts.message('info', vscode.l10n.t('No FSx tasks are tracked. Right-click a task in the FSx view and choose Track Task.'));
      return;
    }
    const picked = await deps.prompts.pick<TrackedItem>(tracked.map(trackedItem), {
      title: vscode.l10n.t('Tracked FSx Tasks'),
      placeholder: vscode.l10n.t('Pick a task to see what you can do with it'),
    });
    if (!picked) {
      return;
    }
    const action = await deps.prompts.pick<ActionItem>(actionsFor(deps, picked.tracked), {
      title: stripCodicons(picked.label),
      placeholder: vscode.l10n.t('What do you want to do?'),
    });
    await action?.run();
  });
}

function trackedItem(tracked: TrackedTask): TrackedItem {
  const lifecycle = tracked.task?.lifecycle ?? tracked.lifecycle;
  const look = lifecycle ? taskText.lifecycleLook(lifecycle) : { label: vscode.l10n.t('Checking...'), icon: 'loading~spin' };
  return {
    // Our icon, then FSx's text as plain text (a quick pick renders $(icon) in its labels).
    label: `$(${look.icon}) ${plainText(`${tracked.task ? taskText.typeLabel(tracked.task.type) : vscode.l10n.t('Task')} · ${tracked.taskId}`)}`,
    description: plainText([look.label, tracked.task ? taskText.progress(tracked.task) : undefined].filter(Boolean).join(' · ')),
    detail: tracked.task ? plainText(`${tracked.task.resource.id}${tracked.connection.sandbox ? ` · ${vscode.l10n.t('sandbox')}` : ` · ${tracked.connection.region}`}`) : undefined,
    tracked,
  };
}

function actionsFor(deps: TrackedTasksDeps, tracked: TrackedTask): ActionItem[] {
  const task = tracked.task;
  const target: TaskTarget | undefined = task ? { connection: tracked.connection, task } : undefined;
  const actions: ActionItem[] = [];
  if (target && task) {
    actions.push({
      label: `$(list-tree) ${vscode.l10n.t('Reveal in FSx View')}`,
      run: async () => {
        const node = deps.explorer.tree.taskNode(target.connection, task);
        await vscode.commands.executeCommand('fsxTasks.explorer.focus');
        if (node) {
          await deps.explorer.view.reveal(node, { select: true, focus: true, expand: true });
        }
      },
    });
    actions.push({ label: `$(info) ${vscode.l10n.t('Show Task Details')}`, run: () => deps.details.show(target.connection, task) });
    if (isCancellable(task.lifecycle)) {
      actions.push({ label: `$(stop-circle) ${vscode.l10n.t('Cancel Data Repository Task')}`, run: () => vscode.commands.executeCommand('fsxTasks.cancelTask', target) });
    }
  }
  actions.push({
    label: `$(eye-closed) ${vscode.l10n.t('Stop Tracking')}`,
    run: () => {
      deps.tracking.tracker.untrack(tracked.taskId);
    },
  });
  return actions;
}
