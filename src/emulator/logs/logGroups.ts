// The CloudWatch Logs side of the emulated account: log groups, their streams and events, held
// by the store (so a reset seeds them again with the scenario). What FSx for Lustre writes there
// is the data repository event log (`datarepo_<file system id>` streams); the query rules are
// FilterLogEvents' (CloudWatch Logs API reference): a time range with both ends inclusive, the
// events in time order across streams, at most 10,000 per page.

export interface LogEventSpec {
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly message: string;
}

export interface StoredLogEvent extends LogEventSpec {
  readonly logStreamName: string;
  readonly ingestionTime: number;
  readonly eventId: string;
}

export interface LogStreamInfo {
  readonly logStreamName: string;
  readonly creationTime: number;
  readonly firstEventTimestamp?: number;
  readonly lastEventTimestamp?: number;
}

export interface FilterQuery {
  readonly logStreamNames?: readonly string[];
  readonly logStreamNamePrefix?: string;
  readonly startTime?: number;
  readonly endTime?: number;
  /** Terms only (each must occur in the message); quoted terms keep their spaces. */
  readonly filterPattern?: string;
}

/** FilterLogEvents' largest `limit`. */
export const MAX_FILTER_EVENTS = 10_000;

interface LogGroup {
  readonly creationTime: number;
  readonly streams: Map<string, { readonly creationTime: number; readonly events: StoredLogEvent[] }>;
  /** Every event of the group in time order (rebuilt lazily after an add). */
  sorted?: StoredLogEvent[];
}

export class LogGroups {
  private readonly groups = new Map<string, LogGroup>();
  private nextEvent = 0;

  clear(): void {
    this.groups.clear();
    this.nextEvent = 0;
  }

  has(groupName: string): boolean {
    return this.groups.has(groupName);
  }

  groupNames(): string[] {
    return [...this.groups.keys()].sort();
  }

  addGroup(groupName: string, creationTime: number): void {
    if (!this.groups.has(groupName)) {
      this.groups.set(groupName, { creationTime, streams: new Map() });
    }
  }

  /** Adds events to a stream, creating the group and stream as needed. */
  addEvents(groupName: string, logStreamName: string, events: readonly LogEventSpec[], creationTime = events[0]?.timestamp ?? 0): void {
    this.addGroup(groupName, creationTime);
    const group = this.groups.get(groupName)!;
    let stream = group.streams.get(logStreamName);
    if (!stream) {
      stream = { creationTime, events: [] };
      group.streams.set(logStreamName, stream);
    }
    for (const event of events) {
      if (!Number.isFinite(event.timestamp) || typeof event.message !== 'string') {
        throw new RangeError('A log event needs a finite timestamp and a message');
      }
      const eventId = String(++this.nextEvent).padStart(56, '0');
      stream.events.push({ ...event, logStreamName, ingestionTime: event.timestamp + 1_000, eventId });
    }
    group.sorted = undefined;
  }

  streams(groupName: string): LogStreamInfo[] {
    const group = this.groups.get(groupName);
    if (!group) {
      return [];
    }
    return [...group.streams.entries()]
      .map(([logStreamName, stream]) => {
        const times = stream.events.map((event) => event.timestamp);
        return {
          logStreamName,
          creationTime: stream.creationTime,
          firstEventTimestamp: times.length > 0 ? Math.min(...times) : undefined,
          lastEventTimestamp: times.length > 0 ? Math.max(...times) : undefined,
        };
      })
      .sort((a, b) => (a.logStreamName < b.logStreamName ? -1 : a.logStreamName > b.logStreamName ? 1 : 0));
  }

  /** Every matching event of the group in time order; undefined when there is no such group. */
  filter(groupName: string, query: FilterQuery): StoredLogEvent[] | undefined {
    const group = this.groups.get(groupName);
    if (!group) {
      return undefined;
    }
    group.sorted ??= [...group.streams.values()].flatMap((stream) => stream.events).sort((a, b) => a.timestamp - b.timestamp || (a.eventId < b.eventId ? -1 : 1));
    const names = query.logStreamNames && new Set(query.logStreamNames);
    const terms = patternTerms(query.filterPattern);
    return group.sorted.filter(
      (event) =>
        (!names || names.has(event.logStreamName)) &&
        (query.logStreamNamePrefix === undefined || event.logStreamName.startsWith(query.logStreamNamePrefix)) &&
        (query.startTime === undefined || event.timestamp >= query.startTime) &&
        (query.endTime === undefined || event.timestamp <= query.endTime) &&
        terms.every((term) => event.message.includes(term)),
    );
  }
}

/** The terms of a simple filter pattern: words, or "quoted phrases". */
export function patternTerms(pattern: string | undefined): string[] {
  const terms: string[] = [];
  for (const match of (pattern ?? '').matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = match[1] ?? match[2];
    if (term) {
      terms.push(term);
    }
  }
  return terms;
}
