// The sandbox's emulator as tests and the bench see it from outside its process: the calls
// they made on the in-process FsxEmulator, made through the control endpoint (src/emulator/control.ts),
// each now a promise. A remover (injectFault, denyBucket, replaceReport) is a function again.
import type {
  AssociationRecord,
  AssociationSpec,
  AssociationTiming,
  CompletionReport,
  CreatedTaskBehaviour,
  FaultSpec,
  FileCacheSpec,
  FileSystemRecord,
  FileSystemSpec,
  OperationName,
  S3FaultSpec,
  S3OperationName,
  TaskPlan,
  TaskSnapshot,
  TaskSpec,
} from '../emulator';
import { ControlClient, type ControlEndpoint } from './controlClient';

/** Undoes what injectFault, denyBucket or replaceReport did. */
export type RemoteRemover = () => Promise<void>;

export class RemoteEmulator {
  private readonly client: ControlClient;
  readonly state: RemoteState;
  readonly taskRules: { setCreatedTaskBehaviour(behaviour: CreatedTaskBehaviour | undefined): Promise<void> };
  readonly associationRules: { setTiming(timing: Partial<AssociationTiming> | undefined): Promise<void> };
  readonly s3: RemoteS3;
  /** CloudWatch Logs (the event log): what it was asked. */
  readonly logs: { requestCounts(): Promise<Record<string, number>> };

  constructor(
    endpoint: ControlEndpoint & { readonly url: string },
    /** The emulator's FSx/S3 endpoint. */
    readonly url = endpoint.url,
  ) {
    const client = (this.client = new ControlClient(endpoint, 60_000));
    const call = <T>(method: string, ...args: unknown[]) => client.call(method, ...args) as Promise<T>;
    const remover = async (method: string, ...args: unknown[]): Promise<RemoteRemover> => {
      const handle = await call<number>(method, ...args);
      return () => call<void>('remove', handle);
    };
    this.state = new RemoteState(call);
    this.taskRules = { setCreatedTaskBehaviour: (behaviour) => call('taskRules.setCreatedTaskBehaviour', behaviour ?? null) };
    this.associationRules = { setTiming: (timing) => call('associationRules.setTiming', timing ?? null) };
    this.s3 = {
      injectFault: (spec) => remover('s3.injectFault', spec),
      denyBucket: (bucket) => remover('s3.denyBucket', bucket),
      clearFaults: () => call('s3.clearFaults'),
      requestCounts: () => call('s3.requestCounts'),
      resetRequestCounts: () => call('s3.resetRequestCounts'),
      replaceReport: (taskId, chunks) => remover('s3.replaceReport', taskId, [...chunks]),
    };
    this.logs = { requestCounts: () => call('logs.requestCounts') };
    this.injectFault = (spec) => remover('injectFault', spec);
  }

  readonly injectFault: (spec: FaultSpec) => Promise<RemoteRemover>;

  requestCounts(): Promise<Record<OperationName, number>> {
    return this.client.call('requestCounts') as Promise<Record<OperationName, number>>;
  }

  totalRequests(): Promise<number> {
    return this.client.call('totalRequests') as Promise<number>;
  }

  async resetRequestCounts(): Promise<void> {
    await this.client.call('resetRequestCounts');
  }

  async reset(): Promise<void> {
    await this.client.call('reset');
  }

  async clearFaults(): Promise<void> {
    await this.client.call('clearFaults');
  }
}

export interface RemoteS3 {
  injectFault(spec: S3FaultSpec): Promise<RemoteRemover>;
  denyBucket(bucket: string): Promise<RemoteRemover>;
  clearFaults(): Promise<void>;
  requestCounts(): Promise<Record<S3OperationName, number>>;
  resetRequestCounts(): Promise<void>;
  /** Serves these chunks (UTF-8 text) as the task's report until the remover is called. */
  replaceReport(taskId: string, chunks: Iterable<string>): Promise<RemoteRemover>;
}

type Call = <T>(method: string, ...args: unknown[]) => Promise<T>;

/** The emulated account's records (EmulatorStore), over the control endpoint. */
export class RemoteState {
  constructor(private readonly call: Call) {}

  now(): Promise<number> {
    return this.call('state.now');
  }

  clear(): Promise<void> {
    return this.call('state.clear');
  }

  addTask(spec: TaskSpec): Promise<string> {
    return this.call('state.addTask', spec);
  }

  addTasks(specs: readonly TaskSpec[]): Promise<string[]> {
    return this.call('state.addTasks', specs);
  }

  async getTask(taskId: string): Promise<TaskSnapshot | undefined> {
    return (await this.call<TaskSnapshot | null>('state.getTask', taskId)) ?? undefined;
  }

  async getTaskPlan(taskId: string): Promise<Readonly<TaskPlan> | undefined> {
    return (await this.call<TaskPlan | null>('state.getTaskPlan', taskId)) ?? undefined;
  }

  tasksOf(resourceId: string): Promise<TaskSnapshot[]> {
    return this.call('state.tasksOf', resourceId);
  }

  /** Moves where an ended task's report is said to be (a report FSx has not written there yet). */
  setTaskReport(taskId: string, report: CompletionReport): Promise<void> {
    return this.call('state.setTaskReport', taskId, report);
  }

  endedTasks(): Promise<TaskSnapshot[]> {
    return this.call('state.endedTasks');
  }

  markCancelRequested(taskId: string, at: number): Promise<void> {
    return this.call('state.markCancelRequested', taskId, at);
  }

  fileSystems(): Promise<readonly FileSystemRecord[]> {
    return this.call('state.fileSystems');
  }

  associationsOf(resourceId: string): Promise<AssociationRecord[]> {
    return this.call('state.associationsOf', resourceId);
  }

  addFileSystem(spec: FileSystemSpec = {}): Promise<string> {
    return this.call('state.addFileSystem', spec);
  }

  addFileCache(spec: FileCacheSpec = {}): Promise<string> {
    return this.call('state.addFileCache', spec);
  }

  addAssociation(spec: AssociationSpec): Promise<string> {
    return this.call('state.addAssociation', spec);
  }
}
