// Starts that wait for a running task: FSx runs one data repository task at a time per file
// system and refuses a second (DataRepositoryTaskExecuting). A queued start is kept per
// workspace (outside data on reload: read field by field) and sent when the tracker sees the task
// in its way end. It lives in this window only: with the window closed, nothing is sent. A start
// FSx refuses for another reason keeps FSx's reason and is not sent again by itself.
import { randomUUID } from 'node:crypto';
import { Connection, connectionKey, CreateTaskInput, FILE_SYSTEM_ID_PATTERN, isValidTaskId, MAX_TASK_PATHS, REPORT_FORMAT, REPORT_SCOPE, Task, TaskType } from '../fsx/types';
import { Clock } from './clock';
import { Disposable, DisposableStore, Emitter, Event, ListenerErrorHandler } from './events';
import { copyConnection, parseConnection, Reconnect } from './trackedRecords';

export interface QueuedStart {
  /** Ours, stable across reloads: the tree row's id. */
  readonly id: string;
  readonly connection: Connection;
  /** What is sent, token included: one queued start makes at most one task. */
  readonly input: CreateTaskInput;
  /** The task it waits for; undefined when FSx named none. */
  readonly behind?: string;
  readonly queuedAt: number;
  /** Set when FSx refused the start for a reason other than a running task: its words. */
  readonly refusal?: string;
}

/** Where the queue is kept (a vscode.Memento key); get() may return anything and is validated. */
export interface QueueStore {
  get(): unknown;
  set(items: QueuedStart[]): PromiseLike<void> | void;
}

/** The tracker's events the queue listens to (TaskTracker has them). */
export interface QueueTrackerEvents {
  readonly onDidEnd: Event<{ readonly taskId: string; readonly connection: Connection; readonly task: Task }>;
  readonly onDidVanish: Event<{ readonly taskId: string; readonly connection: Connection }>;
}

export type QueueAttempt =
  | { readonly kind: 'started'; readonly item: QueuedStart; readonly task: Task }
  /** Still waiting: FSx named another running task (now `item.behind`), or the start is already being sent. */
  | { readonly kind: 'waiting'; readonly item: QueuedStart; readonly running?: Task }
  | { readonly kind: 'refused'; readonly item: QueuedStart; readonly message: string };

/** What sending a queued start came to (fsx/createTask.ts's sendQueuedStart). */
export type QueueSendOutcome =
  | { readonly kind: 'started'; readonly task: Task }
  /** DataRepositoryTaskExecuting, and FSx lists the task in the way. */
  | { readonly kind: 'busy'; readonly running: Task }
  /** Any other answer, in FSx's words with the next step. */
  | { readonly kind: 'refused'; readonly message: string };

export interface StartQueueOptions {
  readonly clock: Clock;
  readonly store: QueueStore;
  readonly tracker: QueueTrackerEvents;
  /** CreateDataRepositoryTask on the connection; never throws (a thrown error counts as a refusal). */
  create(connection: Connection, input: CreateTaskInput): Promise<QueueSendOutcome>;
  /** After every attempt the tracker's end set off (not those of startNow, whose caller reports them). */
  onAttempt?(attempt: QueueAttempt): void;
  onPersistError?(error: unknown): void;
  readonly onListenerError?: ListenerErrorHandler;
}

/** More queued starts than anyone waits for: beyond this a stored list is a bad write. */
export const MAX_QUEUED_STARTS = 200;

export class StartQueue implements Disposable {
  private items: QueuedStart[] = [];
  private readonly sending = new Set<string>();
  private readonly disposables = new DisposableStore();
  private readonly didChange: Emitter<void>;
  private writes: Promise<void> = Promise.resolve();
  /** Fires whenever list() would return something different. */
  readonly onDidChange: Event<void>;

  constructor(private readonly options: StartQueueOptions) {
    this.didChange = this.disposables.add(new Emitter<void>(options.onListenerError));
    this.onDidChange = this.didChange.event;
    this.disposables.add(options.tracker.onDidEnd(({ taskId, connection, task }) => void this.onTaskGone(connection, taskId, task.resource.id)));
    this.disposables.add(options.tracker.onDidVanish(({ taskId, connection }) => void this.onTaskGone(connection, taskId)));
  }

  /** Oldest first. */
  list(): readonly QueuedStart[] {
    return this.items;
  }

