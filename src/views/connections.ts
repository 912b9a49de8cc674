import * as vscode from 'vscode';
import { resolveEndpoint, SharedConfig } from '../fsx/endpoint';
import { classifyError, FsxError } from '../fsx/errors';
import { Connection } from '../fsx/types';
import { defaultRegion, listProfiles, readSharedConfig } from '../fsx/profiles';
import { ConnectionEntry } from '../viewModel/explorerModel';
import { LocalSandbox } from '../sandbox/localSandbox';
import { Settings } from './settings';

/**
 * Decides which connections the explorer lists: the sandbox alone while it runs, otherwise the
 * configured ones, otherwise the default credential chain when there is any sign of credentials.
 */
export class ConnectionResolver {
  /** The AWS files as the last resolve() read them: a profile's endpoint_url and services section. */
  private shared: SharedConfig | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly sandbox: Pick<LocalSandbox, 'connection'>,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  async resolve(): Promise<ConnectionEntry[]> {
    const connection = this.sandbox.connection;
    if (connection) {
      return [{ connection, label: vscode.l10n.t('Sandbox'), sandbox: true }];
    }
    const { connections: configured, problems } = this.settings.connectionSettings();
    this.shared = await this.readShared();
    // Each unusable entry is a node of its own that says what to fix; the good ones still work.
    const unusable = problems.map((problem, index): ConnectionEntry => ({
      connection: { region: '' },
      label: problem.entry ? vscode.l10n.t('Connection setting {0}', problem.entry) : 'fsxTasks.connections',
      sandbox: false,
      problem: new FsxError('validation', problem.message),
      id: `${problem.entry ?? 0}.${index}`,
    }));
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
      region = await defaultRegion(profile, this.env);
    } catch {
      region = undefined; // an unreadable config file: ask for a region like when none is set
    }
    return [this.entry(profile, region), ...unusable];
  }

  /** The shared files, or undefined when they cannot be read (their endpoints are then not seen; listing says what is wrong). */
  private async readShared(): Promise<SharedConfig | undefined> {
    try {
      return await readSharedConfig();
    } catch {
      return undefined;
    }
  }

  /** The profiles of the shared files, or undefined when they cannot be read (then nothing is refused). */
  private async profileNames(): Promise<ReadonlySet<string> | undefined> {
    try {
      return new Set((await listProfiles()).map((profile) => profile.name));
    } catch {
      return undefined;
    }
  }

  /** A profile and region as the explorer lists them: endpoint (fsx/endpoint.ts: the setting, the environment, the profile) and FIPS from the settings. */
  entry(profile: string | undefined, region: string | undefined, knownProfiles?: ReadonlySet<string>): ConnectionEntry {
    const label = `${profile ?? vscode.l10n.t('default profile')} · ${region ?? vscode.l10n.t('no region')}`;
    let problem: FsxError | undefined;
    let endpoint: string | undefined;
    try {
      endpoint = resolveEndpoint({ setting: this.settings.endpoint(), env: this.env, shared: this.shared, profile, useFipsEndpoint: this.settings.useFipsEndpoint() });
    } catch (error) {
      problem = classifyError(error);
    }
    if (!region) {
      problem = new FsxError('region', '');
    } else if (profile && knownProfiles && !knownProfiles.has(profile)) {
      problem = new FsxError('validation', vscode.l10n.t('This profile is not in your AWS config or credentials file. Add it there, or pick another profile in the settings.'));
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
      return (await listProfiles()).length > 0;
    } catch {
      return false;
    }
  }
}
