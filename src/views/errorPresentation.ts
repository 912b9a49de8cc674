import * as vscode from 'vscode';
import { FsxError, FsxErrorKind } from '../fsx/errors';
import { plainText } from '../fsx/outsideText';
import { Connection } from '../fsx/types';
import { Prompts } from './prompts';

/** An error notification is one line of at most this many characters. */
const ERROR_MESSAGE_MAX = 1000;

/** The next thing a person can do about an error: a command with a button title. */
export interface NextStep extends vscode.Command {
  /** A short statement of the problem, for a tree node's label. */
  readonly label: string;
}

/** A short statement of the problem, for a tree node's label. */
function problemLabel(kind: FsxErrorKind): string {
  switch (kind) {
    case 'taskEnded':
      return vscode.l10n.t('Task already ended');
    case 'notFound':
      return vscode.l10n.t('Not found');
    case 'throttled':
      return vscode.l10n.t('Throttled by FSx');
    case 'credentials':
      return vscode.l10n.t('No valid AWS credentials');
    case 'accessDenied':
      return vscode.l10n.t('Access denied');
    case 'network':
      return vscode.l10n.t('Cannot reach FSx');
    case 'unsupported':
      return vscode.l10n.t('Not supported here');
    case 'validation':
      return vscode.l10n.t('Invalid request or setting');
    case 'taskExecuting':
      return vscode.l10n.t('Another task is running');
    case 'conflict':
      return vscode.l10n.t('Blocked by a service limit');
    case 'service':
      return vscode.l10n.t('FSx internal error');
    case 'region':
      return vscode.l10n.t('No region set');
    case 'cancelled':
      return vscode.l10n.t('Cancelled');
    default:
      return vscode.l10n.t('Could not load');
  }
}

/** Picks the next step for an error; `retryTarget` is what a Retry refreshes. */
export function errorNextStep(error: FsxError, connection: Connection | undefined, retryTarget?: unknown): NextStep {
  const label = problemLabel(error.kind);
  const retry: NextStep = { label, title: vscode.l10n.t('Retry'), command: 'fsxTasks.refresh', arguments: retryTarget ? [retryTarget] : [] };
  switch (error.kind) {
    case 'credentials':
      return error.options.ssoExpired && connection?.profile
        ? { label: vscode.l10n.t('AWS SSO session expired'), title: vscode.l10n.t('Sign in with AWS SSO'), command: 'fsxTasks.ssoLogin', arguments: [connection.profile] }
        : { label, title: vscode.l10n.t('Pick a profile'), command: 'fsxTasks.addConnection', arguments: [] };
    case 'region':
      return { label, title: vscode.l10n.t('Set a region'), command: 'fsxTasks.setRegion', arguments: connection ? [connection] : [] };
    case 'accessDenied':
      return { label, title: vscode.l10n.t('Show log'), command: 'fsxTasks.showLog', arguments: [] };
    case 'validation':
      // No request id means we refused it locally: a setting is wrong.
      return error.requestId
        ? { label, title: vscode.l10n.t('Show log'), command: 'fsxTasks.showLog', arguments: [] }
        : { label, title: vscode.l10n.t('Open settings'), command: 'workbench.action.openSettings', arguments: ['fsxTasks'] };
    default:
      return retry;
  }
}

/**
 * Shows an error once, at the command boundary: the message with its next step as a button.
 * Returns without a toast for the user's own cancellation.
 */
export async function showError(prompts: Prompts, error: FsxError, connection: Connection | undefined, context?: string, text = error.userMessageIn(vscode.l10n)): Promise<void> {
  if (error.kind === 'cancelled') {
    return;
  }
  const step = errorNextStep(error, connection);
  // The one place errors are shown: whatever outside text the parts carry (what a service said,
  // a name, a path), the notification renders no link or icon from it.
  const message = plainText(context ? `${context}: ${text}` : text, ERROR_MESSAGE_MAX);
  const choice = await prompts.message('error', message, step.title);
  if (choice === step.title) {
    await vscode.commands.executeCommand(step.command, ...(step.arguments ?? []));
  }
}
