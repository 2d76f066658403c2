// Other people's carets and selections in the body, with their names, from the shared document's
// awareness. y-tiptap's plugin draws them; the name and colour come from the server's list of who is
// connected (lib/collab/messages.ts, named from each socket's session), never from what a browser
// announces about itself, since any browser in the story could announce any name. The plugin is added
// to the editor once the session's socket exists (the editor itself opens before, with the text).
import type { Plugin } from '@tiptap/pm/state';
import { yCursorPlugin, yCursorPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

import { caretColor, caretColorIndex, caretLabel } from '@/lib/collab/colors';
import type { Participant } from '@/lib/collab/messages';

function colourOf(person: Participant | undefined): string {
  return caretColor(person ? caretColorIndex(person.userId) : 0);
}

export const CARET_PLUGIN_KEY = yCursorPluginKey;

export function caretPlugin(awareness: Awareness, person: (clientId: number) => Participant | undefined): Plugin {
  return yCursorPlugin(awareness, {
    cursorBuilder: (_user: unknown, clientId: number) => {
      const who = person(clientId);
      const mark = document.createElement('span');
      mark.className = 'collab-caret';
      mark.style.borderColor = colourOf(who);
      const label = document.createElement('span');
      label.className = 'collab-caret-label';
      label.style.backgroundColor = colourOf(who);
      label.textContent = caretLabel(who?.name);
      mark.append('\u2060', label, '\u2060');
      return mark;
    },
    selectionBuilder: (_user: unknown, clientId: number) => ({
      class: 'collab-selection',
      style: `background-color: ${colourOf(person(clientId))}33`,
    }),
  });
}
