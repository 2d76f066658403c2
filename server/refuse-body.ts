// The web server's answer to a request whose body must not be read (lib/http/body-limits.ts): the
// status and its Chinese line at once, then the rest of the body is discarded as it arrives (never
// kept), so the client, still sending, reads the answer instead of a reset connection (closing at once
// gave 17 of 20 clients "write EPIPE" and no answer, npm run bench:bodies). A client that keeps
// sending past DISCARD_LIMIT_BYTES is cut off.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { bodyRefusal } from '../lib/http/body-limits';

export const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

/** True when the request was refused and answered here. */
export function refuseBody(request: IncomingMessage, response: ServerResponse): boolean {
  // A request without a body (every reader GET) is let through without working out its path.
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined)
    return false;
  const refused = bodyRefusal(request);
  if (!refused) return false;
  response.writeHead(refused.status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(refused.message);
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) request.socket.destroy();
  });
  request.resume();
  return true;
}
