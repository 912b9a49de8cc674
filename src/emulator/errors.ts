// Errors the emulator answers with, as awsJson 1.1 carries them: an HTTP status, a `__type`
// code (also sent as x-amzn-ErrorType) and a Message.

export type ServiceErrorCode =
  | 'BadRequest'
  | 'DataRepositoryTaskNotFound'
  | 'DataRepositoryTaskEnded'
  | 'DataRepositoryTaskExecuting'
  | 'DataRepositoryAssociationNotFound'
  | 'InvalidDataRepositoryType'
  | 'FileSystemNotFound'
  | 'FileCacheNotFound'
  | 'IncompatibleParameterError'
  | 'UnsupportedOperation'
  | 'ServiceLimitExceeded'
  | 'ThrottlingException'
  | 'ExpiredTokenException'
  | 'AccessDeniedException'
  | 'UnrecognizedClientException'
  | 'MissingAuthenticationTokenException'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'RequestEntityTooLargeException'
  | 'InternalServerError'
  | 'ServiceUnavailable';

const STATUS_BY_CODE: Readonly<Partial<Record<ServiceErrorCode, number>>> = {
  AccessDeniedException: 403,
  UnrecognizedClientException: 403,
  RequestEntityTooLargeException: 413,
  InternalServerError: 500,
  ServiceUnavailable: 503,
};

export class ServiceError extends Error {
  readonly status: number;

  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Extra members some modelled errors carry (e.g. IncompatibleParameterError.Parameter). */
    readonly members: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = code;
    this.status = STATUS_BY_CODE[code] ?? 400;
  }

  body(): Record<string, string> {
    return { __type: this.code, Message: this.message, ...this.members };
  }
}

export function badRequest(message: string): ServiceError {
  return new ServiceError('BadRequest', message);
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}