  /** The queued starts of one file system, in the order they will be sent. */
  of(connection: Connection, fileSystemId: string): QueuedStart[] {
    const key = connectionKey(connection);
    return this.items.filter((item) => item.input.fileSystemId === fileSystemId && connectionKey(item.connection) === key);
  }

  /** Is a start of this queue being sent now? */
  isSending(id: string): boolean {
    return this.sending.has(id);
  }

  /**
   * Queues a start behind `behind` (the caller tracks that task, so its end is seen). The input
   * gets a token of its own: the refused request's token is never sent again.
   */
  add(connection: Connection, input: CreateTaskInput, behind?: string): QueuedStart {
    const item: QueuedStart = {
      id: `queued-${randomUUID()}`,
      connection: copyConnection(connection),
      input: { ...input, clientRequestToken: randomUUID() },
      behind,
      queuedAt: this.options.clock.now(),
    };
    this.items = [...this.items, item];
    this.commit();
    return item;
  }

  remove(id: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((item) => item.id !== id);
    if (this.items.length === before) {
      return false;
    }
    this.commit();
    return true;
  }

  /** Sends one queued start now, whatever it waits for; undefined when it is no longer queued. */
  async startNow(id: string): Promise<QueueAttempt | undefined> {
    const item = this.items.find((candidate) => candidate.id === id);
    return item && this.send(item);
  }

  /**
   * Loads the queue kept before a window reload; `reconnect` maps a saved connection to the one
   * to use now or refuses it (as for tracked tasks: a foreign endpoint is never sent to). Returns
   * the restored starts; what was unreadable or refused is dropped and counted.
   */
  restore(reconnect: Reconnect): { restored: readonly QueuedStart[]; dropped: number } {
    const parsed = parseQueuedStarts(this.options.store.get());
    const restored: QueuedStart[] = [];
    for (const item of parsed.items) {
      const connection = reconnect(item.connection);
      if (connection && !this.items.some((existing) => existing.id === item.id)) {
        restored.push({ ...item, connection });
      }
    }
    this.items = [...this.items, ...restored];
    this.commit();
    return { restored, dropped: parsed.dropped + parsed.items.length - restored.length };
  }

  /** Resolves when every write to the store so far has finished. */
  whenPersisted(): Promise<void> {
    return this.writes;
  }

  dispose(): void {
    this.disposables.dispose();
  }

  /** A task ended or vanished: the first waiting start of its file system goes. */
  private async onTaskGone(connection: Connection, taskId: string, fileSystemId?: string): Promise<void> {
    const key = connectionKey(connection);
    const next = this.items.find(
      (item) => !item.refusal && connectionKey(item.connection) === key && (item.behind === taskId || (fileSystemId !== undefined && item.input.fileSystemId === fileSystemId)),
    );
    if (next) {
      const attempt = await this.send(next);
      this.options.onAttempt?.(attempt);
    }
  }

  private async send(item: QueuedStart): Promise<QueueAttempt> {
    if (this.sending.has(item.id)) {
      return { kind: 'waiting', item };
    }
    this.sending.add(item.id);
    this.didChange.fire();
    let attempt: QueueAttempt;
    try {
      const outcome = await this.options.create(item.connection, item.input).catch((error: unknown): QueueSendOutcome => ({ kind: 'refused', message: String(error) }));
      if (outcome.kind === 'started') {
        attempt = { kind: 'started', item, task: outcome.task };
        this.items = this.items
          .filter((candidate) => candidate.id !== item.id)
          // The others of that file system wait for the one just started.
          .map((candidate) => (candidate.input.fileSystemId === item.input.fileSystemId && connectionKey(candidate.connection) === connectionKey(item.connection) && !candidate.refusal ? { ...candidate, behind: outcome.task.taskId } : candidate));
      } else if (outcome.kind === 'busy') {
        const waiting: QueuedStart = { id: item.id, connection: item.connection, input: item.input, behind: outcome.running.taskId, queuedAt: item.queuedAt };
        attempt = { kind: 'waiting', item: waiting, running: outcome.running };
        this.replace(waiting);
      } else {
        attempt = { kind: 'refused', item: this.replace({ ...item, refusal: outcome.message }), message: outcome.message };
      }
    } finally {
      this.sending.delete(item.id);
    }
    this.commit();
    return attempt;
  }

