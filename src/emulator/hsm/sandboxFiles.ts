// The HSM state of the files of a sandbox mount: a local folder that stands for a mounted FSx
// for Lustre file system, whose files the emulator keeps the state of as Lustre's HSM would
// (`lfs hsm_state`'s bits). The emulator reads the folder as the file system's servers know
// their files: a file's times and size come from the disk, its export record from here.
//
// The rules (docs/ARCHITECTURE.md, "The sandbox's files"):
// - An export task that SUCCEEDED archives the regular files under its Paths (none: all) as they
//   are when the task's end is applied; a never_archive file is skipped.
// - A release task that SUCCEEDED releases the files under its Paths ('/': all) that are archived,
//   unchanged since, not never_release, and whose last access (the largest of atime, mtime and
//   ctime, the machine's times) is older than DurationSinceLastAccess days (0: any).
// - An import task that SUCCEEDED links a lost file under its Paths (S3 paths, through the
//   associations) to its S3 object again: archived and released (its data loads on read).
// - A restore (`lfs hsm_restore`, Restore from S3) of a released file loads its data back at once:
//   archived, no longer released. Other files are left as they are, as lfs does.
// - A write makes a file dirty: its mtime is no longer the one archived. Nothing has to tell the
//   emulator: each state question compares the file's mtime with the archived one.
// Tasks' ends are applied when a question comes (tasks are a function of the clock: nothing ticks).

import { lstat, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, posix, sep } from 'node:path';
import { lifecycleAt, completionTimeOf } from '../lifecycle';
import type { TaskPlan } from '../apiModel';
import type { EmulatorStore } from '../store';

export const HS_EXISTS = 0x1;
export const HS_DIRTY = 0x2;
export const HS_RELEASED = 0x4;
export const HS_ARCHIVED = 0x8;
export const HS_NORELEASE = 0x10;
export const HS_NOARCHIVE = 0x20;
export const HS_LOST = 0x40;

const DAY_MS = 86_400_000;
/** Files one task's walk visits at most: a sandbox folder is small; a bound keeps a mistake cheap. */
export const WALK_MAX_FILES = 10_000;

/** The demo file system whose mount the sandbox shows (it runs no task when the demo starts). */
export const SANDBOX_MOUNT_FILE_SYSTEM = 'ml-training';

/** What a seeded file is when the mount is attached. */
export type SeedState = 'exported' | 'changed' | 'notExported' | 'released' | 'lost' | 'noRelease' | 'noArchive';

export interface SeedFile {
  /** Relative to the file system's root. */
  readonly path: string;
  readonly state: SeedState;
  readonly bytes: number;
}

/** Files in every state, under the demo file system's associations (/checkpoints, /datasets). */
export const SANDBOX_SEED_FILES: readonly SeedFile[] = [
  { path: 'checkpoints/resnet50/epoch-089.pt', state: 'exported', bytes: 4096 },
  { path: 'checkpoints/resnet50/epoch-090.pt', state: 'exported', bytes: 4096 },
  { path: 'checkpoints/resnet50/train.log', state: 'changed', bytes: 1024 },
  { path: 'checkpoints/llm-7b/step-120000.bin', state: 'changed', bytes: 8192 },
  { path: 'checkpoints/llm-7b/step-121000.bin', state: 'notExported', bytes: 8192 },
  { path: 'checkpoints/llm-7b/config.json', state: 'notExported', bytes: 512 },
  { path: 'checkpoints/archive/epoch-001.pt', state: 'released', bytes: 4096 },
  { path: 'checkpoints/archive/epoch-002.pt', state: 'lost', bytes: 4096 },
  { path: 'datasets/imagenet-21k/index.parquet', state: 'noRelease', bytes: 2048 },
  { path: 'datasets/tmp/scratch.bin', state: 'noArchive', bytes: 2048 },
];

export interface SandboxMountDescription {
  readonly fileSystemId: string;
  /** Its Name tag. */
  readonly name: string;
  /** The file system's DNS name and mount name, as DescribeFileSystems answers them. */
  readonly dnsName: string;
  readonly mountName: string;
  readonly root: string;
}

/** One file's answer: its bits, or the C library's words for why it has none (as lfs prints them). */
export type SandboxFileState = { readonly mask: number; readonly archiveId: number } | { readonly error: string };

interface FileRecord {
  /** The mtime the last export saw; undefined: never archived. */
  archivedMtimeMs?: number;
  released: boolean;
  lost: boolean;
  noRelease: boolean;
  noArchive: boolean;
}

