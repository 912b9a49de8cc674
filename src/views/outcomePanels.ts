// The two webview panels of a task's outcome: its failed files (summary, searchable paths, copy,
// raw CSV) and its progress chart (updated by polls). The HTML comes from outcomes/webviewPages.ts;
// this file only hosts it and answers the page's messages.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { plainText } from '../fsx/outsideText';
import { Connection, Task } from '../fsx/types';
import { formatCount } from '../viewModel/presentation';
import { progressChartData, progressChartSvg } from '../outcomes/progressChart';
import type { ProgressHistories } from '../outcomes/progressHistories';
import { failedFilesPage, isFailedFilesMessage, progressPage } from '../outcomes/webviewPages';
import { downloadCommand, type ReportOutcome } from '../outcomes/reportReader';
import { throughputText } from '../outcomes/throughput';
import { Event } from '../tracking/events';
import { PollResult } from '../tracking/pollScheduler';
import { Prompts } from './prompts';
import { RAW_CSV_LIMIT_BYTES, ReportService } from './reports';
import { taskText } from './taskText';

import { abortOn } from './abortOn';
import { RAW_REPORT_SCHEME } from './schemes';

export { RAW_REPORT_SCHEME };
type Report = Extract<ReportOutcome, { kind: 'report' }>;

export function nonce(): string {
  return randomBytes(18).toString('base64');
}

export function panelOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  // No local resources either: everything the pages need is inline.
  return { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false };
}

export class FailedFilesPanels implements vscode.Disposable {
  private readonly panels = new Map<string, { readonly panel: vscode.WebviewPanel; report: Report; connection: Connection }>();
  private readonly rawDocuments = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];
  /** Serves "Open raw CSV" documents (registered at activation for RAW_REPORT_SCHEME). */
  readonly rawReports: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) => this.rawDocuments.get(uri.toString()) ?? vscode.l10n.t('This report is no longer loaded. Open the failed files again.'),
  };

  constructor(
    private readonly reports: ReportService,
    private readonly prompts: Prompts,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((document) => this.rawDocuments.delete(document.uri.toString())),
    ];
  }

  show(connection: Connection, task: Task, report: Report): void {
    const existing = this.panels.get(task.taskId);
    const panel = existing?.panel ?? vscode.window.createWebviewPanel('fsxTasks.failedFiles', '', vscode.ViewColumn.Active, panelOptions());
    panel.title = vscode.l10n.t('Failed files: {0}', task.taskId);
    panel.webview.html = failedFilesPage(task, report, vscode.l10n, nonce());
    if (existing) {
      existing.report = report;
      existing.connection = connection;
      panel.reveal();
      return;
    }
    this.panels.set(task.taskId, { panel, report, connection });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.handle(task.taskId, message));
    panel.onDidDispose(() => this.panels.delete(task.taskId));
  }

  /** The page shown for a task (host tests read it). */
  htmlOf(taskId: string): string | undefined {
    return this.panels.get(taskId)?.panel.webview.html;
  }

  /** Runs what the page asked; exported for the host tests, which cannot click in a webview. */
  async handle(taskId: string, message: unknown): Promise<void> {
    const entry = this.panels.get(taskId);
    if (!entry || !isFailedFilesMessage(message)) {
      return;
    }
    switch (message.type) {
      case 'copy':
        return copy(message.text, plainText(message.text, 80));
      case 'copyShown':
        return copy(message.paths.join('\n'), vscode.l10n.t('{0} paths', formatCount(message.paths.length)));
      case 'openRaw':
        return this.openRaw(taskId, entry.connection, entry.report);
    }
  }

  private async openRaw(taskId: string, connection: Connection, report: Report): Promise<void> {
    const { uri: s3Uri } = report.location;
    if (report.summary.bytes > RAW_CSV_LIMIT_BYTES || report.summary.cut?.reason === 'byteCap') {
      return this.offerDownload(report);
    }
    const uri = vscode.Uri.from({ scheme: RAW_REPORT_SCHEME, path: `/${taskId}/${report.location.key.split('/').pop() ?? 'failures.csv'}` });
    try {
      const raw = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}', plainText(s3Uri)), cancellable: true },
        (_progress, token) => this.reports.rawText(connection, report.location, abortOn(token)),
      );
      this.rawDocuments.set(uri.toString(), raw.text);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: true });
      if (!raw.complete) {
        // The object grew past the limit after it was summarised: the document is its beginning.
        void this.offerDownload(report, vscode.l10n.t('This document shows the first {0} MiB of the report only.', mebibytes(RAW_CSV_LIMIT_BYTES)));
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) {
        void this.prompts.message('error', vscode.l10n.t('Could not read {0}: {1}', plainText(s3Uri), plainText(error instanceof Error ? error.message : String(error))));
      }
    }
  }

  /**
   * A report too large to open as a document: its size, and how to download it, as text to copy.
   * No terminal is opened; the command is offered only when the URI needs no quoting in any shell.
   */
  private async offerDownload(report: Report, lead?: string): Promise<void> {
    const s3Uri = report.location.uri;
    const command = downloadCommand(s3Uri);
    const size =
      report.summary.cut?.reason === 'byteCap'
        ? vscode.l10n.t('The report is larger than {0} MiB, too large to open as a document.', mebibytes(report.summary.cut.maxBytes))
        : vscode.l10n.t('The report is {0} MiB, too large to open as a document (the limit is {1} MiB).', mebibytes(report.summary.bytes), mebibytes(RAW_CSV_LIMIT_BYTES));
    const how = command
      ? vscode.l10n.t('Download it with the AWS CLI: {0}', command)
      : vscode.l10n.t('Download {0} with the AWS CLI (aws s3 cp) or the S3 console.', plainText(s3Uri));
    const copyUri = vscode.l10n.t('Copy S3 URI');
    const copyCommand = vscode.l10n.t('Copy Command');
    const choice = await this.prompts.message('info', [lead ?? size, how].join(' '), ...(command ? [copyCommand] : []), copyUri);
    if (choice === copyUri) {
      await copy(s3Uri, vscode.l10n.t('the S3 URI'));
    } else if (command && choice === copyCommand) {
      await copy(command, vscode.l10n.t('the download command'));
    }
  }

  dispose(): void {
    for (const { panel } of [...this.panels.values()]) {
      panel.dispose();
    }
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.rawDocuments.clear();
  }
}

