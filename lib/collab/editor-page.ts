// What the story editor's pages hand the browser: the story (lib/articles/queries.ts checks who may
// open it), what this person may do in the shared document (the socket's own rule, lib/collab/access.ts,
// so the page and the socket agree), and the shared document itself as stored, so that the editor shows
// the text and takes typing at once, whether or not the co-editing socket ever connects.
import 'server-only';

import { notFound } from 'next/navigation';

import { getArticleForEditor, getArticleForWatching } from '../articles/queries';
import { db } from '../db';
import { collabAccess } from './access';
import { currentArticleDocument } from './stored-document';

/** The contract's `initial`: the stored state as base64, its generation (the socket's token) and version. */
export type PageDocument = { state: string; generation: string; version: number };

async function pageDocument(articleId: string): Promise<PageDocument> {
  const stored = await currentArticleDocument(db, articleId);
  // null: the story went to the trash (or away) between the access check and now.
  if (!stored) notFound();
  return {
    state: Buffer.from(stored.state).toString('base64'),
    generation: stored.generation,
    version: stored.version,
  };
}

/** The editor page: the story, whether this person types in it or only reads it, and its document. */
export async function editorPageData(articleId: string) {
  const data = await getArticleForEditor(articleId);
  const { rights, ...rest } = data;
  const access = collabAccess(data.user, rights) ?? 'read';
  return { ...rest, access, initial: await pageDocument(articleId) };
}

/** The live view (someone who may read the story watches it being edited): read-only, with its document. */
export async function watchPageData(articleId: string) {
  const data = await getArticleForWatching(articleId);
  return { ...data, access: 'read' as const, initial: await pageDocument(articleId) };
}
