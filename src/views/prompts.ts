import * as vscode from 'vscode';

/**
 * Every question the extension asks a person goes through here, so the extension-host tests can
 * answer them (and fail fast on a question they did not expect) instead of clicking dialogs.
 */
export interface Prompts {
  /** A modal warning; resolves true only when the person chose `confirmLabel`. */
  confirm(message: string, detail: string, confirmLabel: string, keepLabel: string): Promise<boolean>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickOptions<T>): Promise<T | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** A notification; resolves with the action chosen, if any. */
  message(severity: MessageSeverity, text: string, ...actions: string[]): Promise<string | undefined>;
}

export type MessageSeverity = 'info' | 'warning' | 'error';

export interface PickOptions<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly placeholder: string;
  /** Turns what was typed into an extra item (e.g. a typed task id), or undefined. */
  readonly itemForValue?: (value: string) => T | undefined;
}

export class VscodePrompts implements Prompts {
  async confirm(message: string, detail: string, confirmLabel: string, keepLabel: string): Promise<boolean> {
    // The keep choice is the close affordance: Escape and the dialog's X mean "do nothing", and
    // VS Code adds no extra "Cancel" button beside "Cancel Task".
    const keep: vscode.MessageItem = { title: keepLabel, isCloseAffordance: true };
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, { title: confirmLabel }, keep);
    return choice?.title === confirmLabel;
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickOptions<T>): Promise<T | undefined> {
    return new Promise<T | undefined>((resolve) => {
      const quickPick = vscode.window.createQuickPick<T>();
      quickPick.title = options.title;
      quickPick.placeholder = options.placeholder;
      quickPick.matchOnDescription = true;
      quickPick.matchOnDetail = true;
      quickPick.busy = true;
      let base: readonly T[] = [];
      const render = () => {
        const typed = options.itemForValue?.(quickPick.value.trim());
        quickPick.items = typed ? [typed, ...base] : [...base];
      };
      Promise.resolve(items).then(
        (loaded) => {
          base = loaded;
          quickPick.busy = false;
          render();
        },
        () => {
          quickPick.busy = false;
        },
      );
      let settled = false;
      const finish = (value: T | undefined) => {
        if (!settled) {
          settled = true;
          resolve(value);
          quickPick.dispose();
        }
      };
      quickPick.onDidChangeValue(render);
      quickPick.onDidAccept(() => finish(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => finish(undefined));
      quickPick.show();
    });
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  }

  async message(severity: MessageSeverity, text: string, ...actions: string[]): Promise<string | undefined> {
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(text, ...actions);
  }
}

/**
 * The one Prompts every command holds: it forwards to the real dialogs, or to the scripted
 * answers the extension-host tests put in with replace().
 */
export class PromptSeam implements Prompts {
  private current: Prompts = new VscodePrompts();

  replace(prompts: Prompts): void {
    this.current = prompts;
  }

  confirm(message: string, detail: string, confirmLabel: string, keepLabel: string): Promise<boolean> {
    return this.current.confirm(message, detail, confirmLabel, keepLabel);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickOptions<T>): Promise<T | undefined> {
    return this.current.pick(items, options);
  }

  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return this.current.input(options);
  }

  message(severity: MessageSeverity, text: string, ...actions: string[]): Promise<string | undefined> {
    return this.current.message(severity, text, ...actions);
  }
}
