// One phase of the soak (scripts/soak.mjs), run inside the real extension host: every phase is a
// new window on the same workspace, so the tracked tasks come back from workspace state as after
// a reload. The runner outside owns the emulators; it hands this phase commands through a file
// and reads what the phase saw from another. The phase only drives and observes the extension.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { Connection } from '../../src/fsx/types';
import { children, contextValue, getApi, ScriptedPrompts, waitFor } from '../host/helpers';

interface SoakCommand {
  readonly seq: number;
  readonly kind: 'track' | 'cancel' | 'end' | 'settle';
  readonly profile?: string;
  readonly taskId?: string;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELED']);
const soakDir = process.env.FSX_SOAK_DIR ?? '';
const phase = Number(process.env.FSX_SOAK_PHASE_FILE ? readFileSync(process.env.FSX_SOAK_PHASE_FILE, 'utf8') : readFileSync(join(soakDir, 'phase'), 'utf8'));

function commands(): SoakCommand[] {
  const file = join(soakDir, `commands-${phase}.jsonl`);
  if (!existsSync(file)) {
    return [];
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SoakCommand);
}

/** The heap in use once garbage is collected, so the figure is what is kept, not what waits. */
function heapAfterCollection(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`soak phase`, function () {
  this.timeout(0);

  it('drives the extension until the runner ends the phase', async () => {
    assert.ok(soakDir, 'FSX_SOAK_DIR is set');
    const unhandled: string[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(String((reason as Error)?.stack ?? reason));
    process.on('unhandledRejection', onUnhandled);
    const api = await getApi();
    await waitFor('the soak connections', () => api.container.model.connections().length >= 2, 30_000);
    const prompts = new ScriptedPrompts();
    api.setPrompts(prompts);
    const heapBefore = heapAfterCollection();
    const tracking = api.container.tracking;
    const transitions: { taskId: string; to: string }[] = [];
    tracking.tracker.onDidTransition((transition) => transitions.push({ taskId: transition.taskId, to: transition.to }));
    const restored = tracking.tracker.list().map((task) => task.taskId);
    const cancels: { taskId: string; error?: string }[] = [];
    const connectionOf = (profile: string | undefined): Connection => {
      const entry = api.container.model.connections().find((candidate) => candidate.connection.profile === profile);
      assert.ok(entry, `a connection for profile ${profile}`);
      return entry.connection;
    };

    /** The task as FSx has it now; faults are running, so a few tries. */
    const lookUp = async (connection: Connection, taskId: string) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const found = await api.container
          .apiFor(connection)
          .describeTasks([taskId])
          .then((tasks) => tasks[0])
          .catch(() => undefined);
        if (found) {
          return found;
        }
        await sleep(1000);
      }
      return undefined;
    };

    let done = 0;
    let settle = false;
    for (let ended = false; !ended; ) {
      for (const command of commands().filter((candidate) => candidate.seq > done)) {
        done = command.seq;
        if (command.kind === 'end') {
          ended = true;
        } else if (command.kind === 'settle') {
          settle = true;
          ended = true;
        } else if (command.kind === 'track' && command.taskId) {
          // Handed over as a tree row would: the command then needs no look-up of its own.
          const connection = connectionOf(command.profile);
          const task = await lookUp(connection, command.taskId);
          if (task) {
            await vscode.commands.executeCommand('fsxTasks.trackTask', { connection, task });
          } else {
            tracking.tracker.track(connection, command.taskId, 'user');
          }
        } else if (command.kind === 'cancel' && command.taskId) {
          const connection = connectionOf(command.profile);
          const task = await lookUp(connection, command.taskId);
          if (!task || TERMINAL.has(task.lifecycle)) {
            cancels.push({ taskId: command.taskId, error: 'not cancellable when asked' });
            continue;
          }
          prompts.confirmWith(true);
          const before = prompts.messages.length;
          await vscode.commands.executeCommand('fsxTasks.cancelTask', { connection, task });
          const failure = prompts.messages.slice(before).find((message) => message.severity === 'error' && message.text.includes(command.taskId as string));
          cancels.push({ taskId: command.taskId, error: failure?.text });
        }
      }
      if (!ended) {
        await sleep(250);
      }
    }

    let final: unknown;
    if (settle) {
      // Nothing is left running in the emulators: every tracked task must reach its end and go.
      const deadline = Date.now() + 120_000;
      while (tracking.tracker.list().length > 0 && Date.now() < deadline) {
        await sleep(500);
      }
      await vscode.commands.executeCommand('fsxTasks.refresh');
      const tree: { profile?: string; taskId: string; lifecycle: string; tracked: boolean }[] = [];
      for (const connection of await children(api)) {
        for (const resource of (await children(api, connection)).filter((node) => contextValue(node).startsWith('resource.'))) {
          for (const row of (await children(api, resource)).filter((node) => contextValue(node).startsWith('task.'))) {
            const [, lifecycle, tracked] = contextValue(row).split('.');
            const profile = (connection as { entry?: { connection: Connection } }).entry?.connection.profile;
            tree.push({ profile, taskId: (row as { task?: { taskId: string } }).task?.taskId ?? '', lifecycle, tracked: tracked === 'tracked' });
          }
        }
      }
      final = { tree, treeRows: tree.length, tracked: tracking.tracker.list().map((task) => ({ taskId: task.taskId, lifecycle: task.lifecycle })), statusBar: tracking.statusBar.snapshot() };
    }
    await tracking.tracker.whenPersisted();
    process.off('unhandledRejection', onUnhandled);
    const write = () =>
      writeFileSync(
        join(soakDir, `phase-${phase}.json`),
        JSON.stringify({
          phase,
          restored,
          tracked: tracking.tracker.list().map((task) => ({ taskId: task.taskId, lifecycle: task.lifecycle, profile: task.connection.profile })),
          messages: prompts.messages,
          unexpectedPrompts: prompts.unexpected,
          transitions,
          cancels,
          unhandled,
          heapBefore,
          heapAfter,
          final,
        }),
      );
    const heapAfter = heapAfterCollection();
    write();
    // The window lives on until the runner closes it, and a task may end in that moment: what
    // it announces then still counts, so the report is written again until the window goes.
    setInterval(write, 200).unref();
  });
});
