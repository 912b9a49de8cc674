import * as vscode from 'vscode';
import { Connection, Task } from '../fsx/types';
import type { EstimateOf } from '../viewModel/statusBarText';
import { renderTaskDetails } from '../viewModel/taskDetailsText';
import { Event } from '../tracking/events';
import { PollResult } from '../tracking/pollScheduler';

import { TASK_DETAILS_SCHEME } from './schemes';

export { TASK_DETAILS_SCHEME };

/**
 * Serves task details documents; show() renders before opening. Polls keep open documents
 * current; a closed document is forgotten, so nothing is re-rendered for it again.
 */
export class TaskDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly documents = new Map<string, string>();
  /** Documents between update() and their tab opening: not closed, only not shown yet. */
  private readonly opening = new Set<string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly resourceName: (connection: Connection, task: Task) => string | undefined,
    polls: Event<PollResult>,
    private readonly estimateOf?: EstimateOf,
  ) {
    this.subscriptions = [
      this.changes,
      polls(({ connection, tasks }) => {
        for (const task of tasks) {
          if (this.has(task.taskId)) {
            this.update(connection, task);
          }
        }
      }),
      // Forget a document once no tab shows it, so polls stop re-rendering it.
      vscode.window.tabGroups.onDidChangeTabs(() => this.forgetClosed()),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? vscode.l10n.t('This task is no longer loaded. Open its details again from the FSx view.');
  }

  async show(connection: Connection, task: Task): Promise<void> {
    const uri = this.uriFor(task);
    this.opening.add(uri.toString());
    try {
      this.update(connection, task);
      let document = await vscode.workspace.openTextDocument(uri);
      if (document.languageId !== 'markdown') {
        document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
      }
      await vscode.window.showTextDocument(document, { preview: true });
    } finally {
      this.opening.delete(uri.toString());
    }
  }

  /** Re-renders a task's document; fires a change when the document is open. */
  update(connection: Connection, task: Task): void {
    const uri = this.uriFor(task);
    const key = uri.toString();
    const isOpen = this.documents.has(key);
    this.documents.set(key, renderTaskDetails(task, connection, this.resourceName(connection, task), Date.now(), vscode.l10n, this.estimateOf?.(task)));
    if (isOpen) {
      this.changes.fire(uri);
    }
  }

  /** Whether a document for the task is open (or being opened). */
  has(taskId: string): boolean {
    return this.documents.has(this.uriFor({ taskId }).toString());
  }

  private forgetClosed(): void {
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === TASK_DETAILS_SCHEME) {
          shown.add(tab.input.uri.toString());
        }
      }
    }
    for (const key of [...this.documents.keys()]) {
      if (!shown.has(key) && !this.opening.has(key)) {
        this.documents.delete(key);
      }
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.documents.clear();
  }

  private uriFor(task: Pick<Task, 'taskId'>): vscode.Uri {
    return vscode.Uri.from({ scheme: TASK_DETAILS_SCHEME, path: `/${task.taskId}.md` });
  }
}
