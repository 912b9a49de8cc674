// "Export to S3...", "Import Metadata from S3..." and "Release Files...": on a file system or an
// association in the tree, from the palette (a file system pick), or with a handed-over
// { connection, resource, paths? } (another view's folder menu), which prefills the paths; the
// connection and resource of a handed-over one are looked up among ours, never used as given.
// The task types and their command ids are viewModel/startableTasks.ts; the guided flow
// viewModel/startTaskFlow.ts; the create call and its busy answer fsx/createTask.ts. "Duplicate
// Task..." runs the same flow on a task's file system, filled in from the task.
import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import type { AppServices } from './services';
import { linkedRepositories } from '../fsx/associations';
import { createTaskArgv } from '../fsx/cliCommand';
import { Association, Connection, CreateTaskInput, StorageResource, Task } from '../fsx/types';
import { FsxError } from '../fsx/errors';
import { busyMessage, createTask, createTaskErrorMessage, CreateOutcome } from '../fsx/createTask';
import { resourceLabel, resourceRefusal, StartableTaskType } from '../fsx/taskRequest';
import { handedAssociation, handedResource, isHandedOver } from '../viewModel/handedTarget';
import { STARTABLE_TASKS } from '../viewModel/startableTasks';
import { duplicateOf } from '../viewModel/duplicateTask';
import type { StartTaskFlowOptions } from '../viewModel/startTaskFlow';
import { systemClock } from '../tracking/clock';
import { copyCliCommand } from '../views/cliCopy';
import { AssociationNode } from '../views/explorer/associationNodes';
import { ResourceNode } from '../views/explorer/resourceNode';
import { showReleasePreview } from '../views/releasePreviewView';
import { startTaskAsk } from '../views/startTaskAsk';
import { followStartedTask as followStarted, StartedTaskDeps } from '../views/startedTask';
import { taskText } from '../views/taskText';
import { CommandDeps, FailureScope, registerScopedCommand, registerTaskCommand } from './boundary';
import { identifiedConnection } from './taskTarget';
import { pickFileSystem } from './fileSystemPick';

export type StartDeps = CommandDeps &
  Pick<AppServices, 'model' | 'apiFor' | 'scheduler' | 'queue' | 'mounts' | 'exportStates'> & { readonly tracking: Pick<AppServices['tracking'], 'tracker' | 'autoTracker'> };

/** What another command may hand over: where to start, and paths (relative to the file system root) to prefill. */
export interface StartTaskArgument {
  readonly connection: Connection;
  readonly resource: StorageResource;
  readonly paths?: readonly string[];
  /** Start from this association: paths are then relative to its file system path. */
  readonly association?: Association;
  /** The mount point of the Explorer selection: a release preview walks the paths under that mount of the file system. */
  readonly mountPoint?: string;
}

export function registerStartTaskCommands(deps: StartDeps): vscode.Disposable[] {
  const describeFailure = (error: FsxError) => createTaskErrorMessage(error, vscode.l10n);
  return [
    ...STARTABLE_TASKS.map(({ command, type }) => registerScopedCommand(command, deps, (scope, arg) => startTaskCommand(deps, type, arg, scope), { describeFailure })),
    // Duplicate Task...: the start flow on the task's file system, its answers taken from the task.
    registerTaskCommand(
      'fsxTasks.duplicateTask',
      deps,
      { title: vscode.l10n.t('Duplicate Task'), placeholder: vscode.l10n.t('Pick a task to start again, or type a task ID'), offer: 'recent', describeFailure },
      ({ connection, task }) => duplicateTask(deps, connection, task),
    ),
  ];
}

async function duplicateTask(deps: StartDeps, connection: Connection, task: Task): Promise<void> {
  const duplicate = duplicateOf(task, vscode.l10n);
  if (!duplicate.ok) {
    void deps.prompts.message('warning', duplicate.message);
    return;
  }
  const resource = (await deps.model.resources(connection)).find((candidate) => candidate.kind === 'fileSystem' && candidate.id === task.resource.id);
  if (!resource) {
    throw new FsxError('notFound', vscode.l10n.t('File system {0} of {1} is not listed in that connection any more.', plainText(task.resource.id), plainText(task.taskId)));
  }
  await startOn(deps, duplicate.value.type, { connection, resource }, { prefill: duplicate.value.prefill });
}

