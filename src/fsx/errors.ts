// Every error that crosses the FSx (or S3) boundary becomes an FsxError with a kind the UI can act on.
// The SDK throws modelled classes for FSx's own errors, FSxServiceException with a `name` for
// unmodelled ones (throttling, expired tokens, access denied), and plain Node errors for the
// network; credential providers throw their own. This file is the one place that knows them all.
import { ENGLISH, L10n } from './l10n';
import { plainText } from './outsideText';

export type FsxErrorKind =
  | 'taskEnded' // cancel of a task that already finished: not a failure of ours
  | 'notFound'
  | 'throttled'
  | 'credentials' // missing, expired or rejected credentials
  | 'accessDenied'
  | 'network'
  | 'unsupported'
  | 'validation'
  | 'taskExecuting' // create while another task runs on the file system (see createTask.ts)
  | 'conflict' // a service limit was reached
  | 'service' // FSx answered 5xx
  | 'region' // no region configured anywhere
  | 'cancelled' // our own abort: never shown
  | 'other';

/** One line per kind, each with a next step; in the given language (English for logs). */
export function errorMessage(kind: FsxErrorKind, l10n: L10n = ENGLISH): string {
  switch (kind) {
    case 'taskEnded':
      return l10n.t('The task has already ended.');
    case 'notFound':
      return l10n.t('FSx could not find it. It may have been deleted, or it belongs to another region or account.');
    case 'throttled':
      return l10n.t('FSx is throttling requests. The extension will retry with backoff; try again in a minute.');
    case 'credentials':
      return l10n.t('AWS credentials are missing or expired. Sign in again or pick another profile.');
    case 'accessDenied':
      return l10n.t('Access denied. Your credentials lack the FSx permission for this action.');
    case 'network':
      return l10n.t('Could not reach FSx. Check your network connection or endpoint setting, then retry.');
    case 'unsupported':
      return l10n.t('FSx does not support this action for this resource.');
    case 'validation':
      return l10n.t('FSx rejected the request as invalid.');
    case 'taskExecuting':
      return l10n.t('Another data repository task is running on this file system. Wait for it to end or cancel it, then try again.');
    case 'conflict':
      return l10n.t('An FSx service limit was reached. Wait for running tasks to end, or ask AWS for a higher quota.');
    case 'service':
      return l10n.t('FSx had an internal error. Retry in a moment.');
    case 'region':
      return l10n.t('No AWS region is set. Choose a region for this connection.');
    case 'cancelled':
      return l10n.t('The request was cancelled.');
    default:
      return l10n.t('The FSx request failed.');
  }
}

export const ERROR_KINDS: readonly FsxErrorKind[] = ['taskEnded', 'notFound', 'throttled', 'credentials', 'accessDenied', 'network', 'unsupported', 'validation', 'taskExecuting', 'conflict', 'service', 'region', 'cancelled', 'other'];

/** Marks an FsxError from any copy of this module. */
const FSX_ERROR_BRAND = Symbol.for('fsxTasks.FsxError');

/** What a validation error says is shown whole up to this length (one of our sentences may quote a path). */
const USER_DETAIL_MAX = 1000;

export class FsxError extends Error {
  /**
   * The SDK side is a bundle of its own (dist/sdk.js, loaded on first use) with its own copy of
   * this class: `instanceof` goes by a registered brand, so an FsxError thrown there is one here.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [FSX_ERROR_BRAND]?: unknown })[FSX_ERROR_BRAND] === true;
  }

  readonly [FSX_ERROR_BRAND] = true;
  override readonly name = 'FsxError';

  constructor(
    readonly kind: FsxErrorKind,
    /** What the service or provider said, for the log and the details of a message. */
    readonly detail: string,
    readonly options: {
      readonly code?: string;
      readonly requestId?: string;
      readonly operation?: string;
      /** Set when the credentials come from an SSO session that `aws sso login` can renew. */
      readonly ssoExpired?: boolean;
      readonly cause?: unknown;
    } = {},
  ) {
    super(errorMessage(kind) + (detail ? ` (${detail})` : ''), { cause: options.cause });
  }

  get code(): string | undefined {
    return this.options.code;
  }

  get requestId(): string | undefined {
    return this.options.requestId;
  }

  /** The one format of an error in the log: kind, code, what the service said, request id. */
  get logLine(): string {
    return `${this.kind}${this.code ? ` ${this.code}` : ''}: ${this.detail}${this.requestId ? ` requestId=${this.requestId}` : ''}`;
  }

  /** The one-line message for a person: what happened and the next step, plus the request id. */
  get userMessage(): string {
    return this.userMessageIn(ENGLISH);
  }

  userMessageIn(l10n: L10n): string {
    let base = errorMessage(this.kind, l10n);
    if (this.kind === 'validation' && this.detail) {
      // What was invalid is the useful part; a check of ours (no request id) says it in full.
      // Plain text either way: what a service says is outside text, and a check of ours may
      // quote a name or a path (docs/ARCHITECTURE.md, "Text from outside is data").
      const said = plainText(this.detail, USER_DETAIL_MAX);
      base = this.requestId ? `${base} ${said}` : said;
    }
    return this.requestId ? l10n.t('{0} Request ID: {1}', base, plainText(this.requestId)) : base;
  }
}

