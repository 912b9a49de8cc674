// What another API served on the emulator's port implements (S3, IMDSv2): its own module, so
// the routes and the server that asks them do not import each other.
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Another API served on the emulator's port. Routes are asked in the order they were added,
 * before the FSx API; a request no route matches goes to FSx (which refuses what it does not
 * know with UnknownOperationException).
 */
export interface Route {
  /** Decided from the method, URL and headers alone; the body is still unread. */
  matches(request: IncomingMessage): boolean;
  /** Reads the body and answers. A rejection destroys the connection. */
  serve(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Called by FsxEmulator.reset(): back to the route's starting state. */
  reset?(): void;
}
