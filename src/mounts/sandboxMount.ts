// The sandbox's mount: a local folder that stands for a mounted FSx for Lustre file system of
// the demo scenario. The emulator writes its files and keeps their HSM state; the extension
// reaches it only over HTTP on the emulator's URL, as it would any endpoint
// (emulator/hsm/route.ts), and lists the folder beside the mount table's Lustre mounts.

import { parseFsxDnsName, type LustreMount } from './mountTable';

/** The sandbox's routes on the emulator's port. */
export const SANDBOX_HSM_PATH = '/_sandbox/hsm/';
/** One question's time to answer (a loopback server: a slow one is a stuck one). */
const REQUEST_TIMEOUT_MS = 10_000;

export interface SandboxMount {
  /** As a mount table line would give it: the file system's DNS name and mount name. */
  readonly mount: LustreMount;
  /** The emulator's URL. */
  readonly endpoint: string;
  readonly fileSystemId: string;
  /** The file system's name (its Name tag). */
  readonly name: string;
}

/** What the emulator answers when it mounts the folder. */
interface MountDescription {
  readonly fileSystemId: string;
  readonly name: string;
  readonly dnsName: string;
  readonly mountName: string;
  readonly root: string;
}

/**
 * Asks the sandbox's emulator to mount `root` (absent or empty: it never overwrites a file) as
 * the demo file system and write its files; the mount as the mount table would list it.
 */
export async function attachSandboxMount(endpoint: string, root: string, signal?: AbortSignal): Promise<SandboxMount> {
  const answer = await postSandboxHsm(endpoint, 'mount', { root }, signal);
  if (!isMountDescription(answer) || answer.root !== root) {
    throw new Error('The sandbox answered the mount with something else than a mount');
  }
  return { mount: sandboxLustreMount(answer), endpoint, fileSystemId: answer.fileSystemId, name: answer.name };
}

/** A Lustre mount of the described file system at `root`, as `<dns>@tcp:/<mountName> <root> lustre` reads. */
export function sandboxLustreMount(description: Pick<MountDescription, 'dnsName' | 'mountName' | 'root'>): LustreMount {
  const fsxName = parseFsxDnsName(description.dnsName);
  return {
    source: `${description.dnsName}@tcp:/${description.mountName}`,
    mountPoint: description.root,
    options: ['rw', 'flock'],
    hosts: [description.dnsName],
    mountName: description.mountName,
    subdirectory: '',
    ...(fsxName ? { fsxName } : {}),
  };
}

/** POSTs JSON to a sandbox HSM route; a non-2xx answer is an Error naming the emulator's error code. */
export async function postSandboxHsm(endpoint: string, operation: 'mount' | 'state' | 'restore', body: unknown, signal?: AbortSignal): Promise<unknown> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const response = await fetch(new URL(`${SANDBOX_HSM_PATH}${operation}`, endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const code = typeof parsed === 'object' && parsed !== null && typeof (parsed as { __type?: unknown }).__type === 'string' ? (parsed as { __type: string }).__type : 'no error code';
    throw new Error(`The sandbox's ${operation} answered HTTP ${response.status} (${code})`);
  }
  return parsed;
}

function isMountDescription(value: unknown): value is MountDescription {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return ['fileSystemId', 'name', 'dnsName', 'mountName', 'root'].every((key) => typeof record[key] === 'string');
}