interface Mount extends SandboxMountDescription {
  /** Tasks created before the mount was attached (or the emulator reset) are its history, not changes to its files. */
  attachedAt: number;
  readonly files: Map<string, FileRecord>;
  readonly applied: Set<string>;
  /** Set by a reset: the seeded files are written again before the next question. */
  seedAgain?: boolean;
}

export class SandboxHsmError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class SandboxFiles {
  private readonly mounts = new Map<string, Mount>();

  constructor(
    private readonly store: EmulatorStore,
    /** The machine's time, for files' ages (the emulator's clock may run faster: it times tasks, not file times). */
    private readonly wallClock: () => number = Date.now,
  ) {}

  /**
   * The emulator's reset: the mount stays (a folder of this machine the sandbox owns), its seeded
   * files are written again in their seeded states before the next question, and tasks from
   * before the reset are forgotten (the seeded world starts again at the same ids).
   */
  reset(): void {
    for (const mount of this.mounts.values()) {
      mount.attachedAt = this.store.now();
      mount.applied.clear();
      mount.seedAgain = true;
    }
  }

  /**
   * Makes `root` (absent or empty) the mount of the demo file system and writes its files in
   * every state. Refuses a folder with anything in it: the emulator never overwrites a file.
   */
  async attach(root: string, fileSystemName: string = SANDBOX_MOUNT_FILE_SYSTEM): Promise<SandboxMountDescription> {
    if (!isAbsolute(root)) {
      throw new SandboxHsmError(400, 'BadRequest', 'root must be an absolute path.');
    }
    const fileSystem = this.store.fileSystems().find((candidate) => candidate.type === 'LUSTRE' && candidate.tags.some((tag) => tag.Key === 'Name' && tag.Value === fileSystemName));
    if (!fileSystem?.mountName) {
      throw new SandboxHsmError(404, 'FileSystemNotFound', `No Lustre file system named ${fileSystemName} in this scenario.`);
    }
    await mkdir(root, { recursive: true });
    if ((await readdir(root)).length > 0) {
      throw new SandboxHsmError(409, 'FolderNotEmpty', 'The sandbox mounts only an empty folder: it never overwrites a file.');
    }
    const files = await this.writeSeedFiles(root);
    const mount: Mount = {
      fileSystemId: fileSystem.fileSystemId,
      name: fileSystemName,
      dnsName: `${fileSystem.fileSystemId}.fsx.us-east-1.amazonaws.com`,
      mountName: fileSystem.mountName,
      root,
      attachedAt: this.store.now(),
      files,
      applied: new Set(),
    };
    this.mounts.set(mount.fileSystemId, mount);
    return describe(mount);
  }

  /** Writes the seeded files under `root` (over what is there) and answers their records. */
  private async writeSeedFiles(root: string): Promise<Map<string, FileRecord>> {
    const files = new Map<string, FileRecord>();
    const now = this.wallClock();
    for (const seed of SANDBOX_SEED_FILES) {
      const path = join(root, ...seed.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, seedContent(seed));
      // A day ago: an export that ran yesterday, a change since for the changed one.
      const mtime = new Date(now - DAY_MS);
      await utimes(path, mtime, mtime);
      const { mtimeMs } = await lstat(path);
      files.set(seed.path, seedRecord(seed.state, mtimeMs));
    }
    return files;
  }

  /** After a reset, the seeded files as they were seeded (the reset is synchronous, the disk is not). */
  private async seededAgain(mount: Mount): Promise<void> {
    if (mount.seedAgain) {
      mount.seedAgain = false;
      const files = await this.writeSeedFiles(mount.root);
      mount.files.clear();
      for (const [path, record] of files) {
        mount.files.set(path, record);
      }
    }
  }

  /** The state of each file (paths relative to the file system's root), in order, after the tasks that ended. */
  async states(fileSystemId: string, paths: readonly string[]): Promise<SandboxFileState[]> {
    const mount = this.mounts.get(fileSystemId);
    if (!mount) {
      throw new SandboxHsmError(404, 'MountNotFound', `No sandbox mount of ${fileSystemId}.`);
    }
    await this.seededAgain(mount);
    await this.applyEndedTasks(mount);
    return Promise.all(paths.map((path) => this.stateOf(mount, path)));
  }

