// How long the web server keeps an idle connection open. Node closes one after 5 s by default, while
// the proxy or load balancer in front keeps its end for 60 s (nginx's upstream keepalive_timeout,
// cloud balancers' idle timeout): a request it sends on a connection Node is closing at that moment
// fails (the client sees ECONNRESET, a balancer answers 502). Seen in e2e/through-app.spec.ts: the
// freshness journey's readers reuse connections left idle for a few seconds. The server end stays open
// longer than the other end, so the other end always closes first.
import type { Server } from 'node:http';

export const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A request's headers may take as long as the connection may idle before them.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
