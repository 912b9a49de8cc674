// Runs a program by argument vector, never through a shell, and shows what it writes in a terminal
// of its own (a Pseudoterminal): no command line is typed anywhere, so nothing in an argument can
// end a quoted string or start another command, whatever the user's shell is.
import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';

export interface ProcessCommand {
  /** Looked up on the extension host's PATH (on Windows, an .exe or .com: Node runs no .cmd without a shell). */
  readonly program: string;
  readonly args: readonly string[];
  /** Where it starts; a program of that name in it may be found first on Windows. */
  readonly cwd: string;
}

export interface RunningProcess {
  readonly terminal: vscode.Terminal;
  /** The exit code; null when it was ended by a signal (Ctrl+C, or its terminal closed). */
  readonly exit: Promise<number | null>;
}

/** Starting failed: ENOENT when the program is not on the PATH. */
export class ProcessStartError extends Error {
  constructor(readonly code: string | undefined, cause: unknown) {
    super(code ?? String(cause), { cause });
  }
}

/**
 * Starts the program and, once it has started, opens a terminal named `name` that shows its
 * output and forwards Ctrl+C; closing the terminal ends the program. Rejects with a
 * ProcessStartError, and opens no terminal, when the program cannot be started.
 */
export async function runInTerminal(name: string, command: ProcessCommand): Promise<RunningProcess> {
  const child = spawn(command.program, [...command.args], { cwd: command.cwd, shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pty = new ProcessPseudoterminal(child);
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) => reject(new ProcessStartError(error.code, error)));
  });
  const terminal = vscode.window.createTerminal({ name, pty, isTransient: true, iconPath: new vscode.ThemeIcon('terminal') });
  void exit.then((code) => pty.ended(code));
  return { terminal, exit };
}

class ProcessPseudoterminal implements vscode.Pseudoterminal {
  private readonly writer = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.writer.event;
  /** Output written before VS Code opened the terminal; undefined once open. */
  private pending: string[] | undefined = [];
  private running = true;
  private closed = false;

  constructor(private readonly child: ChildProcess) {
    // After the start, an error (a kill that failed) still ends in 'close'; unhandled it would throw.
    child.on('error', () => undefined);
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (text: string) => this.write(text));
    }
  }

  open(): void {
    const pending = this.pending ?? [];
    this.pending = undefined;
    pending.forEach((text) => this.writer.fire(text));
  }

  close(): void {
    this.closed = true;
    if (this.running) {
      this.child.kill();
    }
    this.writer.dispose();
  }

  handleInput(data: string): void {
    // The program reads nothing; Ctrl+C ends it, as it would in a shell.
    if (data.includes('\u0003') && this.running) {
      this.child.kill('SIGINT');
    }
  }

  ended(code: number | null): void {
    this.running = false;
    this.write(`\n${vscode.l10n.t('[{0} ended with exit code {1}]', this.child.spawnfile, code ?? vscode.l10n.t('none (stopped)'))}\n`);
  }

  private write(text: string): void {
    // A terminal needs CR LF to start a line at its left edge.
    const lines = text.replace(/\r?\n/g, '\r\n');
    if (this.closed) {
      return;
    }
    if (this.pending) {
      this.pending.push(lines);
    } else {
      this.writer.fire(lines);
    }
  }
}
