import { FSxClient } from '@aws-sdk/client-fsx';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, InitializeMiddleware, MetadataBearer, RetryStrategyV2 } from '@smithy/types';
import { EndpointGate, validateEndpoint } from './endpoint';
import { classifyError } from './errors';
import { Connection, connectionKey } from './types';
import { RequestLimiter } from './requestLimiter';

/** One line per API call, for the log. Never carries a credential. */
export interface ApiCallEvent {
  readonly operation: string;
  readonly region: string;
  readonly profile?: string;
  readonly requestId?: string;
  /** From the slot's start to the answer: FSx's time, the SDK's retries included. */
  readonly durationMs: number;
  /** How long the call waited for a slot of the request limiter before it was sent. */
  readonly queuedMs: number;
  /** 'ok', or the error's kind and code. */
  readonly outcome: string;
  /** How many HTTP attempts the SDK made (retries included). */
  readonly attempts?: number;
}

export interface ClientFactoryOptions {
  /** Called after every API call, success or failure. */
  readonly onApiCall?: (event: ApiCallEvent) => void;
  /** Tests inject a fast retry strategy; production keeps the SDK's standard mode. */
  readonly retryStrategy?: RetryStrategyV2;
  readonly requestTimeoutMs?: number;
  readonly connectionTimeoutMs?: number;
  /** Overrides where credentials come from (tests); the default is the Node provider chain. */
  readonly credentialsFor?: (connection: Connection) => AwsCredentialIdentityProvider;
  /** Bounds the FSx requests in flight per account and region; one per factory by default. */
  readonly limiter?: RequestLimiter;
  /**
   * Admits a connection's endpoint before each request is signed: the extension's gate allows only
   * the configured endpoint and the running sandbox's. Without one (tests), only the endpoint's
   * form is checked (https; plain http only on loopback).
   */
  readonly gate?: Pick<EndpointGate, 'admit'>;
  /** An answer carried tasks that were left out because their ids are malformed (FsxService). */
  readonly onMalformed?: (operation: string, dropped: number) => void;
}

/** Credentials the sandbox emulator accepts; they authorise nothing anywhere else. */
export const SANDBOX_CREDENTIALS: AwsCredentialIdentity = Object.freeze({
  accessKeyId: 'AKIASANDBOXEXAMPLE',
  secretAccessKey: 'sandbox-secret-not-a-real-key',
});

/**
 * One FSxClient per (profile, region, endpoint, FIPS), created on first use and destroyed on
 * dispose, so sockets and cached credentials are shared by every caller of that connection.
 */
export class FsxClientFactory {
  private readonly clients = new Map<string, FSxClient>();
  /** Shared by every client of the factory: an account's regions are separate clients. */
  readonly limiter: RequestLimiter;

  constructor(private readonly options: ClientFactoryOptions = {}) {
    this.limiter = options.limiter ?? new RequestLimiter();
  }

  get(connection: Connection): FSxClient {
    const key = connectionKey(connection);
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(connection);
      this.clients.set(key, client);
    }
    return client;
  }

  /** Drops a connection's client, e.g. after its credentials expired and the user signed in again. */
  forget(connection: Connection): void {
    const key = connectionKey(connection);
    this.clients.get(key)?.destroy();
    this.clients.delete(key);
  }

  dispose(): void {
    for (const client of this.clients.values()) {
      client.destroy();
    }
    this.clients.clear();
  }

  private create(connection: Connection): FSxClient {
    const client = new FSxClient(baseClientConfig(connection, connection.endpoint, this.options));
    guardEndpoint(client, connection, connection.endpoint, this.options.gate);
    instrumentApiCalls(client, connection, this.options.onApiCall);
    limitRequests(client, connection, this.limiter);
    return client;
  }
}

/** What every SDK client of a connection (FSx, S3) is built with; each adds its own on top. */
export function baseClientConfig(connection: Connection, endpoint: string | undefined, options: ClientFactoryOptions) {
  return {
    region: connection.region,
    profile: connection.profile,
    endpoint,
    // Every endpoint is resolved and checked by us (fsx/endpoint.ts): the SDK must not add its own
    // from AWS_ENDPOINT_URL or the default profile's endpoint_url, which it reads for any profile.
    ignoreConfiguredEndpointUrls: true,
    useFipsEndpoint: endpoint ? false : !!connection.useFipsEndpoint,
    credentials: credentialsOf(connection, options),
    retryStrategy: options.retryStrategy,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
    },
  };
}

