import * as vscode from 'vscode';
import type { AppServices } from './services';
import { Connection } from '../fsx/types';
import { defaultRegion, isPlausibleRegion, listProfiles, ProfileKind } from '../fsx/profiles';
import { FSX_REGIONS, scanRegions } from '../fsx/regions';
import { refusalLines, ScanOutcome, scanForResources, scanSummary, ScanTarget } from '../viewModel/regionScan';
import { ConnectionNode } from '../views/explorer/connectionNode';
import { addConnections as addConnectionsTo, removeConnection, replaceConnection } from '../viewModel/connectionScopes';
import { ConnectionSetting } from '../views/settings';
import { CommandDeps, registerCommand } from './boundary';
import type { AddConnectionPreset } from './mountCommands';
import type { SsoSignIn } from './ssoLogin';

type ConnectionDeps = CommandDeps & Pick<AppServices, 'settings' | 'connections' | 'clients' | 'model' | 'apiFor'>;

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
  // The sign-in (and its terminal) loads on first use (dist/onDemand.js, esbuild.js); one, so a second request finds the first's terminal.
  let sso: Promise<SsoSignIn> | undefined;
  return [
    registerCommand('fsxTasks.addConnection', deps, async (arg) => {
      const profiles = await pickProfiles(deps);
      if (!profiles || profiles.length === 0) {
        return;
      }
      const named = profiles.map((profile) => (typeof profile === 'string' ? profile : undefined));
      // A mounted file system's DNS name names its region: no need to ask.
      const region = presetRegion(arg) ?? (await pickRegion(deps, named.length === 1 ? named[0] : undefined, true));
      if (!region) {
        return;
      }
      const targets = region === SCAN_ALL ? await scanWithProgress(deps, named) : named.map((profile) => ({ profile, region }));
      await addConnections(deps, targets);
    }),
    registerCommand('fsxTasks.removeConnection', deps, async (arg) => {
      const connection = connectionOf(arg);
      if (!connection) {
        return;
      }
      const write = removeConnection(deps.settings.connectionValues(), connection);
      if (write) {
        await deps.settings.writeConnections(write);
      }
      await deps.connections.reload();
    }),
    registerCommand('fsxTasks.setRegion', deps, async (arg) => {
      const connection = connectionOf(arg);
      const region = await pickRegion(deps, connection?.profile);
      if (typeof region !== 'string') {
        return;
      }
      const updated: ConnectionSetting = connection?.profile ? { profile: connection.profile, region } : { region };
      // A listed connection changes where it is listed from; any other becomes a new one of the user's.
      const write = connection ? replaceConnection(deps.settings.connectionValues(), connection, updated) : undefined;
      if (write) {
        await deps.settings.writeConnections(write);
        await deps.connections.reload();
      } else {
        await addConnections(deps, [updated]);
      }
    }),
    registerCommand('fsxTasks.ssoLogin', deps, async (arg) => (await (sso ??= import('./ssoLogin.js').then(({ SsoSignIn }) => new SsoSignIn(deps)))).run(profileArgument(arg))),
  ];
}

function presetRegion(arg: unknown): string | undefined {
  const region = (arg as Partial<AddConnectionPreset> | undefined)?.presetRegion;
  return typeof region === 'string' && isPlausibleRegion(region) ? region : undefined;
}

/** The sign-in's argument: a profile name (error nodes and messages) or a connection's; anything else is passed on for the sign-in to refuse. */
function profileArgument(arg: unknown): unknown {
  if (typeof arg === 'string') {
    return arg;
  }
  const connection = connectionOf(arg);
  return connection ? connection.profile : arg;
}

function connectionOf(arg: unknown): Connection | undefined {
  if (arg instanceof ConnectionNode) {
    return arg.connection;
  }
  const candidate = arg as Partial<Connection> | undefined;
  return typeof candidate?.region === 'string' ? (candidate as Connection) : undefined;
}

async function pickProfiles(deps: ConnectionDeps): Promise<(string | typeof DEFAULT_CHAIN)[] | undefined> {
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
  const picked = await deps.prompts.pickMany(items, { title: vscode.l10n.t('Add Connection (1/2): AWS profiles'), placeholder: vscode.l10n.t('Check one or more AWS profiles') });
  return picked?.map((item) => item.value);
}

/** The region pick's first choice when adding: every region of the profile's partition. */
const SCAN_ALL = Symbol('all regions with file systems');

