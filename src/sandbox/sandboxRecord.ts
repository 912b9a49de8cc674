// Where a window finds the sandbox process another window (or itself before a reload) started:
// {pid, url, controlUrl, token, scenario, timeScale} as JSON in the extension's global storage,
// readable by this user only (0600), since the token opens the process's control endpoint.
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface SandboxRecord {
  readonly pid: number;
  /** The emulator's FSx/S3 endpoint. */
  readonly url: string;
  readonly controlUrl: string;
  readonly token: string;
  readonly scenario: string;
  readonly timeScale: number;
}

const LOOPBACK_URL = /^http:\/\/127\.0\.0\.1:\d{1,5}$/;

export class SandboxRecordFile {
  constructor(readonly path: string) {}

  /** The saved record, or undefined when there is none or it is not one of ours (never trusted further than loopback). */
  async read(): Promise<SandboxRecord | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      return parseRecord(JSON.parse(text));
    } catch {
      return undefined;
    }
  }

  async write(record: SandboxRecord): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(this.path, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    // writeFile's mode applies only when it creates the file.
    await chmod(this.path, 0o600);
  }

  /** Removes the file if it names this process (or always, without a pid). */
  async remove(pid?: number): Promise<void> {
    if (pid !== undefined && (await this.read())?.pid !== pid) {
      return;
    }
    await rm(this.path, { force: true });
  }
}

function parseRecord(value: unknown): SandboxRecord | undefined {
  const record = value as Partial<SandboxRecord> | null;
  if (
    !record ||
    typeof record !== 'object' ||
    !Number.isInteger(record.pid) ||
    (record.pid ?? 0) <= 0 ||
    typeof record.url !== 'string' ||
    !LOOPBACK_URL.test(record.url) ||
    typeof record.controlUrl !== 'string' ||
    !LOOPBACK_URL.test(record.controlUrl) ||
    typeof record.token !== 'string' ||
    !/^[0-9a-f]{64}$/.test(record.token) ||
    typeof record.scenario !== 'string' ||
    typeof record.timeScale !== 'number'
  ) {
    return undefined;
  }
  return { pid: record.pid as number, url: record.url, controlUrl: record.controlUrl, token: record.token, scenario: record.scenario, timeScale: record.timeScale };
}
