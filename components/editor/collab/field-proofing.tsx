'use client';

// 审校 on the one-line fields (引题, 主题, 副题) and the summary: an <input> cannot draw inside its text,
// so a copy of the text sits behind it, transparent but for the hits' underlines, in the same box, font
// and scroll position; the field itself is see-through. Under the field, each hit with 替换 (the list's
// suggestion spliced into the field's shared text) and 忽略, as under the body (proofing-bar.tsx).
// A field is a few dozen characters: checked on every change, no delay needed.
import { useMemo, useRef, type ReactNode, type RefObject } from 'react';
import type * as Y from 'yjs';

import type { ProofingHit, ProofingLists } from '@/lib/proofing/check';

import { HitLine } from '../proofing-bar';

export type FieldProofing = {
  lists: ProofingLists;
  ignored: ReadonlySet<string>;
  articleId: string;
  editable: boolean;
  onIgnored: (key: string) => void;
};

/** The text cut at the hits (the first of overlapping ones), each hit wrapped in its underline. */
function underlined(value: string, hits: readonly ProofingHit[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.start < at) continue;
    out.push(value.slice(at, hit.start));
    out.push(
      <span
        key={`${hit.start}:${hit.key}`}
        className={`proofing-hit proofing-${hit.level.toLowerCase()}`}
        data-proofing={hit.level}
      >
        {value.slice(hit.start, hit.end)}
      </span>,
    );
    at = hit.end;
  }
  out.push(value.slice(at));
  return out;
}

/** Puts the suggestion in place of the hit, if the shared text still holds those words there. */
export function replaceInText(text: Y.Text | null, hit: ProofingHit): void {
  if (!text || text.toString().slice(hit.start, hit.end) !== hit.text) return;
  text.doc?.transact(() => {
    text.delete(hit.start, hit.end - hit.start);
    text.insert(hit.start, hit.suggestion);
  });
}

/** The field's open hits, checked again on each change. */
export function useFieldHits(value: string, proofing: FieldProofing | null): ProofingHit[] {
  return useMemo(
    () => (proofing ? proofing.lists.check(value).filter((hit) => !proofing.ignored.has(hit.key)) : []),
    [proofing, value],
  );
}

/** The field (children) over the copy of its text with the hits underlined. Phrasing content: it sits in the label. */
export function UnderlinedField({
  value,
  hits,
  box,
  multiline,
  backdrop,
  children,
}: {
  value: string;
  hits: readonly ProofingHit[];
  /** The box's classes (border, padding, font), shared by the field and the copy behind it. */
  box: string;
  multiline: boolean;
  backdrop: RefObject<HTMLSpanElement | null>;
  children: ReactNode;
}) {
  return (
    <span className="relative mt-1 block rounded bg-white dark:bg-stone-900">
      <span
        ref={backdrop}
        aria-hidden
        data-testid="field-underlines"
        className={`${box} pointer-events-none absolute inset-0 overflow-hidden border-transparent text-transparent ${multiline ? 'break-words whitespace-pre-wrap' : 'whitespace-pre'}`}
      >
        {underlined(value, hits)}
      </span>
      {children}
    </span>
  );
}

/** Under the field: each hit with 替换 and 忽略. Outside the label (it has its own inputs). */
export function FieldHits({
  hits,
  proofing,
  onReplace,
}: {
  hits: readonly ProofingHit[];
  proofing: FieldProofing;
  onReplace: (hit: ProofingHit) => void;
}) {
  if (!hits.length) return null;
  return (
    <div className="mt-1 space-y-1 text-sm" data-testid="field-proofing-hits">
      {hits.map((hit) => (
        <HitLine
          key={`${hit.key}:${hit.start}`}
          hit={hit}
          onReplace={() => onReplace(hit)}
          articleId={proofing.articleId}
          editable={proofing.editable}
          onIgnored={proofing.onIgnored}
        />
      ))}
    </div>
  );
}

/** Keeps the copy behind the field scrolled with it (a long headline scrolls sideways in its input). */
export function useBackdropScroll() {
  const backdrop = useRef<HTMLSpanElement>(null);
  const onScroll = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    if (!backdrop.current) return;
    backdrop.current.scrollLeft = event.currentTarget.scrollLeft;
    backdrop.current.scrollTop = event.currentTarget.scrollTop;
  };
  return { backdrop, onScroll };
}
