import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FsxTasksTestApi as FsxTasksApi } from '../../src/testApi';
import { RemoteEmulator } from '../../src/sandbox/remoteEmulator';
import type { Connection, StorageResource } from '../../src/fsx/types';
import type { ConnectionBoundNode, ExplorerNode } from '../../src/views/explorer/node';
import type { Back } from '../../src/viewModel/startTaskFlow';
import type { InputStepOptions, MessageSeverity, PickManyOptions, PickOptions, PickStepOptions, Prompts, StepOptions } from '../../src/views/prompts';

export const EXTENSION_ID = 'fsx-tools.fsx-data-repository-tasks';

export async function getApi(): Promise<FsxTasksApi> {
  const extension = vscode.extensions.getExtension<FsxTasksApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/**
 * Clears these variables of the extension host's environment (the SDK reads it when it resolves
 * credentials and endpoints); the returned function puts back what was there.
 */
export function clearEnv(keys: readonly string[]): () => void {
  const saved = new Map(keys.map((key) => [key, process.env[key]]));
  for (const key of keys) {
    delete process.env[key];
  }
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
  };
}

/** The sandbox's emulator, steered from here through its process's control endpoint. */
export function emulatorOf(api: FsxTasksApi): RemoteEmulator {
  const control = api.container.sandbox.control;
  assert.ok(control, 'the sandbox emulator runs (FSX_SANDBOX=1)');
  seenSandboxTokens.add(control.token);
  return new RemoteEmulator(control);
}

