// The messages the co-editing server sends beside the document (Hocuspocus stateless messages), and
// the one a browser may send: 'seal' (立即保存). Browsers parse what they receive with parseMessage.
import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';

import type { Actor } from '../access/actor';

/** One browser tab in a story's shared document: whose it is and whether it may type (the co-editing roster). */
export type Participant = { clientId: number; userId: string; name: string; readOnly: boolean };

export type CollabMessage =
  /** `stored`: the state vector (base64) of the state written: a tab's typing is saved when it covers it. */
  | { kind: 'saved'; version: number; at: string; stored?: string }
  | { kind: 'save-refused'; error: string }
  | { kind: 'people'; people: Participant[] }
  /** A store failed for another reason than the text (the database refused the write): the change is kept in the document and tried again. */
  | { kind: 'store-failed'; error: string }
  /** The story was trashed or deleted: the document is dropped; stop editing. */
  | { kind: 'gone' };

export const SEAL_MESSAGE = 'seal';

type ConnectionContext = { user?: Pick<Actor, 'id' | 'name'>; access?: 'write' | 'read' };

/**
 * Everyone connected to a document, one entry per awareness client (a browser tab), named from the
 * connection's session. A client id counts only for the socket that announced it.
 */
export function peopleIn(document: Pick<Document, 'getConnections' | 'getClients' | 'awareness'>): Participant[] {
  const live = document.awareness.getStates();
  const people: Participant[] = [];
  for (const connection of document.getConnections()) {
    const context = connection.context as ConnectionContext;
    if (!context.user) continue;
    for (const clientId of document.getClients(connection.webSocket)) {
      if (live.has(clientId))
        people.push({
          clientId,
          userId: context.user.id,
          name: context.user.name,
          readOnly: context.access !== 'write',
        });
    }
  }
  return people.sort((a, b) => a.clientId - b.clientId);
}

/**
 * Whether what this document typed is in the state a store wrote (its state vector, `saved.stored`).
 * A store that began before the last keystroke reached the server says 'saved' too: without this a
 * tab would show 已保存 for typing the working copy does not hold yet.
 */
export function typingStored(stored: Uint8Array, doc: Y.Doc): boolean {
  const mine = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
  return (Y.decodeStateVector(stored).get(doc.clientID) ?? 0) >= mine;
}

function isParticipant(value: unknown): value is Participant {
  if (!value || typeof value !== 'object') return false;
  const person = value as Record<string, unknown>;
  return (
    Number.isInteger(person.clientId) &&
    typeof person.userId === 'string' &&
    typeof person.name === 'string' &&
    typeof person.readOnly === 'boolean'
  );
}

/** A server message, or null for anything else. */
export function parseMessage(payload: string): CollabMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const message = value as Record<string, unknown>;
  if (message.kind === 'saved' && typeof message.version === 'number' && typeof message.at === 'string') {
    return {
      kind: 'saved',
      version: message.version,
      at: message.at,
      ...(typeof message.stored === 'string' ? { stored: message.stored } : {}),
    };
  }
  if (message.kind === 'save-refused' && typeof message.error === 'string')
    return { kind: 'save-refused', error: message.error };
  if (message.kind === 'people' && Array.isArray(message.people))
    return { kind: 'people', people: message.people.filter(isParticipant) };
  if (message.kind === 'store-failed' && typeof message.error === 'string')
    return { kind: 'store-failed', error: message.error };
  if (message.kind === 'gone') return { kind: 'gone' };
  return null;
}
