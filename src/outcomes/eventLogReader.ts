// Reads a file system's data repository event log over a window: FilterLogEvents pages, in time
// order, until the window is read or MAX_EVENTS_READ events were (then it says it stopped). The
// client is behind LogEventSource, so the paging and bounds are tested without the SDK.
import { PageTokens } from '../fsx/pages';
import { EventLogEntry, EventWindow, MAX_EVENTS_READ, parseEvent, WINDOW_MS } from './eventLog';

export interface LogEventPage {
  readonly events: readonly { readonly timestamp?: number; readonly message?: string }[];
  readonly nextToken?: string;
}

/** FilterLogEvents of one log group and stream (logsClient.ts implements it over the SDK). */
export interface LogEventSource {
  filterPage(request: { readonly logGroup: string; readonly logStream: string; readonly startTime: number; readonly nextToken?: string; readonly limit: number }, signal?: AbortSignal): Promise<LogEventPage>;
}

export interface EventLogRead {
  readonly entries: EventLogEntry[];
  readonly window: EventWindow;
  readonly startTime: number;
  readonly endTime: number;
  /** Reading stopped at MAX_EVENTS_READ: older events of the window were not read... newer ones were. */
  readonly cut: boolean;
  readonly pages: number;
}

/** Every event since the window began, at most `max`; each page asks for no more than what is left. */
export async function readEventLog(
  source: LogEventSource,
  place: { readonly logGroup: string; readonly logStream: string },
  options: { readonly window: EventWindow; readonly now: number; readonly max?: number; readonly signal?: AbortSignal },
): Promise<EventLogRead> {
  const max = options.max ?? MAX_EVENTS_READ;
  const endTime = options.now;
  const startTime = endTime - WINDOW_MS[options.window];
  // No endTime: what was logged since startTime, whatever the clocks (a client's skew, the
  // sandbox's faster time) say about now.
  const tokens = new PageTokens('FilterLogEvents');
  const entries: EventLogEntry[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  let cut = false;
  do {
    const page = await source.filterPage({ ...place, startTime, nextToken, limit: Math.min(10_000, max - entries.length) }, options.signal);
    pages++;
    for (const event of page.events) {
      if (entries.length >= max) {
        cut = true;
        break;
      }
      entries.push(parseEvent(typeof event.message === 'string' ? event.message : '', event.timestamp ?? 0));
    }
    nextToken = tokens.next(page.nextToken);
    if (nextToken && entries.length >= max) {
      cut = true;
      break;
    }
  } while (nextToken);
  return { entries, window: options.window, startTime, endTime, cut, pages };
}
