import * as vscode from 'vscode';
import type { Container } from '../container';
import { Connection } from '../fsx/model';
import { isPlausibleRegion, listProfiles, ProfileKind } from '../fsx/profiles';
import { ConnectionNode } from '../views/explorer/connectionNode';
import { ConnectionSetting, sameConnectionSetting } from '../views/settings';
import { CommandDeps, registerCommand } from './boundary';
import type { AddConnectionPreset } from './mountCommands';

type ConnectionDeps = CommandDeps & Pick<Container, 'settings' | 'connections' | 'clients' | 'model'>;

/** Regions where FSx for Lustre runs, offered first; any other can be typed. */
export const FSX_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'ap-south-1', 'ap-south-2', 'ap-east-1', 'me-south-1', 'me-central-1', 'il-central-1', 'af-south-1',
  'us-gov-west-1', 'us-gov-east-1',
];

function profileKindLabel(kind: ProfileKind): string {
  switch (kind) {
    case 'sso':
      return vscode.l10n.t('IAM Identity Center (SSO)');
    case 'assumeRole':
      return vscode.l10n.t('assume role');
    case 'process':
      return vscode.l10n.t('credential_process');
    case 'webIdentity':
      return vscode.l10n.t('web identity');
    case 'static':
      return vscode.l10n.t('access keys');
    default:
      return vscode.l10n.t('profile');
  }
}

const DEFAULT_CHAIN = Symbol('default credential chain');

/** Add, change and remove the profile + region pairs the explorer lists; renew an SSO session. */
export function registerConnectionCommands(deps: ConnectionDeps): vscode.Disposable[] {
  return [
    registerCommand('fsxTasks.addConnection', deps, async (arg) => {
      const profile = await pickProfile(deps);
      if (profile === undefined) {
        return;
      }
      // A mounted file system's DNS name names its region: no need to ask.
      const region = presetRegion(arg) ?? (await pickRegion(deps, typeof profile === 'string' ? profile : undefined));
      if (!region) {
        return;
      }
      const entry: ConnectionSetting = typeof profile === 'string' ? { profile, region } : { region };
      const existing = deps.settings.connections();
      if (!existing.some((candidate) => sameConnectionSetting(candidate, entry))) {
        await deps.settings.setConnections([...existing, entry]);
      }
      await deps.connections.reload();
    }),
    registerCommand('fsxTasks.removeConnection', deps, async (arg) => {
      const connection = connectionOf(arg);
      if (!connection) {
        return;
      }
      await deps.settings.setConnections(deps.settings.connections().filter((entry) => !sameConnectionSetting(entry, connection)));
      await deps.connections.reload();
    }),
    registerCommand('fsxTasks.setRegion', deps, async (arg) => {
      const connection = connectionOf(arg);
      const region = await pickRegion(deps, connection?.profile);
      if (!region) {
        return;
      }
      const existing = deps.settings.connections();
      const index = connection ? existing.findIndex((entry) => sameConnectionSetting(entry, connection)) : -1;
      const updated: ConnectionSetting = connection?.profile ? { profile: connection.profile, region } : { region };
      await deps.settings.setConnections(index >= 0 ? existing.map((entry, i) => (i === index ? updated : entry)) : [...existing, updated]);
      await deps.connections.reload();
    }),
    registerCommand('fsxTasks.ssoLogin', deps, async (arg) => {
      const profile = typeof arg === 'string' ? arg : connectionOf(arg)?.profile;
      // The AWS CLI owns the SSO flow (browser, device code, token cache); we run it for the user.
      const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('AWS SSO sign-in') });
      terminal.show();
      terminal.sendText(profile ? `aws sso login --profile ${shellQuote(profile)}` : 'aws sso login');
      const choice = await deps.prompts.message('info', vscode.l10n.t('Finish signing in in the terminal, then refresh the FSx view.'), vscode.l10n.t('Refresh'));
      if (choice) {
        // New clients pick up the renewed SSO token.
        deps.clients.dispose();
        deps.model.refresh();
      }
    }),
  ];
}

function presetRegion(arg: unknown): string | undefined {
  const region = (arg as Partial<AddConnectionPreset> | undefined)?.presetRegion;
  return typeof region === 'string' && isPlausibleRegion(region) ? region : undefined;
}

function connectionOf(arg: unknown): Connection | undefined {
  if (arg instanceof ConnectionNode) {
    return arg.connection;
  }
  const candidate = arg as Partial<Connection> | undefined;
  return typeof candidate?.region === 'string' ? (candidate as Connection) : undefined;
}

async function pickProfile(deps: ConnectionDeps): Promise<string | typeof DEFAULT_CHAIN | undefined> {
  const items = listProfiles().then(
    (profiles) => [
      { label: vscode.l10n.t('Default credential chain'), description: vscode.l10n.t('environment variables, default profile, instance role'), value: DEFAULT_CHAIN as string | typeof DEFAULT_CHAIN },
      ...profiles.map((profile) => ({
        label: profile.name,
        description: [profileKindLabel(profile.kind), profile.region].filter(Boolean).join(' · '),
        value: profile.name as string | typeof DEFAULT_CHAIN,
      })),
    ],
    (error: unknown) => {
      deps.log.warn(`Could not read the AWS config files: ${error instanceof Error ? error.message : String(error)}`);
      return [{ label: vscode.l10n.t('Default credential chain'), description: vscode.l10n.t('the AWS config files could not be read'), value: DEFAULT_CHAIN as string | typeof DEFAULT_CHAIN }];
    },
  );
  const picked = await deps.prompts.pick(items, { title: vscode.l10n.t('Add Connection (1/2): AWS profile'), placeholder: vscode.l10n.t('Pick the AWS profile to use') });
  return picked?.value;
}

async function pickRegion(deps: CommandDeps, profile: string | undefined): Promise<string | undefined> {
  const profileRegion = profile ? (await listProfiles().catch(() => [])).find((candidate) => candidate.name === profile)?.region : undefined;
  const regions = profileRegion ? [profileRegion, ...FSX_REGIONS.filter((region) => region !== profileRegion)] : FSX_REGIONS;
  const picked = await deps.prompts.pick(
    regions.map((region) => ({ label: region, description: region === profileRegion ? vscode.l10n.t('region of the profile') : undefined })),
    {
      title: vscode.l10n.t('Add Connection (2/2): region'),
      placeholder: vscode.l10n.t('Pick a region, or type one'),
      itemForValue: (value) => (isPlausibleRegion(value) && !regions.includes(value) ? { label: value, description: vscode.l10n.t('typed region') } : undefined),
    },
  );
  return picked?.label;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
