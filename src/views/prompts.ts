import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import { Back, BACK, openingMessage } from '../viewModel/stepBack';

/**
 * Every question the extension asks a person goes through here, so the extension-host tests can
 * answer them (and fail fast on a question they did not expect) instead of clicking dialogs.
 */
export interface Prompts {
  /**
   * A modal warning; resolves true only when the person chose `confirmLabel`. The keep choice is
   * the default: Enter, Escape and closing the dialog all do nothing.
   */
  confirm(message: string, detail: string, confirmLabel: string, keepLabel: string): Promise<boolean>;
  /** The stronger confirmation: resolves true only when the person typed `expected` exactly. */
  confirmByTyping(message: string, detail: string, expected: string): Promise<boolean>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickOptions<T>): Promise<T | undefined>;
  /**
   * A pick of any number of items (checkboxes); items with `picked` start checked. Resolves with
   * the checked items on accept (possibly none), undefined when dismissed.
   */
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickManyOptions): Promise<T[] | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** A notification; resolves with the action chosen, if any. */
  message(severity: MessageSeverity, text: string, ...actions: string[]): Promise<string | undefined>;
  /** A modal dialog with these buttons (the first is the default); undefined when closed. */
  modal(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  /** One step of a guided flow: an input box with a Back button; BACK or undefined (Escape). */
  inputStep(options: StepOptions & InputStepOptions): Promise<string | Back | undefined>;
  /** One step of a guided flow: a quick pick with a Back button; BACK or undefined (Escape). */
  pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: StepOptions & PickStepOptions<T>): Promise<T | Back | undefined>;
}

/** Where a step sits in its flow. */
export interface StepOptions {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  /** Shows the Back button. */
  readonly canGoBack: boolean;
}

export interface InputStepOptions {
  readonly prompt: string;
  readonly placeholder: string;
  readonly value: string;
  /** A message while the text is not acceptable; Enter does nothing then. */
  readonly validate: (value: string) => string | undefined;
}

export interface PickStepOptions<T> {
  readonly placeholder: string;
  /** The item to preselect. */
  readonly active?: T;
}

export type MessageSeverity = 'info' | 'warning' | 'error';

export interface PickOptions<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly placeholder: string;
  /** Turns what was typed into an extra item (e.g. a typed task id), or undefined. */
  readonly itemForValue?: (value: string) => T | undefined;
}

export interface PickManyOptions {
  readonly title: string;
  readonly placeholder: string;
}

export class VscodePrompts implements Prompts {
  async confirm(message: string, detail: string, confirmLabel: string, keepLabel: string): Promise<boolean> {
    // VS Code makes the first button the primary one, which Enter presses, and moves a close
    // affordance out of first place: so the keep choice goes first and is no close affordance,
    // and VS Code's own close button (Escape, X) also answers undefined, "do nothing".
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, { title: keepLabel }, { title: confirmLabel });
    return choice?.title === confirmLabel;
  }

  async confirmByTyping(message: string, detail: string, expected: string): Promise<boolean> {
    const typed = await vscode.window.showInputBox({
      title: message,
      prompt: `${detail}\n\n${vscode.l10n.t('Type {0} to confirm.', plainText(expected))}`,
      placeHolder: expected,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' || value.trim() === expected ? undefined : vscode.l10n.t('Type {0} exactly, or press Escape to keep it.', plainText(expected))),
    });
    return typed?.trim() === expected;
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

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickManyOptions): Promise<T[] | undefined> {
    // showQuickPick with canPickMany starts the items marked `picked` checked.
    return vscode.window.showQuickPick<T>(Promise.resolve(items).then((loaded): T[] => [...loaded]), {
      title: options.title,
      placeHolder: options.placeholder,
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
    });
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  }

  async message(severity: MessageSeverity, text: string, ...actions: string[]): Promise<string | undefined> {
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(text, ...actions);
  }

  async modal(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    const choice = await vscode.window.showInformationMessage(message, { modal: true, detail }, ...actions.map((title) => ({ title })));
    return choice?.title;
  }

  inputStep(options: StepOptions & InputStepOptions): Promise<string | Back | undefined> {
    const input = vscode.window.createInputBox();
    input.prompt = options.prompt;
    input.placeholder = options.placeholder;
    input.value = options.value;
    input.ignoreFocusOut = true;
    const validate = () => {
      input.validationMessage = options.validate(input.value);
    };
    input.validationMessage = openingMessage(options);
    return runStep(input, options, (finish) => [
      input.onDidChangeValue(validate),
      input.onDidAccept(() => {
        validate();
        if (input.validationMessage === undefined) {
          finish(input.value);
        }
      }),
    ]);
  }

  pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: StepOptions & PickStepOptions<T>): Promise<T | Back | undefined> {
    const pick = vscode.window.createQuickPick<T>();
    pick.placeholder = options.placeholder;
    pick.items = items;
    pick.ignoreFocusOut = true;
    if (options.active) {
      pick.activeItems = [options.active];
    }
    return runStep(pick, options, (finish) => [pick.onDidAccept(() => finish(pick.selectedItems[0] ?? pick.activeItems[0]))]);
  }
}

/** Shows a quick input as a step (title, step count, Back) until it is accepted, backed out of or hidden. */
function runStep<R>(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[]; onDidTriggerButton: vscode.Event<vscode.QuickInputButton> }, options: StepOptions, listen: (finish: (value: R) => void) => vscode.Disposable[]): Promise<R | Back | undefined> {
  input.title = options.title;
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: R | Back | undefined) => {
      if (!settled) {
        settled = true;
        resolve(value);
        vscode.Disposable.from(...subscriptions).dispose();
        input.dispose();
      }
    };
    const subscriptions = [
      ...listen(finish),
      input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK)),
      input.onDidHide(() => finish(undefined)),
    ];
    input.show();
  });
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

  confirmByTyping(message: string, detail: string, expected: string): Promise<boolean> {
    return this.current.confirmByTyping(message, detail, expected);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickOptions<T>): Promise<T | undefined> {
    return this.current.pick(items, options);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickManyOptions): Promise<T[] | undefined> {
    return this.current.pickMany(items, options);
  }

  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return this.current.input(options);
  }

  message(severity: MessageSeverity, text: string, ...actions: string[]): Promise<string | undefined> {
    return this.current.message(severity, text, ...actions);
  }

  modal(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    return this.current.modal(message, detail, ...actions);
  }

  inputStep(options: StepOptions & InputStepOptions): Promise<string | Back | undefined> {
    return this.current.inputStep(options);
  }

  pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: StepOptions & PickStepOptions<T>): Promise<T | Back | undefined> {
    return this.current.pickStep(items, options);
  }
}
