// The workspace-state keys that decide whether a window needs the extension at start-up, in a
// module of their own: activation's entry (src/extension.ts) reads them without loading the rest.
/** The tracked tasks (the records tracking/trackedRecords.ts reads). */
export const TRACKED_TASKS_KEY = 'fsxTasks.trackedTasks';
/** Set once the view has been shown in this workspace. */
export const VIEW_USED_STATE_KEY = 'fsxTasks.viewUsed';
/** The starts queued behind a running task (views/startQueueController.ts). */
export const QUEUED_STARTS_KEY = 'fsxTasks.queuedStarts';
