// The command boundary: where errors are handled, once. Handlers throw; they do not log, show or
// rethrow. A failure is logged, shown as one message with its next step (knowing the connection
// when the command acts on a task), and is silent when the user cancelled.
import * as vscode from 'vscode';
import type { Container } from '../container';
import { classifyError, FsxError } from '../fsx/errors';
import { Connection, Task } from '../fsx/model';
import { showError } from '../views/errorPresentation';
import { resolveTaskTarget, selectedTaskTargets, TaskPickerOptions, TaskTarget, TaskTargetDeps } from './taskTarget';

export type CommandDeps = Pick<Container, 'log' | 'prompts' | 'commands'>;

export interface CommandOptions {
  /** Says a failure in the command's own words (with its next step), instead of the generic message. */
  readonly describeFailure?: (error: FsxError) => string;
}

export function registerCommand(id: string, deps: CommandDeps, handler: (...args: unknown[]) => Promise<unknown> | unknown, options: CommandOptions = {}): vscode.Disposable {
  return deps.commands.register(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      reportFailure(deps, id, error, undefined, undefined, options.describeFailure);
      return undefined;
    }
  });
}

export interface TaskCommandOptions extends TaskPickerOptions {
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
  return deps.commands.register(id, async (arg: unknown, selection: unknown) => {
    let target: TaskTarget | undefined;
    try {
      const selected = options.many ? selectedTaskTargets(arg, selection) : [];
      if (options.many && selected.length > 1) {
        return await options.many(selected);
      }
      target = await resolveTaskTarget(deps, arg, options);
      return target ? await handler(target) : undefined;
    } catch (error) {
      reportFailure(deps, id, error, target?.connection, target && options.failureContext?.(target.task));
      return undefined;
    }
  });
}

function reportFailure(deps: CommandDeps, id: string, error: unknown, connection?: Connection, context?: string, describe?: (error: FsxError) => string): void {
  const classified = classifyError(error);
  if (classified.kind === 'cancelled') {
    return;
  }
  deps.log.error(`${id} failed: ${classified.logLine}`);
  void showError(deps.prompts, classified, connection, context, describe?.(classified));
}
