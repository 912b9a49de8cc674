// Many connections: 50 profiles x 4 regions = 200. What auto-tracking costs in a simulated hour
// when 5 of them have an active task (`autoTrack200`), and what opening the view with all 200
// collapsed sends (`collapsed200`). Requests are counted by the emulators (the real FSxClient
// over HTTP), not estimated; requests on the wire at once are counted inside the SDK's stack,
// below the request limiter. The emulator answers every region alike, so the 5 busy connections
// each get an emulator of their own and the 195 idle ones share one with no active task.
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { FsxEmulator } from '../src/emulator';
import { listActiveTasks } from '../src/fsx/activeTasks';
import { FsxClientFactory, SANDBOX_CREDENTIALS } from '../src/fsx/clientFactory';
import { BACKGROUND_SHARE, GLOBAL_LIMIT } from '../src/fsx/requestLimiter';
import { FsxService } from '../src/fsx/fsxService';
import { Connection, FsxApi } from '../src/fsx/types';
import { ConnectionList } from '../src/viewModel/connectionList';
import { ConnectionEntry, ExplorerModel } from '../src/viewModel/explorerModel';
import { TreeWatch } from '../src/viewModel/treeWatch';
import { AutoTracker, IDLE_MAX_DELAY_MS } from '../src/tracking/autoTracker';
import { ManualClock } from '../src/tracking/clock';
import { Emitter } from '../src/tracking/events';
import { DEFAULT_SETTLED_INTERVAL_MS } from '../src/tracking/pollPolicy';
import { PollScheduler, TREE_SOURCE_ID } from '../src/tracking/pollScheduler';
import { TaskTracker } from '../src/tracking/taskTracker';

const HOUR = 3_600_000;
export const PROFILES = 50;
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'] as const;
const BUSY = 5;

/** Real FSxClients with the sandbox's static credentials (the profiles exist only here); production's retry count. */
function clientFactory(): FsxClientFactory {
  return new FsxClientFactory({ retryStrategy: new ConfiguredRetryStrategy(3, () => 0), credentialsFor: () => async () => SANDBOX_CREDENTIALS });
}

function profileName(index: number): string {
  return `profile-${String(index + 1).padStart(2, '0')}`;
}

/** The 200 connections, profile by profile; `endpointOf` says which emulator answers each. */
function connections(endpointOf: (index: number) => string): Connection[] {
  return Array.from({ length: PROFILES * REGIONS.length }, (_, index) => ({
    profile: profileName(Math.floor(index / REGIONS.length)),
    region: REGIONS[index % REGIONS.length],
    endpoint: endpointOf(index),
  }));
}

/**
 * The factory's clients, each counting its HTTP attempts while they are out (at the SDK's
 * finalizeRequest step, after the limiter let them go): the most on the wire at once, over all.
 */
function onWireCounted(factory: FsxClientFactory) {
  let onWire = 0;
  let peak = 0;
  const hooked = new Set<unknown>();
  return {
    client(connection: Connection) {
      const client = factory.get(connection);
      if (!hooked.has(client)) {
        hooked.add(client);
        client.middlewareStack.add(
          (next) => async (args) => {
            peak = Math.max(peak, ++onWire);
            try {
              return await next(args);
            } finally {
              onWire--;
            }
          },
          { step: 'finalizeRequest', name: 'benchOnWire' },
        );
      }
      return client;
    },
    peak: () => peak,
  };
}

