'use client';

// Connects a co-editing session (collab-session.ts) to the editor component: the document exists from
// the first render (the page's state), the session (socket, stored copy) starts once in the browser and
// its state is read as an external store. Nothing here decides anything; the rules are in the session.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

import { browserDeps } from './collab-browser';
import { CollabSession, initialState, type Access, type InitialDocument, type SessionState } from './collab-session';

type Options = {
  articleId: string;
  userId: string;
  access: Access;
  doc: Y.Doc;
  initial: InitialDocument;
  onOffer: (text: string) => void;
  onStale: () => void;
};

/** The running session, if any, and its state: one external store for React to read. */
class SessionSlot {
  private current: CollabSession | null = null;
  private stopListening: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshot: { session: CollabSession | null; state: SessionState };

  constructor(before: SessionState) {
    this.snapshot = { session: null, state: before };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = () => this.snapshot;

  hold(session: CollabSession | null, before: SessionState): void {
    this.stopListening?.();
    this.stopListening = session ? session.subscribe(() => this.publish()) : null;
    this.current = session;
    this.snapshot = { session, state: session?.state ?? before };
    for (const listener of this.listeners) listener();
  }

  private publish(): void {
    if (!this.current) return;
    this.snapshot = { session: this.current, state: this.current.state };
    for (const listener of this.listeners) listener();
  }
}

export function useCollabSession({ articleId, userId, access, doc, initial, onOffer, onStale }: Options): {
  session: CollabSession | null;
  state: SessionState;
} {
  // Before the session starts (and on the server) the text is shown as the page's access allows.
  const [before] = useState(() => initialState(access, true));
  const [slot] = useState(() => new SessionSlot(before));

  useEffect(() => {
    const session = new CollabSession({ articleId, access, initial, doc, onOffer, onStale, ...browserDeps(userId) });
    slot.hold(session, before);
    void session.start();
    return () => {
      session.destroy();
      slot.hold(null, before);
    };
    // The callbacks are the parent's stable ones; another document comes with another key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, userId, access, doc, slot, before]);

  return useSyncExternalStore(slot.subscribe, slot.get, slot.get);
}
