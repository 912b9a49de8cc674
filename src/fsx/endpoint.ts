import { FsxError } from './errors';

// We resolve the endpoint ourselves: the SDK honours a profile's `endpoint_url` only for the
// default profile, and we must refuse endpoints that would leak signed requests.

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The environment variables the SDK reads for each service's endpoint, first wins. */
export const FSX_ENDPOINT_ENV: readonly string[] = ['AWS_ENDPOINT_URL_FSX'];
// The SDK falls back to the global AWS_ENDPOINT_URL for S3 on its own: we read it too, so that it
// is validated and gets path-style addressing.
export const S3_ENDPOINT_ENV: readonly string[] = ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'];

export interface EndpointSources {
  /** The service's endpoint setting (`fsxTasks.endpoint`, `fsxTasks.s3Endpoint`; machine-scoped), if set. */
  readonly setting?: string;
  /** The process environment, for the variables in `envVariables`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Which variables to read after the setting; FSx's by default. */
  readonly envVariables?: readonly string[];
  readonly useFipsEndpoint?: boolean;
}

/**
 * Returns the custom endpoint to use, or undefined for the public regional one.
 * Throws FsxError('validation') for an endpoint that is not a URL, plain http to a
 * non-loopback host (signed requests carry a session token), or FIPS with a custom endpoint.
 */
export function resolveEndpoint(sources: EndpointSources): string | undefined {
  const fromEnv = (sources.envVariables ?? FSX_ENDPOINT_ENV).map((name) => sources.env?.[name]?.trim()).find(Boolean);
  const raw = sources.setting?.trim() || fromEnv || undefined;
  if (!raw) {
    return undefined;
  }
  return validateEndpoint(raw, !!sources.useFipsEndpoint);
}

export function validateEndpoint(raw: string, useFipsEndpoint = false): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FsxError('validation', `Endpoint "${withoutUserInfo(raw)}" is not a valid URL.`);
  }
  // First, so no later message repeats a password.
  if (url.username || url.password) {
    throw new FsxError('validation', 'Endpoint must not contain a user name or password.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FsxError('validation', `Endpoint "${raw}" must use https.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new FsxError('validation', `Endpoint "${raw}" uses plain http; only loopback addresses may. Use https.`);
  }
  // FSx answers every operation at "/" (awsJson): a path, query or fragment would only send the
  // signed request somewhere else, so say what to remove instead of failing every call.
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new FsxError('validation', `Endpoint "${url.protocol}//${url.host}${url.pathname}" must be only a scheme and host (and port), like https://fsx.us-east-1.amazonaws.com: remove "${url.pathname}${url.search}${url.hash}".`);
  }
  if (useFipsEndpoint) {
    throw new FsxError('validation', 'A custom endpoint cannot be combined with the FIPS endpoint option. Turn one of them off.');
  }
  return url.origin;
}

/** The text with anything that looks like `user:password@` before a host masked. */
function withoutUserInfo(raw: string): string {
  return raw.replace(/\/\/[^/@\s]*@/, '//***@');
}
