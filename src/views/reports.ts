// Reading completion reports: loads the S3 client on the first report (loadS3Module), keeps one
// S3ClientFactory for the session and destroys its clients on dispose. Only types of s3Client
// are imported here, so activation does not load @aws-sdk/client-s3.
import * as vscode from 'vscode';
import type { ClientFactoryOptions } from '../fsx/clientFactory';
import { Connection, Task } from '../fsx/types';
import { loadS3Module, S3Module } from '../outcomes/loadS3';
import type { ReadReportOptions, ReportLocation, ReportOutcome } from '../outcomes/reportReader';
import type { S3ClientFactory } from '../outcomes/s3Client';
import { s3EndpointFor } from '../outcomes/s3Endpoint';
import { readSharedConfig } from '../fsx/profiles';
import { LazyClients } from '../outcomes/lazyClients';
import { Settings } from './settings';

/** Rows kept for display; every row is counted. */
export const SHOWN_ROWS = 1_000;
/**
 * Raw reports above this are not opened as a document: the s3:// URI and a download command are
 * offered instead. Reading the raw text stops here too, whatever the object has become since.
 */
export const RAW_CSV_LIMIT_BYTES = 8 * 1024 * 1024;

export interface RawReportText {
  readonly text: string;
  /** False when the object was longer than the limit: `text` is its first RAW_CSV_LIMIT_BYTES, cut at a line end. */
  readonly complete: boolean;
}

export class ReportService implements vscode.Disposable {
  private readonly clients: LazyClients<S3Module, S3ClientFactory>;

  constructor(
    private readonly settings: Settings,
    options: ClientFactoryOptions,
  ) {
    this.clients = new LazyClients(loadS3Module, (module) => new module.S3ClientFactory(options));
  }

  /** `onRow` sees every row of the report, kept for display or not (Retry Failed Files). */
  async read(connection: Connection, task: Task, signal?: AbortSignal, onRow?: ReadReportOptions['onRow']): Promise<ReportOutcome> {
    const { module, factory } = await this.clients.get();
    return module.createReportReader(factory, connection, await this.endpointFor(connection)).read(task, { keepRows: SHOWN_ROWS, signal, onRow });
  }

  /** The report's text, read again from S3 (for "Open raw CSV"), at most `limit` bytes of it. */
  async rawText(connection: Connection, location: ReportLocation, signal?: AbortSignal, limit = RAW_CSV_LIMIT_BYTES): Promise<RawReportText> {
    const { module, factory } = await this.clients.get();
    const body = await new module.S3ReportStore(factory.get(connection, await this.endpointFor(connection))).open(location, signal);
    const chunks: Buffer[] = [];
    let bytes = 0;
    // Leaving the loop early ends the body stream, so the rest is not downloaded.
    for await (const chunk of body) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (bytes + buffer.length > limit) {
        const head = Buffer.concat([...chunks, buffer.subarray(0, limit - bytes)]);
        return { text: head.subarray(0, head.lastIndexOf(0x0a) + 1).toString('utf8'), complete: false };
      }
      chunks.push(buffer);
      bytes += buffer.length;
    }
    return { text: Buffer.concat(chunks).toString('utf8'), complete: true };
  }

  private async endpointFor(connection: Connection): Promise<string | undefined> {
    const shared = connection.sandbox ? undefined : await readSharedConfig();
    return s3EndpointFor(connection, { setting: this.settings.s3Endpoint(), env: process.env, shared });
  }

  dispose(): void {
    this.clients.dispose();
  }
}
