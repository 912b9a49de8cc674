// DNS rebinding: a web page can point a name of its own at 127.0.0.1 and then send requests to
// a loopback server from the browser, which sends that name as the Host header. The emulator's
// servers answer only requests addressed to their own loopback address and port.

import type { IncomingMessage, ServerResponse } from 'node:http';

/** Whether a Host header names this loopback server: 127.0.0.1, localhost or [::1], with its port. */
export function ownHostCheck(port: number): (host: string | undefined) => boolean {
  const own = new Set(['127.0.0.1', 'localhost', '[::1]'].map((name) => `${name}:${port}`));
  return (host) => host !== undefined && own.has(host.toLowerCase());
}

/**
 * 421 Misdirected Request, with a body that says why. The request body is not read and the
 * connection is closed.
 */
export function refuseForeignHost(request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify({
    __type: 'MisdirectedRequest',
    message: 'This emulator answers only requests addressed to its own loopback address and port (Host 127.0.0.1, localhost or [::1] with its port).',
  });
  request.resume();
  response.writeHead(421, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  response.end(body);
}
