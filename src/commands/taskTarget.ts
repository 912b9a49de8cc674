import * as vscode from 'vscode';
import { listActiveTasks, listEndedTasks } from '../fsx/activeTasks';
import { classifyError, FsxError } from '../fsx/errors';
import { Connection, connectionKey, FsxApi, isValidTaskId, normalizeTaskId, shortened, Task } from '../fsx/types';
import { distinctConnections, handedTaskId, identifyConnection, isHandedOver } from '../viewModel/handedTarget';
import { hasFailureReport } from '../viewModel/presentation';
import type { AppServices } from './services';
import { taskText } from '../views/taskText';
import { TaskNode } from '../views/explorer/taskNode';

/** What resolving a task needs: the loaded tree, the tracked tasks, the API and the prompts. */
export type TaskTargetDeps = Pick<AppServices, 'model' | 'apiFor' | 'prompts'> & { readonly tracking: Pick<AppServices['tracking'], 'tracker'> };

export interface TaskTarget {
  readonly connection: Connection;
  readonly task: Task;
}

export interface TaskPickItem extends vscode.QuickPickItem {
  readonly target?: TaskTarget;
  /** A typed id, resolved after the pick. */
  readonly typedId?: string;
}

export interface TaskPickerOptions {
  readonly title: string;
  readonly placeholder: string;
  /** What the pick offers with no argument: the active tasks (the default), ended tasks with a failure report, or any recent task (active, then recently ended). */
  readonly offer?: 'active' | 'failureReports' | 'recent';
}

/**
 * The connections a handed-over argument may name: the usable listed ones (the configured
 * connections, or the running sandbox) and the tracked tasks' (admitted the same way).
 */
export function knownConnections(deps: Pick<TaskTargetDeps, 'model' | 'tracking'>): Connection[] {
  const listed = deps.model.usableConnections();
  return distinctConnections([...listed.map((entry) => entry.connection), ...deps.tracking.tracker.list().map((tracked) => tracked.connection)]);
}

/** The configured connection a handed-over one names; refused (nothing is sent) when it names none. */
export function identifiedConnection(deps: Pick<TaskTargetDeps, 'model' | 'tracking'>, handed: unknown): Connection {
  const connection = identifyConnection(knownConnections(deps), handed);
  if (!connection) {
    throw new FsxError(
      'validation',
      vscode.l10n.t('The command was given a connection that is not one of yours: no configured connection (or the running sandbox) has that profile, region and endpoint. Nothing was sent.'),
    );
  }
  return connection;
}

/**
 * A `{ task, connection }` handed over by another command, a keybinding or an extension: it
 * identifies, it does not configure. The connection must be one of ours and the task id valid;
 * the task itself is ours too (loaded, tracked, or asked of FSx on that connection).
 */
async function handedTarget(deps: TaskTargetDeps, arg: Record<string, unknown>): Promise<TaskTarget> {
  const taskId = handedTaskId(arg.task);
  if (!taskId) {
    throw new FsxError('validation', vscode.l10n.t('The command was given a task without a valid task ID ("task-" followed by 17 to 123 hexadecimal digits). Nothing was sent.'));
  }
  const connection = identifiedConnection(deps, arg.connection);
  const key = connectionKey(connection);
  const loaded = deps.model.findTask(taskId);
  if (loaded && connectionKey(loaded.connection) === key) {
    return { connection, task: loaded.task };
  }
  const tracked = deps.tracking.tracker.list().find((candidate) => candidate.taskId === taskId && connectionKey(candidate.connection) === key);
  if (tracked?.task) {
    return { connection, task: tracked.task };
  }
  const [task] = await deps.apiFor(connection).describeTasks([taskId]);
  if (!task) {
    throw new FsxError('notFound', vscode.l10n.t('No task {0} in that connection.', taskId));
  }
  return { connection, task };
}

/**
 * What a task command acts on: the tree node it was invoked on, a target handed over by another
 * command (status bar pick; resolved to our own connection and task, or refused), a task id (typed, or passed by a keybinding or test), or, with no
 * argument, the person's pick among the active tasks of every connection.
 */
export async function resolveTaskTarget(deps: TaskTargetDeps, arg: unknown, picker: TaskPickerOptions): Promise<TaskTarget | undefined> {
  if (arg instanceof TaskNode) {
    return { connection: arg.connection, task: arg.task };
  }
  if (isHandedOver(arg, ['task', 'connection'])) {
    return handedTarget(deps, arg);
  }
  if (typeof arg === 'string') {
    return findTask(deps, arg);
  }
  let items: Promise<TaskPickItem[]> | TaskPickItem[] = picker.offer === 'recent' ? recentTaskItems(deps) : activeTaskItems(deps);
  if (picker.offer === 'failureReports') {
    // Listed before the pick opens, so "none" is a message rather than a pick of nothing.
    items = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking for failure reports...') }, () => failureReportItems(deps));
    if (items.length === 0) {
      return noFailureReports(deps);
    }
  }
  const picked = await deps.prompts.pick(items, {
    ...picker,
    itemForValue: (value) => typedIdItem(value),
  });
  if (!picked) {
    return undefined;
  }
  return picked.target ?? (picked.typedId !== undefined ? findTask(deps, picked.typedId) : undefined);
}

/**
 * The tasks of a tree multi-selection, when the command was invoked on one of them (VS Code
 * passes the clicked node and the selection; a right-click outside the selection acts on the
 * clicked node alone). Selected nodes that are not tasks are left out.
 */
