// Where the S3 client sends a connection's requests. An FSx endpoint (a VPC endpoint, say) is no
// S3 endpoint, so S3 has its own setting under the same trust rules; the sandbox serves both on
// its one loopback URL. No SDK here, so settings can be checked without loading the S3 client.
import { resolveEndpoint, S3_ENDPOINT_ENV } from '../fsx/endpoint';
import type { Connection } from '../fsx/types';

export interface S3EndpointSources {
  /** The `fsxTasks.s3Endpoint` setting (machine-scoped, restricted in untrusted workspaces). */
  readonly setting?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The custom S3 endpoint for a connection, or undefined for the public one: the sandbox's URL,
 * else the setting, else AWS_ENDPOINT_URL_S3 (then AWS_ENDPOINT_URL, which the SDK would use).
 * Throws FsxError('validation') as resolveEndpoint does (plain http only for loopback).
 */
export function s3EndpointFor(connection: Connection, sources: S3EndpointSources): string | undefined {
  if (connection.sandbox) {
    return connection.endpoint;
  }
  return resolveEndpoint({ setting: sources.setting, env: sources.env, envVariables: S3_ENDPOINT_ENV, useFipsEndpoint: connection.useFipsEndpoint });
}
