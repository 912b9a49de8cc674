import { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { SharedConfig } from './endpoint';

export type ProfileKind = 'sso' | 'assumeRole' | 'process' | 'webIdentity' | 'static' | 'other';

export interface ProfileInfo {
  readonly name: string;
  readonly kind: ProfileKind;
  readonly region?: string;
  /** Where it came from, for the picker's description. */
  readonly source: 'config' | 'credentials' | 'both';
}

type ProfileSection = Readonly<Record<string, string | undefined>>;

function kindOf(section: ProfileSection): ProfileKind {
  if (section.sso_session || section.sso_start_url) {
    return 'sso';
  }
  if (section.role_arn && section.web_identity_token_file) {
    return 'webIdentity';
  }
  if (section.role_arn) {
    return 'assumeRole';
  }
  if (section.credential_process) {
    return 'process';
  }
  if (section.aws_access_key_id) {
    return 'static';
  }
  return 'other';
}

/**
 * Profiles from the shared config and credentials files (honouring AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE), read fresh each time so a profile added in a terminal shows up.
 */
export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  // The loader keys `[sso-session x]` and `[services x]` sections as "sso-session.x": not profiles.
  const isSection = (name: string) => ['sso-session', 'services'].some((prefix) => name.startsWith(prefix + CONFIG_PREFIX_SEPARATOR));
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)].filter((name) => !isSection(name)));
  return [...names].sort().map((name) => {
    const config = configFile[name] ?? {};
    const credentials = credentialsFile[name] ?? {};
    const merged = { ...credentials, ...config };
    return {
      name,
      kind: kindOf(merged),
      region: config.region ?? credentials.region,
      source: configFile[name] && credentialsFile[name] ? 'both' : configFile[name] ? 'config' : 'credentials',
    };
  });
}

/** The shared config and credentials files, read fresh (for the endpoints configured in them: fsx/endpoint.ts). */
export async function readSharedConfig(): Promise<SharedConfig> {
  return loadSharedConfigFiles({ ignoreCache: true });
}

/**
 * The region to use when none is configured for a connection: the environment, then the
 * profile's own region. Undefined means "ask the user".
 */
export async function defaultRegion(
  profile: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string | undefined> {
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (fromEnv) {
    return fromEnv;
  }
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const name = profile ?? env.AWS_PROFILE ?? 'default';
  return configFile[name]?.region ?? credentialsFile[name]?.region ?? undefined;
}

export { isPlausibleRegion } from './regions';

/**
 * Profile names the extension hands to the AWS CLI: a letter or digit first (so a name is never
 * read as an option such as `--endpoint-url`), then the characters IAM allows in role and user
 * names (`aws configure sso` names profiles after the role), at most 128. The AWS config files
 * accept more, but nothing here may carry a control character, a quote, a space or a character a
 * shell would act on (`;`, `$`, back-tick, `|`, `&`, `%`).
 */
export const SAFE_PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+=@,-]{0,127}$/;

export function isSafeProfileName(name: unknown): name is string {
  return typeof name === 'string' && SAFE_PROFILE_NAME.test(name);
}
