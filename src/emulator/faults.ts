// Fault injection: make chosen operations throttle, fail, stall or drop the connection, for a
// number of requests or until removed. A faulted request never reaches the store, except
// under dropAfterApply: the service applies it, then the connection drops before the answer
// (a cancel or create whose response is lost; the client cannot tell it from 'drop'). Under
// repeatNextToken a listing answers with the NextToken it was given (a paging loop in FSx).

import { ServiceError } from './errors';
import { ACCOUNT_ID, type OperationName } from './apiModel';

export type FaultKind = 'throttle' | 'internal' | 'unavailable' | 'latency' | 'drop' | 'dropAfterApply' | 'expiredToken' | 'accessDenied' | 'unrecognizedClient' | 'repeatNextToken';

export const FAULT_KINDS: readonly FaultKind[] = [
  'throttle',
  'internal',
  'unavailable',
  'latency',
  'drop',
  'dropAfterApply',
  'expiredToken',
  'accessDenied',
  'unrecognizedClient',
  'repeatNextToken',
];

export interface FaultSpec {
  kind: FaultKind;
  /** Which operation it applies to; '*' or undefined means every operation. */
  operation?: OperationName | '*';
  /**
   * Which region it applies to: the region of the request's SigV4 credential scope (the emulator
   * answers every region alike otherwise). Undefined means every region.
   */
  region?: string;
  /** How many requests it applies to before it removes itself; default unlimited. */
  count?: number;
  /** For 'latency': the delay before the normal answer. */
  latencyMs?: number;
}

/** What the server does with a request after the faults have had their say. */
export interface FaultDecision {
  /** Wait this long first (latency faults add up). */
  readonly delayMs: number;
  /** Answer with this error instead of handling the request. */
  readonly error?: ServiceError;
  /** Destroy the socket without answering. */
  readonly drop: boolean;
  /** Handle the request (state changes happen), then destroy the socket without answering. */
  readonly dropAfterApply?: boolean;
  /** Handle the request, then answer with the NextToken the request carried (when it carried one). */
  readonly repeatNextToken?: boolean;
}

interface ActiveFault {
  readonly spec: Readonly<FaultSpec>;
  remaining: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): () => void {
    const checked = checkSpec(spec);
    const fault: ActiveFault = { spec: checked, remaining: checked.count ?? Infinity };
    this.faults.push(fault);
    return () => this.remove(fault);
  }

  clear(): void {
    this.faults = [];
  }

  get size(): number {
    return this.faults.length;
  }

  /**
   * Consumes the faults that apply to one request of `operation`: every matching latency fault,
   * then at most one other (the earliest injected).
   */
  decide(operation: OperationName, region?: string): FaultDecision {
    let delayMs = 0;
    for (const fault of this.matching(operation, region)) {
      if (fault.spec.kind === 'latency') {
        delayMs += fault.spec.latencyMs ?? 0;
        this.consume(fault);
      }
    }
    const terminal = this.matching(operation, region).find((fault) => fault.spec.kind !== 'latency');
    if (!terminal) {
      return { delayMs, drop: false };
    }
    this.consume(terminal);
    const kind = terminal.spec.kind;
    switch (kind) {
      case 'latency':
      case 'drop':
        return { delayMs, drop: kind === 'drop' };
      case 'dropAfterApply':
        return { delayMs, drop: false, dropAfterApply: true };
      case 'repeatNextToken':
        return { delayMs, drop: false, repeatNextToken: true };
      default:
        return { delayMs, drop: false, error: faultError(kind, operation) };
    }
  }

  private matching(operation: OperationName, region: string | undefined): ActiveFault[] {
    return this.faults.filter(
      (fault) =>
        (fault.spec.operation === undefined || fault.spec.operation === '*' || fault.spec.operation === operation) &&
        (fault.spec.region === undefined || fault.spec.region === region),
    );
  }

  private consume(fault: ActiveFault): void {
    fault.remaining -= 1;
    if (fault.remaining <= 0) {
      this.remove(fault);
    }
  }

  private remove(fault: ActiveFault): void {
    this.faults = this.faults.filter((candidate) => candidate !== fault);
  }
}

export function faultError(kind: Exclude<FaultKind, 'latency' | 'drop' | 'dropAfterApply' | 'repeatNextToken'>, operation: OperationName): ServiceError {
  switch (kind) {
    case 'throttle':
      return new ServiceError('ThrottlingException', 'Rate exceeded');
    case 'internal':
      return new ServiceError('InternalServerError', 'An internal error occurred. Try again.');
    case 'unavailable':
      return new ServiceError('ServiceUnavailable', 'Service is currently unavailable. Try again later.');
    case 'expiredToken':
      return new ServiceError('ExpiredTokenException', 'The security token included in the request is expired');
    case 'unrecognizedClient':
      // What AWS answers in a region that is not enabled for the account (opt-in regions).
      return new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    case 'accessDenied':
      return new ServiceError(
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/sandbox is not authorized to perform: fsx:${operation} because no identity-based policy allows the fsx:${operation} action`,
      );
  }
}

/** Shared with the S3 side's faults, which have the same kinds, counts and latency. */
export function checkSpec<S extends Pick<FaultSpec, 'kind' | 'count' | 'latencyMs'>>(spec: S): Readonly<S> {
  if (!FAULT_KINDS.includes(spec.kind)) {
    throw new RangeError(`Unknown fault kind ${String(spec.kind)}`);
  }
  if (spec.count !== undefined && !(Number.isInteger(spec.count) && spec.count >= 1)) {
    throw new RangeError(`Fault count must be a positive integer, got ${spec.count}`);
  }
  if (spec.kind === 'latency' && !(Number.isFinite(spec.latencyMs) && (spec.latencyMs as number) >= 0)) {
    throw new RangeError('A latency fault needs latencyMs >= 0');
  }
  return Object.freeze({ ...spec });
}
