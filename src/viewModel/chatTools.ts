// The chat's FSx tools (agent mode), as vscode-free logic: what each tool reads or does, the
// confirmation an acting tool shows first, and the short text the model reads back. The vscode
// side (src/chat/) only registers them and converts. docs/ARCHITECTURE.md, "Chat tools".
//
// - Results: a sentence, then at most CHAT_ROWS_MAX rows as one JSON object each (outside text
//   one line, bounded, quoted: fsx/outsideText.ts modelText), then what was left out. Ids in the
//   rows are what the other tools take.
// - Errors come back as text with the next step (fsx/errors.ts), never as a thrown stack.
// - Acting tools (start, cancel) confirm first. A person may "always allow" a tool, so invoke
//   checks again: a cancel re-reads the task (an ended one is not "canceled"), and a start is
//   sent only if it is exactly the request the last confirmation described for that input.
import { linkedRepositories } from '../fsx/associations';
import { busyMessage, createTask, createTaskErrorMessage } from '../fsx/createTask';
import { classifyError, FsxError } from '../fsx/errors';
import { L10n } from '../fsx/l10n';
import { modelText, oneLine } from '../fsx/outsideText';
import {
  buildCreateTaskInput,
  Checked,
  checkReportPath,
  defaultReportPath,
  newClientRequestToken,
  parseDays,
  reportRoots,
  resolveTaskPaths,
  resourceLabel,
  StartTarget,
  targetRefusal,
  TaskChoices,
} from '../fsx/taskRequest';
import { Association, Connection, connectionKey, CreateTaskInput, FsxApi, isCancellable, isTerminal, ResourceRef, StorageResource, Task } from '../fsx/types';
import type { ReportOutcome } from '../outcomes/reportReader';
import { unavailableText } from '../outcomes/reportReader';
import { reportFileUri } from '../outcomes/reportLocation';
import { explainCounts, failedCountText } from '../outcomes/catalog';
import { throughputText, ThroughputEstimate } from '../outcomes/throughput';
import { createAssociationText } from './associationText';
import { cancelDetailLines, cancelEffect } from './cancelWords';
import { checkResourceInput, checkStartInput, checkTaskIdInput, checkTaskListInput, StartInput } from './chatToolInput';
import { createTaskText, hasFailureReport } from './presentation';
import { startableTask } from './startableTasks';
import { describeTaskRequest } from './startTaskWords';
import { apiLifecycles, matchesFilter } from './taskFilter';

/** Rows a result lists at most; it says how many more there were. */
export const CHAT_ROWS_MAX = 50;
/** Paths shown per task row (and in a description); the count says how many there are. */
const ROW_PATHS_MAX = 5;
const DESCRIBE_PATHS_MAX = 20;
/** One outside string in a result: a path, a name, a message. */
const VALUE_MAX = 300;

/** Every tool: `name` in package.json `contributes.languageModelTools`. */
export const CHAT_TOOL_NAMES = [
  'fsxTasks_listFileSystems',
  'fsxTasks_listTasks',
  'fsxTasks_describeTask',
  'fsxTasks_explainFailedFiles',
  'fsxTasks_listAssociations',
  'fsxTasks_startTask',
  'fsxTasks_cancelTask',
  'fsxTasks_trackTask',
] as const;
export type ChatToolName = (typeof CHAT_TOOL_NAMES)[number];

/** What a connection of the Explorer is to the tools. */
export interface ChatConnection {
  readonly connection: Connection;
  readonly label: string;
  /** A problem known before any call (no region, a refused endpoint): listed, not asked. */
  readonly problem?: FsxError;
}

/** What the tools read and do, handed over by the vscode side (src/chat/chatTools.ts). */
export interface ChatToolDeps {
  readonly l10n: L10n;
  now(): number;
  /** The Explorer's connections, usable or not. */
  connections(): readonly ChatConnection[];
  resources(connection: Connection): Promise<readonly StorageResource[]>;
  associations(connection: Connection, resource: StorageResource): Promise<readonly Association[]>;
  api(connection: Connection): FsxApi;
  /** A task by a checked id, as the task commands find it (loaded, tracked, then each connection). */
  findTask(taskId: string): Promise<{ readonly connection: Connection; readonly task: Task }>;
  /** The task's throughput and time left (it is a sample too). */
  estimate(task: Task): ThroughputEstimate | undefined;
  readReport(connection: Connection, task: Task, signal?: AbortSignal): Promise<ReportOutcome>;
  /** The cancel command's one path: the request, then the canceling task shown and tracked. */
  cancel(connection: Connection, task: Task): Promise<{ readonly result: 'canceled' } | { readonly result: 'ended'; readonly final?: Task }>;
  /** What the start command does with a task it started: listed, tracked, polled. */
  started(connection: Connection, task: Task): void;
  track(connection: Connection, task: Task): void;
  isTracked(taskId: string): boolean;
}

