import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import { Connection, MAX_TASK_PATHS, ResourceRef, StorageResource } from '../fsx/types';
import { ExplorerModel, resourceKey } from '../viewModel/explorerModel';
import { fileMountTable, LustreMount, matchMounts, MOUNT_TABLE_ENV, PROC_MOUNTS, MountSelection, readLustreMounts, type SandboxMount, selectionOf } from '../mounts';
import { setContext } from './contextKeys';


/** What a selection in VS Code's Explorer is on. */
export type MountTarget =
  | {
      readonly kind: 'resource';
      readonly mount: LustreMount;
      readonly connection: Connection;
      readonly resource: StorageResource;
      /** Relative to the file system's root; [] is the whole file system. */
      readonly paths: readonly string[];
    }
  /** A Lustre mount no loaded connection describes; the DNS name may tell its region. */
  | { readonly kind: 'uncovered'; readonly mount: LustreMount; readonly region?: string; readonly resourceId?: string }
  /** Outside the mounts, across mounts, or over the API's path limit: the message says which. */
  | { readonly kind: 'refused'; readonly message: string };

/**
 * The machine's Lustre mounts (read where the extension runs: the remote host in a remote window)
 * and which file system or cache of the loaded connections each one is. The running sandbox's
 * mount folder is listed after the table's, as one more Lustre mount.
 */
export class MountsController implements vscode.Disposable {
  private mounts: readonly LustreMount[] = [];
  private tableMounts: readonly LustreMount[] = [];
  private sandbox: SandboxMount | undefined;
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly model: Pick<ExplorerModel, 'usableConnections' | 'resources' | 'cachedResources'>,
    private readonly log: vscode.LogOutputChannel,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  /** Re-reads the mount table; an unreadable one counts as no mounts (and is logged). */
  async reload(): Promise<void> {
    const path = this.env[MOUNT_TABLE_ENV] || PROC_MOUNTS;
    let mounts: LustreMount[] = [];
    try {
      mounts = await readLustreMounts(fileMountTable(path));
    } catch (error) {
      this.log.warn(`Could not read the mount table ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.tableMounts = mounts;
    await this.update();
  }

  /** The sandbox's mount folder while the sandbox runs; undefined when it stops. */
  async setSandboxMount(sandbox: SandboxMount | undefined): Promise<void> {
    this.sandbox = sandbox;
    await this.update();
  }

  /** The sandbox's mount, whose files' state the sandbox's emulator keeps. */
  sandboxMount(): SandboxMount | undefined {
    return this.sandbox;
  }

  private async update(): Promise<void> {
    const mounts = this.sandbox ? [...this.tableMounts, this.sandbox.mount] : this.tableMounts;
    const changed = JSON.stringify(mounts) !== JSON.stringify(this.mounts);
    this.mounts = mounts;
    await setContext('fsxTasks.hasLustreMounts', mounts.length > 0);
    if (changed) {
      this.log.info(`Lustre mounts: ${mounts.map((mount) => mount.mountPoint).join(', ') || 'none'}`);
      this.changes.fire();
    }
  }

  lustreMounts(): readonly LustreMount[] {
    return this.mounts;
  }

  /** Where a loaded resource is mounted on this machine; no call. */
  mountPointsOf(connection: Connection, resource: ResourceRef): string[] {
    return this.mountsOf(connection, resource).map((mount) => mount.mountPoint);
  }

  /** The mounts of a loaded resource on this machine, in mount table order; no call. */
  mountsOf(connection: Connection, resource: ResourceRef): LustreMount[] {
    return matchMounts(this.mounts, this.model.cachedResources(connection))
      .filter((match) => match.resource && resourceKey(match.resource) === resourceKey(resource))
      .map((match) => match.mount);
  }

  /**
   * The file system or cache the local paths lie in, and their API paths. Describes the
   * connections' resources as needed; when none matches and a connection failed, that failure
   * is thrown (it explains more than "not covered").
   */
  async locate(absolutePaths: readonly string[]): Promise<MountTarget> {
    // The mount table names real paths; a folder opened through a symbolic link names the link.
    const real = await Promise.all(absolutePaths.map((path) => realpath(path).catch(() => path)));
    const selection = selectionOf(this.mounts, real);
    if (!selection.ok) {
      return { kind: 'refused', message: refusal(selection) };
    }
    const { mount, paths } = selection;
    let failure: unknown;
    for (const entry of this.model.usableConnections()) {
      let resources: StorageResource[];
      try {
        resources = await this.model.resources(entry.connection);
      } catch (error) {
        failure ??= error;
        continue;
      }
      const [match] = matchMounts([mount], resources);
      if (match?.resource) {
        return { kind: 'resource', mount, connection: entry.connection, resource: match.resource, paths };
      }
    }
    if (failure) {
      throw failure;
    }
    return { kind: 'uncovered', mount, region: mount.fsxName?.region, resourceId: mount.fsxName?.id };
  }

  dispose(): void {
    this.changes.dispose();
  }
}

function refusal(selection: Exclude<MountSelection, { ok: true }>): string {
  switch (selection.reason) {
    case 'outside':
      return vscode.l10n.t('{0} is not on a mounted FSx for Lustre file system or File Cache.', plainText(selection.path));
    case 'severalMounts':
      return vscode.l10n.t('The selection spans several Lustre mounts ({0}); select items of one mount.', selection.mountPoints.map((mountPoint) => plainText(mountPoint)).join(', '));
    case 'tooMany':
      return vscode.l10n.t('A task takes at most {0} paths; {1} are selected.', MAX_TASK_PATHS, selection.count);
  }
}
