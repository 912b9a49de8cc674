// The document schemes the extension serves, apart from their providers: activation's entry
// registers them (views/extensionShell.ts) without loading the providers.
export const TASK_DETAILS_SCHEME = 'fsx-task';
export const RAW_REPORT_SCHEME = 'fsx-report';