/**
 * A handed-over `{ connection, resource, paths?, association? }` identifies, it does not
 * configure: the connection must be one of ours, the resource and association are looked up as
 * that connection lists them; only the paths are taken as given (the guided flow checks them).
 */
async function handedStart(deps: StartDeps, arg: Record<string, unknown>, scope: FailureScope): Promise<StartTaskArgument> {
  const named = handedResource(arg.resource);
  if (!named) {
    throw new FsxError('validation', vscode.l10n.t('The command was given no valid file system or File Cache ID. Nothing was sent.'));
  }
  const connection = identifiedConnection(deps, arg.connection);
  scope.connection = connection;
  const resource = (await deps.model.resources(connection)).find((candidate) => candidate.kind === named.kind && candidate.id === named.id);
  if (!resource) {
    throw new FsxError('notFound', vscode.l10n.t('No file system or File Cache {0} in that connection.', named.id));
  }
  const paths = Array.isArray(arg.paths) ? arg.paths.filter((path): path is string => typeof path === 'string') : undefined;
  const association = arg.association === undefined ? undefined : await identifiedAssociation(deps, connection, resource, arg.association);
  // Only ever compared with the mount table's own mount points (releasePreviewOf).
  const mountPoint = typeof arg.mountPoint === 'string' ? arg.mountPoint : undefined;
  return { connection, resource, paths, association, mountPoint };
}

async function identifiedAssociation(deps: StartDeps, connection: Connection, resource: StorageResource, handed: unknown): Promise<Association> {
  const named = handedAssociation(handed);
  const found =
    named && 'ownLink' in named
      ? resource.dataRepositoryLink
      : named && (await deps.model.associations(connection, resource)).find((candidate) => candidate.associationId === named.associationId);
  if (!found) {
    throw new FsxError('notFound', vscode.l10n.t('That association is not one of {0}.', resource.id));
  }
  return found;
}

async function startTaskCommand(deps: StartDeps, type: StartableTaskType, arg: unknown, scope: FailureScope): Promise<void> {
  const start = await startingPoint(deps, type, arg, scope);
  if (!start) {
    return;
  }
  // From here on a failure (an expired SSO session, say) is this connection's.
  scope.connection = start.connection;
  await startOn(deps, type, start, { paths: start.paths?.filter((path): path is string => typeof path === 'string') });
}

/** The guided flow on a file system (or one of its associations), then the create call; the same for every way in. */
async function startOn(deps: StartDeps, type: StartableTaskType, start: StartTaskArgument, options: Pick<StartTaskFlowOptions, 'paths' | 'prefill'>): Promise<void> {
  const { connection, resource } = start;
  const refusal = resourceRefusal(resource, type, vscode.l10n);
  if (refusal) {
    void deps.prompts.message('warning', refusal);
    return;
  }
  const associations = await deps.model.associations(connection, resource);
  const target = { resource, association: start.association, repositories: linkedRepositories(resource, associations) };
  const copyCommand = async (input: CreateTaskInput) => {
    await copyCliCommand(deps.prompts, [{ label: vscode.l10n.t('Start the task with the AWS CLI'), argv: createTaskArgv(input, connection) }], vscode.l10n.t('Copy as AWS CLI Command'));
  };
  // The flow's steps and words load on first use (dist/onDemand.js, esbuild.js).
  const { runStartTaskFlow } = await import('../viewModel/startTaskFlow.js');
  const flow = await runStartTaskFlow(target, type, startTaskAsk(deps.prompts), vscode.l10n, { ...options, copyCommand, previewRelease: releasePreviewOf(deps, type, start) });
  if (flow.kind === 'refused') {
    void deps.prompts.message('warning', flow.reason);
    return;
  }
  if (flow.kind === 'cancelled') {
    return;
  }
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting {0} on {1}...', taskText.typeLabel(type), resourceLabel(resource)) },
    () => createTask(deps.apiFor(connection), flow.input),
  );
  if (outcome.kind === 'busy') {
    await offerRunningTask(deps, connection, outcome, { inputs: [flow.input], resource });
    return;
  }
  const task = outcome.task;
  followStartedTask(deps, connection, task);
  void deps.prompts.message('info', vscode.l10n.t('{0} {1} started on {2}. The status bar follows it.', taskText.typeLabel(type), plainText(task.taskId), resourceLabel(resource)));
}