  /**
   * Restores the released files among `paths` (relative to the file system's root): their data is
   * back at once (a sandbox file is small). Answers, in order, whether each was a regular file.
   */
  async restore(fileSystemId: string, paths: readonly string[]): Promise<SandboxFileState[]> {
    const mount = this.mounts.get(fileSystemId);
    if (!mount) {
      throw new SandboxHsmError(404, 'MountNotFound', `No sandbox mount of ${fileSystemId}.`);
    }
    await this.seededAgain(mount);
    await this.applyEndedTasks(mount);
    const answers = await Promise.all(paths.map((path) => this.stateOf(mount, path)));
    paths.forEach((path, index) => {
      const record = mount.files.get(normalized(path));
      if (record && 'mask' in answers[index]) {
        record.released = false;
      }
    });
    return answers;
  }

  private async stateOf(mount: Mount, path: string): Promise<SandboxFileState> {
    const local = localPath(mount, path);
    if (local === undefined) {
      return { error: 'No such file or directory' };
    }
    let stats;
    try {
      stats = await lstat(local);
    } catch (error) {
      return { error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : 'Input/output error' };
    }
    if (!stats.isFile()) {
      // lfs asks a file's ioctl: a folder or a link answers ENOTTY.
      return { error: 'Inappropriate ioctl for device' };
    }
    const record = mount.files.get(normalized(path));
    return { mask: record ? maskOf(record, stats.mtimeMs) : 0, archiveId: 0 };
  }

  /** Applies, in the order they ended, the tasks on the mount's file system that SUCCEEDED since the last question. */
  private async applyEndedTasks(mount: Mount): Promise<void> {
    const now = this.store.now();
    const ended: TaskPlan[] = [];
    for (const plan of this.store.taskPlansNewestFirst([mount.fileSystemId])) {
      if (plan.createdAt < mount.attachedAt) {
        break;
      }
      if (mount.applied.has(plan.taskId)) {
        continue;
      }
      const lifecycle = lifecycleAt(plan, now);
      if (lifecycle === 'SUCCEEDED') {
        ended.push(plan);
      }
      if (lifecycle === 'SUCCEEDED' || lifecycle === 'FAILED' || lifecycle === 'CANCELED') {
        mount.applied.add(plan.taskId);
      }
    }
    ended.sort((a, b) => completionTimeOf(a) - completionTimeOf(b));
    for (const plan of ended) {
      await this.apply(mount, plan);
    }
  }

  private async apply(mount: Mount, plan: TaskPlan): Promise<void> {
    switch (plan.type) {
      case 'EXPORT_TO_REPOSITORY':
        for (const file of await this.walk(mount, plan.paths)) {
          const record = recordOf(mount, file.path);
          if (!record.noArchive && !record.released) {
            record.archivedMtimeMs = file.mtimeMs;
            record.lost = false;
          }
        }
        return;
      case 'RELEASE_DATA_FROM_FILESYSTEM': {
        const days = plan.releaseConfiguration?.DurationSinceLastAccess?.Value ?? 0;
        const now = this.wallClock();
        for (const file of await this.walk(mount, plan.paths)) {
          const record = mount.files.get(file.path);
          if (record && isExported(record, file.mtimeMs) && !record.noRelease && (days === 0 || now - file.lastAccessMs > days * DAY_MS)) {
            record.released = true;
          }
        }
        return;
      }
      case 'IMPORT_METADATA_FROM_REPOSITORY':
        for (const file of await this.walk(mount, this.importedPaths(mount, plan.paths))) {
          const record = mount.files.get(file.path);
          if (record?.lost) {
            record.lost = false;
            record.released = true;
            record.archivedMtimeMs = file.mtimeMs;
          }
        }
        return;
      case 'AUTO_RELEASE_DATA':
        return;
    }
  }

  /** An import's S3 paths as the file system's paths, through its associations; none: every association's. */
  private importedPaths(mount: Mount, s3Paths: readonly string[]): string[] {
    const associations = this.store.associationsOf(mount.fileSystemId).filter((association) => association.repositoryType === 'S3');
    const paths: string[] = [];
    for (const association of associations) {
      const repository = association.dataRepositoryPath.replace(/\/+$/, '');
      const fsPath = association.resourcePath.replace(/^\/+|\/+$/g, '');
      if (s3Paths.length === 0) {
        paths.push(fsPath);
        continue;
      }
      for (const s3Path of s3Paths) {
        const trimmed = s3Path.replace(/\/+$/, '');
        if (trimmed === repository || trimmed.startsWith(`${repository}/`)) {
          paths.push([fsPath, trimmed.slice(repository.length + 1)].filter((part) => part !== '').join('/'));
        } else if (repository.startsWith(`${trimmed}/`)) {
          paths.push(fsPath);
        }
      }
    }
    // No association matched: nothing is imported (an empty list would mean every file).
    return paths.length > 0 ? paths : ['\0none'];
  }

