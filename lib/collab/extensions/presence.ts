// Who is in each story, as the server knows them: names come from each socket's session, never from
// what a browser announces in its awareness state (any browser can announce any name). Sent to the
// people in the story as a 'people' message whenever the list changes.
import type {
  afterUnloadDocumentPayload,
  connectedPayload,
  Document,
  Extension,
  onAwarenessUpdatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';

import { peopleIn, type CollabMessage } from '../messages';

export function presenceExtension(): Extension {
  // The last list each story was told, so an awareness update that changes nobody sends nothing.
  const lastPeople = new Map<string, string>();
  const publish = (document: Document) => {
    const message: CollabMessage = { kind: 'people', people: peopleIn(document) };
    const text = JSON.stringify(message);
    if (lastPeople.get(document.name) === text) return;
    lastPeople.set(document.name, text);
    document.broadcastStateless(text);
  };
  return {
    extensionName: 'newsroom-presence',
    async onAwarenessUpdate({ document }: onAwarenessUpdatePayload) {
      publish(document);
    },
    async connected({ documentName, instance }: connectedPayload) {
      const document = instance.documents.get(documentName);
      if (!document) return;
      // The newcomer has no list yet: send it even when it did not change.
      lastPeople.delete(documentName);
      publish(document);
    },
    async onDisconnect({ document }: onDisconnectPayload) {
      publish(document);
    },
    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      lastPeople.delete(documentName);
    },
  };
}
