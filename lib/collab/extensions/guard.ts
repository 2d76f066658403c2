// The co-editing socket's door and its rules of speech (issue 27, "Faults and attacks the socket
// survives"), as a Hocuspocus extension:
//
// - The upgrade itself needs an allowed origin (origin.ts) and a valid session (the pages' rule,
//   lib/auth/session-validity.ts): another site's page gets 403, no session 401, and nothing of the
//   socket machinery ever exists for them. A session this app signed that no longer stands (signed
//   out everywhere, deactivated) is let through the handshake only to be told so: closed at once
//   with 4401 'signed-out', which the editor shows, without a single frame being read.
// - Until a document on the socket is authenticated, Hocuspocus queues what the socket sends for it
//   (ClientConnection's incomingMessageQueue). The guard counts those bytes per socket and cuts the
//   socket off past PRE_AUTH_QUEUE_BYTES, or at one frame over PRE_AUTH_FRAME_BYTES (ws' own cap,
//   MAX_MESSAGE_BYTES, applies to everyone, and after authentication).
// - A socket whose authentication is refused is closed once the refusal is sent: Hocuspocus keeps
//   it open and goes on queueing what it sends for that document.
// - Only the server speaks for the server: a client's broadcast-stateless frame (Hocuspocus relays it
//   to everyone in the story as if the server had said it) is dropped and its socket closed, a
//   read-only one's too. An awareness frame may speak only for the presence ids its socket's person
//   announced first (the rule is at awarenessVerdict below).
//
// It reads every frame before Hocuspocus does: its listener takes the place of Hocuspocus' own on
// the socket and hands on only what passes (a hook cannot drop a frame without closing the
// document's connection, and the echo of others' presence every provider sends must be dropped
// quietly).
// - Every client-supplied value in its log lines goes through quoted() (log-text.ts).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { MessageType, type Document, type Extension, type Hocuspocus, type onUpgradePayload } from '@hocuspocus/server';
import type WebSocket from 'ws';

import type { Db } from '../../db-client';
import { quoted } from '../log-text';
import { originAllowed, originVerdict } from '../origin';
import { claimsOf, sessionTokenOf, socketUser } from '../session';
import { awarenessEntries, frameHead, permissionDeniedReason, type AwarenessEntry, type FrameHead } from '../wire';

/**
 * Before authentication a browser sends its token, its state vector, its presence and at most what
 * was typed in that moment: a few kilobytes. These caps leave room for a paste in that moment and
 * bound what a socket can make the server hold for it.
 */
export const PRE_AUTH_FRAME_BYTES = 256 * 1024;
export const PRE_AUTH_QUEUE_BYTES = 1024 * 1024;
/** Presence ids one socket may announce in one story (a browser's editor uses one). */
export const AWARENESS_IDS_PER_SOCKET = 4;
/** How long a socket told to close may take to say goodbye before it is cut off. */
const CLOSE_GRACE_MS = 1_000;

export type GuardOptions = {
  db: Db;
  secret: string;
  /** Origins the settings name (SITE_URL, NEXTAUTH_URL, COLLAB_ORIGINS): origin.ts configuredOrigins. */
  allowedOrigins: readonly string[];
  /** TRUSTED_PROXY_HOPS (lib/http/client-ip.ts trustedProxyHops). */
  trustedProxyHops: number;
  log: (line: string) => void;
};

export type GuardExtension = Extension & {
  /** Bytes the open sockets have sent for documents not yet authenticated (what Hocuspocus queues). */
  preAuthBytes(): number;
};

type Admitted = { userId: string };
// closing: told to go; nothing more it sends is handed on.
type SocketState = { userId: string; pending: Map<string, number>; closing: boolean; toldForeign?: boolean };
type Owner = { socket: WebSocket; userId: string };
type MessageListener = (this: WebSocket, data: WebSocket.RawData, isBinary: boolean) => void;

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden' };

