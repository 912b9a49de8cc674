// Sign in with AWS SSO: the AWS CLI owns the flow (browser, device code, token cache), so the
// extension runs `aws sso login --profile <name>` for the user. Its argument comes from a command
// (an error node, a notification, another extension), so it is a name to look up, never text to
// run: only a profile the AWS config files list now and whose name matches SAFE_PROFILE_NAME is
// passed, as one element of an argument vector, to a process started without a shell in the
// home folder (on Windows a program in the current folder is found first: never the workspace's).
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { AppServices } from './services';
import { isSafeProfileName, listProfiles } from '../fsx/profiles';
import { plainText } from '../fsx/outsideText';
import { ProcessStartError, runInTerminal, type RunningProcess } from '../views/processTerminal';
import type { CommandDeps } from './boundary';

export type SsoLoginDeps = CommandDeps & Pick<AppServices, 'clients' | 'model'>;

export const AWS_CLI_INSTALL_URL = 'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';

/** The AWS CLI's arguments for signing in to one profile. */
export function ssoLoginArgs(profile: string): string[] {
  return ['sso', 'login', '--profile', profile];
}

/** Runs the sign-ins; a second request for a profile already signing in shows its terminal. */
export class SsoSignIn {
  private readonly running = new Map<string, RunningProcess>();

  constructor(private readonly deps: SsoLoginDeps) {}

  /** Resolves when the sign-in has ended (or was refused); every outcome is said in a message. */
  async run(profile: unknown): Promise<void> {
    const name = await this.listedProfile(profile);
    if (!name) {
      return;
    }
    const already = this.running.get(name);
    if (already) {
      already.terminal.show();
      return;
    }
    let signIn: RunningProcess;
    try {
      signIn = await runInTerminal(vscode.l10n.t('AWS SSO sign-in: {0}', plainText(name)), { program: 'aws', args: ssoLoginArgs(name), cwd: homedir() });
    } catch (error) {
      await this.cannotStart(error);
      return;
    }
    this.running.set(name, signIn);
    signIn.terminal.show();
    this.deps.log.info(`SSO sign-in: started aws sso login for profile ${name}`);
    try {
      await this.ended(name, signIn, await signIn.exit);
    } finally {
      this.running.delete(name);
    }
  }

  /** The profile to sign in to, or undefined after saying why not. */
  private async listedProfile(profile: unknown): Promise<string | undefined> {
    if (profile === undefined || profile === '') {
      await this.refuse(vscode.l10n.t('Sign in with AWS SSO needs a profile from your AWS config file; none was given.'));
      return undefined;
    }
    if (!isSafeProfileName(profile)) {
      // Not repeated: it may carry control characters or markup.
      this.deps.log.warn('SSO sign-in refused: the profile name given is not a plain profile name');
      await this.refuse(
        vscode.l10n.t(
          'Not signing in: the profile name given is not one the extension passes to the AWS CLI (a letter or digit, then letters, digits and _ . + = @ , -). For such a profile, run aws sso login in a terminal yourself.',
        ),
      );
      return undefined;
    }
    let listed: boolean;
    try {
      listed = (await listProfiles()).some((candidate) => candidate.name === profile);
    } catch (error) {
      await this.refuse(vscode.l10n.t('Not signing in: the AWS config files could not be read ({0}).', plainText(error instanceof Error ? error.message : String(error))));
      return undefined;
    }
    if (!listed) {
      await this.refuse(vscode.l10n.t('Not signing in: profile {0} is not in your AWS config or credentials file. Add it (for example with aws configure sso), then try again.', plainText(profile)));
      return undefined;
    }
    return profile;
  }

  private async refuse(text: string): Promise<void> {
    await this.deps.prompts.message('error', text);
  }

  private async cannotStart(error: unknown): Promise<void> {
    const code = error instanceof ProcessStartError ? error.code : undefined;
    this.deps.log.warn(`SSO sign-in: could not start the AWS CLI (${code ?? String(error)})`);
    if (code === 'ENOENT') {
      const install = vscode.l10n.t('Install the AWS CLI');
      const choice = await this.deps.prompts.message('error', vscode.l10n.t('The AWS CLI (aws) was not found on the PATH. Install AWS CLI version 2, then try again.'), install);
      if (choice === install) {
        await vscode.env.openExternal(vscode.Uri.parse(AWS_CLI_INSTALL_URL));
      }
      return;
    }
    await this.deps.prompts.message('error', vscode.l10n.t('Could not start the AWS CLI ({0}). Check that aws on the PATH is AWS CLI version 2.', code ?? vscode.l10n.t('unknown error')));
  }

  private async ended(name: string, signIn: RunningProcess, code: number | null): Promise<void> {
    this.deps.log.info(`SSO sign-in: aws sso login for profile ${name} ended with exit code ${code ?? 'none (stopped)'}`);
    if (code === null) {
      return; // stopped by the user: Ctrl+C or the terminal closed
    }
    if (code === 0) {
      // New clients pick up the renewed SSO token.
      this.deps.clients.dropClients();
      this.deps.model.refresh();
      await this.deps.prompts.message('info', vscode.l10n.t('Signed in with AWS SSO for profile {0}; the FSx view is refreshed.', plainText(name)));
      return;
    }
    const show = vscode.l10n.t('Show Terminal');
    const choice = await this.deps.prompts.message('error', vscode.l10n.t('AWS SSO sign-in for profile {0} failed (exit code {1}); the terminal shows what the AWS CLI said.', plainText(name), code), show);
    if (choice === show) {
      signIn.terminal.show();
    }
  }
}
