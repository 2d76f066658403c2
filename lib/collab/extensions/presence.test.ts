// The who-is-here extension on its own: the list goes out when it changes (and to a newcomer), named
// from the sessions, never twice the same.
import type {
  afterUnloadDocumentPayload,
  connectedPayload,
  Document,
  onAwarenessUpdatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';

import { parseMessage } from '../messages';
import { presenceExtension } from './presence';

type FakeConnection = { webSocket: object; context: unknown };

/** A document with the parts the extension reads, recording what it broadcasts. */
function fakeArticle(name: string) {
  const entries: { connection: FakeConnection; clients: number[] }[] = [];
  const states = new Map<number, unknown>();
  const sent: string[] = [];
  const document = {
    name,
    getConnections: () => entries.map((entry) => entry.connection),
    getClients: (socket: object) =>
      new Set(entries.find((entry) => entry.connection.webSocket === socket)?.clients ?? []),
    awareness: { getStates: () => states },
    broadcastStateless: (payload: string) => sent.push(payload),
  } as unknown as Document;
  const join = (id: string, userName: string, clientId: number) => {
    entries.push({
      connection: { webSocket: {}, context: { user: { id, name: userName }, access: 'write' } },
      clients: [clientId],
    });
    states.set(clientId, {});
  };
  const leave = (clientId: number) => {
    entries.splice(
      entries.findIndex((entry) => entry.clients.includes(clientId)),
      1,
    );
    states.delete(clientId);
  };
  return {
    document,
    join,
    leave,
    sent,
    names: () =>
      sent.map((payload) => {
        const message = parseMessage(payload);
        return message?.kind === 'people' ? message.people.map((person) => person.name) : null;
      }),
  };
}

describe('the who-is-here extension', () => {
  it('sends the list when it changes, to a newcomer even when it did not, and forgets an unloaded story', async () => {
    const presence = presenceExtension();
    const story = fakeArticle('story:a');
    const instance = { documents: new Map([['story:a', story.document]]) };
    story.join('u1', '记者甲', 1);
    await presence.connected!({ documentName: 'story:a', instance } as unknown as connectedPayload);
    await presence.onAwarenessUpdate!({ document: story.document } as unknown as onAwarenessUpdatePayload);
    expect(story.names()).toEqual([['记者甲']]);
    story.join('u2', '编辑乙', 2);
    await presence.onAwarenessUpdate!({ document: story.document } as unknown as onAwarenessUpdatePayload);
    await presence.connected!({ documentName: 'story:a', instance } as unknown as connectedPayload);
    expect(story.names()).toEqual([['记者甲'], ['记者甲', '编辑乙'], ['记者甲', '编辑乙']]);
    story.leave(2);
    await presence.onDisconnect!({ document: story.document } as unknown as onDisconnectPayload);
    expect(story.names().at(-1)).toEqual(['记者甲']);
    await presence.afterUnloadDocument!({ documentName: 'story:a' } as afterUnloadDocumentPayload);
    await presence.onAwarenessUpdate!({ document: story.document } as unknown as onAwarenessUpdatePayload);
    expect(story.names()).toHaveLength(5);
  });
});
