// Lustre mounts of this machine and the file systems and caches they are (vscode-free).

export {
  PROC_MOUNTS,
  MOUNT_TABLE_ENV,
  hasLustreMount,
  fileMountTable,
  lustreMountsOf,
  parseFsxDnsName,
  parseMountTable,
  readLustreMounts,
  unescapeMountField,
  type FsxDnsName,
  type LustreMount,
  type MountEntry,
  type MountTableReader,
} from './mountTable';
export { findMount, matchMounts, relativeToMount, type MountMatch, type MountableResource } from './matching';
export { selectionOf, type MountSelection } from './selection';
export { SANDBOX_HSM_PATH, attachSandboxMount, postSandboxHsm, sandboxLustreMount, type SandboxMount } from './sandboxMount';
