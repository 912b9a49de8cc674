// The S3 half of outcomes, loaded on the first report rather than at activation. Types are free;
// the import() is the only place the module is loaded. The production build can make
// s3Client.ts a bundle of its own, so that the bundle activation loads does not carry the client.
export type S3Module = typeof import('./s3Client.js');

export function loadS3Module(): Promise<S3Module> {
  return import('./s3Client.js');
}
