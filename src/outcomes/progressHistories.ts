// What every poll adds to the tasks' progress histories: kept apart from the chart, because the
// polls feed it from activation on and the chart is drawn only when asked. vscode-free.
import { isTerminal, Task } from '../fsx/types';
import { SampleHistory, sampleOf, StatusSample, ThroughputEstimate } from './throughput';

/**
 * One SampleHistory per task the polls report, while it runs and for a while after (the chart of
 * an ended task stays). Bounded: the task seen longest ago goes first.
 */
export class ProgressHistories {
  private readonly histories = new Map<string, SampleHistory>();

  constructor(private readonly limit = 100) {}

  /** Adds the tasks' current samples; returns the ids whose history grew. */
  observe(tasks: readonly Task[]): string[] {
    const grew: string[] = [];
    for (const task of tasks) {
      let history = this.histories.get(task.taskId);
      // Samples older than the task belong to another task that had its id (an emulator reset).
      if (history && (history.samples[0]?.at ?? Infinity) < task.creationTime.getTime()) {
        history = undefined;
      }
      if (!history) {
        if (isTerminal(task.lifecycle)) {
          continue; // nothing to estimate for a task first seen ended
        }
        history = new SampleHistory();
      }
      this.histories.delete(task.taskId);
      this.histories.set(task.taskId, history);
      if (history.add(sampleOf(task))) {
        grew.push(task.taskId);
      }
    }
    for (const taskId of this.histories.keys()) {
      if (this.histories.size <= this.limit) {
        break;
      }
      this.histories.delete(taskId);
    }
    return grew;
  }

  samples(taskId: string): readonly StatusSample[] {
    return this.histories.get(taskId)?.samples ?? [];
  }

  /** The estimate of a running task, undefined for one never seen running. */
  estimate(task: Pick<Task, 'taskId' | 'lifecycle'>, now: number): ThroughputEstimate | undefined {
    const history = this.histories.get(task.taskId);
    return history && !isTerminal(task.lifecycle) ? history.estimate({ now }) : undefined;
  }
}
