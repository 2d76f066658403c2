// Browsers in the co-editing tests: a real Hocuspocus provider on a real socket, with the session
// cookie a page would send. A browser's stored copy (IndexedDB in the app) is the Y update its
// document held, applied to a fresh document on "reload" before the socket connects, with the
// generation that copy belongs to as the token, as the editor sends it.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

import type { Db } from '../../lib/db-client';
import { cookieSocket } from './cookie-socket';
import { sessionToken } from './sessions';

export const TEST_ORIGIN = 'http://newsroom.test';

/** The cookie of a signed-in browser (its session row started in `db`). */
export async function sessionCookie(db: Db, userId: string, secret: string, sessionVersion = 0): Promise<string> {
  return `next-auth.session-token=${await sessionToken(db, userId, secret, sessionVersion)}`;
}

/** What a browser kept of a story: its document's state and the generation it belongs to. */
export type BrowserCopy = { state: Uint8Array; generation: string };

export type Browser = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** The refusal reason, when authentication fails. */
  denied: Promise<string>;
  synced: Promise<void>;
  /** The reason of the first close (the server's close message, or the socket's). */
  closed: Promise<string>;
  /** Every stateless message the server sent, parsed. */
  messages: unknown[];
  /** The copy the browser keeps (what a reload finds in IndexedDB). */
  copy(generation: string): BrowserCopy;
  close(): void;
};

export type OpenOptions = {
  url: string;
  cookie: string;
  name: string;
  token: string;
  copy?: Uint8Array;
  origin?: string;
  reconnect?: boolean;
};

export function openBrowser(options: OpenOptions): Browser {
  const { cookie } = options;
  const origin = options.origin ?? TEST_ORIGIN;
  const socket = new HocuspocusProviderWebsocket({
    // Without reconnect: the next attempt is a minute away (past any test). Not maxAttempts: 1: the
    // provider reconnects after the server closes a refused socket, and a retry that runs out rejects
    // a promise nobody holds, which the store-error tests would count as the server's.
    url: options.url,
    WebSocketPolyfill: cookieSocket(cookie, origin),
    ...(options.reconnect
      ? { delay: 100, minDelay: 100, maxDelay: 500 }
      : { delay: 60_000, minDelay: 60_000, maxDelay: 60_000 }),
  });
  const doc = new Y.Doc();
  if (options.copy) Y.applyUpdate(doc, options.copy);
  let deny: (reason: string) => void = () => {};
  let sync: () => void = () => {};
  let close: (reason: string) => void = () => {};
  const denied = new Promise<string>((resolve) => (deny = resolve));
  const synced = new Promise<void>((resolve) => (sync = resolve));
  const closed = new Promise<string>((resolve) => (close = resolve));
  const messages: unknown[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.name,
    document: doc,
    token: options.token,
    onAuthenticationFailed: ({ reason }) => deny(reason),
    onSynced: () => sync(),
    onClose: ({ event }) => close(event.reason),
    onStateless: ({ payload }) => messages.push(JSON.parse(payload)),
  });
  provider.attach();
  return {
    provider,
    doc,
    denied,
    synced,
    closed,
    messages,
    copy: (generation) => ({ state: Y.encodeStateAsUpdate(doc), generation }),
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function until(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}
