import { FsxError } from './errors';
import { ENGLISH, type L10n } from './l10n';
import { Connection, shortened } from './types';
import { isPlausibleRegion } from './regions';

// We resolve every endpoint ourselves and hand the SDK an explicit one (or none, with
// `ignoreConfiguredEndpointUrls`): left alone, the SDK reads AWS_ENDPOINT_URL and the endpoint_url
// of the default profile (or AWS_PROFILE's) for every client, whatever profile the client uses,
// and sends signed requests there unchecked. Every source goes through the same rule as the setting.

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The services whose endpoints we resolve, by the SDK's service id as it spells it in keys. */
export type EndpointService = 'fsx' | 's3' | 'logs';

/** The environment variables the SDK reads for each service's endpoint, first wins (getEndpointUrlConfig). */
export const FSX_ENDPOINT_ENV: readonly string[] = ['AWS_ENDPOINT_URL_FSX', 'AWS_ENDPOINT_URL'];
// S3 gets path-style addressing whenever an endpoint is custom, so its global fallback is read too.
export const S3_ENDPOINT_ENV: readonly string[] = ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'];
// CloudWatch Logs (the data repository event log) has no setting of its own: the sandbox's URL,
// or what the SDK itself would read for it (service id "CloudWatch Logs": `cloudwatch_logs`).
export const LOGS_ENDPOINT_ENV: readonly string[] = ['AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'AWS_ENDPOINT_URL'];
const ENDPOINT_ENV: Readonly<Record<EndpointService, readonly string[]>> = { fsx: FSX_ENDPOINT_ENV, s3: S3_ENDPOINT_ENV, logs: LOGS_ENDPOINT_ENV };
/** The key of the service in a config file's `services` section. */
const SERVICES_KEY: Readonly<Record<EndpointService, string>> = { fsx: 'fsx', s3: 's3', logs: 'cloudwatch_logs' };
/** The setting that names a service's endpoint, for messages. */
export const ENDPOINT_SETTING_NAME: Readonly<Record<EndpointService, string | undefined>> = { fsx: 'fsxTasks.endpoint', s3: 'fsxTasks.s3Endpoint', logs: undefined };
const IGNORE_ENV = 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS';

type IniSection = Readonly<Record<string, string | undefined>>;

/** The shared AWS files as `loadSharedConfigFiles` returns them (fsx/profiles.ts reads them). */
export interface SharedConfig {
  readonly configFile: Readonly<Record<string, IniSection | undefined>>;
  readonly credentialsFile: Readonly<Record<string, IniSection | undefined>>;
}

export interface EndpointSources {
  /** The service's endpoint setting (`fsxTasks.endpoint`, `fsxTasks.s3Endpoint`; machine-scoped), if set. */
  readonly setting?: string;
  /** The process environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The shared AWS files, for the profile's `endpoint_url` and its `services` section; unread when absent. */
  readonly shared?: SharedConfig;
  /** The connection's profile; undefined reads AWS_PROFILE, then "default", as the credential chain does. */
  readonly profile?: string;
  /** FSx by default. */
  readonly service?: EndpointService;
  readonly useFipsEndpoint?: boolean;
  /** The words of the errors (vscode.l10n in the extension); English by default. */
  readonly l10n?: L10n;
}

/** A configured endpoint and where it was found, for a message that says where to fix it. */
export interface EndpointCandidate {
  readonly raw: string;
  readonly source: string;
}

/**
 * Where the service's endpoint is configured, in the SDK's order after our setting: the
 * service's environment variable, AWS_ENDPOINT_URL, then in the config file the profile's
 * `services` section (`fsx =` / `s3 =` with `endpoint_url`), then the profile's `endpoint_url`.
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's `ignore_configured_endpoint_urls`) turns
 * off all but the setting, as it does for the SDK.
 */
export function configuredEndpoint(sources: EndpointSources): EndpointCandidate | undefined {
  const service = sources.service ?? 'fsx';
  const l10n = sources.l10n ?? ENGLISH;
  const setting = sources.setting?.trim();
  if (setting) {
    return { raw: setting, source: l10n.t('the {0} setting', ENDPOINT_SETTING_NAME[service] ?? 'endpoint') };
  }
  const env = sources.env ?? {};
  const profileName = sources.profile ?? (env.AWS_PROFILE?.trim() || 'default');
  const profile = profileSection(sources.shared, profileName);
  if (env[IGNORE_ENV]?.trim().toLowerCase() === 'true' || profile?.ignore_configured_endpoint_urls?.trim().toLowerCase() === 'true') {
    return undefined;
  }
  for (const name of ENDPOINT_ENV[service]) {
    const value = env[name]?.trim();
    if (value) {
      return { raw: value, source: l10n.t('the environment variable {0}', name) };
    }
  }
  if (!profile) {
    return undefined;
  }
  const where = l10n.t('profile "{0}" in the AWS config file', shortened(profileName, 40));
  const servicesName = profile.services?.trim();
  if (servicesName) {
    // The loader keys `[services name]` as "services.name" and its `fsx =` sub-section's keys as "fsx.endpoint_url".
    const fromServices = sources.shared?.configFile[`services.${servicesName}`]?.[`${SERVICES_KEY[service]}.endpoint_url`]?.trim();
    if (fromServices) {
      return { raw: fromServices, source: l10n.t('the services section "{0}" ({1} endpoint_url) of {2}', shortened(servicesName, 40), SERVICES_KEY[service], where) };
    }
  }
  const own = profile.endpoint_url?.trim();
  return own ? { raw: own, source: l10n.t('endpoint_url of {0}', where) } : undefined;
}

/** The profile's section, merged from both files as the SDK merges them (the config file wins). */
function profileSection(shared: SharedConfig | undefined, name: string): IniSection | undefined {
  const config = shared?.configFile[name];
  const credentials = shared?.credentialsFile[name];
  return config || credentials ? { ...credentials, ...config } : undefined;
}

/**
 * Returns the custom endpoint to use, or undefined for the public regional one.
 * Throws FsxError('validation') for an endpoint that is not a URL, plain http to a
 * non-loopback host (signed requests carry a session token), or FIPS with a custom endpoint;
 * the message names where the endpoint was configured.
 */
export function resolveEndpoint(sources: EndpointSources): string | undefined {
  const candidate = configuredEndpoint(sources);
  return candidate ? validateEndpoint(candidate.raw, !!sources.useFipsEndpoint, candidate.source, sources.l10n) : undefined;
}

/** `source` says where the value came from ("the environment variable AWS_ENDPOINT_URL"). */
export function validateEndpoint(raw: string, useFipsEndpoint = false, source?: string, l10n: L10n = ENGLISH): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    const shown = withoutUserInfo(raw);
    throw new FsxError('validation', source ? l10n.t('Endpoint "{0}" (from {1}) is not a valid URL.', shown, source) : l10n.t('Endpoint "{0}" is not a valid URL.', shown));
  }
  // First, so no later message repeats a password.
  if (url.username || url.password) {
    throw new FsxError('validation', source ? l10n.t('Endpoint (from {0}) must not contain a user name or password.', source) : l10n.t('Endpoint must not contain a user name or password.'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FsxError('validation', source ? l10n.t('Endpoint "{0}" (from {1}) must use https.', raw, source) : l10n.t('Endpoint "{0}" must use https.', raw));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new FsxError(
      'validation',
      source ? l10n.t('Endpoint "{0}" (from {1}) uses plain http; only loopback addresses may. Use https.', raw, source) : l10n.t('Endpoint "{0}" uses plain http; only loopback addresses may. Use https.', raw),
    );
  }
  // FSx answers every operation at "/" (awsJson): a path, query or fragment would only send the
  // signed request somewhere else, so say what to remove instead of failing every call.
  if (url.pathname !== '/' || url.search || url.hash) {
    const shown = `${url.protocol}//${url.host}${url.pathname}`;
    const extra = `${url.pathname}${url.search}${url.hash}`;
    throw new FsxError(
      'validation',
      source
        ? l10n.t('Endpoint "{0}" (from {1}) must be only a scheme and host (and port), like https://fsx.us-east-1.amazonaws.com: remove "{2}".', shown, source, extra)
        : l10n.t('Endpoint "{0}" must be only a scheme and host (and port), like https://fsx.us-east-1.amazonaws.com: remove "{1}".', shown, extra),
    );
  }
  if (useFipsEndpoint) {
    throw new FsxError(
      'validation',
      source ? l10n.t('A custom endpoint (from {0}) cannot be combined with the FIPS endpoint option. Turn one of them off.', source) : l10n.t('A custom endpoint cannot be combined with the FIPS endpoint option. Turn one of them off.'),
    );
  }
  return url.origin;
}

/** The text with anything that looks like `user:password@` before a host masked. */
function withoutUserInfo(raw: string): string {
  return raw.replace(/\/\/[^/@\s]*@/, '//***@');
}

export interface EndpointGateOptions {
  readonly service: EndpointService;
  /** The service's endpoint setting, read when a request is about to go. */
  setting(): string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The running sandbox's URL; undefined while it is stopped. */
  sandboxEndpoint(): string | undefined;
  /** The shared AWS files (fsx/profiles.ts readSharedConfig). */
  readShared(): Promise<SharedConfig>;
  /** The words of its refusals (vscode.l10n in the extension); English by default. */
  readonly l10n?: L10n;
}

/** How long one read of the AWS files answers for the gate: a burst of requests reads them once. */
const SHARED_CONFIG_TTL_MS = 2_000;

/**
 * The last check before a client signs a request (defence in depth behind the commands, which
 * resolve what they are handed to configured connections): a connection's endpoint must be the
 * one configured for its profile (resolveEndpoint) or, for the sandbox, the running sandbox's.
 * Anything else is refused, so a connection that came from outside sends nothing anywhere.
 */
export class EndpointGate {
  private shared?: { readonly at: number; readonly value: Promise<SharedConfig> };

  constructor(private readonly options: EndpointGateOptions) {}

  /** Resolves when `endpoint` (undefined: the public one) may receive the connection's requests; throws FsxError('validation') otherwise. */
  async admit(connection: Connection, endpoint: string | undefined): Promise<void> {
    const l10n = this.options.l10n ?? ENGLISH;
    if (!isPlausibleRegion(connection.region)) {
      throw new FsxError('validation', l10n.t('Refused a request for "{0}": not an AWS region name.', shortened(connection.region, 40)));
    }
    if (connection.sandbox) {
      const sandbox = this.options.sandboxEndpoint();
      if (!sandbox || endpoint !== sandbox) {
        throw new FsxError('validation', l10n.t('Refused a sandbox request: the sandbox is not running at that address. Start it with "FSx: Explore with Local Sandbox".'));
      }
      return;
    }
    const expected = (shared: SharedConfig) =>
      resolveEndpoint({
        service: this.options.service,
        setting: this.options.setting(),
        env: this.options.env,
        shared,
        profile: connection.profile,
        useFipsEndpoint: connection.useFipsEndpoint,
        l10n,
      });
    // A mismatch against the files as last read may be an edit since (an endpoint_url just added):
    // read them again before refusing, so the gate never refuses what the files now configure.
    if (endpoint !== expected(await this.readShared()) && endpoint !== expected(await this.readShared({ fresh: true }))) {
      const setting = ENDPOINT_SETTING_NAME[this.options.service];
      throw new FsxError(
        'validation',
        setting
          ? l10n.t('Refused a request for {0} to an endpoint that is not the configured one (the {1} setting, the AWS_ENDPOINT_URL variables or the profile\'s endpoint_url). Nothing was sent.', connection.region, setting)
          : l10n.t('Refused a request for {0} to an endpoint that is not the configured one (the AWS_ENDPOINT_URL variables or the profile\'s endpoint_url). Nothing was sent.', connection.region),
      );
    }
  }

  private readShared({ fresh = false } = {}): Promise<SharedConfig> {
    const now = Date.now();
    if (fresh || !this.shared || now - this.shared.at > SHARED_CONFIG_TTL_MS) {
      const value = this.options.readShared();
      this.shared = { at: now, value };
      // A failed read is retried by the next request rather than remembered.
      value.catch(() => (this.shared = undefined));
    }
    return this.shared.value;
  }
}
