// The co-editing server: Hocuspocus with the newsroom's rules, each an extension of its own
// (lib/collab/extensions). One process per deployment serves every story's shared document (see
// docs/architecture.md, "Co-editing"): people editing one story must meet in one place, and one
// process needs no broker between instances.
import { Server, type Extension } from '@hocuspocus/server';

import type { Db } from '../db-client';
import { authenticationExtension } from './extensions/authentication';
import { guardExtension } from './extensions/guard';
import { ArticlePersistence } from './extensions/persistence';
import { presenceExtension } from './extensions/presence';
import { MAX_MESSAGE_BYTES, STORE_DEBOUNCE_MS, STORE_MAX_DEBOUNCE_MS } from './limits';

export { authenticate, recheckConnections, NO_COPY_TOKEN, type CollabContext } from './extensions/authentication';

export type CollabServerOptions = {
  db: Db;
  secret: string;
  port: number;
  address?: string;
  /**
   * Origins a browser may open a socket from besides the address it used (SITE_URL, NEXTAUTH_URL,
   * COLLAB_ORIGINS). Cookies go with a WebSocket opened by any page, so a page elsewhere must not be
   * able to edit as the person reading it (lib/collab/origin.ts, the guard).
   */
  allowedOrigins?: readonly string[];
  /** TRUSTED_PROXY_HOPS: with proxies in front, their X-Forwarded-Host counts as the address used. */
  trustedProxyHops?: number;
  /** How often open sockets are checked against the database (deactivation, role change), and loaded documents against the stored ones. */
  recheckMs?: number;
  log?: (line: string) => void;
};

export function createCollabServer(options: CollabServerOptions): Server {
  const { db, secret } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  const persistence = new ArticlePersistence({ db, refreshMs: options.recheckMs, log });
  const extensions: Extension[] = [
    // The door (origin, session) and the rules of speech before and after authentication, first.
    guardExtension({
      db,
      secret,
      allowedOrigins: options.allowedOrigins ?? [],
      trustedProxyHops: options.trustedProxyHops ?? 0,
      log,
    }),
    authenticationExtension({
      db,
      secret,
      recheckMs: options.recheckMs,
      log,
      loadedGeneration: (documentName) => persistence.generationOf(documentName),
    }),
    persistence,
    presenceExtension(),
  ];
  const server = new Server(
    {
      name: 'newsroom-collab',
      port: options.port,
      address: options.address ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      debounce: STORE_DEBOUNCE_MS,
      maxDebounce: STORE_MAX_DEBOUNCE_MS,
      unloadImmediately: false,
      extensions,
    },
    // ws refuses a larger frame itself (close code 1009) before Yjs ever decodes it.
    { maxPayload: MAX_MESSAGE_BYTES },
  );
  listenOnAddress(server);
  return server;
}

/**
 * Hocuspocus 3.4 hands `address` to http.Server#listen, which only reads `host`: the process would
 * listen on every interface. Translated here, so it listens where it was told (127.0.0.1 by default).
 */
function listenOnAddress(server: Server): void {
  const http = server.httpServer;
  const listen = http.listen;
  const fixed = (options: { port: number; address?: string }, done: () => void) =>
    listen.call(http, { port: options.port, host: options.address }, done);
  http.listen = fixed as unknown as typeof http.listen;
}