/** Ends an upgrade with a plain HTTP answer, as ws does for a handshake it refuses. */
function answer(socket: Duplex, status: 401 | 403, reason: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

/**
 * Hocuspocus stops handling an upgrade when an onUpgrade hook rejects; with an error it would
 * rethrow it from an event listener (an unhandled rejection), with nothing it just stops.
 */
function stopUpgrade(): Promise<never> {
  return Promise.reject(null);
}

function bytesOf(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** A close reason ws accepts (at most 123 bytes). */
function closeReason(reason: string): string {
  return Buffer.byteLength(reason) <= 123 ? reason : 'permission-denied';
}

/** Closes with a code and reason the client sees, and cuts the socket off if it does not answer. */
function closeSocket(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState === socket.CLOSED) return;
  if (socket.readyState !== socket.CLOSING) socket.close(code, closeReason(reason));
  setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
}

type AwarenessVerdict = { kind: 'apply' } | { kind: 'foreign'; detail: string } | { kind: 'flood'; detail: string };

export function guardExtension(options: GuardOptions): GuardExtension {
  const { db, secret, log } = options;
  const policy = { allowedOrigins: options.allowedOrigins, trustedProxyHops: options.trustedProxyHops };
  // Upgrades the guard let through, until their socket exists (the same request object).
  const admitted = new WeakMap<IncomingMessage, Admitted>();
  const sockets = new Map<WebSocket, SocketState>();
  // Per story: which socket, of which person, first announced each presence id. Kept while the
  // story is loaded, so a person's id stays theirs across a reconnect.
  const owners = new WeakMap<Document, Map<number, Owner>>();
  const watching = new WeakSet<object>();
  let hocuspocus: Hocuspocus | null = null;

  const connectedDocument = (socket: WebSocket, documentName: string) => {
    const document = hocuspocus?.documents.get(documentName);
    return document?.connections.has(socket) ? document : null;
  };

  /** Tells a socket to go (see closeSocket); from now on nothing it sends is handed on. */
  function dismiss(socket: WebSocket, state: SocketState, code: number, reason: string): void {
    state.closing = true;
    closeSocket(socket, code, reason);
  }

  /**
   * The awareness rule. Each presence id in a story belongs to the person whose socket first
   * announced it there with a state (a removal claims nothing); the server's own id belongs to no
   * socket. A frame is applied when every entry is the socket's person's own or a new id (a socket
   * may hold AWARENESS_IDS_PER_SOCKET; a browser's editor uses one). A frame naming anyone else's id
   * is dropped, never applied, whatever it says, and the socket stays: every Hocuspocus provider
   * sends others' presence back (its awareness 'update' handler does not look at the origin), and
   * after the co-editing process restarts a browser still holds others' states with clocks the new
   * process never saw, which y-protocols' 30 s timeout then removes and the provider sends on.
   * Closing the socket for that (as a first version did) closed an honest browser again at every
   * reconnect. More ids than a browser uses is a flood: the socket is closed.
   */
  function awarenessVerdict(
    socket: WebSocket,
    state: SocketState,
    document: Document,
    entries: AwarenessEntry[],
  ): AwarenessVerdict {
    let ownership = owners.get(document);
    if (!ownership) owners.set(document, (ownership = new Map()));
    const foreign = entries.filter(({ clientId, removal }) => {
      const owner = ownership.get(clientId);
      if (owner) return owner.userId !== state.userId;
      // Taking away a presence nobody here announced removes no one's: not applied (applied, it would
      // leave the id known to the server, and its person could not announce it afterwards).
      if (removal) return true;
      return clientId === document.awareness.clientID || document.awareness.meta.has(clientId);
    });
    if (foreign.length)
      return {
        kind: 'foreign',
        detail: `presence id ${foreign[0]!.clientId} of ${ownership.get(foreign[0]!.clientId)?.userId ?? 'the server'}`,
      };
    const claims = entries.filter(({ clientId, removal }) => !removal && ownership.get(clientId)?.socket !== socket);
    const held = [...ownership.values()].filter((owner) => owner.socket === socket).length;
    if (held + claims.length > AWARENESS_IDS_PER_SOCKET)
      return { kind: 'flood', detail: `${held + claims.length} presence ids` };
    for (const { clientId } of claims) ownership.set(clientId, { socket, userId: state.userId });
    return { kind: 'apply' };
  }

  /** What a socket may send once its document is authenticated; false: dropped. */
  function allowedAfterAuth(socket: WebSocket, state: SocketState, document: Document, head: FrameHead): boolean {
    if (head.type === MessageType.BroadcastStateless) {
      log(
        `co-editing closed a socket of ${state.userId} in ${quoted(document.name)}: a client's broadcast-stateless message`,
      );
      dismiss(socket, state, 4400, 'forbidden-message');
      return false;
    }
    const entries = awarenessEntries(head);
    if (!entries) return true;
    const verdict = awarenessVerdict(socket, state, document, entries);
    if (verdict.kind === 'flood') {
      log(`co-editing closed a socket of ${state.userId} in ${quoted(document.name)}: awareness for ${verdict.detail}`);
      dismiss(socket, state, 4400, 'forbidden-message');
    }
    if (verdict.kind === 'foreign' && !state.toldForeign) {
      // Once per socket: an honest provider sends such echoes all the time.
      state.toldForeign = true;
      log(
        `co-editing dropped awareness from a socket of ${state.userId} in ${quoted(document.name)}: ${verdict.detail} (and any later ones of this socket)`,
      );
    }
    return verdict.kind === 'apply';
  }

  /** Counts what a socket sends before its document is authenticated; false: cut off past the caps. */
  function allowedBeforeAuth(socket: WebSocket, state: SocketState, name: string, bytes: number): boolean {
    state.pending.set(name, (state.pending.get(name) ?? 0) + bytes);
    const total = [...state.pending.values()].reduce((sum, each) => sum + each, 0);
    if (bytes <= PRE_AUTH_FRAME_BYTES && total <= PRE_AUTH_QUEUE_BYTES) return true;
    log(
      `co-editing closed a socket of ${state.userId} before authentication of ${quoted(name)}: ${bytes > PRE_AUTH_FRAME_BYTES ? `frame of ${bytes} bytes` : `${total} bytes queued`}`,
    );
    state.closing = true;
    sockets.delete(socket);
    // Cut off at once: every frame a closing socket still sent would be queued too.
    socket.terminate();
    return false;
  }

  function allowed(socket: WebSocket, state: SocketState, data: WebSocket.RawData): boolean {
    if (state.closing) return false;
    const bytes = bytesOf(data);
    const head = frameHead(bytes);
    // Unreadable: Hocuspocus closes a socket that sends one.
    if (!head) return true;
    const document = connectedDocument(socket, head.documentName);
    if (!document) return allowedBeforeAuth(socket, state, head.documentName, bytes.length);
    // Authenticated and set up: what was queued for it has been handed over.
    state.pending.delete(head.documentName);
    return allowedAfterAuth(socket, state, document, head);
  }

  /** Watches a socket the upgrade let through, before Hocuspocus reads anything from it. */
  function watch(socket: WebSocket, request: IncomingMessage): void {
    const who = admitted.get(request);
    admitted.delete(request);
    if (!who) {
      // Not through this guard's door (cannot happen while it is the server's only way in).
      socket.terminate();
      return;
    }
    const state: SocketState = { userId: who.userId, pending: new Map(), closing: false };
    sockets.set(socket, state);
    // Hocuspocus' listener (ClientConnection's, added when the socket was made) now hears only
    // what passes. It also re-emits queued frames once a document is set up: they pass here again.
    const hocuspocusListeners = socket.listeners('message') as MessageListener[];
    socket.removeAllListeners('message');
    socket.on('message', function (this: WebSocket, data: WebSocket.RawData, isBinary: boolean) {
      if (!allowed(socket, state, data)) return;
      for (const listener of hocuspocusListeners) listener.call(this, data, isBinary);
    });
    socket.once('close', () => sockets.delete(socket));
    // Hocuspocus answers a refused authentication and keeps the socket open; the guard closes it
    // once the refusal (which carries the reason the editor shows) is on its way.
    const send = socket.send;
    const sendAndWatch = function (this: WebSocket, ...args: unknown[]) {
      Reflect.apply(send, socket, args);
      const refusal = args[0] instanceof Uint8Array ? permissionDeniedReason(args[0]) : null;
      if (!refusal) return;
      log(`co-editing refused ${quoted(refusal.documentName)} for ${state.userId}: ${quoted(refusal.reason)}`);
      dismiss(socket, state, 4403, refusal.reason);
    };
    Object.defineProperty(socket, 'send', { value: sendAndWatch, configurable: true, writable: true });
  }

  return {
    extensionName: 'newsroom-guard',
    // Before every other extension: nothing reaches them that the guard refuses.
    priority: 1_000,

    async onUpgrade({ request, socket, head, instance }: onUpgradePayload) {
      hocuspocus = instance;
      const server = instance.server?.webSocketServer;
      if (server && !watching.has(server)) {
        watching.add(server);
        // After Hocuspocus' own 'connection' listener, which made the socket's ClientConnection.
        server.on('connection', (webSocket: WebSocket, upgraded: IncomingMessage) => watch(webSocket, upgraded));
      }
      const verdict = originVerdict(
        request.headers,
        'encrypted' in request.socket && request.socket.encrypted === true,
        policy,
      );
      if (!originAllowed(verdict)) {
        log(`co-editing refused a socket from origin ${quoted(String(request.headers.origin))}`);
        answer(socket, 403, 'bad-origin');
        return stopUpgrade();
      }
      const token = sessionTokenOf(request.headers.cookie);
      const claims = token ? await claimsOf(token, secret) : null;
      if (!claims) {
        answer(socket, 401, 'signed-out');
        return stopUpgrade();
      }
      const user = await socketUser(db, claims);
      if (!user) {
        // This app's own token, no longer standing: the editor is told why, and nothing is read.
        log(`co-editing refused a socket of ${claims.userId}: signed-out`);
        if (server)
          server.handleUpgrade(request, socket, head, (webSocket) => closeSocket(webSocket, 4401, 'signed-out'));
        else answer(socket, 401, 'signed-out');
        return stopUpgrade();
      }
      admitted.set(request, { userId: user.id });
    },

    preAuthBytes() {
      let total = 0;
      for (const state of sockets.values()) for (const bytes of state.pending.values()) total += bytes;
      return total;
    },
  };
}
