// The document schemes the extension serves, apart from their providers: activation registers
// them (src/views/lazyContentProvider.ts) without loading the providers.
export const TASK_DETAILS_SCHEME = 'fsx-task';
export const RAW_REPORT_SCHEME = 'fsx-report';