  /** The regular files under the task's paths (none, '' or '/': all), at most WALK_MAX_FILES. */
  private async walk(mount: Mount, taskPaths: readonly string[]): Promise<WalkedFile[]> {
    const starts = taskPaths.length === 0 ? [''] : taskPaths.map(normalized);
    const found = new Map<string, WalkedFile>();
    const visit = async (relative: string): Promise<void> => {
      if (found.size >= WALK_MAX_FILES) {
        return;
      }
      const local = localPath(mount, relative);
      if (local === undefined) {
        return;
      }
      let stats;
      try {
        stats = await lstat(local);
      } catch {
        return;
      }
      if (stats.isFile()) {
        found.set(relative, { path: relative, mtimeMs: stats.mtimeMs, lastAccessMs: Math.max(stats.atimeMs, stats.mtimeMs, stats.ctimeMs) });
      } else if (stats.isDirectory()) {
        for (const name of (await readdir(local)).sort()) {
          await visit(relative === '' ? name : `${relative}/${name}`);
        }
      }
    };
    for (const start of starts) {
      await visit(start);
    }
    return [...found.values()];
  }
}

interface WalkedFile {
  readonly path: string;
  readonly mtimeMs: number;
  readonly lastAccessMs: number;
}

function describe(mount: Mount): SandboxMountDescription {
  return { fileSystemId: mount.fileSystemId, name: mount.name, dnsName: mount.dnsName, mountName: mount.mountName, root: mount.root };
}

/** A task's or a question's path as the records key it: no leading, trailing or doubled slash; '' is the root. */
function normalized(path: string): string {
  const clean = posix.normalize(`/${path}`).replace(/\/+$/, '');
  return clean.replace(/^\/+/, '');
}

/** The local path of a file system path, never outside the root ('..' cannot climb out). */
function localPath(mount: Mount, path: string): string | undefined {
  if (path.includes('\0')) {
    return undefined;
  }
  const relative = normalized(path);
  const local = relative === '' ? mount.root : join(mount.root, ...relative.split('/'));
  return local === mount.root || local.startsWith(mount.root.endsWith(sep) ? mount.root : `${mount.root}${sep}`) ? local : undefined;
}

function recordOf(mount: Mount, path: string): FileRecord {
  let record = mount.files.get(path);
  if (!record) {
    record = { released: false, lost: false, noRelease: false, noArchive: false };
    mount.files.set(path, record);
  }
  return record;
}

function isExported(record: FileRecord, mtimeMs: number): boolean {
  return record.archivedMtimeMs === mtimeMs && !record.released && !record.lost;
}

/** The bits `lfs hsm_state` would print for the file now. */
export function maskOf(record: FileRecord, mtimeMs: number): number {
  let mask = 0;
  if (record.archivedMtimeMs !== undefined) {
    mask |= HS_EXISTS | HS_ARCHIVED;
    // A write to a released file first brings its data back: then it is changed, no longer released.
    if (mtimeMs !== record.archivedMtimeMs) {
      mask |= HS_DIRTY;
      record.released = false;
    }
  }
  if (record.released) {
    mask |= HS_RELEASED;
  }
  if (record.lost) {
    mask |= HS_LOST;
  }
  if (record.noRelease) {
    mask |= HS_NORELEASE;
  }
  if (record.noArchive) {
    mask |= HS_NOARCHIVE;
  }
  return mask;
}

function seedRecord(state: SeedState, mtimeMs: number): FileRecord {
  const record: FileRecord = { released: false, lost: false, noRelease: false, noArchive: false };
  switch (state) {
    case 'exported':
      record.archivedMtimeMs = mtimeMs;
      break;
    case 'changed':
      // Archived as it was an hour before its last write.
      record.archivedMtimeMs = mtimeMs - 3_600_000;
      break;
    case 'notExported':
      break;
    case 'released':
      record.archivedMtimeMs = mtimeMs;
      record.released = true;
      break;
    case 'lost':
      record.archivedMtimeMs = mtimeMs;
      record.lost = true;
      break;
    case 'noRelease':
      record.archivedMtimeMs = mtimeMs;
      record.noRelease = true;
      break;
    case 'noArchive':
      record.noArchive = true;
      break;
  }
  return record;
}

function seedContent(seed: SeedFile): string {
  const line = `sandbox file ${seed.path}: ${seed.state}\n`;
  return line.repeat(Math.max(1, Math.ceil(seed.bytes / line.length))).slice(0, Math.max(seed.bytes, line.length));
}
