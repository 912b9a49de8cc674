// The FSx items of VS Code's Explorer context menu, on files and folders inside a Lustre mount:
// start a task with the selection's paths prefilled (the start-task commands run the guided flow
// and its confirmation; a release previews what it would free), restore released files with
// `lfs hsm_restore` (views/hsmRestore.ts), or show the file system's tasks in the FSx view.
import * as vscode from 'vscode';
import { restoreFromS3 } from '../views/hsmRestore';
import { plainText } from '../fsx/outsideText';
import type { AppServices } from './services';
import { STARTABLE_TASKS, StartableTask } from '../viewModel/startableTasks';
import type { MountTarget } from '../views/mountsController';
import { CommandDeps, registerCommand } from './boundary';
import { StartTaskArgument } from './startTask';

/** What addConnection takes to skip its region step. */
export interface AddConnectionPreset {
  readonly presetRegion: string;
}

type MountDeps = CommandDeps & Pick<AppServices, 'mounts' | 'explorer' | 'exportStates'>;

export function registerMountCommands(deps: MountDeps): vscode.Disposable[] {
  // Each task type's Explorer item hands the selection's paths to its start command, which runs
  // the guided flow and its confirmation, as from the tree.
  const startFromExplorer = ({ command, explorerCommand, explorerTakes }: StartableTask) =>
    registerCommand(explorerCommand, deps, async (uri: unknown, uris: unknown) => {
      const target = await targetOf(deps, selected(uri, uris), explorerTakes === 'folders');
      if (target) {
        const argument: StartTaskArgument = { connection: target.connection, resource: target.resource, paths: target.paths, mountPoint: target.mount.mountPoint };
        await vscode.commands.executeCommand(command, argument);
      }
    });
  return [
    ...STARTABLE_TASKS.map(startFromExplorer),
    registerCommand('fsxTasks.restoreFromExplorer', deps, async (uri: unknown, uris: unknown) => {
      const local = selected(uri, uris).filter((item) => item.scheme === 'file');
      if (local.length === 0) {
        await deps.prompts.message('warning', vscode.l10n.t('Select a file or folder on a mounted FSx for Lustre file system or File Cache.'));
        return;
      }
      // Mounts come and go (an automount, a remount): read the table again before deciding.
      await deps.mounts.reload();
      const states = deps.exportStates;
      await restoreFromS3(
        { prompts: deps.prompts, log: deps.log, backend: states.backend(), mounts: deps.mounts.lustreMounts(), filesChanged: (changed) => states.filesChanged(changed) },
        local.map((item) => item.fsPath),
      );
    }),
    registerCommand('fsxTasks.showMountedTasks', deps, async (uri: unknown) => {
      const target = await targetOf(deps, selected(uri, undefined), false);
      const node = target && deps.explorer.tree.resourceNode(target.connection, target.resource);
      if (node) {
        await deps.explorer.view.reveal(node, { select: true, focus: true, expand: true });
      }
    }),
  ];
}

/** VS Code passes the clicked item and the whole selection; the selection wins when it holds the item. */
function selected(uri: unknown, uris: unknown): vscode.Uri[] {
  const all = Array.isArray(uris) ? uris.filter((item): item is vscode.Uri => item instanceof vscode.Uri) : [];
  const clicked = uri instanceof vscode.Uri ? uri : undefined;
  if (clicked && !all.some((item) => item.toString() === clicked.toString())) {
    return [clicked];
  }
  return all.length > 0 ? all : clicked ? [clicked] : [];
}

async function targetOf(deps: MountDeps, uris: readonly vscode.Uri[], foldersOnly: boolean): Promise<Extract<MountTarget, { kind: 'resource' }> | undefined> {
  const local = uris.filter((uri) => uri.scheme === 'file');
  if (local.length === 0) {
    await deps.prompts.message('warning', vscode.l10n.t('Select a file or folder on a mounted FSx for Lustre file system or File Cache.'));
    return undefined;
  }
  if (foldersOnly) {
    for (const uri of local) {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) {
        await deps.prompts.message('warning', vscode.l10n.t('Import Metadata works on folders; {0} is a file.', plainText(uri.fsPath)));
        return undefined;
      }
    }
  }
  // Mounts come and go (an automount, a remount): read the table again before deciding.
  await deps.mounts.reload();
  const target = await deps.mounts.locate(local.map((uri) => uri.fsPath));
  switch (target.kind) {
    case 'resource':
      return target;
    case 'refused':
      await deps.prompts.message('warning', target.message);
      return undefined;
    case 'uncovered':
      await offerConnection(deps, target);
      return undefined;
  }
}

async function offerConnection(deps: MountDeps, target: Extract<MountTarget, { kind: 'uncovered' }>): Promise<void> {
  // The mount table's fields and the DNS name's region are outside text.
  const what = plainText(target.resourceId ?? target.mount.source);
  const mountPoint = plainText(target.mount.mountPoint);
  if (!target.region) {
    await deps.prompts.message('warning', vscode.l10n.t('No connection describes the file system mounted at {0} ({1}). Add a connection for its account and region.', mountPoint, what));
    return;
  }
  const region = plainText(target.region);
  const add = vscode.l10n.t('Add Connection for {0}', region);
  const choice = await deps.prompts.message(
    'warning',
    vscode.l10n.t('No connection describes {0}, mounted at {1}. Its DNS name says it is in {2}.', what, mountPoint, region),
    add,
  );
  if (choice === add) {
    const preset: AddConnectionPreset = { presetRegion: target.region };
    await vscode.commands.executeCommand('fsxTasks.addConnection', preset);
  }
}
