// Stopping a process and everything it started (code-server forks a pty host, an extension
// host and file watchers; Chromium its renderers). Linux only: reads /proc.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** Pids of every live descendant of `rootPid` (not including it), from /proc. */
export function descendants(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) {
      children.set(ppid, []);
    }
    children.get(ppid).push(Number(entry));
  }
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** True while `pid` runs; a zombie (exited, not yet reaped by its parent) counts as gone. */
export function isAlive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * SIGTERM to `rootPid`, its process group (when it leads one) and all its descendants; SIGKILL
 * to whatever is still alive after `graceMs`. Resolves when all of them are gone.
 */
export async function killTree(rootPid, { graceMs = 5000, group = true } = {}) {
  const pids = [rootPid, ...descendants(rootPid)];
  if (group) {
    signal(-rootPid, 'SIGTERM');
  }
  for (const pid of pids) {
    signal(pid, 'SIGTERM');
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(isAlive)) {
    await delay(50);
  }
  const survivors = [...pids, ...pids.flatMap((pid) => (isAlive(pid) ? descendants(pid) : []))].filter(isAlive);
  if (survivors.length > 0) {
    if (group) {
      signal(-rootPid, 'SIGKILL');
    }
    for (const pid of survivors) {
      signal(pid, 'SIGKILL');
    }
    while (survivors.some(isAlive)) {
      await delay(20);
    }
  }
}

/** Synchronous last resort for process 'exit' handlers: SIGKILL the tree now. */
export function killTreeSync(rootPid, { group = true } = {}) {
  const pids = [rootPid, ...descendants(rootPid)];
  if (group) {
    signal(-rootPid, 'SIGKILL');
  }
  for (const pid of pids) {
    signal(pid, 'SIGKILL');
  }
}
