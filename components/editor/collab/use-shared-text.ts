// A form field (引题, 主题, 署名 …) bound to its shared text: what the person types goes out as one
// splice, what others type comes in without moving the person's caret off the word they are on.
'use client';
import { useCallback, useRef, useSyncExternalStore, type RefObject } from 'react';
import type * as Y from 'yjs';
import { shiftCaret, spliceBetween, type DeltaStep } from '@/lib/collab/text-splice';

type TextInput = HTMLInputElement | HTMLTextAreaElement;

export function useSharedText(text: Y.Text | null, input: RefObject<TextInput | null>): [string, (next: string) => void] {
  const local = useRef({});

  const subscribe = useCallback(
    (changed: () => void) => {
      if (!text) return () => {};
      const observe = (event: Y.YTextEvent) => {
        const element = input.current;
        if (event.transaction.origin !== local.current && element && document.activeElement === element) {
          const delta = event.changes.delta as DeltaStep[];
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
  const value = useSyncExternalStore(subscribe, () => text?.toString() ?? '', () => '');

  const change = useCallback(
    (next: string) => {
      if (!text) return;
      const splice = spliceBetween(text.toString(), next);
      if (!splice) return;
      text.doc?.transact(() => {
        if (splice.remove) text.delete(splice.index, splice.remove);
        if (splice.insert) text.insert(splice.index, splice.insert);
      }, local.current);
    },
    [text],
  );

  return [value, change];
}
