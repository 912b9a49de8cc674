// A client of the sandbox process's control endpoint (src/emulator/control.ts): its health, its
// stop, and the calls tests make. Over node:http to 127.0.0.1 only, with the process's token.
import { request } from 'node:http';

export interface ControlEndpoint {
  readonly controlUrl: string;
  readonly token: string;
}

export interface ControlHealthAnswer {
  readonly pid: number;
  readonly url: string;
  readonly scenario: string;
  readonly timeScale: number;
}

/** A control call the process answered with an error (its message), or a transport failure. */
export class ControlError extends Error {}

const DEFAULT_TIMEOUT_MS = 5_000;

export class ControlClient {
  constructor(
    private readonly endpoint: ControlEndpoint,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  health(): Promise<ControlHealthAnswer> {
    return this.send('GET', '/health') as Promise<ControlHealthAnswer>;
  }

  async stop(): Promise<void> {
    await this.send('POST', '/stop');
  }

  /** One of the control endpoint's methods (CONTROL_METHODS) with JSON arguments; its JSON result. */
  async call(method: string, ...args: unknown[]): Promise<unknown> {
    const answer = (await this.send('POST', '/call', { method, args })) as { result: unknown };
    return answer.result;
  }

  private send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = new URL(path, this.endpoint.controlUrl);
    if (url.hostname !== '127.0.0.1') {
      return Promise.reject(new ControlError('The sandbox control endpoint must be on 127.0.0.1.'));
    }
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method,
          timeout: this.timeoutMs,
          headers: { authorization: `Bearer ${this.endpoint.token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(new ControlError(error.message)));
          response.on('end', () => {
            let parsed: { error?: string } | undefined;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: string };
            } catch {
              parsed = undefined;
            }
            if (response.statusCode !== 200 || !parsed) {
              reject(new ControlError(`The sandbox control endpoint answered ${response.statusCode ?? 0}: ${parsed?.error ?? 'no JSON'}`));
            } else {
              resolve(parsed);
            }
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new ControlError(`The sandbox control endpoint did not answer within ${this.timeoutMs} ms.`)));
      outgoing.on('error', (error) => reject(error instanceof ControlError ? error : new ControlError(error.message)));
      outgoing.end(payload);
    });
  }
}
