// The one module that loads @aws-sdk/client-cloudwatch-logs (loaded through loadLogs.ts, in the
// SDK's own bundle): a CloudWatchLogsClient per connection and endpoint with the connection's
// credentials, endpoint gate and call log, and FilterLogEvents as a LogEventSource.
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { baseClientConfig, ClientFactoryOptions, guardEndpoint, instrumentApiCalls } from '../fsx/clientFactory';
import { Connection, connectionKey } from '../fsx/types';
import type { LogEventPage, LogEventSource } from './eventLogReader';

export class LogsClientFactory {
  private readonly clients = new Map<string, CloudWatchLogsClient>();

  constructor(private readonly options: ClientFactoryOptions = {}) {}

  /** `endpoint` comes from resolveEndpoint({ service: 'logs' }) or the sandbox; undefined is the public one. */
  get(connection: Connection, endpoint: string | undefined): CloudWatchLogsClient {
    const key = JSON.stringify([connectionKey(connection), endpoint ?? '']);
    let client = this.clients.get(key);
    if (!client) {
      client = new CloudWatchLogsClient(baseClientConfig(connection, endpoint, this.options));
      guardEndpoint(client, connection, endpoint, this.options.gate);
      instrumentApiCalls(client, connection, this.options.onApiCall);
      this.clients.set(key, client);
    }
    return client;
  }

  dispose(): void {
    for (const client of this.clients.values()) {
      client.destroy();
    }
    this.clients.clear();
  }
}

/** FilterLogEvents over one client. */
export class CloudWatchLogEventSource implements LogEventSource {
  constructor(private readonly client: CloudWatchLogsClient) {}

  async filterPage(request: Parameters<LogEventSource['filterPage']>[0], signal?: AbortSignal): Promise<LogEventPage> {
    const output = await this.client.send(
      new FilterLogEventsCommand({
        logGroupName: request.logGroup,
        logStreamNames: [request.logStream],
        startTime: request.startTime,
        nextToken: request.nextToken,
        limit: request.limit,
      }),
      { abortSignal: signal },
    );
    return { events: output.events ?? [], nextToken: output.nextToken };
  }
}

export function createLogEventSource(factory: LogsClientFactory, connection: Connection, endpoint: string | undefined): LogEventSource {
  return new CloudWatchLogEventSource(factory.get(connection, endpoint));
}
