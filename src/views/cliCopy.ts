// "Copy as AWS CLI Command": puts an `aws fsx ...` command on the clipboard, quoted for the
// person's shell (fsx/cliCommand.ts builds and quotes it); never runs it. The same for the
// `sudo lfs ...` command offered where the user lacks a privilege (views/hsmRestore.ts). When the default
// terminal shell does not say which quoting applies, the person picks POSIX or PowerShell.
import * as vscode from 'vscode';
import { quoteCommand, ShellKind, shellKindFor } from '../fsx/cliCommand';
import { plainText } from '../fsx/outsideText';
import { Prompts } from './prompts';

/** One command to copy: what it does, and its argv. */
export interface CliChoice {
  readonly label: string;
  readonly argv: readonly string[];
}

interface CliItem extends vscode.QuickPickItem {
  readonly argv: readonly string[];
  readonly shell: ShellKind;
}

/** The shell the default terminal runs, or undefined when it is unclear (cmd.exe, none on Windows). */
export function personShell(): ShellKind | undefined {
  return shellKindFor(vscode.env.shell, process.platform);
}

function shellLabel(shell: ShellKind): string {
  switch (shell) {
    case 'posix':
      return vscode.l10n.t('bash, zsh or another POSIX shell');
    case 'fish':
      return vscode.l10n.t('fish');
    case 'powershell':
      return vscode.l10n.t('PowerShell');
  }
}

/**
 * Copies one of `choices`: without a pick when there is one command and the shell is known;
 * otherwise a pick of each command for each shell that may apply. Resolves whether it copied.
 */
export async function copyCliCommand(prompts: Prompts, choices: readonly CliChoice[], title: string, options: { readonly copied?: (shell: string) => string } = {}): Promise<boolean> {
  const known = personShell();
  const shells: ShellKind[] = known ? [known] : ['posix', 'powershell'];
  const items: CliItem[] = choices.flatMap((choice) =>
    // The detail shows the command (outside text: paths, a profile), plain; the copy is the whole of it.
    shells.map((shell) => ({ label: choice.label, description: shells.length > 1 ? shellLabel(shell) : undefined, detail: plainText(quoteCommand(choice.argv, shell)), argv: choice.argv, shell })),
  );
  const picked = items.length === 1 ? items[0] : await prompts.pick(items, { title, placeholder: vscode.l10n.t('Pick the command to copy (it is not run)') });
  if (!picked) {
    return false;
  }
  await vscode.env.clipboard.writeText(quoteCommand(picked.argv, picked.shell));
  const copied = options.copied ?? ((shell: string) => vscode.l10n.t('Copied the AWS CLI command ({0}); it was not run.', shell));
  vscode.window.setStatusBarMessage(copied(shellLabel(picked.shell)), 5000);
  return true;
}
