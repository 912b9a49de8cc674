// A fake FsxApi for the tracking core's logic tests: an in-memory set of tasks whose lifecycles
// the test moves by hand, recording every describeTasks call (ids, time, signal). The wire-level
// behaviour of FSx is the emulator's job and is tested against the real SDK elsewhere.

import { Clock } from '../../../src/tracking/clock';
import { FsxApi, Lifecycle, Task } from '../../../src/fsx/types';

export interface DescribeCall {
  readonly ids: readonly string[];
  readonly at: number;
  readonly signal?: AbortSignal;
}

export function taskId(n: number): string {
  return `task-${n.toString(16).padStart(17, '0')}`;
}

export function makeTask(id: string, lifecycle: Lifecycle, patch: Partial<Task> = {}): Task {
  return {
    taskId: id,
    lifecycle,
    type: 'EXPORT_TO_REPOSITORY',
    creationTime: new Date(Date.UTC(2025, 0, 15, 12, 0, 0)),
    resource: { kind: 'fileSystem', id: 'fs-0123456789abcdef0' },
    paths: [],
    ...patch,
  };
}

export class FakeFsx implements FsxApi {
  readonly tasks = new Map<string, Task>();
  readonly calls: DescribeCall[] = [];
  private readonly failures: unknown[] = [];
  private gate: Promise<void> | undefined;

  constructor(private readonly clock: Clock) {}

  add(id: string, lifecycle: Lifecycle, patch: Partial<Task> = {}): Task {
    const task = makeTask(id, lifecycle, patch);
    this.tasks.set(id, task);
    return task;
  }

  set(id: string, lifecycle: Lifecycle, patch: Partial<Task> = {}): void {
    const current = this.tasks.get(id);
    if (!current) {
      throw new Error(`FakeFsx has no ${id}`);
    }
    this.tasks.set(id, { ...current, ...patch, lifecycle });
  }

  delete(id: string): void {
    this.tasks.delete(id);
  }

  /** The next calls throw these, one each, in order. */
  failNext(...errors: unknown[]): void {
    this.failures.push(...errors);
  }

  /** Calls from now on wait until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  async describeTasks(taskIds: readonly string[], signal?: AbortSignal): Promise<Task[]> {
    this.calls.push({ ids: [...taskIds], at: this.clock.now(), signal });
    if (this.gate) {
      await this.gate;
    }
    if (this.failures.length > 0) {
      throw this.failures.shift();
    }
    return taskIds.flatMap((id) => {
      const task = this.tasks.get(id);
      return task ? [task] : [];
    });
  }

  listResources(): never {
    throw new Error('not used by the tracking core');
  }

  listTasks(): never {
    throw new Error('not used by the tracking core');
  }

  cancelTask(): never {
    throw new Error('not used by the tracking core');
  }

  createTask(): never {
    throw new Error('not used by the tracking core');
  }

  listAssociations(): never {
    throw new Error('not used by the tracking core');
  }

  createAssociation(): never {
    throw new Error('not used by the tracking core');
  }

  updateAssociation(): never {
    throw new Error('not used by the tracking core');
  }

  deleteAssociation(): never {
    throw new Error('not used by the tracking core');
  }
}
