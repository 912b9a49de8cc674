// Duplicate Task: the start flow's answers taken from an existing task (type, paths, report,
// release age), as the FSx Console's Duplicate does. The flow still asks every step, showing
// them, so each can be changed. vscode-free.
import { L10n } from '../fsx/l10n';
import { plainText } from '../fsx/outsideText';
import { Checked, STARTABLE_TASK_TYPES, StartableTaskType } from '../fsx/taskRequest';
import { Task } from '../fsx/types';
import { StartTaskPrefill } from './startTaskFlow';

export interface Duplicate {
  readonly type: StartableTaskType;
  readonly prefill: StartTaskPrefill;
}

function isStartable(type: string): type is StartableTaskType {
  return (STARTABLE_TASK_TYPES as readonly string[]).includes(type);
}

/** The start of a task like `task`, or why there is none (a File Cache's automatic release). */
export function duplicateOf(task: Task, l10n: L10n): Checked<Duplicate> {
  if (task.resource.kind !== 'fileSystem' || !isStartable(task.type)) {
    return {
      ok: false,
      message: l10n.t('{0} cannot be duplicated: it is an automatic release a File Cache starts itself, and CreateDataRepositoryTask starts tasks on file systems only.', plainText(task.taskId)),
    };
  }
  const report = task.report?.enabled && task.report.path ? { path: task.report.path } : 'none';
  return {
    ok: true,
    value: {
      type: task.type,
      prefill: {
        paths: task.paths,
        daysSinceLastAccess: task.type === 'RELEASE_DATA_FROM_FILESYSTEM' ? (task.daysSinceLastAccess ?? 0) : undefined,
        report,
      },
    },
  };
}
