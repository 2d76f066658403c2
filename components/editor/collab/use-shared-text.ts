// A form field (引题, 主题, 署名 …) bound to its shared text: what the person types goes out as one
// splice, what others type comes in without moving the person's caret off the word they are on.
// An input method's composition (拼音 before the characters are chosen) is never spliced half-way:
// the field shows the composition as typed and sends the chosen text once, at compositionend.
'use client';

import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type CompositionEvent,
  type RefObject,
} from 'react';
import type * as Y from 'yjs';

import { shiftCaret, spliceBetween, type DeltaStep } from '@/lib/collab/text-splice';

type TextInput = HTMLInputElement | HTMLTextAreaElement;

export type SharedTextBinding = {
  value: string;
  onChange: (event: ChangeEvent<TextInput>) => void;
  onCompositionStart: () => void;
  onCompositionEnd: (event: CompositionEvent<TextInput>) => void;
};

export function useSharedText(text: Y.Text | null, input: RefObject<TextInput | null>): SharedTextBinding {
  const local = useRef({});
  // The value the input shows, and the others' changes that reached the shared text since it was
  // rendered: a splice computed against the shown value is moved over those before it is applied,
  // so a keystroke never undoes a change that arrived a moment before it.
  const shown = useRef('');
  const since = useRef<DeltaStep[][]>([]);
  const composing = useRef(false);
  const [draft, setDraft] = useState<string | null>(null);

  const subscribe = useCallback(
    (changed: () => void) => {
      if (!text) return () => {};
      const observe = (event: Y.YTextEvent) => {
        if (event.transaction.origin === local.current) return changed();
        const delta = event.changes.delta as DeltaStep[];
        since.current.push(delta);
        const element = input.current;
        if (!composing.current && element && document.activeElement === element) {
          const start = shiftCaret(element.selectionStart ?? 0, delta);
          const end = shiftCaret(element.selectionEnd ?? 0, delta);
          // The new value is rendered first; the caret is put back once React has written it.
          requestAnimationFrame(() => element.setSelectionRange(start, end));
        }
        changed();
      };
      text.observe(observe);
      return () => text.unobserve(observe);
    },
    [text, input],
  );
  // The document holds the page's state from the first render, so the server renders the text too.
  const read = () => text?.toString() ?? '';
  const value = useSyncExternalStore(subscribe, read, read);

  useLayoutEffect(() => {
    if (composing.current) return;
    shown.current = value;
    since.current = [];
  }, [value]);

  const send = useCallback(
    (next: string) => {
      if (!text) return;
      const splice = spliceBetween(shown.current, next);
      if (!splice) return;
      let index = splice.index;
      let end = splice.index + splice.remove;
      for (const delta of since.current) {
        index = shiftCaret(index, delta);
        end = Math.max(index, shiftCaret(end, delta));
      }
      text.doc?.transact(() => {
        if (end > index) text.delete(index, end - index);
        if (splice.insert) text.insert(index, splice.insert);
      }, local.current);
    },
    [text],
  );

  return {
    value: draft ?? value,
    onChange: (event) => {
      if (composing.current) setDraft(event.target.value);
      else send(event.target.value);
    },
    onCompositionStart: () => {
      composing.current = true;
      setDraft(shown.current);
    },
    onCompositionEnd: (event) => {
      composing.current = false;
      send(event.currentTarget.value);
      setDraft(null);
    },
  };
}
