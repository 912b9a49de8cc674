// What a selection in VS Code's Explorer asks a task to act on: the mount it lies in and the
// paths relative to the file system's root, as CreateDataRepositoryTask wants them.

import { MAX_TASK_PATHS } from '../fsx/types';
import { findMount, relativeToMount } from './matching';
import type { LustreMount } from './mountTable';

export type MountSelection =
  | {
      readonly ok: true;
      readonly mount: LustreMount;
      /** Relative to the file system's root; [] is the whole file system (its root was selected). */
      readonly paths: readonly string[];
    }
  /** 'outside': a path lies in no Lustre mount; 'severalMounts': in more than one; 'tooMany': over the API's limit. */
  | { readonly ok: false; readonly reason: 'outside'; readonly path: string }
  | { readonly ok: false; readonly reason: 'severalMounts'; readonly mountPoints: readonly string[] }
  | { readonly ok: false; readonly reason: 'tooMany'; readonly count: number };

/**
 * The paths of the selected local paths, in selection order: duplicates dropped, and a path
 * inside another selected one dropped too (the task covers it already).
 */
export function selectionOf(mounts: readonly LustreMount[], absolutePaths: readonly string[]): MountSelection {
  let mount: LustreMount | undefined;
  const relative: string[] = [];
  for (const path of absolutePaths) {
    const holder = findMount(mounts, path);
    const inside = holder && relativeToMount(holder, path);
    if (!holder || inside === undefined) {
      return { ok: false, reason: 'outside', path };
    }
    if (mount && holder !== mount) {
      return { ok: false, reason: 'severalMounts', mountPoints: [mount.mountPoint, holder.mountPoint] };
    }
    mount = holder;
    relative.push(inside);
  }
  if (!mount) {
    return { ok: false, reason: 'outside', path: '' };
  }
  if (relative.includes('')) {
    return { ok: true, mount, paths: [] };
  }
  const unique = [...new Set(relative)];
  const paths = unique.filter((path) => !unique.some((other) => other !== path && path.startsWith(`${other}/`)));
  return paths.length > MAX_TASK_PATHS ? { ok: false, reason: 'tooMany', count: paths.length } : { ok: true, mount, paths };
}
