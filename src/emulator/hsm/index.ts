// The sandbox's mounted folder and its files' HSM state (served on the emulator's port).
export { SANDBOX_HSM_PREFIX, STATE_PATHS_MAX, SandboxHsmRoute } from './route';
export {
  SANDBOX_MOUNT_FILE_SYSTEM,
  SANDBOX_SEED_FILES,
  SandboxFiles,
  SandboxHsmError,
  WALK_MAX_FILES,
  type SandboxFileState,
  type SandboxMountDescription,
  type SeedFile,
  type SeedState,
} from './sandboxFiles';
