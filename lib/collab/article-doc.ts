// The shared document of one story: what two people edit together. The body is the editor's
// ProseMirror document in an XmlFragment (Tiptap's Collaboration extension binds to it); the short
// fields are shared texts, so two people typing in one headline keep each other's characters; the
// authors and the cover are whole values, the last choice wins.
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

import { ARTICLE_TEXT_FIELDS, type ArticleTextField } from '../content/fields';
import { contentSchema } from '../content/schema';
import type { Doc } from '../content/types';
import { spliceBetween } from './text-splice';

export const BODY_FRAGMENT = 'body';
export const FIELDS_MAP = 'fields';

export type SharedAuthor = { userId: string | null; name: string; label: string };

export type SharedArticle = Record<ArticleTextField, string> & {
  coverMediaId: string | null;
  authors: SharedAuthor[];
  body: Doc;
};

const fields = (ydoc: Y.Doc) => ydoc.getMap<unknown>(FIELDS_MAP);

export function sharedText(ydoc: Y.Doc, field: ArticleTextField): Y.Text {
  const map = fields(ydoc);
  const existing = map.get(field);
  if (existing instanceof Y.Text) return existing;
  const created = new Y.Text();
  map.set(field, created);
  return created;
}

/** True when the document has never been filled (a story opened together for the first time). */
export function isEmptyArticleDoc(ydoc: Y.Doc): boolean {
  return fields(ydoc).size === 0 && ydoc.getXmlFragment(BODY_FRAGMENT).length === 0;
}

/**
 * Makes the shared document hold `story`, changing only what differs: texts by splice, the body by
 * y-prosemirror's diff. Used to fill a new document and to bring in a working copy changed outside
 * it (a restored revision, an import), so a client that was offline still merges its own edits in
 * instead of duplicating the whole story.
 */
export function writeArticleInto(ydoc: Y.Doc, story: SharedArticle): void {
  ydoc.transact(() => {
    for (const field of ARTICLE_TEXT_FIELDS) {
      const text = sharedText(ydoc, field);
      const splice = spliceBetween(text.toString(), story[field]);
      if (!splice) continue;
      text.delete(splice.index, splice.remove);
      text.insert(splice.index, splice.insert);
    }
    const map = fields(ydoc);
    if (map.get('coverMediaId') !== story.coverMediaId) map.set('coverMediaId', story.coverMediaId);
    if (JSON.stringify(map.get('authors')) !== JSON.stringify(story.authors)) map.set('authors', story.authors);
    prosemirrorJSONToYXmlFragment(contentSchema(), story.body, ydoc.getXmlFragment(BODY_FRAGMENT));
  });
}

function isAuthor(value: unknown): value is SharedAuthor {
  if (!value || typeof value !== 'object') return false;
  const author = value as Record<string, unknown>;
  return (
    (author.userId === null || typeof author.userId === 'string') &&
    typeof author.name === 'string' &&
    typeof author.label === 'string'
  );
}

/**
 * The story as the shared document holds it now. Clients can write anything into a Y.Doc, so every
 * value is checked on the way out; the body is rebuilt through the content schema, which drops what
 * the schema does not know (the save then validates it like any editor save).
 */
export function readArticleDoc(ydoc: Y.Doc): SharedArticle {
  const map = fields(ydoc);
  const texts = Object.fromEntries(
    ARTICLE_TEXT_FIELDS.map((field) => {
      const value = map.get(field);
      return [field, value instanceof Y.Text ? value.toString() : ''];
    }),
  ) as Record<ArticleTextField, string>;
  const cover = map.get('coverMediaId');
  const authors = map.get('authors');
  const body = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FRAGMENT), contentSchema()).toJSON() as Doc;
  return {
    ...texts,
    coverMediaId: typeof cover === 'string' ? cover : null,
    authors: Array.isArray(authors) ? authors.filter(isAuthor) : [],
    body,
  };
}
