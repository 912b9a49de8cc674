// Which connections the explorer lists: the sandbox alone while it runs, otherwise the configured
// ones, otherwise the default credential chain when there is any sign of credentials. vscode-free:
// the settings, the sandbox, the environment, the AWS files and l10n are handed in.
import { resolveEndpoint, SharedConfig } from '../fsx/endpoint';
import { classifyError, FsxError } from '../fsx/errors';
import { L10n } from '../fsx/l10n';
import { defaultRegion, listProfiles, readSharedConfig } from '../fsx/profiles';
import { Connection } from '../fsx/types';
import { ParsedConnectionSettings } from './connectionSettings';
import { ConnectionEntry, ExplorerConnection, SettingProblemEntry } from './explorerModel';

type Env = Readonly<Record<string, string | undefined>>;

/** The settings a connection is listed from (views/settings.ts reads them). */
export interface ConnectionSettingsSource {
  /** `fsxTasks.connections`: the usable entries and a sentence per unusable one. */
  connectionSettings(): ParsedConnectionSettings;
  /** `fsxTasks.endpoint`; empty for the environment or the default. */
  endpoint(): string;
  useFipsEndpoint(): boolean;
}

/** The shared AWS config and credentials files, as fsx/profiles.ts reads them. */
export interface AwsConfigFiles {
  listProfiles(): Promise<readonly { readonly name: string }[]>;
  readSharedConfig(): Promise<SharedConfig>;
  defaultRegion(profile: string | undefined, env: Env): Promise<string | undefined>;
}

export const SHARED_AWS_FILES: AwsConfigFiles = { listProfiles, readSharedConfig, defaultRegion };

export interface ConnectionResolverOptions {
  readonly settings: ConnectionSettingsSource;
  /** The running sandbox's connection, if it runs. */
  readonly sandbox: { readonly connection: Connection | undefined };
  readonly l10n: L10n;
  readonly env?: Env;
  readonly awsFiles?: AwsConfigFiles;
}

export class ConnectionResolver {
  /** The AWS files as the last resolve() read them: a profile's endpoint_url and services section. */
  private shared: SharedConfig | undefined;
  private readonly settings: ConnectionSettingsSource;
  private readonly sandbox: { readonly connection: Connection | undefined };
  private readonly l10n: L10n;
  private readonly env: Env;
  private readonly awsFiles: AwsConfigFiles;

  constructor(options: ConnectionResolverOptions) {
    this.settings = options.settings;
    this.sandbox = options.sandbox;
    this.l10n = options.l10n;
    this.env = options.env ?? process.env;
    this.awsFiles = options.awsFiles ?? SHARED_AWS_FILES;
  }

  async resolve(): Promise<ConnectionEntry[]> {
    const { l10n } = this; // by that name, so `npm run l10n` finds the words
    const connection = this.sandbox.connection;
    if (connection) {
      return [{ connection, label: l10n.t('Sandbox'), sandbox: true }];
    }
    const { connections: configured, problems } = this.settings.connectionSettings();
    this.shared = await this.readShared();
    // Each unusable entry is a row of its own that says what to fix; the good ones still work.
    const unusable = problems.map(
      (problem, index): SettingProblemEntry => ({
        kind: 'settingProblem',
        id: `${problem.entry ?? 0}.${index}`,
        label: problem.entry ? l10n.t('Connection setting {0}', problem.entry) : 'fsxTasks.connections',
        problem: new FsxError('validation', problem.message),
      }),
    );
    if (configured.length > 0) {
      const known = await this.profileNames();
      return [...configured.map((setting) => this.entry(setting.profile, setting.region, known)), ...unusable];
    }
    if (!(await this.hasAnyCredentialSource())) {
      return unusable;
    }
    const profile = this.env.AWS_PROFILE || undefined;
    let region: string | undefined;
    try {
      region = await this.awsFiles.defaultRegion(profile, this.env);
    } catch {
      region = undefined; // an unreadable config file: ask for a region like when none is set
    }
    return [this.entry(profile, region), ...unusable];
  }

  /** The shared files, or undefined when they cannot be read (their endpoints are then not seen; listing says what is wrong). */
  private async readShared(): Promise<SharedConfig | undefined> {
    try {
      return await this.awsFiles.readSharedConfig();
    } catch {
      return undefined;
    }
  }

  /** The profiles of the shared files, or undefined when they cannot be read (then nothing is refused). */
  private async profileNames(): Promise<ReadonlySet<string> | undefined> {
    try {
      return new Set((await this.awsFiles.listProfiles()).map((profile) => profile.name));
    } catch {
      return undefined;
    }
  }

  /** A profile and region as the explorer lists them: endpoint (fsx/endpoint.ts: the setting, the environment, the profile) and FIPS from the settings. */
  entry(profile: string | undefined, region: string | undefined, knownProfiles?: ReadonlySet<string>): ExplorerConnection {
    const { l10n } = this;
    const label = `${profile ?? l10n.t('default profile')} · ${region ?? l10n.t('no region')}`;
    let problem: FsxError | undefined;
    let endpoint: string | undefined;
    try {
      endpoint = resolveEndpoint({ setting: this.settings.endpoint(), env: this.env, shared: this.shared, profile, useFipsEndpoint: this.settings.useFipsEndpoint(), l10n });
    } catch (error) {
      problem = classifyError(error);
    }
    if (!region) {
      problem = new FsxError('region', '');
    } else if (profile && knownProfiles && !knownProfiles.has(profile)) {
      problem = new FsxError('validation', l10n.t('This profile is not in your AWS config or credentials file. Add it there, or pick another profile in the settings.'));
    }
    const connection: Connection = { profile, region: region ?? '', endpoint, useFipsEndpoint: this.settings.useFipsEndpoint() };
    return { connection, label, sandbox: false, problem };
  }

  /** Env keys, a profile, web identity, a container role or a named metadata service: worth trying the default chain. */
  private async hasAnyCredentialSource(): Promise<boolean> {
    const env = this.env;
    if (
      env.AWS_ACCESS_KEY_ID ||
      env.AWS_PROFILE ||
      env.AWS_WEB_IDENTITY_TOKEN_FILE ||
      env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
      env.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
      env.AWS_EC2_METADATA_SERVICE_ENDPOINT
    ) {
      return true;
    }
    try {
      return (await this.awsFiles.listProfiles()).length > 0;
    } catch {
      return false;
    }
  }
}
