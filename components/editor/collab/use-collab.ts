'use client';
// One story's shared document in the browser: kept in IndexedDB (typing goes on without a network and
// merges on reconnect; this replaces the local copy of the autosave editor) and synchronised with the
// co-editing server at /collab on the site's own origin (the session cookie authenticates the socket).
// The copy is opened only after copies of another account are removed (claimCopiesFor), and typing the
// server has not confirmed is recorded (markUnconfirmed) so that signing out asks before losing it.
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { storyDocumentName } from '@/lib/collab/document-name';
import { claimCopiesFor, markConfirmed, markUnconfirmed, onSignOut } from '@/lib/collab/local-copies';
import { parseMessage, type Person } from '@/lib/collab/messages';

export type CollabState = {
  /** connecting → live (synced with the server) → offline (typing kept locally) or refused. */
  connection: 'connecting' | 'live' | 'offline' | 'refused';
  refusal: string | null;
  /** The server lets this person watch only. */
  readOnly: boolean;
  /** Changes typed here that the server has not confirmed yet. */
  unsynced: number;
  saved: { at: string; version: number } | null;
  /** Typed here since the server last said it wrote the working copy. */
  pending: boolean;
  saveRefused: string | null;
  people: Person[];
  /** The server's document has arrived once: fields and body can bind to it. */
  ready: boolean;
};

export type Collab = { doc: Y.Doc; provider: HocuspocusProvider };

const INITIAL: CollabState = { connection: 'connecting', refusal: null, readOnly: false, unsynced: 0, saved: null, pending: false, saveRefused: null, people: [], ready: false };

function socketUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
}

export function useCollab(storyId: string, userId: string): { collab: Collab | null; state: CollabState } {
  const [collab, setCollab] = useState<Collab | null>(null);
  const [state, setState] = useState<CollabState>(INITIAL);

  useEffect(() => {
    let closed = false;
    let close: (() => void) | null = null;
    void claimCopiesFor(userId).then((ownCopiesOnly) => {
      if (!closed) close = openStory(storyId, ownCopiesOnly, setState, setCollab);
    });
    return () => {
      closed = true;
      close?.();
      setCollab(null);
      setState(INITIAL);
    };
  }, [storyId, userId]);

  return { collab, state };
}

/**
 * Opens the story's document, its local copy (unless a foreign copy could not be removed: then no
 * copy at all rather than someone else's) and its socket; returns what closes them.
 */
function openStory(storyId: string, withLocalCopy: boolean, setState: (change: (current: CollabState) => CollabState) => void, setCollab: (collab: Collab | null) => void): () => void {
  const name = storyDocumentName(storyId);
  const doc = new Y.Doc();
  const local = withLocalCopy ? new IndexeddbPersistence(name, doc) : null;
  const loadedAt = Date.now();
  let localRead = !local;
  const update = (patch: Partial<CollabState>) => setState((current) => ({ ...current, ...patch }));
  // Everything this tab holds (what it read from the copy and what was typed here) is on the server.
  const confirmIfAllSent = () => {
    if (local && localRead && provider.synced && provider.unsyncedChanges === 0) markConfirmed(name, loadedAt);
  };
  const provider = new HocuspocusProvider({
    url: socketUrl(),
    name,
    document: doc,
    // The socket is authenticated by the session cookie; Hocuspocus wants a token to run its auth step.
    token: 'cookie',
    onAuthenticated: ({ scope }) => update({ readOnly: scope === 'readonly', refusal: null }),
    onAuthenticationFailed: ({ reason }) => update({ connection: 'refused', refusal: reason }),
    onSynced: ({ state: synced }) => {
      if (synced) update({ connection: 'live', ready: true });
    },
    onStatus: ({ status }) => {
      if (status === 'disconnected') setState((current) => (current.connection === 'refused' ? current : { ...current, connection: 'offline' }));
    },
    onClose: ({ event }) => {
      // The server closed this story for this person (lib/collab/server.ts, recheckConnections):
      // deactivated or signed out everywhere, no longer allowed, or allowed differently (then
      // reconnect, and the server says what they may do now).
      if (event.reason === 'rights-changed') {
        provider.disconnect();
        void provider.connect();
      } else if (event.reason === 'signed-out' || event.reason === 'forbidden') update({ connection: 'refused', refusal: event.reason });
    },
    onUnsyncedChanges: ({ number }) => {
      update({ unsynced: number });
      confirmIfAllSent();
    },
    onStateless: ({ payload }) => {
      const message = parseMessage(payload);
      // A write that started before the last change reached the server is followed by another.
      if (message?.kind === 'saved') setState((current) => ({ ...current, saved: { at: message.at, version: message.version }, saveRefused: null, pending: current.unsynced > 0 && current.pending }));
      if (message?.kind === 'save-refused') update({ saveRefused: message.error });
      if (message?.kind === 'people') update({ people: message.people });
    },
  });
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === local) return;
    update({ pending: true });
    if (local) markUnconfirmed(name);
  });
  // What the copy held is applied before 'synced'; new to the server, it counts as unsynced by then.
  local?.on('synced', () => {
    localRead = true;
    confirmIfAllSent();
  });
  // When the browser says the network is gone, stop at once rather than wait for a half-dead socket
  // to time out (typing goes on into IndexedDB); when it is back, reconnect and merge.
  const goOffline = () => {
    provider.disconnect();
    setState((current) => (current.connection === 'refused' ? current : { ...current, connection: 'offline' }));
  };
  const goOnline = () => void provider.connect();
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  // Someone signs out in this browser: let go of the copy at once (it is being deleted), stop typing.
  const stopListening = onSignOut('signing-out', () => {
    provider.destroy();
    void local?.destroy();
    update({ connection: 'refused', refusal: 'signed-out' });
  });
  // Browser state lives outside React: the document and its socket are made here and handed over.
  setCollab({ doc, provider });
  return () => {
    stopListening();
    window.removeEventListener('offline', goOffline);
    window.removeEventListener('online', goOnline);
    provider.destroy();
    void local?.destroy();
    doc.destroy();
  };
}
