// What activation does not need, as one bundle of its own (dist/features.js): the commands'
// handlers and the documents and panels they open. Container.features() loads it on the first
// command, on the first document of ours VS Code asks for, or while the window is idle
// (docs/ARCHITECTURE.md, Bundles). The modules it shares with activation are not copied into it:
// the build points them at the extension bundle's own (esbuild.js), so each class exists once.
import * as vscode from 'vscode';
import { createChatToolImplementations } from './chat/chatTools';
import { registerCommands } from './commands';
import { sendQueuedStart as sendCreate } from './fsx/createTask';
import type { AppServices, Features, Services } from './commands/services';
import { logApiCall } from './views/log';
import { FailedFilesPanels, ProgressChartPanels } from './views/outcomePanels';
import { ReportService } from './views/reports';
import { TaskDetailsProvider } from './views/taskDetails';

export type { Features, Services };

export function createFeatures(container: AppServices): Services {
  const { log, model, scheduler, progress, estimateOf } = container;
  const details = container.own(new TaskDetailsProvider((connection, task) => model.resourceName(connection, task.resource), scheduler.onDidPoll, estimateOf));
  const reports = container.own(new ReportService(container.settings, { onApiCall: (event) => logApiCall(log, event), gate: container.endpointGate('s3') }));
  const failedFiles = container.own(new FailedFilesPanels(reports, container.prompts));
  const progressCharts = container.own(new ProgressChartPanels(progress, scheduler.onDidPoll));
  const sendQueuedStart: Services['sendQueuedStart'] = (connection, input) => sendCreate(container.apiFor(connection), input, vscode.l10n);
  // The container's own members (its methods too) show through: the features only add to it.
  const services = Object.assign(Object.create(container) as AppServices, { details, reports, failedFiles, progressCharts, sendQueuedStart }) as Services;
  // The chat's tools act through the same services as the commands (their lookups, cancel, reports).
  Object.assign(services, { chatTools: createChatToolImplementations(services) });
  for (const registration of registerCommands(services)) {
    container.own(registration);
  }
  return services;
}
