// Where the S3 client sends a connection's requests. An FSx endpoint (a VPC endpoint, say) is no
// S3 endpoint, so S3 has its own setting under the same trust rules; the sandbox serves both on
// its one loopback URL. No SDK here, so settings can be checked without loading the S3 client.
import { resolveEndpoint, SharedConfig } from '../fsx/endpoint';
import type { Connection } from '../fsx/types';

export interface S3EndpointSources {
  /** The `fsxTasks.s3Endpoint` setting (machine-scoped, restricted in untrusted workspaces). */
  readonly setting?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The shared AWS files: the profile's `endpoint_url` and its services section's `s3` one. */
  readonly shared?: SharedConfig;
}

/**
 * The custom S3 endpoint for a connection, or undefined for the public one: the sandbox's URL,
 * else the setting, else AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, then the profile's services section
 * and endpoint_url in the config file (what the SDK would use, fsx/endpoint.ts configuredEndpoint).
 * Throws FsxError('validation') as resolveEndpoint does (plain http only for loopback).
 */
export function s3EndpointFor(connection: Connection, sources: S3EndpointSources): string | undefined {
  if (connection.sandbox) {
    return connection.endpoint;
  }
  return resolveEndpoint({ service: 's3', setting: sources.setting, env: sources.env, shared: sources.shared, profile: connection.profile, useFipsEndpoint: connection.useFipsEndpoint });
}
