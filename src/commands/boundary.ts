// The command boundary: where errors are handled, once. Handlers throw; they do not log, show or
// rethrow. A failure is logged, shown as one message with its next step (knowing the connection
// the command was acting on: a task's, or the one a handler names in its FailureScope), and is
// silent when the user cancelled.
import * as vscode from 'vscode';
import type { AppServices } from './services';
import { classifyError, FsxError } from '../fsx/errors';
import { Connection, Task } from '../fsx/types';
import { showError } from '../views/errorPresentation';
import { resolveTaskTarget, selectedTaskTargets, TaskPickerOptions, TaskTarget, TaskTargetDeps } from './taskTarget';

export type CommandDeps = Pick<AppServices, 'log' | 'prompts'>;

export interface CommandOptions {
  /** Says a failure in the command's own words (with its next step), instead of the generic message. */
  readonly describeFailure?: (error: FsxError) => string;
}

export function registerCommand(id: string, deps: CommandDeps, handler: (...args: unknown[]) => Promise<unknown> | unknown, options: CommandOptions = {}): vscode.Disposable {
  return registerScopedCommand(id, deps, (_scope, ...args) => handler(...args), options);
}

/**
 * What a command acts on, filled in by its handler as soon as it knows: a failure is then
 * reported with that connection's next step (sign in to its SSO profile, set its region).
 */
export interface FailureScope {
  connection?: Connection;
  /** Says what failed in the message ("Could not cancel task-…"). */
  context?: string;
}

/** registerCommand for a handler that learns its connection along the way and says so in `scope`. */
export function registerScopedCommand(
  id: string,
  deps: CommandDeps,
  handler: (scope: FailureScope, ...args: unknown[]) => Promise<unknown> | unknown,
  options: CommandOptions = {},
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const scope: FailureScope = {};
    try {
      return await handler(scope, ...args);
    } catch (error) {
      reportFailure(deps, id, error, scope, options.describeFailure);
      return undefined;
    }
  });
}

export interface TaskCommandOptions extends TaskPickerOptions, CommandOptions {
  /** Says what failed in the message ("Could not cancel task-…"). */
  readonly failureContext?: (task: Task) => string;
  /** Acts on every selected task when the command is invoked on a multi-selection in the tree. */
  readonly many?: (targets: TaskTarget[]) => Promise<unknown> | unknown;
}

/**
 * Registers a command that acts on one task: the target is resolved from a tree node, a target
 * handed over by another command, a task id, or the person's pick; then the handler runs. On a
 * tree multi-selection (VS Code passes the clicked node and the selected ones) `options.many`
 * gets every selected task instead.
 */
export function registerTaskCommand(
  id: string,
  deps: CommandDeps & TaskTargetDeps,
  options: TaskCommandOptions,
  handler: (target: TaskTarget) => Promise<unknown> | unknown,
): vscode.Disposable {
  return registerScopedCommand(id, deps, async (scope, arg: unknown, selection: unknown) => {
    const selected = options.many ? selectedTaskTargets(arg, selection) : [];
    if (options.many && selected.length > 1) {
      return options.many(selected);
    }
    const target = await resolveTaskTarget(deps, arg, options);
    if (!target) {
      return undefined;
    }
    scope.connection = target.connection;
    scope.context = options.failureContext?.(target.task);
    return handler(target);
  }, options);
}

function reportFailure(deps: CommandDeps, id: string, error: unknown, scope: FailureScope, describe?: (error: FsxError) => string): void {
  const classified = classifyError(error);
  if (classified.kind === 'cancelled') {
    return;
  }
  // Signed out or an expired session is the user's state, not a fault of ours: the notification
  // offers the sign-in; the log keeps errors for what went wrong here or at FSx.
  const line = `${id} failed: ${classified.logLine}`;
  if (classified.kind === 'credentials') {
    deps.log.warn(line);
  } else {
    deps.log.error(line);
  }
  void showError(deps.prompts, classified, scope.connection, scope.context, describe?.(classified));
}