/** Resolves once no call counted by `inFlight` is running (real HTTP while the manual clock stands still). */
async function settled(inFlight: () => number): Promise<void> {
  do {
    await new Promise((resolve) => setTimeout(resolve, 1));
  } while (inFlight() > 0);
  // The scans' own continuations (the next due times) run after their answers.
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * The AutoTracker over 200 connections for two simulated hours, timer by timer, each scan's
 * HTTP round trip awaited before time moves on. Jitter off (random 0.5), so the figure is exact.
 * With `withTracker`, the tasks it finds go to the real TaskTracker, whose PollScheduler polls
 * them over the same clients: what the status bar adds on top of the scans.
 */
async function autoTrack200Run(withTracker: boolean) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const emulatorClock = { now: () => clock.now() };
  const idle = await FsxEmulator.start({ scenario: 'empty', clock: emulatorClock });
  const busy = await Promise.all(Array.from({ length: BUSY }, () => FsxEmulator.start({ scenario: 'empty', clock: emulatorClock })));
  const emulators = [idle, ...busy];
  const factory = clientFactory();
  const wire = onWireCounted(factory);
  let inFlight = 0;
  const counted = async <T>(request: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await request();
    } finally {
      inFlight--;
    }
  };
  const scheduler = new PollScheduler({
    clock,
    apiFor: (connection) => {
      const api = new FsxService(wire.client(connection));
      return Object.assign(Object.create(api) as FsxApi, { describeTasks: (taskIds: readonly string[], signal?: AbortSignal) => counted(() => api.describeTasks(taskIds, signal)) });
    },
    random: () => 0.5,
  });
  const tracker = new TaskTracker({ clock, scheduler, store: { get: () => undefined, set: () => undefined } });
  try {
    // An idle account still has a file system, with a task that ended.
    const idleFs = idle.state.addFileSystem({});
    idle.state.addTask({ fileSystemId: idleFs, createdAt: clock.now() - HOUR, pendingMs: 0, executingMs: 1_000 });
    // Ids of their own: the emulators share a seed, and a tracker knows a task by its id.
    busy.forEach((emulator, i) => {
      emulator.state.addTask({ taskId: `task-${String(i + 1).padStart(17, '0')}`, fileSystemId: emulator.state.addFileSystem({}), pendingMs: 0, executingMs: 3 * HOUR });
    });
    // Spread over profiles and regions: connection 0, 41, 82, 123, 164.
    const busyIndex = new Map(Array.from({ length: BUSY }, (_, i) => [i * 41, i]));
    const all = connections((index) => {
      const which = busyIndex.get(index);
      return which === undefined ? idle.url : busy[which].url;
    });
    const found = new Map<string, Connection>();
    let scans = 0;
    const auto = new AutoTracker({
      clock,
      tracker: withTracker
        ? tracker
        : { has: (taskId) => found.has(taskId), track: (connection, task) => void found.set(typeof task === 'string' ? task : task.taskId, connection), sampled: () => undefined },
      connections: () => all,
      listActiveTasks: (connection, signal) => {
        scans++;
        return counted(() => listActiveTasks(new FsxService(wire.client(connection)), signal));
      },
      random: () => 0.5,
    });
    const total = () => emulators.reduce((sum, emulator) => sum + emulator.totalRequests(), 0);
    const start = clock.now();
    const hours: { requests: number; scans: number }[] = [];
    auto.setEnabled(true);
    for (let hour = 1; hour <= 2; hour++) {
      const [requestsBefore, scansBefore] = [total(), scans];
      const end = start + hour * HOUR;
      for (let due = clock.nextDueAt(); due !== undefined && due < end; due = clock.nextDueAt()) {
        await clock.advance(due - clock.now());
        await settled(() => inFlight);
      }
      // Scans due at `end` itself belong to the next hour: time stays before it.
      hours.push({ requests: total() - requestsBefore, scans: scans - scansBefore });
    }
    auto.dispose();
    const trackedCount = withTracker ? tracker.list().length : found.size;
    if (trackedCount !== BUSY) {
      throw new Error(`autoTrack200 tracked ${trackedCount} tasks, not ${BUSY}`);
    }
    return { hours, connections: all.length, peakInFlight: wire.peak() };
  } finally {
    tracker.dispose();
    scheduler.dispose();
    factory.dispose();
    await Promise.all(emulators.map((emulator) => emulator.close()));
  }
}

