// The machine's mount table (Linux `/proc/self/mounts` format) and the Lustre mounts in it.
// A Lustre mount's source is `<nid>[:<nid>...]:/<MountName>[/<subdirectory>]`, each NID
// `<host>@<network>`; FSx for Lustre and File Cache hosts are DNS names such as
// `fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com` or `fc-...fsx.<region>.amazonaws.com`,
// though the kernel may show the server's IP address instead.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface MountEntry {
  readonly source: string;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly options: readonly string[];
}

export interface LustreMount {
  readonly source: string;
  /** Absolute path, with the kernel's octal escapes decoded. */
  readonly mountPoint: string;
  readonly options: readonly string[];
  /** The servers' hosts (DNS names or IP addresses), without the `@network`. */
  readonly hosts: readonly string[];
  readonly mountName: string;
  /** The part of the file system mounted here, '' for its root (e.g. 'projects/alpha'). */
  readonly subdirectory: string;
  /** What the DNS name says, when a host is an FSx one. */
  readonly fsxName?: FsxDnsName;
}

export interface FsxDnsName {
  readonly dnsName: string;
  readonly kind: 'fileSystem' | 'fileCache';
  /** fs-... or fc-... */
  readonly id: string;
  readonly region: string;
}

/** Where the table text comes from: the machine, or a file of real lines in tests. */
export interface MountTableReader {
  read(): Promise<string>;
}

export const PROC_MOUNTS = '/proc/self/mounts';

/**
 * Where the mount table is read from: `/proc/self/mounts`, or the file this variable names (tests
 * give real lines that way).
 */
export const MOUNT_TABLE_ENV = 'FSX_MOUNT_TABLE';

/**
 * Whether the table lists a Lustre mount, read synchronously: activation's entry asks it before
 * deciding to load the main code (a few KB of file).
 */
export function hasLustreMount(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // No table (not Linux) or unreadable: the main code's own reading reports problems when it loads.
    return false;
  }
  return parseMountTable(text).some((entry) => entry.fsType === 'lustre');
}

/** Reads a mounts file; a machine without one (not Linux) has no mounts. */
export function fileMountTable(path: string = PROC_MOUNTS): MountTableReader {
  return {
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return '';
        }
        throw error;
      }
    },
  };
}

export async function readLustreMounts(reader: MountTableReader): Promise<LustreMount[]> {
  return lustreMountsOf(await reader.read());
}

/** `\040` (space), `\011` (tab), `\012` (newline), `\134` (backslash) as the kernel writes them. */
export function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function parseMountTable(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/[ \t]+/);
    if (fields.length < 3 || fields[0] === '' || fields[0].startsWith('#')) {
      continue;
    }
    entries.push({
      source: unescapeMountField(fields[0]),
      mountPoint: unescapeMountField(fields[1]),
      fsType: unescapeMountField(fields[2]),
      options: fields[3] === undefined ? [] : unescapeMountField(fields[3]).split(','),
    });
  }
  return entries;
}

export function lustreMountsOf(text: string): LustreMount[] {
  const mounts: LustreMount[] = [];
  for (const entry of parseMountTable(text)) {
    const mount = entry.fsType === 'lustre' ? lustreMountOf(entry) : undefined;
    if (mount) {
      mounts.push(mount);
    }
  }
  return mounts;
}

function lustreMountOf(entry: MountEntry): LustreMount | undefined {
  const split = entry.source.indexOf(':/');
  if (split <= 0) {
    return undefined;
  }
  const hosts = entry.source
    .slice(0, split)
    .split(/[:,]/)
    .filter((nid) => nid !== '')
    .map((nid) => nid.split('@')[0]);
  const [mountName, ...rest] = entry.source.slice(split + 2).split('/');
  if (mountName === undefined || mountName === '' || hosts.length === 0) {
    return undefined;
  }
  const fsxName = hosts.map(parseFsxDnsName).find((name) => name !== undefined);
  return {
    source: entry.source,
    mountPoint: entry.mountPoint,
    options: entry.options,
    hosts,
    mountName,
    subdirectory: rest.filter((part) => part !== '').join('/'),
    ...(fsxName ? { fsxName } : {}),
  };
}

const FSX_DNS_NAME = /^(fs|fc)-([0-9a-f]{8,})\.fsx\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com(?:\.cn)?$/i;

export function parseFsxDnsName(host: string): FsxDnsName | undefined {
  const match = FSX_DNS_NAME.exec(host);
  if (!match) {
    return undefined;
  }
  const prefix = match[1].toLowerCase();
  return {
    dnsName: host.toLowerCase(),
    kind: prefix === 'fs' ? 'fileSystem' : 'fileCache',
    id: `${prefix}-${match[2].toLowerCase()}`,
    region: match[3].toLowerCase(),
  };
}