/**
 * A release of a file system mounted on this machine previews what it would free
 * (views/releasePreviewView.ts), under the mount the Explorer selection lies in when it came from
 * there; none elsewhere.
 */
function releasePreviewOf(deps: StartDeps, type: StartableTaskType, start: StartTaskArgument): StartTaskFlowOptions['previewRelease'] {
  const mounts = type === 'RELEASE_DATA_FROM_FILESYSTEM' ? deps.mounts.mountsOf(start.connection, start.resource) : [];
  if (mounts.length === 0) {
    return undefined;
  }
  const memo = {};
  return (request) => showReleasePreview({ prompts: deps.prompts, log: deps.log, states: deps.exportStates.backend(), clock: systemClock }, { mounts, selected: start.mountPoint }, request, memo);
}

/** A task just started (here, from the chat or by a retry): views/startedTask.ts follows it. */
export function followStartedTask(deps: Pick<StartDeps, 'model' | 'tracking' | 'scheduler'>, connection: Connection, task: Task): void {
  followStarted(startedTaskDeps(deps), connection, task);
}

/** What followStartedTask needs, from the commands' services. */
export function startedTaskDeps(deps: Pick<StartDeps, 'model' | 'scheduler' | 'tracking'>): StartedTaskDeps {
  return { model: deps.model, scheduler: deps.scheduler, tracker: deps.tracking.tracker, autoTracker: deps.tracking.autoTracker };
}

/**
 * FSx runs one task at a time: name the one in the way and offer to queue these starts behind it
 * (views/startQueueController.ts; several go one after another), track it or cancel it.
 */
export async function offerRunningTask(
  deps: Pick<StartDeps, 'prompts' | 'queue'>,
  connection: Connection,
  outcome: Extract<CreateOutcome, { kind: 'busy' }>,
  start: { readonly inputs: readonly CreateTaskInput[]; readonly resource: StorageResource | string },
): Promise<void> {
  const running = outcome.running;
  const queueIt = vscode.l10n.t('Queue');
  const trackIt = vscode.l10n.t('Track It');
  const cancelIt = vscode.l10n.t('Cancel It');
  const choice = await deps.prompts.message('warning', busyMessage(outcome, vscode.l10n, true), ...(running ? [queueIt, trackIt, cancelIt] : []));
  if (running && choice === queueIt) {
    const label = typeof start.resource === 'string' ? plainText(start.resource) : resourceLabel(start.resource);
    deps.queue.add(connection, start.inputs, running, label);
  } else if (running && (choice === trackIt || choice === cancelIt)) {
    await vscode.commands.executeCommand(choice === trackIt ? 'fsxTasks.trackTask' : 'fsxTasks.cancelTask', { connection, task: running });
  }
}

/** The tree node, the handed-over argument, or the person's pick among the file systems of every connection. */
async function startingPoint(deps: StartDeps, type: StartableTaskType, arg: unknown, scope: FailureScope): Promise<StartTaskArgument | undefined> {
  if (arg instanceof AssociationNode) {
    return { connection: arg.connection, resource: arg.resource, association: arg.association };
  }
  if (arg instanceof ResourceNode) {
    return { connection: arg.connection, resource: arg.resource };
  }
  if (isHandedOver(arg, ['connection', 'resource'])) {
    return handedStart(deps, arg, scope);
  }
  return pickFileSystem(deps, type, scope, {
    title: taskText.typeLabel(type),
    placeholder: vscode.l10n.t('Pick an FSx for Lustre file system (File Caches start their own release tasks)'),
  });
}
