// One awsJson 1.1 call, from checked headers and raw body to a reply, independent of HTTP
// plumbing: authentication presence, content type, UTF-8, JSON, input validation, the handler,
// and the mapping of every failure to an FSx-style error. Nothing here throws.

import { TextDecoder } from 'node:util';
import { ServiceError, isServiceError } from './errors';
import { OPERATIONS } from './operations';
import type { OperationName } from './apiModel';
import type { PageTokens } from './paging';
import type { EmulatorStore } from './store';
import type { AssociationRules } from './associationRules';
import type { TaskRules } from './taskRules';
import { validateInput } from './validation';
import type { WireObject } from './wire';

export interface CallHeaders {
  readonly authorization?: string;
  readonly contentType?: string;
}

export interface Reply {
  readonly status: number;
  readonly body: WireObject;
  /** Set for errors; also sent as x-amzn-ErrorType. */
  readonly errorCode?: string;
}

const ACCEPTED_CONTENT_TYPES = new Set(['application/x-amz-json-1.1', 'application/x-amz-json-1.0']);

export function handleCall(
  operation: OperationName,
  headers: CallHeaders,
  body: Buffer,
  backend: { readonly store: EmulatorStore; readonly rules: TaskRules; readonly associationRules: AssociationRules; readonly tokens: PageTokens },
): Reply {
  try {
    const input = readInput(operation, headers, body);
    const output = OPERATIONS[operation].handle(input, { ...backend, now: backend.store.now() });
    return { status: 200, body: output };
  } catch (error) {
    return errorReply(error);
  }
}

export function errorReply(error: unknown): Reply {
  const serviceError = isServiceError(error) ? error : new ServiceError('InternalServerError', 'An internal error occurred.');
  return { status: serviceError.status, body: serviceError.body(), errorCode: serviceError.code };
}

function readInput(operation: OperationName, headers: CallHeaders, body: Buffer): Record<string, unknown> {
  if (!headers.authorization) {
    // The SDK and CLI always sign; we check presence only, not the signature.
    throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const mediaType = (headers.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!ACCEPTED_CONTENT_TYPES.has(mediaType)) {
    throw new ServiceError('SerializationException', `Unsupported Content-Type '${headers.contentType ?? ''}'; use application/x-amz-json-1.1.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid UTF-8.');
  }
  let parsed: unknown;
  try {
    // An empty body means an empty input, as for the service.
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid JSON.');
  }
  return validateInput(OPERATIONS[operation].input, parsed);
}
