// Who is in a story is named by the server from each socket's session, whatever a browser announces.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { parseMessage, peopleIn, typingStored, type Participant } from './messages';

type FakeConnection = { webSocket: object; context: unknown };

function fakeDocument(connections: { connection: FakeConnection; clients: number[] }[], states: Map<number, unknown>) {
  return {
    getConnections: () => connections.map((entry) => entry.connection),
    getClients: (socket: object) =>
      new Set(connections.find((entry) => entry.connection.webSocket === socket)?.clients ?? []),
    awareness: { getStates: () => states },
  } as unknown as Parameters<typeof peopleIn>[0];
}

describe('the list of people in a story', () => {
  it('names each awareness client from its socket’s session, not from what it announces', () => {
    const reporter = { webSocket: {}, context: { user: { id: 'u1', name: '记者甲' }, access: 'write' } };
    const admin = { webSocket: {}, context: { user: { id: 'u2', name: '管理员' }, access: 'read' } };
    // The reporter's browser claims to be the editor-in-chief.
    const states = new Map<number, unknown>([
      [11, { user: { name: '总编' } }],
      [22, {}],
    ]);
    const people = peopleIn(
      fakeDocument(
        [
          { connection: reporter, clients: [11] },
          { connection: admin, clients: [22] },
        ],
        states,
      ),
    );
    expect(people).toEqual<Participant[]>([
      { clientId: 11, userId: 'u1', name: '记者甲', readOnly: false },
      { clientId: 22, userId: 'u2', name: '管理员', readOnly: true },
    ]);
  });

  it('leaves out a client that left and a connection without a session', () => {
    const reporter = { webSocket: {}, context: { user: { id: 'u1', name: '记者甲' }, access: 'write' } };
    const anonymous = { webSocket: {}, context: {} };
    const people = peopleIn(
      fakeDocument(
        [
          { connection: reporter, clients: [11, 12] },
          { connection: anonymous, clients: [13] },
        ],
        new Map([
          [11, {}],
          [13, {}],
        ]),
      ),
    );
    expect(people.map((person) => person.clientId)).toEqual([11]);
  });
});

describe('messages from the co-editing server', () => {
  it('takes the three kinds and checks every value', () => {
    expect(parseMessage('{"kind":"saved","version":3,"at":"2026-11-27T05:00:00.000Z"}')).toEqual({
      kind: 'saved',
      version: 3,
      at: '2026-11-27T05:00:00.000Z',
    });
    expect(parseMessage('{"kind":"save-refused","error":"主题不能超过 100 个字"}')).toEqual({
      kind: 'save-refused',
      error: '主题不能超过 100 个字',
    });
    expect(
      parseMessage(
        '{"kind":"people","people":[{"clientId":1,"userId":"u","name":"甲","readOnly":false},{"clientId":"x"}]}',
      ),
    ).toEqual({ kind: 'people', people: [{ clientId: 1, userId: 'u', name: '甲', readOnly: false }] });
  });

  it('keeps the state vector a store wrote, and tells whether a document’s own typing is in it', () => {
    expect(parseMessage('{"kind":"saved","version":3,"at":"t","stored":"AQID"}')).toEqual({
      kind: 'saved',
      version: 3,
      at: 't',
      stored: 'AQID',
    });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, '甲');
    const first = Y.encodeStateVector(doc);
    expect(typingStored(first, doc)).toBe(true);
    doc.getText('t').insert(1, '乙');
    expect(typingStored(first, doc)).toBe(false);
    // Someone else's typing in the stored state says nothing about this document's.
    const other = new Y.Doc();
    other.getText('t').insert(0, '丙');
    expect(typingStored(Y.encodeStateVector(other), doc)).toBe(false);
    expect(typingStored(Y.encodeStateVector(new Y.Doc()), new Y.Doc())).toBe(true);
  });

  it('takes a store failure and a story gone', () => {
    expect(parseMessage('{"kind":"store-failed","error":"保存失败"}')).toEqual({
      kind: 'store-failed',
      error: '保存失败',
    });
    expect(parseMessage('{"kind":"gone"}')).toEqual({ kind: 'gone' });
  });

  it('refuses anything else', () => {
    for (const payload of [
      '',
      'seal',
      'null',
      '[]',
      '{"kind":"saved","version":"3"}',
      '{"kind":"other"}',
      '{"kind":"people","people":{}}',
      '{"kind":"store-failed"}',
      '{"kind":"store-failed","error":1}',
    ]) {
      expect(parseMessage(payload), payload).toBeNull();
    }
  });
});
