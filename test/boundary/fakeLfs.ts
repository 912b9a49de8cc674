// A fake `lfs` executable for the real process path, written into a temporary folder. It
// answers `lfs hsm_state FILE...` (and `hsm_action`: FAKE_LFS_ACTION, else NOOP) as Lustre does
// (lfs.c): one line per file it can open, in
// argument order; an error on stderr for a file that is not there or is refused, after which
// Lustre up to 2.15 ('stops') exits with the errno and 2.16 on ('continues') goes on. A file's
// mask is the number written in it ('refuse' makes it unreadable). It is a POSIX sh script, not
// Node, so a hundred processes start as fast as the real C program's would; it logs each
// process's start and end so a test can count processes and how many ran at once.
// `hsm_archive`, `hsm_release` and `hsm_restore` check every file first (a missing one or a folder
// stops the request, as lfs_hsm_request does), then change the masks as the coordinator would, or
// refuse as for a non-root user when FAKE_LFS_REFUSE is set.

import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type FakeLfsMode = 'stops' | 'continues' | 'hangs';

export interface ProcessLog {
  readonly pid: number;
  readonly files: number;
  readonly start: number;
  readonly end?: number;
}

const SCRIPT = `#!/bin/sh
now() { date +%s%N; }
echo "start $$ $(($# - 1)) $(now)" >> "$FAKE_LFS_LOG"
cmd=$1
case "$cmd" in hsm_state|hsm_action|hsm_archive|hsm_release|hsm_restore) ;; *) cmd= ;; esac
if [ -z "$cmd" ] || [ $# -lt 2 ]; then
  echo "usage: hsm_state <file> ..." >&2
  exit 22
fi
shift
case "$cmd" in hsm_archive|hsm_release|hsm_restore)
  # lfs_hsm_request: every file is checked before anything is sent.
  for f in "$@"; do
    if [ ! -e "$f" ]; then printf 'Cannot stat %s: No such file or directory\n' "$f" >&2; exit 2; fi
    if [ ! -f "$f" ]; then printf 'error: "%s" is not a regular file\n' "$f" >&2; exit 22; fi
  done
  if [ -n "$FAKE_LFS_REFUSE" ]; then
    printf 'Cannot send HSM request (use of %s): Operation not permitted\n' "$1" >&2; exit 1
  fi
  for f in "$@"; do
    mask=
    IFS= read -r mask < "$f" || true
    mask=\${mask:-0}
    case "$cmd" in
      hsm_archive) mask=$(( (mask | 9) & ~2 )) ;;
      hsm_release) [ $(( mask & 10 )) -eq 8 ] && mask=$(( mask | 4 )) ;;
      hsm_restore) mask=$(( mask & ~4 )) ;;
    esac
    echo "$mask" > "$f"
  done
  echo "end $$ $(now)" >> "$FAKE_LFS_LOG"
  exit 0 ;;
esac
case "$FAKE_LFS_MODE" in hangs) exec sleep 1000 ;; esac
[ -n "$FAKE_LFS_DELAY" ] && sleep "$FAKE_LFS_DELAY"
rc=0
for f in "$@"; do
  msg=
  code=0
  if [ ! -e "$f" ]; then
    msg='No such file or directory'; code=2
  else
    mask=
    IFS= read -r mask < "$f" || true
    if [ "$mask" = refuse ]; then msg='Permission denied'; code=13; fi
  fi
  if [ -n "$msg" ]; then
    [ $rc -eq 0 ] && rc=$code
    words='hsm state'; [ "$cmd" = hsm_action ] && words='hsm action'
    if [ "$FAKE_LFS_MODE" = stops ]; then
      printf "can't get %s for %s: %s\\n" "$words" "$f" "$msg" >&2
      break
    fi
    [ "$cmd" = hsm_state ] && words='HSM state'
    printf "lfs %s: get %s for '%s' failed: %s\\n" "$cmd" "$words" "$f" "$msg" >&2
    continue
  fi
  if [ "$cmd" = hsm_action ]; then
    printf '%s: %s\\n' "$f" "\${FAKE_LFS_ACTION:-NOOP}"
    continue
  fi
  mask=\${mask:-0}
  printf '%s: (0x%08x)' "$f" "$mask"
  [ $((mask & 4)) -ne 0 ] && printf ' released'
  [ $((mask & 1)) -ne 0 ] && printf ' exists'
  [ $((mask & 2)) -ne 0 ] && printf ' dirty'
  [ $((mask & 8)) -ne 0 ] && printf ' archived'
  [ $((mask & 16)) -ne 0 ] && printf ' never_release'
  [ $((mask & 32)) -ne 0 ] && printf ' never_archive'
  [ $((mask & 64)) -ne 0 ] && printf ' lost_from_hsm'
  [ "$mask" -ne 0 ] && printf ', archive_id:1'
  printf '\\n'
done
echo "end $$ $(now)" >> "$FAKE_LFS_LOG"
exit $rc
`;

export class FakeLfs {
  readonly dir = mkdtempSync(join(tmpdir(), 'fake-lfs-'));
  /** The executable, named lfs. */
  readonly executable = join(this.dir, 'lfs');
  private readonly logPath = join(this.dir, 'processes.log');

  constructor() {
    writeFileSync(this.executable, SCRIPT);
    chmodSync(this.executable, 0o755);
    writeFileSync(this.logPath, '');
  }

  /** What the backend is given as its environment. */
  env(options: { mode?: FakeLfsMode; delaySeconds?: number; refuse?: boolean; action?: string; extra?: NodeJS.ProcessEnv } = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      FAKE_LFS_LOG: this.logPath,
      FAKE_LFS_MODE: options.mode ?? 'continues',
      FAKE_LFS_DELAY: options.delaySeconds === undefined ? '' : String(options.delaySeconds),
      FAKE_LFS_REFUSE: options.refuse ? '1' : '',
      FAKE_LFS_ACTION: options.action ?? '',
      ...options.extra,
    };
  }

  processes(): ProcessLog[] {
    const byPid = new Map<number, ProcessLog>();
    for (const line of readFileSync(this.logPath, 'utf8').split('\n')) {
      const [event, pid, ...rest] = line.split(' ');
      if (event === 'start') {
        byPid.set(Number(pid), { pid: Number(pid), files: Number(rest[0]), start: Number(rest[1]) / 1e6 });
      } else if (event === 'end') {
        const entry = byPid.get(Number(pid));
        if (entry) {
          byPid.set(Number(pid), { ...entry, end: Number(rest[0]) / 1e6 });
        }
      }
    }
    return [...byPid.values()];
  }

  /** The most processes that were inside the script at one moment. */
  peakOverlap(): number {
    const events = this.processes().flatMap((process) => [
      { at: process.start, delta: 1 },
      { at: process.end ?? Number.POSITIVE_INFINITY, delta: -1 },
    ]);
    events.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let running = 0;
    let peak = 0;
    for (const event of events) {
      running += event.delta;
      peak = Math.max(peak, running);
    }
    return peak;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
