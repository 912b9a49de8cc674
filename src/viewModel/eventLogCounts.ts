// The tree's "auto-export: 12 failures in 24 h": the last 24 hours of a file system's event log,
// read when its Associations row is expanded, kept for a few minutes, at most one read at a time
// per file system and a bounded number of file systems. vscode-free; the read is injected.
import { classifyError, FsxError } from '../fsx/errors';
import { Association, Connection, connectionKey, ResourceRef, StorageResource } from '../fsx/types';
import { EventLogSummary, summarizeEvents } from '../outcomes/eventLog';
import type { EventLogRead } from '../outcomes/eventLogReader';
import { Emitter } from '../tracking/events';

/** How long a count answers for the tree before it is read again on the next expand. */
export const COUNTS_TTL_MS = 5 * 60_000;
/** File systems whose counts are kept. */
export const COUNTS_KEPT = 32;

export type CountsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly summary: EventLogSummary; readonly cut: boolean; readonly at: number }
  | { readonly kind: 'failed'; readonly error: FsxError; readonly at: number };

export type ReadWindow = (connection: Connection, resource: StorageResource) => Promise<EventLogRead>;

export class EventLogCounts {
  private readonly states = new Map<string, CountsState>();
  private readonly changes = new Emitter<{ readonly connection: Connection; readonly resource: ResourceRef }>();
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly read: ReadWindow,
    private readonly now: () => number = Date.now,
  ) {}

  get(connection: Connection, resource: ResourceRef): CountsState | undefined {
    return this.states.get(keyOf(connection, resource));
  }

  /** Reads the window unless a fresh answer or a read is there; fires onDidChange when it lands. */
  request(connection: Connection, resource: StorageResource, associations: readonly Association[]): void {
    const key = keyOf(connection, resource);
    const state = this.states.get(key);
    if (state && (state.kind === 'loading' || this.now() - state.at < COUNTS_TTL_MS)) {
      return;
    }
    this.set(key, { kind: 'loading' });
    this.read(connection, resource).then(
      (read) => this.land(key, connection, resource, { kind: 'ready', summary: summarizeEvents(read.entries, associations), cut: read.cut, at: this.now() }),
      (error: unknown) => this.land(key, connection, resource, { kind: 'failed', error: classifyError(error, 'FilterLogEvents'), at: this.now() }),
    );
  }

  /** Forgets every count (Refresh), or those of one connection. */
  forget(connection?: Connection): void {
    if (!connection) {
      this.states.clear();
      return;
    }
    const prefix = `${connectionKey(connection)}|`;
    for (const key of [...this.states.keys()]) {
      if (key.startsWith(prefix)) {
        this.states.delete(key);
      }
    }
  }

  dispose(): void {
    this.changes.dispose();
    this.states.clear();
  }

  private land(key: string, connection: Connection, resource: ResourceRef, state: CountsState): void {
    // Forgotten meanwhile (Refresh): the answer is dropped, the next expand reads again.
    if (this.states.get(key)?.kind !== 'loading') {
      return;
    }
    this.set(key, state);
    this.changes.fire({ connection, resource });
  }

  private set(key: string, state: CountsState): void {
    this.states.delete(key);
    this.states.set(key, state);
    // The oldest file system's counts go first.
    while (this.states.size > COUNTS_KEPT) {
      this.states.delete(this.states.keys().next().value as string);
    }
  }
}


function keyOf(connection: Connection, resource: ResourceRef): string {
  return `${connectionKey(connection)}|${resource.kind}:${resource.id}`;
}