async function pickRegion(deps: CommandDeps, profile: string | undefined, offerScan = false): Promise<string | typeof SCAN_ALL | undefined> {
  const profileRegion = profile ? (await listProfiles().catch(() => [])).find((candidate) => candidate.name === profile)?.region : undefined;
  const regions = profileRegion ? [profileRegion, ...FSX_REGIONS.filter((region) => region !== profileRegion)] : FSX_REGIONS;
  const items: (vscode.QuickPickItem & { value: string | typeof SCAN_ALL })[] = regions.map((region) => ({
    label: region,
    description: region === profileRegion ? vscode.l10n.t('region of the profile') : undefined,
    value: region,
  }));
  if (offerScan) {
    items.unshift({
      label: `$(search) ${vscode.l10n.t('All regions where I have file systems')}`,
      description: vscode.l10n.t('asks each region once, adds those with Lustre file systems or File Caches'),
      value: SCAN_ALL,
    });
  }
  const picked = await deps.prompts.pick(items, {
    title: vscode.l10n.t('Add Connection (2/2): region'),
    placeholder: vscode.l10n.t('Pick a region, or type one'),
    itemForValue: (value) => (isPlausibleRegion(value) && !regions.includes(value) ? { label: value, description: vscode.l10n.t('typed region'), value } : undefined),
  });
  return picked?.value;
}

/**
 * Asks every region of each profile's partition for its Lustre file systems and File Caches,
 * four at a time, with a progress notification whose Cancel stops the scan (what was found so
 * far is still added). Regions that refuse are logged one line each, not shown as errors.
 */
async function scanWithProgress(deps: ConnectionDeps, profiles: readonly (string | undefined)[]): Promise<ScanTarget[]> {
  const known = await listProfiles().catch(() => []);
  const targets: ScanTarget[] = [];
  for (const profile of profiles) {
    const home = profile ? known.find((candidate) => candidate.name === profile)?.region : await defaultRegion(undefined).catch(() => undefined);
    targets.push(...scanRegions(home).map((region) => ({ profile, region })));
  }
  const connectionOfTarget = (target: ScanTarget): Connection => {
    const entry = deps.connections.entryFor(target.profile, target.region);
    if (entry.problem) {
      throw entry.problem; // a refused endpoint setting: every region would fail alike
    }
    return entry.connection;
  };
  connectionOfTarget(targets[0]);
  let cancelled = false;
  const outcomes = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for FSx file systems in {0} regions', targets.length), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => {
        cancelled = true;
        abort.abort();
      });
      try {
        return await scanForResources(
          targets,
          async (target, signal) => (await deps.apiFor(connectionOfTarget(target)).listResources(signal)).filter((resource) => resource.supportsTasks).length,
          {
            signal: abort.signal,
            onProgress: (done, total, target) => progress.report({ increment: 100 / total, message: `${done}/${total} · ${target.region}` }),
          },
        );
      } finally {
        subscription.dispose();
      }
    },
  );
  reportScan(deps, outcomes, targets.length, cancelled);
  // Clients were built for every region asked: keep only the ones of the regions added.
  for (const outcome of outcomes) {
    if (outcome.kind !== 'found') {
      deps.clients.forget(connectionOfTarget(outcome.target));
    }
  }
  return outcomes.flatMap((outcome) => (outcome.kind === 'found' ? [outcome.target] : []));
}

function reportScan(deps: ConnectionDeps, outcomes: readonly ScanOutcome[], asked: number, cancelled: boolean): void {
  const refused = refusalLines(outcomes, vscode.l10n);
  for (const line of refused) {
    deps.log.info(`Region scan: ${line}`);
  }
  const summary = scanSummary(outcomes, asked, cancelled, vscode.l10n);
  deps.log.info(`Region scan: ${summary}`);
  if (refused.length > 0) {
    void deps.prompts.message('info', summary, vscode.l10n.t('Show Log')).then((choice) => choice && deps.log.show(true));
  } else {
    void deps.prompts.message('info', summary);
  }
}

/**
 * Adds the profile and region pairs not yet in the user's settings to them, then lists again.
 * When the workspace's settings have a list of their own, that list is what this window shows:
 * say where the new ones went.
 */
async function addConnections(deps: ConnectionDeps, targets: readonly ScanTarget[]): Promise<void> {
  const entries = targets.map(({ profile, region }): ConnectionSetting => (profile ? { profile, region } : { region }));
  const { write, hidden } = addConnectionsTo(deps.settings.connectionValues(), entries);
  if (write) {
    await deps.settings.writeConnections(write);
  }
  await deps.connections.reload();
  if (write && hidden) {
    const open = vscode.l10n.t('Open Workspace Settings');
    void deps.prompts
      .message('info', vscode.l10n.t('Added to your user settings. This workspace sets fsxTasks.connections in its own settings, which this window lists instead: the new connections show in other windows.'), open)
      .then((choice) => choice === open && vscode.commands.executeCommand('workbench.action.openWorkspaceSettingsFile'));
  }
}
