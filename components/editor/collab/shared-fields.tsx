'use client';

// The story's fields above the body, each bound to its shared text (use-shared-text.ts), and the
// authors as one shared value: what one person types appears in everyone's form as they type it.
// The fields the check reads (lib/proofing/article-pieces.ts) show their 审校 hits (field-proofing.tsx).
import { useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

import { generateByline } from '@/lib/articles/byline';
import { FIELDS_MAP, type SharedAuthor } from '@/lib/collab/article-doc';
import { ARTICLE_FIELDS, fieldLabel, type ArticleTextField } from '@/lib/content/fields';
import { CHECKED_FIELDS } from '@/lib/proofing/article-pieces';

import { AuthorsField, type AuthorValue, type BylineCandidate } from '../authors-field';
import {
  FieldHits,
  replaceInText,
  UnderlinedField,
  useBackdropScroll,
  useFieldHits,
  type FieldProofing,
} from './field-proofing';
import { useSharedText } from './use-shared-text';

const BOX = 'block w-full rounded border border-stone-400 px-2 py-1.5';
export const INPUT_CLASS = `mt-1 ${BOX} bg-white dark:bg-stone-900`;

const isChecked = (name: ArticleTextField) => (CHECKED_FIELDS as readonly string[]).includes(name);

/** A shared value in the fields map, read without creating it (a browser never creates the layout). */
function textOf(doc: Y.Doc, field: ArticleTextField): Y.Text | null {
  const value = doc.getMap<unknown>(FIELDS_MAP).get(field);
  return value instanceof Y.Text ? value : null;
}

function useMapValue<T>(doc: Y.Doc, key: string, read: (value: unknown) => T): T {
  const map = doc.getMap<unknown>(FIELDS_MAP);
  const cache = useRef<{ raw: unknown; value: T } | null>(null);
  const snapshot = () => {
    const raw = map.get(key);
    if (!cache.current || cache.current.raw !== raw) cache.current = { raw, value: read(raw) };
    return cache.current.value;
  };
  return useSyncExternalStore(
    (changed) => {
      const observe = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(key)) changed();
      };
      map.observe(observe);
      return () => map.unobserve(observe);
    },
    snapshot,
    // The document holds the page's state from the first render, so the server renders the value too.
    snapshot,
  );
}

const authorsOf = (value: unknown): SharedAuthor[] => (Array.isArray(value) ? (value as SharedAuthor[]) : []);

export function useSharedAuthors(doc: Y.Doc): [SharedAuthor[], (next: AuthorValue[]) => void] {
  const authors = useMapValue(doc, 'authors', authorsOf);
  const change = (next: AuthorValue[]) => {
    const byline = textOf(doc, 'byline');
    doc.transact(() => {
      // The byline follows the authors until someone writes it by hand (as in the single-user editor).
      if (byline && byline.toString() === generateByline(authors)) {
        byline.delete(0, byline.length);
        byline.insert(0, generateByline(next));
      }
      doc.getMap<unknown>(FIELDS_MAP).set('authors', next);
    });
  };
  return [authors, change];
}

export function useSharedCover(doc: Y.Doc): [string | null, (id: string | null) => void] {
  const cover = useMapValue(doc, 'coverMediaId', (value) => (typeof value === 'string' ? value : null));
  return [cover, (id) => doc.getMap<unknown>(FIELDS_MAP).set('coverMediaId', id)];
}

function SharedField({
  doc,
  name,
  label,
  readOnly,
  multiline,
  font = '',
  checked,
  proofing,
}: {
  doc: Y.Doc;
  name: ArticleTextField;
  label: string;
  readOnly: boolean;
  multiline: boolean;
  /** Classes for the text's size and weight (the headline's). */
  font?: string;
  /** Whether the check reads this field (lib/proofing/article-pieces.ts). */
  checked: boolean;
  /** The 审校 lists once fetched (null before, and in the live view). */
  proofing: FieldProofing | null;
}) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const text = textOf(doc, name);
  const binding = useSharedText(text, ref);
  const { backdrop, onScroll } = useBackdropScroll();
  const hits = useFieldHits(binding.value, proofing);
  // A field the check reads has the same elements before the lists arrive as after: were the input
  // replaced when they arrive (a few hundred ms after the page opens, seconds on a loaded machine),
  // a person already typing in it would lose the focus and what they type next.
  if (!checked) {
    const props = { ref, ...binding, readOnly, className: `${INPUT_CLASS} ${font}` };
    return (
      <label className="block text-sm font-medium">
        {label}
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
      </label>
    );
  }
  // The field is see-through over a copy of its text that carries the underlines.
  const props = { ref, ...binding, readOnly, onScroll, className: `${BOX} ${font} relative bg-transparent` };
  return (
    <div data-testid={`field-${name}`}>
      <label className="block text-sm font-medium">
        {label}
        <UnderlinedField
          value={binding.value}
          hits={hits}
          box={`${BOX} ${font}`}
          multiline={multiline}
          backdrop={backdrop}
        >
          {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
        </UnderlinedField>
      </label>
      {proofing ? <FieldHits hits={hits} proofing={proofing} onReplace={(hit) => replaceInText(text, hit)} /> : null}
    </div>
  );
}

type Props = {
  doc: Y.Doc;
  readOnly: boolean;
  people: BylineCandidate[];
  published: boolean;
  /** 审校 for the fields it reads; null until the lists are fetched (or in the live view). */
  proofing: FieldProofing | null;
  children?: React.ReactNode;
};

export function SharedFields({ doc, readOnly, people, published, proofing, children }: Props) {
  const [authors, setAuthors] = useSharedAuthors(doc);
  // Labels, and a textarea for text that runs over lines, come from the field list (lib/articles/fields.ts).
  const field = (name: ArticleTextField, extra: { note?: string; font?: string; readOnly?: boolean } = {}) => (
    <SharedField
      doc={doc}
      name={name}
      label={fieldLabel(name, extra.note)}
      readOnly={readOnly || Boolean(extra.readOnly)}
      multiline={ARTICLE_FIELDS[name].kind === 'lines'}
      font={extra.font}
      checked={isChecked(name)}
      proofing={isChecked(name) ? proofing : null}
    />
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {field('kicker')}
      {field('subheadline')}
      <div className="sm:col-span-2">{field('headline', { font: 'text-xl font-bold' })}</div>
      {field('dateline')}
      {field('byline', { note: '按作者自动生成，可修改' })}
      <div className="sm:col-span-2">
        {readOnly ? (
          <p className="text-sm">
            作者：{authors.map((author) => `${author.label} ${author.name}`).join('、') || '未填写'}
          </p>
        ) : (
          <AuthorsField authors={authors} people={people} onChange={setAuthors} />
        )}
      </div>
      <div className="sm:col-span-2">{field('summary')}</div>
      {field('slug', { note: published ? '已发布，不能修改' : '拼音，发布后不再改变', readOnly: published })}
      {children}
    </div>
  );
}