/** Where a connection's credentials come from: the options' override, the sandbox's, or the chain. */
function credentialsOf(connection: Connection, options: Pick<ClientFactoryOptions, 'credentialsFor'>): AwsCredentialIdentityProvider {
  if (options.credentialsFor) {
    return options.credentialsFor(connection);
  }
  // ignoreCache: the AWS files are read afresh when a client resolves credentials, so a profile
  // added in a terminal works once the view is refreshed. The SDK's file cache lives in the
  // lazily loaded bundle, where nothing else would ever clear it.
  return connection.sandbox ? async () => SANDBOX_CREDENTIALS : fromNodeProviderChain({ profile: connection.profile, ignoreCache: true });
}

/** The part of any SDK v3 client that instrumentation needs (FSxClient, S3Client). */
interface InstrumentableClient {
  readonly middlewareStack: { add(middleware: InitializeMiddleware<object, MetadataBearer>, options: { step: 'initialize'; name: string; priority?: 'high' | 'normal' | 'low' }): void };
}

/**
 * Checks where a request would go before anything else runs (before it waits for a slot, is
 * signed or sent): a refused connection sends nothing. Exported for the S3 client.
 */
export function guardEndpoint(client: InstrumentableClient, connection: Connection, endpoint: string | undefined, gate: Pick<EndpointGate, 'admit'> | undefined): void {
  const admit = gate ? (): Promise<void> => gate.admit(connection, endpoint) : async (): Promise<void> => void (endpoint === undefined || validateEndpoint(endpoint));
  client.middlewareStack.add(
    (next) => async (args) => {
      await admit();
      return next(args);
    },
    { step: 'initialize', name: 'fsxTasksEndpointGate', priority: 'high' },
  );
}

/**
 * Every command waits for a slot of the connection's account and region. At the initialize step,
 * outside the SDK's retries: a throttled request keeps its slot while the SDK retries it, so it
 * is the region's share, not the account, that a throttled region uses up.
 */
/** Where the limiter leaves, on the call's context, when the call got its slot (the log reads it). */
const SLOT_STARTED = 'fsxTasksSlotStarted';

function limitRequests(client: InstrumentableClient, connection: Connection, limiter: RequestLimiter): void {
  client.middlewareStack.add(
    (next, context) => (args) =>
      limiter.run(
        connection,
        () => {
          (context as Record<string, unknown>)[SLOT_STARTED] = Date.now();
          return next(args);
        },
        context.__smithy_context?.abortSignal as AbortSignal | undefined,
      ),
    { step: 'initialize', name: 'fsxTasksRequestLimiter' },
  );
}

/** Times every call at the outermost step so retries count once and the request id is known. */
export function instrumentApiCalls(client: InstrumentableClient, connection: Connection, onApiCall: ((event: ApiCallEvent) => void) | undefined): void {
  if (!onApiCall) {
    return;
  }
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const started = Date.now();
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const base = { operation, region: connection.region, profile: connection.profile };
      // The limiter runs inside this middleware: the wait for its slot is logged apart from FSx's time.
      const times = () => {
        const ended = Date.now();
        const slotStarted = (context as Record<string, unknown>)[SLOT_STARTED];
        const sent = typeof slotStarted === 'number' ? slotStarted : started; // a client without a limiter (S3) sends at once
        return { queuedMs: sent - started, durationMs: ended - sent };
      };
      try {
        const result = await next(args);
        const metadata = (result.output as { $metadata?: { requestId?: string; attempts?: number } }).$metadata;
        onApiCall({ ...base, requestId: metadata?.requestId, attempts: metadata?.attempts, ...times(), outcome: 'ok' });
        return result;
      } catch (error) {
        const classified = classifyError(error, operation);
        const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts;
        onApiCall({
          ...base,
          requestId: classified.requestId,
          attempts,
          ...times(),
          outcome: `${classified.kind}${classified.code ? ` ${classified.code}` : ''}`,
        });
        throw error;
      }
    },
    { step: 'initialize', name: 'fsxTasksApiCallLog' },
  );
}
