// The export state of the files the Explorer shows, asked for in batches: VS Code asks for one
// file's decoration at a time, as rows appear, so the questions of a short moment are gathered
// into one call of the source (which splits them into lfs processes), and the answers are kept
// until a file changes, a task ends or the user refreshes. When the source cannot answer at all
// (no lfs), that is said once and nothing more is asked until `reset()`.
import type { Clock, TimerHandle } from '../tracking/clock';
import { type HsmAnswer, HsmSourceError, type HsmStateSource } from '../mounts/hsm';

export interface ExportStateCacheOptions {
  readonly source: HsmStateSource;
  readonly clock: Clock;
  /** How long questions gather before one call. Default 50 ms. */
  readonly gatherMs?: number;
  /** Called once per outage (until `reset()`), with why no file can be answered. */
  readonly onUnavailable: (error: HsmSourceError) => void;
  /** A failure that is not the source's own (logged by the caller); its files stay unanswered. */
  readonly onError?: (error: unknown) => void;
}

interface Waiter {
  readonly resolve: (answer: HsmAnswer | undefined) => void;
}

export class ExportStateCache {
  private readonly answers = new Map<string, HsmAnswer>();
  private readonly gathering = new Map<string, Waiter[]>();
  private timer: TimerHandle | undefined;
  private unavailable: HsmSourceError | undefined;
  /** Moves on each invalidation: an answer asked before it is not kept. */
  private generation = 0;
  private readonly inFlight = new Set<AbortController>();
  /** Calls of the source so far, for tests and the benchmark. */
  calls = 0;

  constructor(private readonly options: ExportStateCacheOptions) {}

  /** The state of a file (absolute path); undefined when it cannot be had. */
  get(path: string): Promise<HsmAnswer | undefined> {
    const known = this.answers.get(path);
    if (known || this.unavailable) {
      return Promise.resolve(known);
    }
    return new Promise((resolve) => {
      const waiters = this.gathering.get(path) ?? [];
      waiters.push({ resolve });
      this.gathering.set(path, waiters);
      this.timer ??= this.options.clock.setTimeout(() => void this.flush(), this.options.gatherMs ?? 50);
    });
  }

  /** Forgets the answers for these paths (every path when none is given). */
  invalidate(paths?: readonly string[]): void {
    this.generation++;
    if (paths === undefined) {
      this.answers.clear();
    } else {
      for (const path of paths) {
        this.answers.delete(path);
      }
    }
  }

  /** Forgets everything, the outage included (Refresh: the user may have installed lfs). */
  reset(): void {
    this.unavailable = undefined;
    this.invalidate();
  }

  dispose(): void {
    if (this.timer !== undefined) {
      this.options.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    for (const controller of this.inFlight) {
      controller.abort();
    }
    this.answerAll(this.takeGathered(), () => undefined);
  }

  private takeGathered(): Map<string, Waiter[]> {
    const gathered = new Map(this.gathering);
    this.gathering.clear();
    return gathered;
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const gathered = this.takeGathered();
    if (gathered.size === 0) {
      return;
    }
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight.add(controller);
    this.calls++;
    try {
      const answers = await this.options.source.getStates([...gathered.keys()], controller.signal);
      if (generation === this.generation) {
        for (const [path, answer] of answers) {
          this.answers.set(path, answer);
        }
      }
      this.answerAll(gathered, (path) => answers.get(path));
    } catch (error) {
      if (error instanceof HsmSourceError && (error.kind === 'notInstalled' || error.kind === 'notRunnable')) {
        if (!this.unavailable) {
          this.unavailable = error;
          this.options.onUnavailable(error);
        }
      } else if (!controller.signal.aborted) {
        this.options.onError?.(error);
      }
      this.answerAll(gathered, () => undefined);
    } finally {
      this.inFlight.delete(controller);
    }
  }

  private answerAll(gathered: Map<string, Waiter[]>, answerOf: (path: string) => HsmAnswer | undefined): void {
    for (const [path, waiters] of gathered) {
      const answer = answerOf(path);
      for (const waiter of waiters) {
        waiter.resolve(answer);
      }
    }
  }
}