export function label(node: ExplorerNode): string {
  const item = node.getTreeItem();
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

export function description(node: ExplorerNode): string {
  const value = node.getTreeItem().description;
  return typeof value === 'string' ? value : '';
}

/**
 * A row's Markdown hover as VS Code gets it when the pointer rests on the row: the row comes
 * without one and the tree's resolveTreeItem builds it.
 */
export async function hoverOf(api: FsxTasksApi, node: ExplorerNode): Promise<vscode.MarkdownString> {
  const item = node.getTreeItem();
  assert.equal(item.tooltip, undefined, `${node.id}: no hover built with the row`);
  const { tooltip } = await api.container.explorer.tree.resolveTreeItem(item, node);
  assert.ok(tooltip instanceof vscode.MarkdownString, `a Markdown hover on ${node.id}`);
  return tooltip;
}

export function contextValue(node: ExplorerNode): string {
  return node.getTreeItem().contextValue ?? '';
}

/** The connection of a connection's node or of one below it (a setting problem's row has none). */
export function connectionOf(node: ExplorerNode): Connection {
  assert.ok('connection' in node, `${node.id} belongs to a connection`);
  return (node as ConnectionBoundNode).connection;
}

export async function children(api: FsxTasksApi, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return api.container.explorer.tree.getChildren(node);
}

/** The sandbox connection's resources (file systems and caches), as the tree shows them. */
export async function resourceNodes(api: FsxTasksApi): Promise<ExplorerNode[]> {
  const [connection] = await children(api);
  assert.ok(connection, 'a connection node');
  return (await children(api, connection)).filter((node) => contextValue(node).startsWith('resource.'));
}

/** What a resource row carries (the tests hand it over as the command argument). */
export function resourceOf(node: ExplorerNode): StorageResource {
  return (node as unknown as { resource: StorageResource }).resource;
}

export async function resourceNamed(api: FsxTasksApi, name: string): Promise<ExplorerNode> {
  const node = (await resourceNodes(api)).find((candidate) => label(candidate) === name);
  assert.ok(node, `resource ${name}`);
  return node;
}

/** A resource's task list as the tree shows it (tasks, Load more, empty or error rows), without its Associations group. */
export async function taskListRows(api: FsxTasksApi, resource: ExplorerNode): Promise<ExplorerNode[]> {
  return (await children(api, resource)).filter((node) => !contextValue(node).startsWith('associations'));
}

/** The rows of a resource's Associations (or S3 link) group, which is its first child when it has one. */
export async function associationRows(api: FsxTasksApi, resource: ExplorerNode): Promise<ExplorerNode[]> {
  const group = (await children(api, resource)).find((node) => contextValue(node).startsWith('associations'));
  assert.ok(group, `an associations group under ${resource.id}`);
  return children(api, group);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

type PickManyAnswer = (items: readonly vscode.QuickPickItem[], options: PickManyOptions) => vscode.QuickPickItem[] | undefined;
type PickAnswer = (items: readonly vscode.QuickPickItem[], options: PickOptions<vscode.QuickPickItem>) => vscode.QuickPickItem | undefined;
type InputStep = StepOptions & InputStepOptions;
type PickStep = StepOptions & PickStepOptions<vscode.QuickPickItem>;
/** An input step's answer: text, BACK, undefined (Escape), or computed from the step shown. */
type InputStepAnswer = string | Back | undefined | ((step: InputStep) => string | Back | undefined);
type PickStepAnswer = (items: readonly vscode.QuickPickItem[], step: PickStep) => vscode.QuickPickItem | Back | undefined;

/**
 * Answers the extension's questions from a script, in order, and fails fast on a question the
 * test did not expect. Records every message the extension shows.
 */
export class ScriptedPrompts implements Prompts {
  readonly messages: { severity: MessageSeverity; text: string; actions: string[] }[] = [];
  readonly confirmations: { message: string; detail: string }[] = [];
  private readonly answers: (
    | { kind: 'confirm'; value: boolean; before?: () => Promise<void> | void }
    | { kind: 'type'; value: string }
    | { kind: 'pick'; answer: PickAnswer }
    | { kind: 'pickMany'; answer: PickManyAnswer }
    | { kind: 'input'; value: string | undefined }
    | { kind: 'modal'; action: string | undefined }
    | { kind: 'inputStep'; answer: InputStepAnswer }
    | { kind: 'pickStep'; answer: PickStepAnswer }
  )[] = [];
  /** The guided-flow steps shown, in order. */
  readonly steps: (InputStep | (PickStep & { items: readonly vscode.QuickPickItem[] }))[] = [];
  readonly modals: { message: string; detail: string; actions: string[] }[] = [];
  private readonly messageActions: string[] = [];
  unexpected: string[] = [];

  confirmWith(value: boolean, before?: () => Promise<void> | void): this {
    this.answers.push({ kind: 'confirm', value, before });
    return this;
  }

  /** Answers a type-to-confirm prompt with this text. */
  typeWith(value: string): this {
    this.answers.push({ kind: 'type', value });
    return this;
  }

  pickWith(answer: PickAnswer): this {
    this.answers.push({ kind: 'pick', answer });
    return this;
  }

  /** Clicks this action on the next message that offers it. */
  chooseMessageAction(action: string): this {
    this.messageActions.push(action);
    return this;
  }

  /** Chooses this button of a modal dialog (undefined: closes it). */
  modalWith(action: string | undefined): this {
    this.answers.push({ kind: 'modal', action });
    return this;
  }

  /** Answers an input box step of a guided flow. */
  inputStepWith(answer: InputStepAnswer): this {
    this.answers.push({ kind: 'inputStep', answer });
    return this;
  }

  /** Answers a quick pick step of a guided flow. */
  pickStepWith(answer: PickStepAnswer): this {
    this.answers.push({ kind: 'pickStep', answer });
    return this;
  }

  /** Answers a multi-select pick: the answer returns the checked items (undefined: dismissed). */
  pickManyWith(answer: PickManyAnswer): this {
    this.answers.push({ kind: 'pickMany', answer });
    return this;
  }

  /** Answers an input box with this value (undefined: dismissed). */
  inputWith(value: string | undefined): this {
    this.answers.push({ kind: 'input', value });
    return this;
  }

  get pendingAnswers(): number {
    return this.answers.length;
  }

  async confirm(message: string, detail: string): Promise<boolean> {
    this.confirmations.push({ message, detail });
    const answer = this.next('confirm', message);
    if (answer?.kind !== 'confirm') {
      return false;
    }
    await answer.before?.();
    return answer.value;
  }

  async confirmByTyping(message: string, detail: string, expected: string): Promise<boolean> {
    this.confirmations.push({ message, detail });
    const answer = this.next('type', message);
    return answer?.kind === 'type' && answer.value.trim() === expected;
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickOptions<T>): Promise<T | undefined> {
    const answer = this.next('pick', options.title);
    if (answer?.kind !== 'pick') {
      return undefined;
    }
    return answer.answer(await items, options as unknown as PickOptions<vscode.QuickPickItem>) as T | undefined;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: PickManyOptions): Promise<T[] | undefined> {
    const answer = this.next('pickMany', options.title);
    if (answer?.kind !== 'pickMany') {
      return undefined;
    }
    return answer.answer(await items, options) as T[] | undefined;
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const answer = this.next('input', options.title ?? options.prompt ?? '');
    return answer?.kind === 'input' ? answer.value : undefined;
  }

  /** Chooses a notification's action (none by default). */
  answerMessages?: (text: string, actions: readonly string[]) => string | undefined;

  async message(severity: MessageSeverity, text: string, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ severity, text, actions });
    // Only a message that offers the scripted action takes it; others are dismissed.
    const index = this.messageActions.findIndex((action) => actions.includes(action));
    if (index >= 0) {
      return this.messageActions.splice(index, 1)[0];
    }
    return this.answerMessages?.(text, actions);
  }

  async modal(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    this.modals.push({ message, detail, actions });
    const answer = this.next('modal', message);
    return answer?.kind === 'modal' ? answer.action : undefined;
  }

  async inputStep(options: InputStep): Promise<string | Back | undefined> {
    this.steps.push(options);
    const answer = this.next('inputStep', options.title);
    if (answer?.kind !== 'inputStep') {
      return undefined;
    }
    return typeof answer.answer === 'function' ? answer.answer(options) : answer.answer;
  }

  async pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: StepOptions & PickStepOptions<T>): Promise<T | Back | undefined> {
    this.steps.push({ ...options, items });
    const answer = this.next('pickStep', options.title);
    return answer?.kind === 'pickStep' ? (answer.answer(items, options) as T | Back | undefined) : undefined;
  }

  private next(kind: string, what: string) {
    const answer = this.answers.shift();
    if (!answer || answer.kind !== kind) {
      this.unexpected.push(`${kind}: ${what}`);
    }
    return answer;
  }
}

