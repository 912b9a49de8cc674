import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import { Connection, CreateTaskInput, Task } from '../fsx/types';
import type { AutoTracker } from '../tracking/autoTracker';
import { systemClock } from '../tracking/clock';
import type { PollScheduler } from '../tracking/pollScheduler';
import { QUEUED_STARTS_KEY } from './stateKeys';
import { QueueAttempt, QueuedStart, QueueSendOutcome, StartQueue } from '../tracking/startQueue';
import type { TaskTracker } from '../tracking/taskTracker';
import type { ExplorerModel } from '../viewModel/explorerModel';
import { queuedMessage } from '../viewModel/queuedStartText';
import type { Prompts } from './prompts';
import type { Settings } from './settings';
import { taskText } from './taskText';
import { followStartedTask } from './startedTask';
import { reloadReconnect } from './trackingController';


export interface StartQueueControllerOptions {
  /** Where the queue is kept across window reloads (the workspace's state). */
  readonly workspaceState: vscode.Memento;
  /** Whose end events send a queued start; it follows the tasks queued starts wait for, and the ones they start. */
  readonly tracker: Pick<TaskTracker, 'onDidEnd' | 'onDidVanish' | 'track'>;
  /** A started task goes into the tree and the status bar at once (followStartedTask). */
  readonly model: Pick<ExplorerModel, 'addTask'>;
  readonly scheduler: Pick<PollScheduler, 'nudge'>;
  readonly autoTracker: Pick<AutoTracker, 'scanNow'>;
  readonly settings: Pick<Settings, 'endpoint'>;
  readonly log: vscode.LogOutputChannel;
  readonly prompts: Prompts;
  /** Sends a queued start (fsx/createTask.ts's sendQueuedStart). */
  send(connection: Connection, input: CreateTaskInput): Promise<QueueSendOutcome>;
}

/**
 * The starts queued behind a running task (tracking/startQueue.ts), kept in the workspace's
 * state: it follows the task each waits for, and says what happened when one is sent.
 */
export class StartQueueController implements vscode.Disposable {
  readonly queue: StartQueue;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly options: StartQueueControllerOptions) {
    const { workspaceState, log } = options;
    this.queue = new StartQueue({
      clock: systemClock,
      store: { get: () => workspaceState.get(QUEUED_STARTS_KEY), set: (items) => workspaceState.update(QUEUED_STARTS_KEY, items) },
      tracker: options.tracker,
      create: (connection, input) => options.send(connection, input),
      onAttempt: (attempt) => this.followUp(attempt, false),
      onPersistError: (error) => log.warn(`Could not save the queued starts: ${String(error)}`),
    });
    this.disposables = [this.queue];
  }

  /**
   * Queues `inputs` behind `running` (tracked, so its end is seen), to go one after another, and
   * says so once. `resourceLabel` is plain text.
   */
  add(connection: Connection, inputs: readonly CreateTaskInput[], running: Pick<Task, 'taskId'> | Task, resourceLabel: string, announce = true): QueuedStart[] {
    const items = inputs.map((input) => this.queue.add(connection, input, running.taskId));
    this.options.tracker.track(connection, 'lifecycle' in running ? running : running.taskId, 'user');
    this.options.log.info(`Queued ${items.length} start(s) on ${inputs[0]?.fileSystemId ?? '?'} behind ${running.taskId}`);
    if (announce && items[0]) {
      void this.options.prompts.message('info', queuedMessage(items[0], resourceLabel, items.length, vscode.l10n));
    }
    return items;
  }

  /** Start Now: sends it whatever it waits for; FSx may still refuse it. */
  async startNow(id: string): Promise<QueueAttempt | undefined> {
    const attempt = await this.queue.startNow(id);
    if (attempt) {
      this.followUp(attempt, true);
    }
    return attempt;
  }

  /** Brings back the queue of the last window and follows the tasks it waits for. */
  async start(sandbox: Connection | undefined): Promise<void> {
    const { restored, dropped } = this.queue.restore(await reloadReconnect(this.options.settings, sandbox));
    if (dropped > 0) {
      this.options.log.warn(`Dropped ${dropped} saved queued start(s) that could not be read or whose connection is not one of yours now; never sent.`);
    }
    for (const item of restored) {
      if (item.behind && !item.refusal) {
        // Its end may have come while the window was closed: the first poll says so, and an end
        // the tracker sees for the first time is announced as one.
        this.options.tracker.track(item.connection, item.behind, 'user');
      }
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.reverse()).dispose();
  }

  private followUp(attempt: QueueAttempt, asked: boolean): void {
    const { item } = attempt;
    const type = taskText.typeLabel(item.input.type);
    switch (attempt.kind) {
      case 'started': {
        const { task } = attempt;
        this.options.log.info(`Queued ${item.input.type} on ${item.input.fileSystemId} started: ${task.taskId}`);
        followStartedTask(this.options, item.connection, task);
        void this.options.prompts.message('info', vscode.l10n.t('The queued {0} on {1} started: {2}. The status bar follows it.', type, plainText(item.input.fileSystemId), plainText(task.taskId)));
        return;
      }
      case 'waiting':
        if (attempt.running) {
          this.options.tracker.track(item.connection, attempt.running, 'user');
        }
        if (asked && !attempt.running) {
          void this.options.prompts.message('info', vscode.l10n.t('The queued {0} on {1} is being started.', type, plainText(item.input.fileSystemId)));
        } else if (asked) {
          void this.options.prompts.message('info', vscode.l10n.t('{0} still runs on {1}; the {2} stays queued and starts when it ends.', plainText(item.behind ?? ''), plainText(item.input.fileSystemId), type));
        }
        return;
      case 'refused':
        this.options.log.warn(`Queued ${item.input.type} on ${item.input.fileSystemId} refused: ${attempt.message}`);
        void this.options.prompts.message('warning', vscode.l10n.t('The queued {0} on {1} was not started: {2}', type, plainText(item.input.fileSystemId), attempt.message));
        return;
    }
  }
}
