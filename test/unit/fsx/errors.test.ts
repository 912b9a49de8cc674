import * as assert from 'node:assert/strict';
import {
  BadRequest,
  DataRepositoryTaskEnded,
  DataRepositoryTaskExecuting,
  DataRepositoryTaskNotFound,
  FSxServiceException,
  IncompatibleParameterError,
  ServiceLimitExceeded,
  UnsupportedOperation,
} from '@aws-sdk/client-fsx';
import { classifyError, ERROR_KINDS, errorMessage, FsxError, FsxErrorKind } from '../../../src/fsx/errors';

function serviceError(name: string, status: number, requestId = 'req-123'): FSxServiceException {
  return new FSxServiceException({ name, $fault: status >= 500 ? 'server' : 'client', message: `${name} happened`, $metadata: { httpStatusCode: status, requestId } });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
}

describe('classifyError', () => {
  const cases: [string, unknown, FsxErrorKind][] = [
    ['DataRepositoryTaskEnded', new DataRepositoryTaskEnded({ message: 'ended', $metadata: {} }), 'taskEnded'],
    ['DataRepositoryTaskNotFound', new DataRepositoryTaskNotFound({ message: 'nope', $metadata: {} }), 'notFound'],
    ['UnsupportedOperation', new UnsupportedOperation({ message: 'no', $metadata: {} }), 'unsupported'],
    ['BadRequest', new BadRequest({ message: 'bad', $metadata: {} }), 'validation'],
    ['DataRepositoryTaskExecuting', new DataRepositoryTaskExecuting({ message: 'busy', $metadata: {} }), 'taskExecuting'],
    ['IncompatibleParameterError', new IncompatibleParameterError({ message: 'mix', Parameter: 'Report', $metadata: {} }), 'validation'],
    ['ServiceLimitExceeded', new ServiceLimitExceeded({ message: 'limit', Limit: 'TOTAL_IN_PROGRESS_COPY_BACKUPS', $metadata: {} }), 'conflict'],
    ['ThrottlingException (unmodelled)', serviceError('ThrottlingException', 400), 'throttled'],
    ['ExpiredTokenException', serviceError('ExpiredTokenException', 400), 'credentials'],
    ['AccessDeniedException', serviceError('AccessDeniedException', 403), 'accessDenied'],
    ['InternalServerError', serviceError('InternalServerError', 500), 'service'],
    ['unknown 503', serviceError('SomethingNew', 503), 'service'],
    ['unknown 429', serviceError('SomethingNew', 429), 'throttled'],
    ['ECONNREFUSED', networkError('ECONNREFUSED'), 'network'],
    ['ENOTFOUND', networkError('ENOTFOUND'), 'network'],
    ['socket hang up', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'network'],
    ['Region is missing', new Error('Region is missing'), 'region'],
    ['credentials provider', Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'credentials'],
    ['abort', Object.assign(new Error('Request aborted'), { name: 'AbortError' }), 'cancelled'],
    ['a string', 'boom', 'other'],
    ['undefined', undefined, 'other'],
  ];
  for (const [label, error, kind] of cases) {
    it(`maps ${label} to ${kind}`, () => {
      assert.equal(classifyError(error).kind, kind);
    });
  }

  it('keeps the request id and code, and puts the request id in the user message', () => {
    const classified = classifyError(serviceError('ThrottlingException', 400, 'abc-42'), 'DescribeDataRepositoryTasks');
    assert.equal(classified.requestId, 'abc-42');
    assert.equal(classified.code, 'ThrottlingException');
    assert.equal(classified.options.operation, 'DescribeDataRepositoryTasks');
    assert.equal(classified.userMessage, `${errorMessage('throttled')} Request ID: abc-42`);
    assert.equal(classified.userMessageIn({ t: (message, ...args) => `[${message}|${args.join('|')}]` }), '[{0} Request ID: {1}|[FSx is throttling requests. The extension will retry with backoff; try again in a minute.|]|abc-42]');
  });

  it('flags an expired SSO session so the UI can offer `aws sso login`', () => {
    const sso = Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid.'), { name: 'CredentialsProviderError' });
    const classified = classifyError(sso);
    assert.equal(classified.kind, 'credentials');
    assert.equal(classified.options.ssoExpired, true);
    assert.equal(classifyError(serviceError('ExpiredTokenException', 400)).options.ssoExpired, false);
  });

  it('finds a network error wrapped as a cause', () => {
    const wrapped = new TypeError('fetch failed', { cause: networkError('ECONNREFUSED') });
    assert.equal(classifyError(wrapped).kind, 'network');
  });

  it('returns an FsxError unchanged', () => {
    const original = new FsxError('notFound', 'x');
    assert.equal(classifyError(original), original);
  });

  it('has a one-line message with a next step for every kind', () => {
    const messages = ERROR_KINDS.map((kind) => errorMessage(kind));
    assert.equal(new Set(messages).size, ERROR_KINDS.length, 'one message per kind');
    for (const message of messages) {
      assert.ok(message.length > 10 && !message.includes('\n'), message);
    }
  });
});

describe('FsxError across bundles', () => {
  it('is an FsxError wherever it was built: the lazily loaded SDK bundle has its own copy of the class', () => {
    const path = require.resolve('../../../src/fsx/errors');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy needs the CommonJS cache
    const here = require(path) as typeof import('../../../src/fsx/errors');
    delete require.cache[path];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
    const other = require(path) as typeof import('../../../src/fsx/errors');
    assert.notEqual(other.FsxError, here.FsxError, 'two copies of the module');
    const thrown = new other.FsxError('taskExecuting', 'task-0 is EXECUTING');
    assert.ok(thrown instanceof here.FsxError);
    assert.equal(here.isFsxError(thrown, 'taskExecuting'), true);
    assert.equal(here.classifyError(thrown), thrown, 'kept as it is, not classified again');
    assert.equal(new Error('plain') instanceof here.FsxError, false);
  });
});
