// The sandbox's mount folder: made in the extension's global storage when the sandbox starts,
// mounted by the sandbox's emulator as the demo's ml-training file system (it writes the files,
// in every export state, and keeps their state: mounts/sandboxMount.ts), and listed with the
// Lustre mounts, so the Explorer's items and badges treat it as a real mount. "Add Sandbox Mount
// to Workspace" puts it in the Explorer.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FsxError } from '../fsx/errors';
import { plainText } from '../fsx/outsideText';
import { attachSandboxMount } from '../mounts';
import type { MountsController } from './mountsController';

export interface SandboxMountFolderOptions {
  /** The extension's global storage: the folder is its `sandbox-mount`. */
  readonly storageUri: vscode.Uri;
  readonly mounts: Pick<MountsController, 'setSandboxMount' | 'sandboxMount'>;
  readonly log: vscode.LogOutputChannel;
}

export class SandboxMountFolder {
  readonly root: string;

  constructor(private readonly options: SandboxMountFolderOptions) {
    this.root = join(options.storageUri.fsPath, 'sandbox-mount');
  }

  /**
   * Makes the folder anew (its files are the emulator's, which starts from its scenario each
   * time) and lists it as a mount. A failure is logged: the sandbox works without it.
   */
  async attach(endpoint: string): Promise<void> {
    try {
      await rm(this.root, { recursive: true, force: true });
      const sandbox = await attachSandboxMount(endpoint, this.root);
      await this.options.mounts.setSandboxMount(sandbox);
      this.options.log.info(`Sandbox mount of ${sandbox.fileSystemId} at ${this.root}`);
    } catch (error) {
      this.options.log.warn(`Could not make the sandbox's mount folder: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Whether the workspace holds the folder: the window then starts the sandbox again (adding the
   * folder may have reloaded it, as code-server does when a window becomes a workspace).
   */
  inWorkspace(): boolean {
    return (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme === 'file' && folder.uri.fsPath === this.root);
  }

  /** The sandbox stopped: the folder is no mount any more (its files stay until the next start). */
  async detach(): Promise<void> {
    await this.options.mounts.setSandboxMount(undefined);
  }

  /**
   * Adds the folder to the workspace, after the folders there (so the first one, and the window,
   * stay as they are). Says why not when the sandbox has no mount.
   */
  async addToWorkspace(): Promise<void> {
    const sandbox = this.options.mounts.sandboxMount();
    if (!sandbox) {
      throw new FsxError('validation', vscode.l10n.t('The sandbox is not running: run "Explore with Local Sandbox" first, then add its mount folder.'));
    }
    const uri = vscode.Uri.file(sandbox.mount.mountPoint);
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.some((folder) => folder.uri.fsPath === uri.fsPath)) {
      await vscode.commands.executeCommand('revealInExplorer', uri);
      return;
    }
    const name = vscode.l10n.t('{0} (sandbox mount)', plainText(sandbox.name));
    if (!vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri, name })) {
      throw new FsxError('other', vscode.l10n.t('VS Code did not add the sandbox mount folder to the workspace. Add {0} with File: Add Folder to Workspace.', plainText(uri.fsPath)));
    }
  }
}
