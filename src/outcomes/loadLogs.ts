// The CloudWatch Logs half of outcomes, loaded when an event log is first read. Types are free;
// the import() is the only place the module is loaded (the production build puts it in dist/sdk.js).
export type LogsModule = typeof import('./logsClient.js');

export function loadLogsModule(): Promise<LogsModule> {
  return import('./logsClient.js');
}
