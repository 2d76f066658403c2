// Other people's carets and selections in the body, with their names, from the shared document's
// awareness. y-tiptap's plugin draws them; these builders draw them from checked values only
// (lib/collab/colors.ts), since any browser in the story can announce anything.
import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { caretColor, caretLabel } from '@/lib/collab/colors';

export type CaretUser = { name: string; color: number };

function caret(user: Record<string, unknown>): HTMLElement {
  const color = caretColor(user.color);
  const mark = document.createElement('span');
  mark.className = 'collab-caret';
  mark.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = color;
  label.textContent = caretLabel(user.name);
  mark.append('\u2060', label, '\u2060');
  return mark;
}

export const CollabCaret = Extension.create<{ awareness: Awareness | null }>({
  name: 'collabCaret',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        cursorBuilder: caret,
        selectionBuilder: (user: Record<string, unknown>) => ({ class: 'collab-selection', style: `background-color: ${caretColor(user.color)}33` }),
      }),
    ];
  },
});
