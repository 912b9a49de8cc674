// The FSx SDK side as one module: the client factory (SDK client, credential providers) and the
// service over it. Only loadFsxBackend.ts imports it, with import(), so the production build makes
// it a bundle of its own (dist/fsx-backend.js) that activation does not load.
export { FsxClientFactory } from './clientFactory';
export { FsxService } from './fsxService';