  private replace(item: QueuedStart): QueuedStart {
    this.items = this.items.map((candidate) => (candidate.id === item.id ? item : candidate));
    return item;
  }

  private commit(): void {
    const items = [...this.items];
    // Chained so writes land in order and the last one wins.
    this.writes = this.writes.then(() => this.options.store.set(items)).then(undefined, (error: unknown) => this.options.onPersistError?.(error));
    this.didChange.fire();
  }
}

const QUEUED_TYPES: readonly TaskType[] = ['EXPORT_TO_REPOSITORY', 'IMPORT_METADATA_FROM_REPOSITORY', 'RELEASE_DATA_FROM_FILESYSTEM'];
const QUEUED_ID = /^queued-[0-9a-f-]{36}$/;
const TOKEN = /^[A-Za-z0-9_.-]{1,63}$/;
const MAX_REFUSAL_CHARS = 2_000;

/** The usable queued starts of a stored value (anything: older versions, hand edits, bad writes). */
export function parseQueuedStarts(raw: unknown): { items: QueuedStart[]; dropped: number } {
  if (!Array.isArray(raw)) {
    return { items: [], dropped: raw === undefined || raw === null ? 0 : 1 };
  }
  const items: QueuedStart[] = [];
  for (const value of raw as unknown[]) {
    const item = items.length < MAX_QUEUED_STARTS ? parseQueuedStart(value) : undefined;
    if (item && !items.some((existing) => existing.id === item.id)) {
      items.push(item);
    }
  }
  return { items, dropped: raw.length - items.length };
}

function parseQueuedStart(raw: unknown): QueuedStart | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const value = raw as Record<string, unknown>;
  const connection = parseConnection(value.connection);
  const input = parseInput(value.input);
  if (
    typeof value.id !== 'string' ||
    !QUEUED_ID.test(value.id) ||
    !connection ||
    !input ||
    typeof value.queuedAt !== 'number' ||
    !Number.isFinite(value.queuedAt) ||
    (value.behind !== undefined && (typeof value.behind !== 'string' || !isValidTaskId(value.behind))) ||
    (value.refusal !== undefined && typeof value.refusal !== 'string')
  ) {
    return undefined;
  }
  return {
    id: value.id,
    connection,
    input,
    ...(typeof value.behind === 'string' ? { behind: value.behind } : {}),
    queuedAt: value.queuedAt,
    ...(typeof value.refusal === 'string' ? { refusal: value.refusal.slice(0, MAX_REFUSAL_CHARS) } : {}),
  };
}

/** A CreateTaskInput with only the members a start sends, each of the API's shape. */
function parseInput(raw: unknown): CreateTaskInput | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const value = raw as Record<string, unknown>;
  const paths = value.paths;
  const report = value.report as Record<string, unknown> | undefined;
  const days = value.daysSinceLastAccess;
  const validPaths = paths === undefined || (Array.isArray(paths) && paths.length <= MAX_TASK_PATHS && paths.every((path) => typeof path === 'string' && path.length <= 4096));
  const validReport =
    typeof report === 'object' &&
    report !== null &&
    typeof report.enabled === 'boolean' &&
    (report.enabled ? typeof report.path === 'string' && report.path.startsWith('s3://') : true);
  if (
    typeof value.fileSystemId !== 'string' ||
    !FILE_SYSTEM_ID_PATTERN.test(value.fileSystemId) ||
    typeof value.type !== 'string' ||
    !QUEUED_TYPES.includes(value.type as TaskType) ||
    !validPaths ||
    !validReport ||
    typeof value.clientRequestToken !== 'string' ||
    !TOKEN.test(value.clientRequestToken) ||
    (days !== undefined && (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 0))
  ) {
    return undefined;
  }
  // Absent members stay absent, so what is read equals what was kept.
  return {
    fileSystemId: value.fileSystemId,
    type: value.type as TaskType,
    ...(paths === undefined ? {} : { paths: [...(paths as string[])] }),
    report: report.enabled ? { enabled: true, path: report.path as string, format: REPORT_FORMAT, scope: REPORT_SCOPE } : { enabled: false },
    clientRequestToken: value.clientRequestToken,
    ...(value.type === 'RELEASE_DATA_FROM_FILESYSTEM' ? { daysSinceLastAccess: (days as number | undefined) ?? 0 } : {}),
  };
}
