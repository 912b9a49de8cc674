// The facts activation's entry reads to decide whether this window needs the main code now
// (viewModel/startPlan.ts), each one cheap: three workspace-state keys, two settings, two variables
// and the mount table (a small file, read only if no other fact needs the main code).
import * as vscode from 'vscode';
import { hasLustreMount, MOUNT_TABLE_ENV, PROC_MOUNTS } from '../mounts/mountTable';
import { sandboxScenarioFromEnv } from '../sandbox/localSandbox';
import { SETTING_SPECS } from '../viewModel/settingValues';
import type { StartFacts } from '../viewModel/startPlan';
import { QUEUED_STARTS_KEY, TRACKED_TASKS_KEY, VIEW_USED_STATE_KEY } from './stateKeys';

const SECTION = 'fsxTasks';

/** Boolean settings whose turning on wakes a window that did not need the main code at start. */
export const SETTINGS_THAT_WAKE: readonly string[] = [`${SECTION}.${SETTING_SPECS.autoTrackActiveTasks.key}`];

export function readStartFacts(state: vscode.Memento, view: Pick<vscode.TreeView<unknown>, 'visible'>): StartFacts {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    savedTrackedTasks: state.get(TRACKED_TASKS_KEY),
    savedQueuedStarts: state.get(QUEUED_STARTS_KEY),
    // As Container.start reads them: a valid FSX_SANDBOX, or the setting set to true.
    sandboxOnStart: sandboxScenarioFromEnv(process.env.FSX_SANDBOX) !== undefined || config.get(SETTING_SPECS.sandboxOnActivation.key) === true,
    autoTrack: config.get(SETTING_SPECS.autoTrackActiveTasks.key) === true,
    viewUsedBefore: state.get(VIEW_USED_STATE_KEY) === true,
    viewVisible: view.visible,
    // A file read: startReason asks for it only when no reason before it holds.
    get lustreMounted() {
      return hasLustreMount(process.env[MOUNT_TABLE_ENV] || PROC_MOUNTS);
    },
  };
}
