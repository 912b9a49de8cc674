// The chat's FSx tools as VS Code sees them (vscode.LanguageModelTool), over the vscode-free
// logic of viewModel/chatTools.ts: this file hands that logic the Explorer's model, the task
// commands' own lookups and actions (findTask, sendCancel, followStartedTask), the report reader
// and the progress histories, and turns its answers into VS Code's types. Loaded on the first tool
// call (Container.chatTools(), dist/onDemand.js): the commands' lookups and actions are handed in,
// so this module carries no copy of the commands or the tree.
import * as vscode from 'vscode';
import type { ChatToolImplementations, Services } from '../commands/services';
import type { sendCancel } from '../commands/cancelTask';
import type { followStartedTask } from '../commands/startTask';
import type { findTask } from '../commands/taskTarget';
import { markdownText } from '../fsx/outsideText';
import { ChatTool, createChatTools, PreparedChatTool } from '../viewModel/chatTools';
import { abortOn } from '../views/abortOn';

/** The task commands' own lookup and actions, the same functions the commands run. */
export interface ChatToolActions {
  readonly findTask: typeof findTask;
  readonly sendCancel: typeof sendCancel;
  readonly followStartedTask: typeof followStartedTask;
}

export function createChatToolImplementations(services: Services, { findTask, sendCancel, followStartedTask }: ChatToolActions): ChatToolImplementations {
  const tools = createChatTools({
    l10n: vscode.l10n,
    now: () => Date.now(),
    connections: () => services.model.connections(),
    resources: (connection) => services.model.resources(connection),
    associations: (connection, resource) => services.model.associations(connection, resource),
    api: (connection) => services.apiFor(connection),
    findTask: (taskId) => findTask(services, taskId),
    estimate: (task) => {
      services.progress.observe([task]);
      return services.estimateOf(task);
    },
    readReport: (connection, task, signal) => services.reports.read(connection, task, signal),
    cancel: (connection, task) => sendCancel(services, connection, task),
    started: (connection, task) => followStartedTask(services, connection, task),
    track: (connection, task) => services.tracking.tracker.track(connection, task, 'user'),
    isTracked: (taskId) => services.tracking.tracker.has(taskId),
  });
  return new Map([...tools].map(([name, tool]) => [name, languageModelTool(tool)]));
}

function languageModelTool(tool: ChatTool): vscode.LanguageModelTool<unknown> {
  return {
    prepareInvocation: async (options, token) => preparedInvocation(await tool.prepare(options.input, abortOn(token))),
    invoke: async (options, token) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(await tool.invoke(options.input, abortOn(token)))]),
  };
}

/** Each line of a confirmation, whatever paths and names it quotes, renders as the characters it is. */
const CONFIRMATION_LINE_MAX = 4000;

/**
 * The confirmation as Markdown with every character escaped, one line each: the chat renders it
 * as Markdown, the dialog shown outside a chat as its plain text, and both read the lines as written.
 */
function preparedInvocation(prepared: PreparedChatTool): vscode.PreparedToolInvocation {
  const confirmation = prepared.confirmation;
  return {
    invocationMessage: prepared.invocationMessage,
    confirmationMessages: confirmation && {
      title: confirmation.title,
      message: new vscode.MarkdownString(confirmation.lines.map((line) => markdownText(line, CONFIRMATION_LINE_MAX)).join('  \n')),
    },
  };
}
