// The export state of files on a Lustre mount (HSM), vscode-free: docs/ARCHITECTURE.md,
// "File export state (HSM)" and "Acting on files (HSM)".

export {
  backendByPath,
  HsmRequestError,
  LISTED_FILES_MAX,
  lfsSubcommand,
  privilegedArgv,
  type HsmActionAnswer,
  type HsmActionName,
  type HsmActionSource,
  type HsmBackend,
  type HsmCurrentAction,
  type HsmProgressState,
  type HsmRequestErrorKind,
  type HsmRequestKind,
  type HsmRequestResult,
  type HsmSkippedFile,
} from './actions';
export { DEFAULT_BATCH_LIMITS, batchesOf, type BatchLimits } from './batches';
export { LfsBackend } from './lfsBackend';
export { LfsStateSource, type LfsStateSourceOptions } from './lfsStateSource';
export { asPrinted, errorKindOf, parseHsmState } from './parse';
export { parseHsmAction, parseRequestFailure, type RequestFailure } from './parseAction';
export { MS_PER_DAY, releasePreview, whyNotReleased, type ReleaseCandidate, type ReleaseGroup, type ReleasePreview, type NotReleasedReason } from './releasePreview';
export { HsmSourceError, LUSTRE_CLIENT_DOC, sourceByPath, type HsmSourceErrorKind, type HsmStateSource } from './source';
export { SandboxStateSource, type SandboxStateSourceOptions } from './sandboxStateSource';
export * from './states';
export { WALK_FILES_MAX, listFiles, localPathsOf, mergePreviews, nodeWalkFs, previewMountOf, walkReleasePreview, type ListOptions, type ReleaseWalkOptions, type ReleaseWalkResult, type WalkFs } from './releaseWalk';
