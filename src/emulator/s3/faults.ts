// S3 fault injection with the emulator's fault kinds, optionally scoped to one bucket (the
// usual real failure: a bucket policy that denies the reader).

import { checkSpec, type FaultKind, type FaultSpec } from '../faults';
import { S3Error } from './errors';

export const S3_OPERATION_NAMES = ['GetObject', 'HeadObject', 'ListObjectsV2', 'HeadBucket', 'ListBuckets'] as const;
export type S3OperationName = (typeof S3_OPERATION_NAMES)[number];

/** The emulator's fault spec, with S3 operations and an optional bucket. */
export interface S3FaultSpec extends Omit<FaultSpec, 'operation'> {
  /** Only requests on this bucket; undefined means every bucket. */
  bucket?: string;
  /** '*' or undefined means every operation. */
  operation?: S3OperationName | '*';
}

export interface S3FaultDecision {
  readonly delayMs: number;
  readonly drop: boolean;
  readonly error?: S3Error;
}

interface Active {
  readonly spec: Readonly<S3FaultSpec>;
  left: number;
}

export class S3Faults {
  private active: Active[] = [];

  add(spec: S3FaultSpec): () => void {
    const entry: Active = { spec: checkSpec(spec), left: spec.count ?? Infinity };
    this.active.push(entry);
    return () => {
      this.active = this.active.filter((other) => other !== entry);
    };
  }

  clear(): void {
    this.active = [];
  }

  /** Every matching latency fault adds its delay; then the earliest other matching fault wins. */
  decide(operation: S3OperationName, bucket: string | undefined): S3FaultDecision {
    const applies = (entry: Active): boolean =>
      (entry.spec.operation === undefined || entry.spec.operation === '*' || entry.spec.operation === operation) &&
      (entry.spec.bucket === undefined || entry.spec.bucket === bucket);
    const used: Active[] = [];
    let delayMs = 0;
    let terminal: Active | undefined;
    for (const entry of this.active.filter(applies)) {
      if (entry.spec.kind === 'latency') {
        delayMs += entry.spec.latencyMs ?? 0;
        used.push(entry);
      } else if (!terminal) {
        terminal = entry;
        used.push(entry);
      }
    }
    for (const entry of used) {
      entry.left -= 1;
    }
    this.active = this.active.filter((entry) => entry.left > 0);
    const kind = terminal?.spec.kind;
    if (kind === undefined || kind === 'latency' || kind === 'drop' || kind === 'dropAfterApply' || kind === 'repeatNextToken') {
      // A read has nothing to apply: dropping after it is dropping. (S3 pages are not faulted.)
      return { delayMs, drop: kind === 'drop' || kind === 'dropAfterApply' };
    }
    return { delayMs, drop: false, error: s3FaultError(kind, bucket) };
  }
}

function s3FaultError(kind: Exclude<FaultKind, 'latency' | 'drop' | 'dropAfterApply' | 'repeatNextToken'>, bucket: string | undefined): S3Error {
  switch (kind) {
    case 'throttle':
      return new S3Error(503, 'SlowDown', 'Please reduce your request rate.');
    case 'internal':
      return new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
    case 'unavailable':
      return new S3Error(503, 'ServiceUnavailable', 'Service is unable to handle request.');
    case 'expiredToken':
      return new S3Error(400, 'ExpiredToken', 'The provided token has expired.');
    case 'accessDenied':
      return new S3Error(403, 'AccessDenied', 'Access Denied', bucket === undefined ? {} : { BucketName: bucket });
    case 'unrecognizedClient':
      return new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
}
