// The export state of files on a Lustre mount (HSM), vscode-free: docs/ARCHITECTURE.md,
// "File export state (HSM)".

export { DEFAULT_BATCH_LIMITS, batchesOf, type BatchLimits } from './batches';
export { LfsStateSource, type LfsStateSourceOptions } from './lfsStateSource';
export { asPrinted, errorKindOf, parseHsmState } from './parse';
export { MS_PER_DAY, releasePreview, whyNotReleased, type ReleaseCandidate, type ReleaseGroup, type ReleasePreview, type NotReleasedReason } from './releasePreview';
export { HsmSourceError, LUSTRE_CLIENT_DOC, sourceByPath, type HsmSourceErrorKind, type HsmStateSource } from './source';
export { SandboxStateSource, type SandboxStateSourceOptions } from './sandboxStateSource';
export * from './states';
