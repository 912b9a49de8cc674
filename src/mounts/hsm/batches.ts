// How many files one `lfs hsm_state` process is asked about: enough that a folder of 10,000
// files costs about a hundred processes, few enough that the argument vector stays far below
// the system's limit (ARG_MAX, often 2 MiB, shared with the environment).

export interface BatchLimits {
  readonly maxFiles: number;
  /** UTF-8 bytes of the paths plus their terminating NULs. */
  readonly maxArgBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxFiles: 100, maxArgBytes: 64 * 1024 };

/**
 * The paths in batches, in order, duplicates dropped. A path with a newline goes alone, so no
 * name can pass for another file's line; a path over the byte bound goes alone too.
 */
export function batchesOf(paths: readonly string[], limits: BatchLimits = DEFAULT_BATCH_LIMITS): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length > 0) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  };
  for (const path of new Set(paths)) {
    if (path.includes('\n')) {
      flush();
      batches.push([path]);
      continue;
    }
    const size = Buffer.byteLength(path, 'utf8') + 1;
    if (current.length >= limits.maxFiles || (current.length > 0 && bytes + size > limits.maxArgBytes)) {
      flush();
    }
    current.push(path);
    bytes += size;
  }
  flush();
  return batches;
}
