// Which described file system or cache a Lustre mount is, and the API path of a local path.

import { posix } from 'node:path';
import type { LustreMount } from './mountTable';

export interface MountableResource {
  readonly kind: 'fileSystem' | 'fileCache';
  readonly id: string;
  readonly dnsName?: string;
  /** LustreConfiguration.MountName. */
  readonly mountName?: string;
}

export type MountMatch<R extends MountableResource> =
  | {
      readonly mount: LustreMount;
      readonly resource: R;
      /** 'dnsName': the mount's DNS name and mount name; 'mountName': the host is an address, the mount name alone (unique) decided. */
      readonly by: 'dnsName' | 'mountName';
    }
  | {
      readonly mount: LustreMount;
      readonly resource?: undefined;
      /** From the DNS name, so a connection to that region can be offered; absent for an address. */
      readonly region?: string;
      readonly resourceId?: string;
    };

/** One answer per mount, in mount table order. */
export function matchMounts<R extends MountableResource>(mounts: readonly LustreMount[], resources: readonly R[]): MountMatch<R>[] {
  return mounts.map((mount) => {
    const hosts = new Set(mount.hosts.map((host) => host.toLowerCase()));
    const byDns = resources.find(
      (resource) =>
        resource.dnsName !== undefined && hosts.has(resource.dnsName.toLowerCase()) && (resource.mountName === undefined || resource.mountName === mount.mountName),
    );
    if (byDns) {
      return { mount, resource: byDns, by: 'dnsName' as const };
    }
    if (!mount.fsxName) {
      // The kernel showed an address: the mount name is the only clue, if no other resource shares it.
      const candidates = resources.filter((resource) => resource.mountName === mount.mountName);
      if (candidates.length === 1) {
        return { mount, resource: candidates[0], by: 'mountName' as const };
      }
      return { mount };
    }
    return { mount, region: mount.fsxName.region, resourceId: mount.fsxName.id };
  });
}

/** The mount that holds an absolute path: the deepest mount point; of equal ones the last (it shadows the others). */
export function findMount<M extends { readonly mountPoint: string }>(mounts: readonly M[], absolutePath: string): M | undefined {
  const path = normalizeAbsolute(absolutePath);
  let best: M | undefined;
  let bestLength = -1;
  for (const mount of mounts) {
    const point = normalizeAbsolute(mount.mountPoint);
    if (path !== undefined && point !== undefined && isWithin(path, point) && point.length >= bestLength) {
      best = mount;
      bestLength = point.length;
    }
  }
  return best;
}

/**
 * The path the FSx API wants for a local path inside a mount: relative to the file system's
 * root, without a leading slash ('dir/file'); '' is the root itself. Undefined when the path
 * is not inside the mount. A mounted subdirectory is prefixed. Symbolic links are not followed.
 */
export function relativeToMount(mount: Pick<LustreMount, 'mountPoint' | 'subdirectory'>, absolutePath: string): string | undefined {
  const path = normalizeAbsolute(absolutePath);
  const point = normalizeAbsolute(mount.mountPoint);
  if (path === undefined || point === undefined || !isWithin(path, point)) {
    return undefined;
  }
  const inside = path.slice(point.length).replace(/^\/+/, '');
  return [mount.subdirectory, inside].filter((part) => part !== '').join('/');
}

function normalizeAbsolute(path: string): string | undefined {
  if (!path.startsWith('/')) {
    return undefined;
  }
  const normalized = posix.normalize(path);
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}

function isWithin(path: string, mountPoint: string): boolean {
  return path === mountPoint || path.startsWith(mountPoint === '/' ? '/' : `${mountPoint}/`);
}