export async function autoTrack200Figures() {
  const scansOnly = await autoTrack200Run(false);
  const withTracker = await autoTrack200Run(true);
  const [first, second] = scansOnly.hours;
  const requestsPerScan = first.requests / first.scans;
  const activePerHour = HOUR / DEFAULT_SETTLED_INTERVAL_MS;
  return {
    requestsPerHour: first.requests,
    /** The hour after: every idle connection is at its longest delay. */
    secondHourRequests: second.requests,
    /** Every connection every 30 s: the same run's requests per scan times 200 x 120 scans. */
    naiveRequestsPerHour: Math.round(scansOnly.connections * activePerHour * requestsPerScan),
    /** bench/README.md derives it: active ones every 30 s, idle ones once per longest idle delay. */
    bound: BUSY * activePerHour + (scansOnly.connections - BUSY) * Math.ceil(HOUR / IDLE_MAX_DELAY_MS),
    /** The same hour with the found tasks tracked by the real TaskTracker: its polls of tasks the scans list are not sent. */
    withTrackedPollsPerHour: withTracker.hours[0].requests,
    /** The most FSx requests on the wire at once in either run (the first scan sends 200). */
    peakInFlight: Math.max(scansOnly.peakInFlight, withTracker.peakInFlight),
    /** The request limiter's bounds: in all, and for background work such as these scans. */
    peakInFlightBound: GLOBAL_LIMIT,
    backgroundShare: BACKGROUND_SHARE,
    connections: scansOnly.connections,
    busyConnections: BUSY,
    scans: first.scans,
    requestsPerScan,
  };
}

/**
 * Opening the view with 200 connections: the explorer's vscode-free path, as VS Code drives it.
 * The connection list is applied to the ExplorerModel (ConnectionList, as ConnectionsController
 * does), the tree's watch is updated with the view visible, the roots are read, and the children
 * of every root VS Code would show expanded are read (ConnectionNode's collapsible state is
 * model.connectionsStartExpanded()); then five minutes pass on the poll scheduler's clock.
 * `whenFew` runs the same path with 3 connections, which start expanded: what the path sends
 * when it does send.
 */
export async function collapsedFigures() {
  const emulator = await FsxEmulator.start({ scenario: 'demo' });
  const factory = clientFactory();
  try {
    const open = async (count: number): Promise<{ requests: number; rows: number; expanded: number }> => {
      const clock = new ManualClock(Date.UTC(2026, 0, 1));
      const apiFor = (connection: Connection) => new FsxService(factory.get(connection));
      const model = new ExplorerModel(apiFor);
      const scheduler = new PollScheduler({ clock, apiFor });
      const visibility = new Emitter<unknown>();
      const watch = new TreeWatch(model, scheduler, { visible: true, onDidChangeVisibility: visibility.event }, TREE_SOURCE_ID);
      const entries: ConnectionEntry[] = connections(() => emulator.url)
        .slice(0, count)
        .map((connection) => ({ connection, label: `${connection.profile} · ${connection.region}`, sandbox: false }));
      emulator.resetRequestCounts();
      await new ConnectionList(async () => entries, (resolved) => model.setConnections(resolved)).reload();
      watch.update();
      const roots = model.connections();
      const expanded = model.connectionsStartExpanded() ? roots : [];
      await Promise.all(expanded.map((entry) => model.resources(entry.connection)));
      const end = clock.now() + 5 * 60_000;
      for (let due = clock.nextDueAt(); due !== undefined && due < end; due = clock.nextDueAt()) {
        await clock.advance(due - clock.now());
      }
      await clock.advance(end - clock.now());
      const requests = emulator.totalRequests();
      watch.dispose();
      scheduler.dispose();
      model.dispose();
      return { requests, rows: roots.length, expanded: expanded.length };
    };
    const many = await open(PROFILES * REGIONS.length);
    const few = await open(3);
    if (many.rows !== PROFILES * REGIONS.length) {
      throw new Error(`collapsed200 listed ${many.rows} connections`);
    }
    return { requests: many.requests, rows: many.rows, expanded: many.expanded, whenFew: few };
  } finally {
    factory.dispose();
    await emulator.close();
  }
}

if (require.main === module) {
  (async () => console.log(JSON.stringify({ autoTrack200: await autoTrack200Figures(), collapsed200: await collapsedFigures() }, null, 2)))().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
