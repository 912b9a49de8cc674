// What a release would free, read from the files themselves before the task starts: the chosen
// paths walked (bounded, cancellable, reporting progress), each regular file's `stat` and HSM
// state, and the release rule of releasePreview.ts. Also the listing a request on a selection
// needs (restore). Symbolic links are not followed: a release acts on the files under the path.

import { lstat, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { LustreMount } from '../mountTable';
import { type ReleaseCandidate, type ReleaseGroup, type ReleasePreview, releasePreview } from './releasePreview';
import type { HsmStateSource } from './source';

/** The file system as the walk reads it (Node's, or an in-memory tree in the benchmark). */
export interface WalkFs {
  /** The entries of a folder; kinds from the folder listing, links not followed. */
  readdir(path: string): Promise<ReadonlyArray<{ readonly name: string; readonly kind: 'file' | 'folder' | 'other' }>>;
  /** lstat: undefined when the path is gone. */
  stat(path: string): Promise<{ readonly kind: 'file' | 'folder' | 'other'; readonly size: number; readonly atimeMs: number; readonly mtimeMs: number; readonly ctimeMs: number } | undefined>;
}

export const nodeWalkFs: WalkFs = {
  async readdir(path) {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other' }));
  },
  async stat(path) {
    try {
      const stats = await lstat(path);
      return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other', size: stats.size, atimeMs: stats.atimeMs, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw error;
    }
  },
};

export interface ListOptions {
  readonly fs?: WalkFs;
  /** Stops listing after this many files (the result says so). Default 200,000. */
  readonly maxFiles?: number;
  readonly signal?: AbortSignal;
}

export const WALK_FILES_MAX = 200_000;

/** The regular files under the paths (a file path is itself), depth first, at most maxFiles; an unreadable folder is skipped. */
export async function* listFiles(roots: readonly string[], options: ListOptions = {}): AsyncGenerator<string> {
  const fs = options.fs ?? nodeWalkFs;
  const maxFiles = options.maxFiles ?? WALK_FILES_MAX;
  let count = 0;
  const folders: string[] = [];
  for (const root of roots) {
    const stats = await fs.stat(root);
    if (stats?.kind === 'file') {
      if (count++ >= maxFiles) {
        return;
      }
      yield root;
    } else if (stats?.kind === 'folder') {
      folders.push(root);
    }
  }
  while (folders.length > 0) {
    options.signal?.throwIfAborted();
    const folder = folders.pop() as string;
    let entries: Awaited<ReturnType<WalkFs['readdir']>>;
    try {
      entries = await fs.readdir(folder);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.kind === 'folder') {
        folders.push(path);
      } else if (entry.kind === 'file') {
        if (count++ >= maxFiles) {
          return;
        }
        yield path;
      }
    }
  }
}

export interface ReleaseWalkOptions extends ListOptions {
  readonly states: HsmStateSource;
  readonly days: number;
  /** The task's create time, taken as now. */
  readonly nowMs: number;
  /** Files seen so far, after each chunk. */
  readonly onProgress?: (files: number) => void;
  /** Files stat'ed and asked about at once. Default 1,000. */
  readonly chunk?: number;
}

export interface ReleaseWalkResult {
  readonly preview: ReleasePreview;
  readonly files: number;
  /** The walk stopped at maxFiles: more files lie under the paths. */
  readonly truncated: boolean;
  /** The walk was cancelled: the figures are of the files seen until then. */
  readonly cancelled: boolean;
}

