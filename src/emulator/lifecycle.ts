// A task's observed state as a pure function of its plan and the time. Nothing ticks: reading
// 100,000 tasks costs 100,000 small computations, and a ManualEmulatorClock makes it exact.

import { STATUS_UPDATE_INTERVAL_MS, type TaskLifecycle, type TaskPlan } from './apiModel';

export interface TaskStatusView {
  readonly totalCount: number;
  readonly succeededCount: number;
  readonly failedCount: number;
  readonly lastUpdatedTime: number;
  readonly releasedCapacity?: number;
}

export interface TaskObservation {
  readonly lifecycle: TaskLifecycle;
  readonly startTime?: number;
  readonly endTime?: number;
  /** Absent until the task starts executing. */
  readonly status?: TaskStatusView;
  readonly failureMessage?: string;
}

export function startTimeOf(plan: TaskPlan): number {
  return plan.createdAt + plan.pendingMs;
}

export function completionTimeOf(plan: TaskPlan): number {
  return startTimeOf(plan) + plan.executingMs;
}

/** The lifecycle alone: the hot path for filters over many tasks. */
export function lifecycleAt(plan: TaskPlan, now: number): TaskLifecycle {
  const cancelAt = plan.cancelRequestedAt;
  if (cancelAt !== undefined && now >= cancelAt) {
    return now >= cancelAt + plan.cancelingMs ? 'CANCELED' : 'CANCELING';
  }
  if (now < startTimeOf(plan)) {
    return 'PENDING';
  }
  return now < completionTimeOf(plan) ? 'EXECUTING' : plan.outcome;
}

export function observeTask(plan: TaskPlan, now: number): TaskObservation {
  const lifecycle = lifecycleAt(plan, now);
  const start = startTimeOf(plan);
  switch (lifecycle) {
    case 'PENDING':
      return { lifecycle };
    case 'EXECUTING':
      return { lifecycle, startTime: start, status: progressAt(plan, now) };
    case 'SUCCEEDED':
    case 'FAILED': {
      const end = completionTimeOf(plan);
      return {
        lifecycle,
        startTime: start,
        endTime: end,
        status: progressAt(plan, end),
        failureMessage: lifecycle === 'FAILED' ? (plan.failureMessage ?? 'The data repository task failed.') : undefined,
      };
    }
    case 'CANCELING':
    case 'CANCELED': {
      // Counts freeze when the cancel is requested: files not yet processed are skipped.
      const cancelAt = plan.cancelRequestedAt as number;
      const started = cancelAt >= start;
      const status = started ? progressAt(plan, cancelAt) : undefined;
      if (lifecycle === 'CANCELING') {
        return { lifecycle, startTime: started ? start : undefined, status };
      }
      const end = cancelAt + plan.cancelingMs;
      return {
        lifecycle,
        startTime: started ? start : undefined,
        endTime: end,
        status: status && { ...status, lastUpdatedTime: end },
      };
    }
  }
}

/**
 * Status counts at time `at` (>= start). While executing they move on FSx's ~30 s refresh
 * cadence, growing linearly towards the plan's final counts, which they reach at completion.
 */
export function progressAt(plan: TaskPlan, at: number): TaskStatusView {
  const start = startTimeOf(plan);
  const end = completionTimeOf(plan);
  const succeededTotal = plan.totalCount - plan.failedCount;
  if (at >= end) {
    return {
      totalCount: plan.totalCount,
      succeededCount: succeededTotal,
      failedCount: plan.failedCount,
      lastUpdatedTime: end,
      releasedCapacity: plan.releasedCapacity,
    };
  }
  const tick = Math.floor((at - start) / STATUS_UPDATE_INTERVAL_MS) * STATUS_UPDATE_INTERVAL_MS;
  const fraction = plan.executingMs > 0 ? tick / plan.executingMs : 1;
  return {
    totalCount: plan.totalCount,
    succeededCount: Math.floor(succeededTotal * fraction),
    failedCount: Math.floor(plan.failedCount * fraction),
    lastUpdatedTime: start + tick,
    releasedCapacity: plan.releasedCapacity === undefined ? undefined : Math.floor(plan.releasedCapacity * fraction),
  };
}

export interface LifecycleTransition {
  readonly lifecycle: TaskLifecycle;
  /** When the task entered it (ms). */
  readonly at: number;
}

/**
 * The emulator's own record of a task's lifecycle up to `now`: each state entered, in order,
 * with its time. What a client polled can be checked against it (nothing missed, nothing
 * invented).
 */
export function transitionsOf(plan: TaskPlan, now: number): LifecycleTransition[] {
  const start = startTimeOf(plan);
  const end = completionTimeOf(plan);
  const cancelAt = plan.cancelRequestedAt;
  const all: LifecycleTransition[] = [{ lifecycle: 'PENDING', at: plan.createdAt }];
  if (cancelAt === undefined || cancelAt >= start) {
    all.push({ lifecycle: 'EXECUTING', at: start });
  }
  if (cancelAt === undefined) {
    all.push({ lifecycle: plan.outcome, at: end });
  } else {
    all.push({ lifecycle: 'CANCELING', at: cancelAt }, { lifecycle: 'CANCELED', at: cancelAt + plan.cancelingMs });
  }
  // A state that lasts no time is never observed: of two at one instant, the later one holds.
  return all.filter((transition, i) => transition.at <= now && all[i + 1]?.at !== transition.at);
}

/** Whether a cancel requested at `now` is accepted (only PENDING or EXECUTING tasks). */
export function isCancellableAt(plan: TaskPlan, now: number): boolean {
  const lifecycle = lifecycleAt(plan, now);
  return lifecycle === 'PENDING' || lifecycle === 'EXECUTING';
}
