// The chat's FSx tools at activation: one forwarder per tool the manifest contributes
// (`contributes.languageModelTools`), registered with vscode.lm.registerTool. A forwarder loads
// the tools' implementations (src/chat/chatTools.ts, in the features bundle) on its first call,
// so a window that never uses the chat loads none of them. docs/ARCHITECTURE.md, "Chat tools".
import * as vscode from 'vscode';
import type { ChatToolImplementations } from '../commands/services';

/** Registers a forwarder for each contributed tool; `load` brings the implementations. */
export function registerChatTools(contributed: readonly string[], load: () => Promise<ChatToolImplementations>): vscode.Disposable {
  const implementation = async (name: string): Promise<vscode.LanguageModelTool<unknown>> => {
    const tool = (await load()).get(name);
    if (!tool) {
      throw new Error(vscode.l10n.t('No implementation for the chat tool {0}', name));
    }
    return tool;
  };
  return vscode.Disposable.from(
    ...contributed.map((name) =>
      vscode.lm.registerTool<unknown>(name, {
        prepareInvocation: async (options, token) => (await implementation(name)).prepareInvocation?.(options, token),
        invoke: async (options, token) => (await implementation(name)).invoke(options, token),
      }),
    ),
  );
}