/** Every sandbox control token this run has seen: the secret scan (zz-secrets.test.ts) looks for them in the logs. */
export const seenSandboxTokens = new Set<string>();

function sandboxEmulator(api: FsxTasksApi | undefined): RemoteEmulator | undefined {
  const control = api?.container.sandbox.control;
  if (control) {
    seenSandboxTokens.add(control.token);
  }
  return control && new RemoteEmulator(control);
}

/**
 * Registers the hooks every action suite needs: the activated extension, scripted prompts per
 * test (checked for unexpected questions), faults cleared and tracking emptied after each test.
 */
export function useExtension(): { api(): FsxTasksApi; prompts(): ScriptedPrompts } {
  let api: FsxTasksApi | undefined;
  let prompts = new ScriptedPrompts();
  before(async () => {
    api = await getApi();
  });
  beforeEach(async () => {
    prompts = new ScriptedPrompts();
    api?.setPrompts(prompts);
    await sandboxEmulator(api)?.resetRequestCounts();
  });
  afterEach(async () => {
    await sandboxEmulator(api)?.clearFaults();
    for (const tracked of api?.container.tracking.tracker.list() ?? []) {
      api?.container.tracking.tracker.untrack(tracked.taskId);
    }
    assert.deepEqual(prompts.unexpected, [], 'no unexpected prompt');
  });
  return {
    api: () => {
      assert.ok(api, 'activated');
      return api;
    },
    prompts: () => prompts,
  };
}
