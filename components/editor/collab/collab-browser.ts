'use client';

// The browser's parts of a co-editing session (collab-session.ts takes them injected): the Hocuspocus
// socket at /collab on the page's own origin (the session cookie authenticates it), y-indexeddb for the
// stored copy, the window's network events and the local-copy records (lib/collab/local-copies.ts).
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

import {
  claimCopiesFor,
  deleteArticleCopy,
  forgetArticleMarks,
  hasUnconfirmedTyping,
  markConfirmed,
  markUnconfirmed,
  onSignOut,
} from '@/lib/collab/local-copies';

import type { LocalCopy, ProviderEvents, ProviderHandle, SessionDeps } from './collab-session';

/**
 * How soon the socket tries again after it was lost: Hocuspocus' default grows to 30 s, so a restarted
 * co-editing process (server/collab.ts is restarted by npm start within a second or two) would leave
 * editors saying they cannot connect for up to half a minute. Half a second, doubling, at most 2 s.
 */
export const RECONNECT = { delay: 500, minDelay: 250, maxDelay: 2_000, factor: 2, jitter: true } as const;

function socketUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
}

function openProvider({
  name,
  doc,
  token,
  events,
}: {
  name: string;
  doc: Y.Doc;
  token: string;
  events: ProviderEvents;
}): ProviderHandle {
  const socket = new HocuspocusProviderWebsocket({ url: socketUrl(), ...RECONNECT });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    // The session cookie says who this is; the token says which history of the story this document is.
    token,
    onAuthenticated: ({ scope }) => events.onAuthenticated(scope),
    onAuthenticationFailed: ({ reason }) => events.onAuthenticationFailed(reason),
    onSynced: ({ state }) => {
      if (state) events.onSynced();
    },
    onStatus: ({ status }) => {
      if (status === WebSocketStatus.Disconnected) events.onDisconnected();
    },
    onClose: ({ event }) => events.onClose(event.reason),
    onUnsyncedChanges: ({ number }) => events.onUnsyncedChanges(number),
    onStateless: ({ payload }) => events.onStateless(payload),
  });
  // A provider given its socket does not attach itself.
  provider.attach();
  return {
    origin: provider,
    awareness: provider.awareness,
    get synced() {
      return provider.synced;
    },
    get unsyncedChanges() {
      return provider.unsyncedChanges;
    },
    connect: () => void socket.connect(),
    disconnect: () => socket.disconnect(),
    sendStateless: (payload) => provider.sendStateless(payload),
    announce: () => {
      // y-protocols takes a state only if its clock is newer than the one it holds: a tab's first state
      // has clock 0 (taken by nobody), and after a reconnect the server holds our last clock plus one
      // (the removal it made on the disconnect). Two steps are newer than both, so the others see us
      // at once rather than at the next 15 s renewal.
      const awareness = provider.awareness;
      if (!awareness) return;
      const state = awareness.getLocalState() ?? {};
      awareness.setLocalState({ ...state });
      awareness.setLocalState({ ...state });
    },
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

function openCopy(name: string, doc: Y.Doc): LocalCopy {
  const persistence = new IndexeddbPersistence(name, doc);
  return {
    origin: persistence,
    whenSynced: persistence.whenSynced,
    get: (key) => persistence.get(key),
    set: (key, value) => persistence.set(key, value),
    destroy: () => persistence.destroy(),
  };
}

function onNetwork(changed: (online: boolean) => void): () => void {
  const offline = () => changed(false);
  const online = () => changed(true);
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  };
}

export type BrowserDeps = Pick<
  SessionDeps,
  'openProvider' | 'claimCopies' | 'openCopy' | 'deleteCopy' | 'marks' | 'online' | 'onNetwork' | 'onSignOut' | 'now'
>;

export function browserDeps(userId: string): BrowserDeps {
  return {
    openProvider,
    claimCopies: () => claimCopiesFor(userId),
    openCopy,
    deleteCopy: deleteArticleCopy,
    marks: {
      unconfirmed: markUnconfirmed,
      confirmed: markConfirmed,
      has: hasUnconfirmedTyping,
      forget: forgetArticleMarks,
    },
    online: () => navigator.onLine,
    onNetwork,
    onSignOut: (signingOut) => onSignOut('signing-out', () => signingOut()),
    now: () => Date.now(),
  };
}