function mebibytes(bytes: number): string {
  return formatCount(Math.ceil(bytes / 1024 / 1024));
}

export async function copy(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', what), 3000);
}

/** A running task's progress chart, re-rendered whenever a poll brings the task. */
export class ProgressChartPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly histories: ProgressHistories,
    polls: Event<PollResult>,
  ) {
    this.subscription = polls(({ tasks }) => {
      for (const task of tasks) {
        this.render(task);
      }
    });
  }

  show(task: Task): void {
    // The task the command was given is a sample too (the tracker's first look is no poll).
    this.histories.observe([task]);
    let panel = this.panels.get(task.taskId);
    if (!panel) {
      const created = vscode.window.createWebviewPanel('fsxTasks.progressChart', '', vscode.ViewColumn.Active, { ...panelOptions(), enableScripts: false });
      created.onDidDispose(() => this.panels.delete(task.taskId));
      this.panels.set(task.taskId, created);
      panel = created;
    } else {
      panel.reveal();
    }
    panel.title = vscode.l10n.t('Progress: {0}', task.taskId);
    this.render(task);
  }

  htmlOf(taskId: string): string | undefined {
    return this.panels.get(taskId)?.webview.html;
  }

  samplesOf(taskId: string): number {
    return this.histories.samples(taskId).length;
  }

  private render(task: Task): void {
    const panel = this.panels.get(task.taskId);
    if (!panel) {
      return;
    }
    const now = Date.now();
    const estimate = this.histories.estimate(task, now) ?? { state: 'notEnoughSamples', samples: 0, needed: 3 };
    const data = progressChartData(this.histories.samples(task.taskId), estimate);
    const svg = progressChartSvg(data, vscode.l10n, taskText.duration);
    const line = taskText.progress(task) ? `${taskText.progress(task)} · ${throughputText(estimate, vscode.l10n, taskText.duration)}` : throughputText(estimate, vscode.l10n, taskText.duration);
    panel.webview.html = progressPage(task.taskId, svg, line, vscode.l10n, nonce());
  }

  dispose(): void {
    this.subscription.dispose();
    for (const panel of [...this.panels.values()]) {
      panel.dispose();
    }
  }
}
