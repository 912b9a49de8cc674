// The FSx SDK side as one module: the client factory (SDK client, credential providers) and the
// service over it. Only loadFsxBackend.ts imports it, with import(), so the production build makes
// it part of a bundle of its own (dist/sdk.js, with the S3 client) that activation does not load.
export { FsxClientFactory } from './clientFactory';
export { FsxService } from './fsxService';
export { warmUpSdk } from './inMemoryWarmUp';
