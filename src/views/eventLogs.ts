// Reading data repository event logs: loads the CloudWatch Logs client on the first read
// (loadLogsModule), keeps one LogsClientFactory for the session, resolves the endpoint as the FSx
// and S3 clients do (the sandbox's URL, else AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, AWS_ENDPOINT_URL, the
// profile's services section or endpoint_url), and reads a file system's log over a window.
import type { ClientFactoryOptions } from '../fsx/clientFactory';
import { resolveEndpoint } from '../fsx/endpoint';
import { FsxError } from '../fsx/errors';
import { readSharedConfig } from '../fsx/profiles';
import { Connection, StorageResource } from '../fsx/types';
import { EventWindow, loggingOf } from '../outcomes/eventLog';
import { EventLogRead, readEventLog } from '../outcomes/eventLogReader';
import { loadLogsModule, LogsModule } from '../outcomes/loadLogs';
import type { LogsClientFactory } from '../outcomes/logsClient';
import { LazyClients } from '../outcomes/lazyClients';

export interface EventLogResult extends EventLogRead {
  readonly logGroup: string;
  readonly logStream: string;
  /** The log group does not exist (FSx has logged nothing there yet, or it was deleted). */
  readonly missingGroup: boolean;
}

export class EventLogService {
  private readonly clients: LazyClients<LogsModule, LogsClientFactory>;

  constructor(options: ClientFactoryOptions) {
    this.clients = new LazyClients(loadLogsModule, (module) => new module.LogsClientFactory(options));
  }

  /** The window of the resource's event log; throws FsxError('validation') when it logs nothing to read. */
  async read(connection: Connection, resource: StorageResource, window: EventWindow, signal?: AbortSignal): Promise<EventLogResult> {
    const logging = loggingOf(resource);
    if (!logging.logGroup || !logging.logStream) {
      throw new FsxError('validation', `${resource.id} writes no data repository event log (LogConfiguration level ${logging.level}).`);
    }
    const place = { logGroup: logging.logGroup, logStream: logging.logStream };
    const { module, factory } = await this.clients.get();
    const source = module.createLogEventSource(factory, connection, await this.endpointFor(connection));
    try {
      return { ...(await readEventLog(source, place, { window, now: Date.now(), signal })), ...place, missingGroup: false };
    } catch (error) {
      if ((error as { name?: unknown }).name === 'ResourceNotFoundException') {
        const now = Date.now();
        return { entries: [], window, startTime: now, endTime: now, cut: false, pages: 1, ...place, missingGroup: true };
      }
      throw error;
    }
  }

  private async endpointFor(connection: Connection): Promise<string | undefined> {
    if (connection.sandbox) {
      return connection.endpoint;
    }
    return resolveEndpoint({ service: 'logs', env: process.env, shared: await readSharedConfig(), profile: connection.profile, useFipsEndpoint: connection.useFipsEndpoint });
  }

  dispose(): void {
    this.clients.dispose();
  }
}
