// The one module that loads @aws-sdk/client-s3: everything else in outcomes/ uses types only, so
// the extension can load this on the first "Show Failed Files" and keep activation's bundle as is.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { baseClientConfig, ClientFactoryOptions, guardEndpoint, instrumentApiCalls } from '../fsx/clientFactory';
import { Connection, connectionKey } from '../fsx/types';
import type { ReportSource } from './reportCsv';
import { ReportLocation, ReportObjectStore, ReportReader } from './reportReader';

/**
 * One S3Client per (connection, S3 endpoint): the same profile, region and credentials as the
 * connection's FSxClient (the sandbox's fixed ones for the sandbox), destroyed on dispose.
 * A custom endpoint (the sandbox, an S3-compatible proxy) gets path-style addressing.
 */
export class S3ClientFactory {
  private readonly clients = new Map<string, { readonly connection: string; readonly client: S3Client }>();

  constructor(private readonly options: ClientFactoryOptions = {}) {}

  /** `endpoint` comes from s3EndpointFor(); undefined means the public regional S3 endpoint. */
  get(connection: Connection, endpoint: string | undefined): S3Client {
    const key = JSON.stringify([connectionKey(connection), endpoint ?? '']);
    let entry = this.clients.get(key);
    if (!entry) {
      entry = { connection: connectionKey(connection), client: this.create(connection, endpoint) };
      this.clients.set(key, entry);
    }
    return entry.client;
  }

  /** Drops every client of a connection, e.g. after the user signed in again. */
  forget(connection: Connection): void {
    const wanted = connectionKey(connection);
    for (const [key, entry] of this.clients) {
      if (entry.connection === wanted) {
        entry.client.destroy();
        this.clients.delete(key);
      }
    }
  }

  dispose(): void {
    for (const entry of this.clients.values()) {
      entry.client.destroy();
    }
    this.clients.clear();
  }

  private create(connection: Connection, endpoint: string | undefined): S3Client {
    const client = new S3Client({
      ...baseClientConfig(connection, endpoint, this.options),
      // Virtual-hosted names (bucket.host) do not resolve on a loopback emulator or most proxies.
      forcePathStyle: !!endpoint,
      // A report bucket may live in another region than the file system's connection.
      followRegionRedirects: !endpoint,
    });
    guardEndpoint(client, connection, endpoint, this.options.gate);
    instrumentApiCalls(client, connection, this.options.onApiCall);
    return client;
  }
}

/** ReportObjectStore over a real S3Client: one streaming GetObject. */
export class S3ReportStore implements ReportObjectStore {
  constructor(private readonly client: S3Client) {}

  async open(location: ReportLocation, signal?: AbortSignal): Promise<ReportSource> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }), { abortSignal: signal });
    // In Node the body is an http.IncomingMessage: a Readable, so an async iterable of bytes.
    return (response.Body as ReportSource | undefined) ?? [];
  }
}

/** What the extension loads on demand: a reader for one connection's reports. */
export function createReportReader(factory: S3ClientFactory, connection: Connection, endpoint: string | undefined): ReportReader {
  return new ReportReader(new S3ReportStore(factory.get(connection, endpoint)));
}
