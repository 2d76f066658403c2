// The benchmark client reads the server's state vector out of its SyncStep1 (how it knows a
// keystroke was received) and nothing else.
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { serverStateVector } from './collab-writer';

function message(type: number, syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'story:abc');
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('serverStateVector', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'abc');
  const vector = Y.encodeStateVector(doc);

  it('reads the state vector of a SyncStep1, sent as Sync or SyncReply', () => {
    expect(serverStateVector(message(0, 0, vector))?.get(doc.clientID)).toBe(3);
    expect(serverStateVector(message(4, 0, vector))?.get(doc.clientID)).toBe(3);
  });

  it('ignores step 2, updates, other message types and garbage', () => {
    expect(serverStateVector(message(0, 1, Y.encodeStateAsUpdate(doc)))).toBeNull();
    expect(serverStateVector(message(0, 2, Y.encodeStateAsUpdate(doc)))).toBeNull();
    expect(serverStateVector(message(5, 0, vector))).toBeNull();
    expect(serverStateVector(new Uint8Array([1, 2]))).toBeNull();
  });
});