export interface ChatConfirmation {
  readonly title: string;
  /** One line each. */
  readonly lines: readonly string[];
}

export interface PreparedChatTool {
  readonly invocationMessage: string;
  /** Present for a tool that changes something: the person confirms first. */
  readonly confirmation?: ChatConfirmation;
}

export interface ChatTool {
  /** Free of side effects (reads only); never throws. */
  prepare(input: unknown, signal?: AbortSignal): Promise<PreparedChatTool>;
  /** Never throws: a failure is a result that says what to do next. */
  invoke(input: unknown, signal?: AbortSignal): Promise<string>;
}

/** A start prepared: where, what will be sent, and the lines that say so. */
interface PreparedStart {
  readonly connection: Connection;
  readonly connectionLabel: string;
  readonly target: StartTarget;
  readonly choices: TaskChoices;
  readonly confirmation: ChatConfirmation;
}

/** The last confirmed starts, by input: what invoke may send for that input (bounded). */
const CONFIRMED_MAX = 20;

export function createChatTools(deps: ChatToolDeps): ReadonlyMap<ChatToolName, ChatTool> {
  const { l10n } = deps;
  const text = createTaskText(l10n);
  const confirmedStarts = new Map<string, string>();

  const errorText = (error: unknown, operation?: string): string => {
    const classified = classifyError(error, operation);
    if (classified.code && operation === 'CreateDataRepositoryTask') {
      return createTaskErrorMessage(classified, l10n);
    }
    // A lookup of ours that found nothing says what was looked for and where to look instead.
    return classified.kind === 'notFound' && !classified.code && !classified.requestId ? oneLine(classified.detail, 1000) : classified.userMessageIn(l10n);
  };
  const reader = (read: (input: unknown, signal?: AbortSignal) => Promise<string>, invocationMessage: () => string): ChatTool => ({
    prepare: async () => ({ invocationMessage: invocationMessage() }),
    invoke: (input, signal) => read(input, signal).catch((error: unknown) => errorText(error)),
  });
  const checked = <T>(result: Checked<T>): T => {
    if (!result.ok) {
      throw new FsxError('validation', result.message);
    }
    return result.value;
  };

  const usable = () => deps.connections().filter((entry) => !entry.problem);
  // By key: a tracked task's connection is an equal object, not the listed one.
  const labelOf = (connection: Connection) => deps.connections().find((entry) => connectionKey(entry.connection) === connectionKey(connection))?.label ?? connection.region;

  /** The file system or cache with this id, in the first connection that lists it. */
  const findResource = async (ref: ResourceRef): Promise<{ connection: Connection; resource: StorageResource }> => {
    let failure: unknown;
    for (const entry of usable()) {
      try {
        const resource = (await deps.resources(entry.connection)).find((candidate) => candidate.kind === ref.kind && candidate.id === ref.id);
        if (resource) {
          return { connection: entry.connection, resource };
        }
      } catch (error) {
        failure = error;
      }
    }
    throw failure ?? new FsxError('notFound', l10n.t('No file system or File Cache {0} in the listed connections. List them with the file systems tool.', ref.id));
  };

  const resourceRow = (resource: StorageResource) => ({
    id: resource.id,
    name: resource.name === undefined ? undefined : oneLine(resource.name, VALUE_MAX),
    kind: resource.kind,
    storageType: oneLine(resource.storageType, 40),
    lifecycle: oneLine(resource.lifecycle, 40),
    deploymentType: resource.deploymentType && oneLine(resource.deploymentType, 40),
    lustreVersion: resource.fileSystemTypeVersion && oneLine(resource.fileSystemTypeVersion, 20),
    hasTasks: resource.supportsTasks,
  });

  const taskRow = (connection: Connection, task: Task, paths = ROW_PATHS_MAX) => ({
    taskId: oneLine(task.taskId, 130),
    type: oneLine(task.type, 40),
    lifecycle: oneLine(task.lifecycle, 40),
    [task.resource.kind === 'fileCache' ? 'fileCacheId' : 'fileSystemId']: oneLine(task.resource.id, 40),
    connection: oneLine(labelOf(connection), VALUE_MAX),
    created: task.creationTime.toISOString(),
    ended: task.endTime?.toISOString(),
    progress: text.progress(task),
    paths: task.paths.slice(0, paths).map((path) => oneLine(path, VALUE_MAX)),
    pathCount: task.paths.length,
    report: task.report?.enabled ? (task.report.path ? oneLine(task.report.path, VALUE_MAX) : true) : false,
    failure: task.failureMessage && oneLine(task.failureMessage, VALUE_MAX),
    tracked: deps.isTracked(task.taskId) || undefined,
  });

  /** Rows as JSON lines, at most CHAT_ROWS_MAX, and a line for what was left out. */
  const rows = (items: readonly object[], more: number | 'unknown' = 0): string[] => {
    const shown = items.slice(0, CHAT_ROWS_MAX).map((item) => JSON.stringify(item));
    const leftOut = items.length - shown.length + (more === 'unknown' ? 0 : more);
    if (leftOut > 0) {
      shown.push(l10n.t('Truncated: {0} more not shown. Narrow the request (filters, a file system) to see them.', leftOut));
    } else if (more === 'unknown') {
      shown.push(l10n.t('Truncated: FSx has more tasks than were read. Narrow the request (lifecycle, a file system) to see older ones.'));
    }
    return shown;
  };

  // ---- read-only ----

  const listFileSystems = async (): Promise<string> => {
    const entries = deps.connections();
    if (entries.length === 0) {
      return l10n.t('No connection is set up. Ask the person to add one (FSx: Add Connection) or to try the local sandbox (FSx: Explore with Local Sandbox).');
    }
    const lines: string[] = [];
    let count = 0;
    for (const entry of entries) {
      lines.push(l10n.t('Connection {0} (region {1}):', modelText(entry.label, VALUE_MAX), modelText(entry.connection.region, 40)));
      if (entry.problem) {
        lines.push(l10n.t('  Not usable: {0}', entry.problem.userMessageIn(l10n)));
        continue;
      }
      try {
        const resources = await deps.resources(entry.connection);
        const shown = resources.slice(0, Math.max(0, CHAT_ROWS_MAX - count));
        count += shown.length;
        lines.push(...(resources.length === 0 ? [l10n.t('  No FSx for Lustre file system or File Cache.')] : []), ...shown.map((resource) => `  ${JSON.stringify(resourceRow(resource))}`));
        if (shown.length < resources.length) {
          lines.push(l10n.t('Truncated: {0} more not shown. Narrow the request (filters, a file system) to see them.', resources.length - shown.length));
        }
      } catch (error) {
        lines.push(l10n.t('  Could not list: {0}', errorText(error, 'DescribeFileSystems')));
      }
    }
    return [l10n.t('File systems and File Caches by connection; a row with hasTasks false has no data repository tasks.'), ...lines].join('\n');
  };

  const listTasks = async (input: unknown, signal?: AbortSignal): Promise<string> => {
    const filter = checked(checkTaskListInput(input, l10n));
    const taskFilter = { lifecycles: filter.lifecycles, types: filter.types, text: filter.text };
    const lifecycles = apiLifecycles(taskFilter);
    const places = filter.resource
      ? [await findResource(filter.resource).then(({ connection, resource }) => ({ connection, resource: resource as ResourceRef | undefined }))]
      : usable().map((entry) => ({ connection: entry.connection, resource: undefined as ResourceRef | undefined }));
    const found: object[] = [];
    const failures: string[] = [];
    let more = false;
    for (const { connection, resource } of places) {
      try {
        // One page of the newest 50 per place: enough for a chat answer, and it says when there is more.
        const page = await deps.api(connection).listTasks(resource, { pageSize: CHAT_ROWS_MAX, ...(lifecycles ? { lifecycles } : {}) }, signal);
        const names = await deps.resources(connection).catch(() => [] as readonly StorageResource[]);
        for (const task of page.tasks) {
          const naming = names.find((candidate) => candidate.kind === task.resource.kind && candidate.id === task.resource.id);
          if (matchesFilter(taskFilter, task, naming)) {
            found.push(taskRow(connection, task));
          }
        }
        more ||= page.nextToken !== undefined;
      } catch (error) {
        failures.push(l10n.t('Connection {0} could not be listed: {1}', modelText(labelOf(connection), VALUE_MAX), errorText(error, 'DescribeDataRepositoryTasks')));
      }
    }
    const head = found.length === 0 ? l10n.t('No task matches.') : l10n.t('{0} tasks match, newest first. Describe one with the task details tool.', Math.min(found.length, CHAT_ROWS_MAX));
    return [head, ...rows(found, more ? 'unknown' : 0), ...failures].join('\n');
  };

  const describeTask = async (input: unknown): Promise<string> => {
    const taskId = checked(checkTaskIdInput(input, l10n));
    const { connection, task } = await deps.findTask(taskId);
    // What FSx says now, not a row loaded a while ago.
    const [current = task] = await deps.api(connection).describeTasks([task.taskId]);
    const estimate = current.lifecycle === 'EXECUTING' ? deps.estimate(current) : undefined;
    const status = current.status;
    const reportFile = reportFileUri(current);
    const row = {
      ...taskRow(connection, current, DESCRIBE_PATHS_MAX),
      started: current.startTime?.toISOString(),
      statusUpdated: status?.lastUpdatedTime?.toISOString(),
      totalCount: status?.totalCount,
      succeededCount: status?.succeededCount,
      failedCount: status?.failedCount,
      releasedCapacityBytes: status?.releasedCapacity,
      releaseDaysSinceLastAccess: current.daysSinceLastAccess,
      runningFor: current.startTime && !current.endTime ? text.duration(deps.now() - current.startTime.getTime()) : undefined,
      duration: current.startTime && current.endTime ? text.duration(current.endTime.getTime() - current.startTime.getTime()) : undefined,
      throughput: estimate && throughputText(estimate, l10n, text.duration),
      reportFile: reportFile && oneLine(reportFile, VALUE_MAX),
    };
    const next = [
      ...(isCancellable(current.lifecycle) ? [l10n.t('It can be canceled (cancel tool) or followed in the status bar (track tool).')] : []),
      ...(hasFailureReport(current) ? [l10n.t('Its completion report lists failed files: the failed files tool explains them by cause.')] : []),
    ];
    return [l10n.t('Task {0}, as FSx reports it now:', current.taskId), JSON.stringify(row), ...next].join('\n');
  };

  const explainFailedFiles = async (input: unknown, signal?: AbortSignal): Promise<string> => {
    const taskId = checked(checkTaskIdInput(input, l10n));
    const { connection, task } = await deps.findTask(taskId);
    const [current = task] = await deps.api(connection).describeTasks([task.taskId]);
    const outcome = await deps.readReport(connection, current, signal);
    if (outcome.kind === 'unavailable') {
      const { message, nextStep } = unavailableText(outcome, l10n);
      return `${message} ${nextStep}`;
    }
    const causes = explainCounts(outcome.summary, l10n, current.type).map((cause) => ({ errorCode: oneLine(cause.code, 80), count: cause.count, meaning: cause.meaning, whatToDo: cause.action }));
    const examples = outcome.summary.rows.slice(0, 10).map((row) => ({ path: oneLine(row.filePath, VALUE_MAX), errorCode: oneLine(row.errorCode, 80) }));
    return [
      l10n.t('Failed files of {0} by cause, from its completion report {1}. {2}', current.taskId, modelText(outcome.location.uri, VALUE_MAX), failedCountText(outcome.failedCount, l10n)),
      ...rows(causes),
      l10n.t('First failed files:'),
      ...examples.map((example) => JSON.stringify(example)),
    ].join('\n');
  };

  const listAssociations = async (input: unknown): Promise<string> => {
    const ref = checked(checkResourceInput(input, l10n));
    const { connection, resource } = await findResource(ref);
    const links = linkedRepositories(resource, await deps.associations(connection, resource));
    const associationText = createAssociationText(l10n);
    const items = links.map((link) => ({
      associationId: link.associationId,
      source: link.source,
      fileSystemPath: oneLine(link.fileSystemPath, VALUE_MAX),
      dataRepositoryPath: oneLine(link.dataRepositoryPath, VALUE_MAX),
      exportPath: link.exportPath && oneLine(link.exportPath, VALUE_MAX),
      lifecycle: oneLine(link.lifecycle, 40),
      autoImport: link.autoImportEvents?.map((event) => oneLine(event, 20)),
      autoExport: link.autoExportEvents?.map((event) => oneLine(event, 20)),
      problem: associationText.problem(link)?.message && oneLine(associationText.problem(link)?.message, VALUE_MAX),
      nextStep: associationText.problem(link)?.nextStep,
    }));
    const head =
      items.length === 0
        ? l10n.t('{0} has no data repository association: no task can run on it until one is created.', resourceLabel(resource))
        : l10n.t('Data repository links of {0} (paths of a task are relative to the file system root):', resourceLabel(resource));
    return [head, ...rows(items)].join('\n');
  };

  // ---- acting ----

  /** Builds the request as the start flow would from these answers; throws a validation error with the flow's own message. */
  const prepareStartOf = async (start: StartInput): Promise<PreparedStart> => {
    const { connection, resource } = await findResource(start.resource);
    const associations = await deps.associations(connection, resource);
    const association = start.associationId === undefined ? undefined : associations.find((candidate) => candidate.associationId === start.associationId);
    if (start.associationId !== undefined && !association) {
      throw new FsxError('notFound', l10n.t('That association is not one of {0}.', resource.id));
    }
    const target: StartTarget = { resource, association, repositories: linkedRepositories(resource, associations) };
    const refusal = targetRefusal(target, start.type, l10n);
    if (refusal) {
      throw new FsxError('validation', refusal);
    }
    const resolved = checked(resolveTaskPaths(target, start.type, start.paths, l10n));
    const days = start.type === 'RELEASE_DATA_FROM_FILESYSTEM' ? checked(parseDays(start.days ?? '0', l10n)) : undefined;
    const report = start.report?.trim() || (startableTask(start.type).reportOnByDefault ? 'default' : 'none');
    let reportPath: string | undefined;
    if (report === 'default') {
      reportPath = reportRoots(target).length > 0 ? defaultReportPath(target, resolved.repositories) : undefined;
    } else if (report !== 'none') {
      reportPath = checked(checkReportPath(target, report, l10n));
    }
    const choices: TaskChoices = { type: start.type, paths: resolved.paths, daysSinceLastAccess: days, reportPath };
    const [question, ...lines] = describeTaskRequest(target, choices, resolved, l10n);
    const connectionLabel = labelOf(connection);
    return {
      connection,
      connectionLabel,
      target,
      choices,
      confirmation: { title: question, lines: [...lines, l10n.t('Connection: {0}', oneLine(connectionLabel, VALUE_MAX)), l10n.t('FSx runs one task at a time per file system; the new task is tracked in the status bar.')] },
    };
  };
  /** What is sent (token aside) and what the person read about it: equal keys, equal requests said the same way. */
  const requestKey = (prepared: PreparedStart) => JSON.stringify([prepared.connectionLabel, buildCreateTaskInput(prepared.target, prepared.choices, ''), prepared.confirmation]);

  const startTool: ChatTool = {
    async prepare(input) {
      const start = checkStartInput(input, l10n);
      const invocationMessage = l10n.t('Checking the task request');
      if (!start.ok) {
        return { invocationMessage };
      }
      try {
        const prepared = await prepareStartOf(start.value);
        confirmedStarts.delete(JSON.stringify(input));
        confirmedStarts.set(JSON.stringify(input), requestKey(prepared));
        while (confirmedStarts.size > CONFIRMED_MAX) {
          confirmedStarts.delete(confirmedStarts.keys().next().value as string);
        }
        return { invocationMessage: l10n.t('Starting {0} on {1}', text.typeLabel(start.value.type), resourceLabel(prepared.target.resource)), confirmation: prepared.confirmation };
      } catch {
        // Nothing can be sent: invoke says why, and confirms nothing.
        return { invocationMessage };
      }
    },
    async invoke(input) {
      let prepared: PreparedStart;
      try {
        prepared = await prepareStartOf(checked(checkStartInput(input, l10n)));
      } catch (error) {
        return l10n.t('Nothing was sent: {0}', errorText(error));
      }
      if (confirmedStarts.get(JSON.stringify(input)) !== requestKey(prepared)) {
        // The file system's links changed between the confirmation and now (or none was shown).
        return l10n.t('Nothing was sent: the request differs from the one confirmed (the file system or its associations changed). Call the tool again to confirm the request as it is now.');
      }
      confirmedStarts.delete(JSON.stringify(input));
      const request: CreateTaskInput = buildCreateTaskInput(prepared.target, prepared.choices, newClientRequestToken());
      try {
        const outcome = await createTask(deps.api(prepared.connection), request);
        if (outcome.kind === 'busy') {
          return [busyMessage(outcome, l10n), l10n.t('Nothing was started.'), ...(outcome.running ? [JSON.stringify(taskRow(prepared.connection, outcome.running))] : [])].join('\n');
        }
        deps.started(prepared.connection, outcome.task);
        return [l10n.t('Started {0}; the status bar follows it. Describe it with the task details tool.', outcome.task.taskId), JSON.stringify(taskRow(prepared.connection, outcome.task))].join('\n');
      } catch (error) {
        return l10n.t('Nothing was started: {0}', errorText(error, 'CreateDataRepositoryTask'));
      }
    },
  };

  const describeWhere = (task: Task, resources: readonly StorageResource[]) => {
    const resource = resources.find((candidate) => candidate.kind === task.resource.kind && candidate.id === task.resource.id);
    return resource ? resourceLabel(resource) : oneLine(task.resource.id, 40);
  };

  const cancelTool: ChatTool = {
    async prepare(input) {
      const taskId = checkTaskIdInput(input, l10n);
      if (!taskId.ok) {
        return { invocationMessage: l10n.t('Checking the task ID') };
      }
      const title = l10n.t('Cancel task {0}?', taskId.value);
      try {
        const { connection, task } = await deps.findTask(taskId.value);
        const [current = task] = await deps.api(connection).describeTasks([task.taskId]);
        if (!isCancellable(current.lifecycle)) {
          // Nothing will be sent: invoke reads the task again and says so.
          return { invocationMessage: l10n.t('Checking task {0}', taskId.value) };
        }
        const where = describeWhere(current, await deps.resources(connection).catch(() => []));
        return {
          invocationMessage: l10n.t('Canceling task {0}', taskId.value),
          confirmation: { title, lines: [...cancelDetailLines(current, where, l10n).filter((line) => line !== ''), l10n.t('Connection: {0}', oneLine(labelOf(connection), VALUE_MAX))] },
        };
      } catch (error) {
        // The state could not be read now: still confirm, since invoke may reach FSx.
        return { invocationMessage: l10n.t('Canceling task {0}', taskId.value), confirmation: { title, lines: [l10n.t('Its state could not be read now: {0}', errorText(error)), cancelEffect(l10n)] } };
      }
    },
    async invoke(input) {
      try {
        const taskId = checked(checkTaskIdInput(input, l10n));
        const { connection, task } = await deps.findTask(taskId);
        // The confirmation may be old (or "always allow" skipped it): act on what FSx says now.
        const [current] = await deps.api(connection).describeTasks([task.taskId]);
        if (!current) {
          return l10n.t('Task {0} no longer exists. Nothing was sent.', taskId);
        }
        if (!isCancellable(current.lifecycle)) {
          return l10n.t('Task {0} cannot be canceled: it is {1}. Only PENDING and EXECUTING tasks can be. Nothing was sent.', taskId, current.lifecycle);
        }
        const outcome = await deps.cancel(connection, current);
        if (outcome.result === 'ended') {
          return l10n.t('Task {0} had already ended ({1}) before the cancel reached FSx. Nothing was changed.', taskId, outcome.final?.lifecycle ?? l10n.t('ended'));
        }
        return l10n.t('Cancel requested: task {0} is CANCELING and the status bar follows it to its end. Files already processed stay as they are.', taskId);
      } catch (error) {
        return errorText(error, 'CancelDataRepositoryTask');
      }
    },
  };

  const trackTool = reader(
    async (input) => {
      const taskId = checked(checkTaskIdInput(input, l10n));
      const { connection, task } = await deps.findTask(taskId);
      if (isTerminal(task.lifecycle)) {
        return l10n.t('Task {0} has ended ({1}); there is nothing to follow. Describe it with the task details tool.', taskId, task.lifecycle);
      }
      deps.track(connection, task);
      return l10n.t('The status bar follows task {0} until it ends, with a notification then.', taskId);
    },
    () => l10n.t('Tracking the task'),
  );

  return new Map<ChatToolName, ChatTool>([
    ['fsxTasks_listFileSystems', reader(listFileSystems, () => l10n.t('Listing FSx file systems'))],
    ['fsxTasks_listTasks', reader(listTasks, () => l10n.t('Listing data repository tasks'))],
    ['fsxTasks_describeTask', reader(describeTask, () => l10n.t('Reading the task'))],
    ['fsxTasks_explainFailedFiles', reader(explainFailedFiles, () => l10n.t('Reading the completion report'))],
    ['fsxTasks_listAssociations', reader(listAssociations, () => l10n.t('Listing data repository associations'))],
    ['fsxTasks_startTask', startTool],
    ['fsxTasks_cancelTask', cancelTool],
    ['fsxTasks_trackTask', trackTool],
  ]);
}
