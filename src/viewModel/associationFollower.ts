// Follows a file system's associations after a create, update or delete until none of them is
// CREATING, UPDATING or DELETING any more: the row moves through its lifecycle (or disappears)
// without Refresh. One timer per resource, behind the injected clock; a failed listing is retried
// later, and following stops after FOLLOW_LIMIT_MS whatever happens. vscode-free.
import { isSettling } from '../fsx/associations';
import { Association, Connection, connectionKey, StorageResource } from '../fsx/types';
import type { Clock, TimerHandle } from '../tracking/clock';
import type { Disposable } from '../tracking/events';
import { resourceKey } from './explorerModel';

export interface AssociationSource {
  reloadAssociations(connection: Connection, resource: StorageResource): Promise<readonly Association[]>;
}

/** Soon after the request, then every 15 s: FSx takes minutes to create or delete one. */
export const FOLLOW_DELAYS_MS: readonly number[] = [2_000, 4_000, 8_000, 15_000];
/** Far longer than FSx takes; a row still settling then is left to Refresh. */
export const FOLLOW_LIMIT_MS = 30 * 60_000;

interface Followed {
  timer: TimerHandle;
  attempt: number;
  readonly since: number;
}

export class AssociationFollower implements Disposable {
  private readonly followed = new Map<string, Followed>();
  private disposed = false;

  constructor(
    private readonly source: AssociationSource,
    private readonly clock: Clock,
  ) {}

  /** Starts (or restarts, sooner) following the resource's associations. */
  follow(connection: Connection, resource: StorageResource): void {
    if (this.disposed) {
      return;
    }
    const key = `${connectionKey(connection)}|${resourceKey(resource)}`;
    const known = this.followed.get(key);
    if (known) {
      this.clock.clearTimeout(known.timer);
    }
    this.schedule(key, connection, resource, { attempt: 0, since: this.clock.now() });
  }

  /** Resources followed now (tests and diagnostics). */
  followedCount(): number {
    return this.followed.size;
  }

  dispose(): void {
    this.disposed = true;
    for (const { timer } of this.followed.values()) {
      this.clock.clearTimeout(timer);
    }
    this.followed.clear();
  }

  private schedule(key: string, connection: Connection, resource: StorageResource, state: { attempt: number; since: number }): void {
    const delay = FOLLOW_DELAYS_MS[Math.min(state.attempt, FOLLOW_DELAYS_MS.length - 1)];
    const entry: Followed = {
      ...state,
      timer: this.clock.setTimeout(() => void this.poll(key, connection, resource, entry), delay),
    };
    this.followed.set(key, entry);
  }

  private async poll(key: string, connection: Connection, resource: StorageResource, entry: Followed): Promise<void> {
    let settling = true;
    try {
      settling = (await this.source.reloadAssociations(connection, resource)).some(isSettling);
    } catch {
      // Tried again at the next delay: the row keeps its last known state meanwhile.
    }
    if (this.disposed || this.followed.get(key) !== entry) {
      return;
    }
    if (!settling || this.clock.now() - entry.since >= FOLLOW_LIMIT_MS) {
      this.followed.delete(key);
      return;
    }
    this.schedule(key, connection, resource, { attempt: entry.attempt + 1, since: entry.since });
  }
}