/** Walks the paths and sorts their files by the release rule. A cancel ends it with what was seen. */
export async function walkReleasePreview(roots: readonly string[], options: ReleaseWalkOptions): Promise<ReleaseWalkResult> {
  const fs = options.fs ?? nodeWalkFs;
  const maxFiles = options.maxFiles ?? WALK_FILES_MAX;
  const chunkSize = options.chunk ?? 1_000;
  let total = releasePreview([], options.days, options.nowMs);
  let files = 0;
  let cancelled = false;
  let chunk: string[] = [];
  const flush = async () => {
    const paths = chunk;
    chunk = [];
    const [stats, states] = await Promise.all([Promise.all(paths.map((path) => fs.stat(path))), options.states.getStates(paths, options.signal)]);
    const candidates: ReleaseCandidate[] = [];
    paths.forEach((path, index) => {
      const stat = stats[index];
      const state = states.get(path);
      // Gone since the listing: not the task's either.
      if (stat && state) {
        candidates.push({ path, size: stat.size, atimeMs: stat.atimeMs, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, state });
      }
    });
    total = mergePreviews(total, releasePreview(candidates, options.days, options.nowMs));
    files += candidates.length;
    options.onProgress?.(files);
  };
  try {
    for await (const path of listFiles(roots, { ...options, fs, maxFiles: maxFiles + 1 })) {
      chunk.push(path);
      if (files + chunk.length > maxFiles) {
        chunk.pop();
        await flush();
        return { preview: total, files, truncated: true, cancelled: false };
      }
      if (chunk.length >= chunkSize) {
        await flush();
      }
    }
    await flush();
  } catch (error) {
    if (!options.signal?.aborted) {
      throw error;
    }
    cancelled = true;
  }
  return { preview: total, files, truncated: false, cancelled };
}

const EXAMPLES_MAX = 5;

function mergeGroups(a: ReleaseGroup, b: ReleaseGroup): ReleaseGroup {
  return { files: a.files + b.files, bytes: a.bytes + b.bytes, examples: [...a.examples, ...b.examples].slice(0, EXAMPLES_MAX) };
}

export function mergePreviews(a: ReleasePreview, b: ReleasePreview): ReleasePreview {
  const notReleased = { ...a.notReleased };
  for (const reason of Object.keys(notReleased) as Array<keyof ReleasePreview['notReleased']>) {
    notReleased[reason] = mergeGroups(a.notReleased[reason], b.notReleased[reason]);
  }
  return { released: mergeGroups(a.released, b.released), notReleased };
}

/**
 * Which of a file system's mounts on this machine a release preview walks. The one the Explorer
 * selection lies in (`selected`, its mount point), while it is still one of them. Otherwise, so
 * the mount table's order (a remount moves a line) never decides: the mount that reaches most of
 * the paths, then the one that sees most of the file system (the shortest mounted subdirectory),
 * then the first mount point in code-point order.
 */
export function previewMountOf<M extends Pick<LustreMount, 'mountPoint' | 'subdirectory'>>(mounts: readonly M[], apiPaths: readonly string[], selected?: string): M | undefined {
  const point = selected === undefined ? undefined : comparablePoint(selected);
  // Two mounts on one point: the last shadows the other (findMount in matching.ts).
  const chosen = point === undefined ? undefined : mounts.filter((mount) => comparablePoint(mount.mountPoint) === point).at(-1);
  if (chosen) {
    return chosen;
  }
  const ranked = mounts.map((mount) => ({ mount, unreachable: localPathsOf(mount, apiPaths).unreachable.length, depth: mount.subdirectory.replace(/^\/+|\/+$/g, '').length }));
  ranked.sort((a, b) => a.unreachable - b.unreachable || a.depth - b.depth || (a.mount.mountPoint < b.mount.mountPoint ? -1 : a.mount.mountPoint > b.mount.mountPoint ? 1 : 0));
  return ranked[0]?.mount;
}

function comparablePoint(mountPoint: string): string {
  const normalized = posix.normalize(mountPoint);
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}

/**
 * Where a task's paths (relative to the file system's root; '' or '/' the root) lie under a
 * mount of it; a path outside the mounted subdirectory has no local place (`unreachable`).
 */
export function localPathsOf(mount: Pick<LustreMount, 'mountPoint' | 'subdirectory'>, apiPaths: readonly string[]): { readonly local: string[]; readonly unreachable: string[] } {
  const local: string[] = [];
  const unreachable: string[] = [];
  const sub = mount.subdirectory.replace(/^\/+|\/+$/g, '');
  for (const apiPath of apiPaths.length === 0 ? [''] : apiPaths) {
    const path = posix.normalize(`/${apiPath}`).replace(/^\/+|\/+$/g, '');
    if (sub === '' || path === sub || path.startsWith(`${sub}/`)) {
      local.push(posix.join(mount.mountPoint, path.slice(sub.length)));
    } else if (sub.startsWith(`${path}/`) || path === '') {
      // A folder above the mounted one: what is mounted is the part of it this machine sees.
      local.push(mount.mountPoint);
    } else {
      unreachable.push(apiPath);
    }
  }
  return { local: [...new Set(local)], unreachable };
}