export function selectedTaskTargets(arg: unknown, selection: unknown): TaskTarget[] {
  if (!(arg instanceof TaskNode) || !Array.isArray(selection)) {
    return [];
  }
  const nodes = selection.filter((node): node is TaskNode => node instanceof TaskNode);
  if (!nodes.some((node) => node.id === arg.id)) {
    return [];
  }
  return nodes.map((node) => ({ connection: node.connection, task: node.task }));
}

/** Checks the id's form before any call, then looks for it: loaded tasks first, then each connection. */
export async function findTask(deps: TaskTargetDeps, typed: string): Promise<TaskTarget> {
  const taskId = normalizeTaskId(typed);
  if (!isValidTaskId(taskId)) {
    throw new FsxError('validation', vscode.l10n.t('"{0}" is not a task ID: expected "task-" followed by 17 to 123 hexadecimal digits.', shortened(typed.trim())));
  }
  const loaded = deps.model.findTask(taskId);
  if (loaded) {
    return loaded;
  }
  const tracked = deps.tracking.tracker.list().find((candidate) => candidate.taskId === taskId);
  if (tracked?.task) {
    return { connection: tracked.connection, task: tracked.task };
  }
  let lastError: FsxError | undefined;
  for (const entry of deps.model.usableConnections()) {
    try {
      const [task] = await deps.apiFor(entry.connection).describeTasks([taskId]);
      if (task) {
        return { connection: entry.connection, task };
      }
    } catch (error) {
      lastError = classifyError(error, 'DescribeDataRepositoryTasks');
    }
  }
  throw lastError ?? new FsxError('notFound', vscode.l10n.t('No task {0} in the listed connections.', taskId));
}

function typedIdItem(typed: string): TaskPickItem | undefined {
  const value = normalizeTaskId(typed);
  if (!value.startsWith('task-')) {
    return undefined;
  }
  if (!isValidTaskId(value)) {
    return { label: `$(warning) ${shortened(typed.trim())}`, description: vscode.l10n.t('not a task ID: "task-" followed by 17 to 123 hex digits'), alwaysShow: true, typedId: value };
  }
  return { label: `$(search) ${value}`, description: vscode.l10n.t('look up this task ID'), alwaysShow: true, typedId: value };
}

/** The pending and executing tasks of every connection (one item per connection that failed). */
export async function activeTaskItems(deps: TaskTargetDeps): Promise<TaskPickItem[]> {
  const items = await taskItems(deps, (api) => listActiveTasks(api));
  return items.length > 0 ? items : [{ label: vscode.l10n.t('No pending or executing tasks. Type a task ID to look one up.'), alwaysShow: true }];
}

/** The active and the recently ended tasks of every connection (one item per connection that failed). */
async function recentTaskItems(deps: TaskTargetDeps): Promise<TaskPickItem[]> {
  const items = await taskItems(deps, async (api) => [...(await listActiveTasks(api)), ...(await listEndedTasks(api))]);
  return items.length > 0 ? items : [{ label: vscode.l10n.t('No recent tasks. Type a task ID to look one up.'), alwaysShow: true }];
}

/** The recently ended tasks of every connection that have a failure report (one item per connection that failed). */
async function failureReportItems(deps: TaskTargetDeps): Promise<TaskPickItem[]> {
  return taskItems(deps, async (api) => (await listEndedTasks(api)).filter(hasFailureReport));
}

/** Says there is no failure report to show; a task id can still be typed. */
async function noFailureReports(deps: TaskTargetDeps): Promise<TaskTarget | undefined> {
  const typeId = vscode.l10n.t('Enter Task ID...');
  const choice = await deps.prompts.message(
    'info',
    vscode.l10n.t('No recently ended task has a failure report. A report lists the failed files of a task that ended with failures and had its completion report on.'),
    typeId,
  );
  if (choice !== typeId) {
    return undefined;
  }
  const typed = await deps.prompts.input({
    title: vscode.l10n.t('Show Failed Files'),
    prompt: vscode.l10n.t('The ID of an ended task, for example task-0123456789abcdef0'),
    validateInput: (value) => (value.trim() === '' || isValidTaskId(normalizeTaskId(value)) ? undefined : vscode.l10n.t('"task-" followed by 17 to 123 hexadecimal digits')),
  });
  return typed?.trim() ? findTask(deps, typed) : undefined;
}

/** The tasks `list` gives for each listed connection, as pick items; a connection that fails is one warning item. */
async function taskItems(deps: TaskTargetDeps, list: (api: FsxApi) => Promise<Task[]>): Promise<TaskPickItem[]> {
  const entries = deps.model.usableConnections();
  const perConnection = await Promise.all(
    entries.map(async (entry): Promise<TaskPickItem[]> => {
      try {
        const tasks = await list(deps.apiFor(entry.connection));
        return tasks.map((task) => taskItem({ connection: entry.connection, task }, entry.label, deps.model.resourceName(entry.connection, task.resource)));
      } catch (error) {
        const classified = classifyError(error);
        return [{ label: `$(warning) ${entry.label}`, description: classified.userMessageIn(vscode.l10n), alwaysShow: true }];
      }
    }),
  );
  return perConnection.flat();
}

function taskItem(target: TaskTarget, connectionLabel: string, resourceName: string | undefined, now = Date.now()): TaskPickItem {
  const { task } = target;
  const look = taskText.lifecycleLook(task.lifecycle);
  return {
    label: `$(${look.icon}) ${taskText.typeLabel(task.type)} · ${task.taskId}`,
    description: [resourceName ?? task.resource.id, look.label, taskText.progress(task)].filter(Boolean).join(' · '),
    detail: `${connectionLabel} · ${vscode.l10n.t('created {0}', taskText.relativeTime(task.creationTime, now))}`,
    target,
  };
}