const CODE_KINDS: Readonly<Record<string, FsxErrorKind>> = {
  DataRepositoryTaskEnded: 'taskEnded',
  DataRepositoryTaskNotFound: 'notFound',
  FileSystemNotFound: 'notFound',
  FileCacheNotFound: 'notFound',
  DataRepositoryAssociationNotFound: 'notFound',
  ResourceNotFound: 'notFound',
  ThrottlingException: 'throttled',
  Throttling: 'throttled',
  TooManyRequestsException: 'throttled',
  RequestLimitExceeded: 'throttled',
  ExpiredTokenException: 'credentials',
  ExpiredToken: 'credentials',
  UnrecognizedClientException: 'credentials',
  InvalidClientTokenId: 'credentials',
  InvalidSignatureException: 'credentials',
  SignatureDoesNotMatch: 'credentials',
  MissingAuthenticationToken: 'credentials',
  CredentialsProviderError: 'credentials',
  TokenProviderError: 'credentials',
  AccessDeniedException: 'accessDenied',
  AccessDenied: 'accessDenied',
  UnsupportedOperation: 'unsupported',
  BadRequest: 'validation',
  ValidationException: 'validation',
  InvalidRequest: 'validation',
  IncompatibleParameterError: 'validation',
  SerializationException: 'validation',
  InvalidDataRepositoryType: 'validation',
  DataRepositoryTaskExecuting: 'taskExecuting',
  ServiceLimitExceeded: 'conflict',
  InternalServerError: 'service',
  ServiceUnavailable: 'service',
  ServiceUnavailableException: 'service',
  InternalFailure: 'service',
  // S3 (REST-XML codes; HeadObject's 404 has no body, so the SDK names it NotFound).
  NoSuchKey: 'notFound',
  NoSuchBucket: 'notFound',
  NotFound: 'notFound',
  InvalidAccessKeyId: 'credentials',
  InvalidToken: 'credentials',
  SlowDown: 'throttled',
  AllAccessDisabled: 'accessDenied',
  InternalError: 'service',
  AbortError: 'cancelled',
  TimeoutError: 'network',
  RequestTimeout: 'network',
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { requestId?: unknown; httpStatusCode?: unknown };
  $response?: { statusCode?: unknown };
  cause?: unknown;
}

function asErrorLike(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function kindOf(error: ErrorLike, message: string): FsxErrorKind {
  const name = text(error.name);
  const code = text(error.code);
  for (const key of [name, code]) {
    if (key && CODE_KINDS[key]) {
      return CODE_KINDS[key];
    }
  }
  if (code && NETWORK_CODES.has(code)) {
    return 'network';
  }
  if (/region is missing/i.test(message)) {
    return 'region';
  }
  if (/socket hang up|network|getaddrinfo|connect ECONN/i.test(message)) {
    return 'network';
  }
  if (/could not load credentials|credential|sso session|token.*expired/i.test(message)) {
    return 'credentials';
  }
  const status = Number(error.$metadata?.httpStatusCode ?? error.$response?.statusCode);
  if (status === 429) {
    return 'throttled';
  }
  if (status === 403) {
    return 'accessDenied';
  }
  if (status >= 500) {
    return 'service';
  }
  // A network error may be wrapped (fetch's TypeError has the socket error as its cause).
  if (error.cause && error.cause !== error) {
    const inner = kindOf(asErrorLike(error.cause), text(asErrorLike(error.cause).message) ?? '');
    if (inner !== 'other') {
      return inner;
    }
  }
  return 'other';
}

/** Maps anything thrown by the SDK, a credential provider or the network to an FsxError. */
export function classifyError(error: unknown, operation?: string): FsxError {
  if (error instanceof FsxError) {
    return error;
  }
  const like = asErrorLike(error);
  const message = text(like.message) ?? String(error);
  const kind = kindOf(like, message);
  const code = text(like.name) !== 'Error' ? (text(like.name) ?? text(like.code)) : text(like.code);
  return new FsxError(kind, message, {
    code,
    requestId: text(like.$metadata?.requestId),
    operation,
    ssoExpired: kind === 'credentials' && /\bsso\b/i.test(message),
    cause: error,
  });
}

export function isFsxError(error: unknown, kind?: FsxErrorKind): error is FsxError {
  return error instanceof FsxError && (kind === undefined || error.kind === kind);
}

/** A command's own sentence for an error, then what FSx said and the request id (both outside text). */
export function withServiceDetail(base: string, error: FsxError, l10n: L10n): string {
  const withDetail = error.detail ? `${base} (${plainText(error.detail)})` : base;
  return error.requestId ? l10n.t('{0} Request ID: {1}', withDetail, plainText(error.requestId)) : withDetail;
}
