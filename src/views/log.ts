import * as vscode from 'vscode';
import { ApiCallEvent } from '../fsx/clientFactory';

/** The extension's one log channel; the user picks its level with "Developer: Set Log Level". */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(vscode.l10n.t('FSx Data Repository Tasks'), { log: true });
}

/** Logs, once per operation and session, that FSx answered with tasks whose ids could not be used. */
export function malformedAnswerLog(log: vscode.LogOutputChannel): (operation: string, dropped: number) => void {
  const logged = new Set<string>();
  return (operation, dropped) => {
    if (!logged.has(operation)) {
      logged.add(operation);
      log.warn(`${operation} answered ${dropped} task(s) whose task or file system ID is malformed; they were left out (logged once per session).`);
    }
  };
}

/** One line per API call: operation, region, profile, request id, duration, outcome (debug, or a warning when it failed). */
export function logApiCall(log: vscode.LogOutputChannel, event: ApiCallEvent): void {
  const profile = event.profile ? ` profile=${event.profile}` : '';
  const attempts = event.attempts && event.attempts > 1 ? ` attempts=${event.attempts}` : '';
  // Time waiting for a request slot (fsx/requestLimiter.ts) is not FSx's: said apart, when there was any.
  const queued = event.queuedMs > 0 ? ` queued=${event.queuedMs}ms` : '';
  const line = `${event.operation} region=${event.region}${profile} ${event.durationMs}ms${queued}${attempts} requestId=${event.requestId ?? '-'} outcome=${event.outcome}`;
  if (event.outcome === 'ok') {
    log.debug(line);
  } else {
    log.warn(line);
  }
}
