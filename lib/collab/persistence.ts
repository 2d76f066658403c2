// Between a story's shared document and the database: the document is loaded from its stored Yjs
// state (or filled from the working copy the first time), and written back as the story's working
// copy through the editor's own save (lib/articles/editor-service.ts), so validation, revisions, the
// 三审 rule and the search index work exactly as for a save from the editor.
import * as Y from 'yjs';
import type { Db } from '../db-client';
import type { Doc } from '../content/types';
import { saveArticle, type Editor } from '../articles/editor-service';
import { articleInputSchema } from '../articles/schemas';
import { UserFacingError } from '../actions/result';
import { validateDoc } from '../content/validate';
import { readStoryDoc, writeStoryInto, type SharedStory } from './story-doc';

async function workingCopy(db: Db, articleId: string): Promise<{ story: SharedStory; version: number } | null> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      kicker: true, headline: true, subheadline: true, dateline: true, byline: true, summary: true, slug: true,
      coverMediaId: true, body: true, version: true, deletedAt: true,
      authors: { orderBy: { position: 'asc' }, select: { userId: true, name: true, label: true } },
    },
  });
  if (!article || article.deletedAt) return null;
  const story: SharedStory = {
    kicker: article.kicker ?? '', headline: article.headline, subheadline: article.subheadline ?? '', dateline: article.dateline ?? '',
    byline: article.byline ?? '', summary: article.summary ?? '', slug: article.slug,
    coverMediaId: article.coverMediaId, authors: article.authors, body: JSON.parse(article.body) as Doc,
  };
  return { story, version: article.version };
}

/**
 * Fills `ydoc` for a story: its stored state, brought up to the working copy if something other than
 * the shared document changed the story since (the stored version is older).
 */
export async function loadStoryDocument(db: Db, articleId: string, ydoc: Y.Doc): Promise<void> {
  const [stored, current] = await Promise.all([
    db.collabDocument.findUnique({ where: { articleId }, select: { state: true, version: true } }),
    workingCopy(db, articleId),
  ]);
  if (!current) throw new UserFacingError('稿件不存在或已移入回收站');
  if (stored) Y.applyUpdate(ydoc, new Uint8Array(stored.state));
  if (!stored || stored.version !== current.version) writeStoryInto(ydoc, current.story);
}

export type StoreOutcome = { saved: true; version: number } | { saved: false; reason: 'unchanged' } | { saved: false; reason: 'invalid'; error: string };

/** The story as a save would store it (trimmed, empty fields absent, body cleaned), for comparing. */
function asSaved(story: SharedStory): string | null {
  const input = articleInputSchema.safeParse(story);
  const body = validateDoc(story.body);
  return input.success && body.ok ? JSON.stringify({ ...input.data, body: body.doc }) : null;
}

/**
 * Writes the shared document back: the working copy (as `editor`, the person whose change this is)
 * when it differs, and the document's state in any case. Text the save refuses (a headline over
 * 100 characters) stays in the shared document, and the reason goes back to the people editing.
 */
export async function storeStoryDocument(db: Db, articleId: string, ydoc: Y.Doc, editor: Editor, now = new Date()): Promise<StoreOutcome> {
  const current = await workingCopy(db, articleId);
  if (!current) throw new UserFacingError('稿件不存在或已移入回收站');
  const outcome = await saveWorkingCopy(db, articleId, readStoryDoc(ydoc), current, editor, now);
  const version = outcome.saved ? outcome.version : current.version;
  const state = Buffer.from(Y.encodeStateAsUpdate(ydoc));
  await db.collabDocument.upsert({ where: { articleId }, create: { articleId, state, version }, update: { state, version } });
  return outcome;
}

async function saveWorkingCopy(
  db: Db, articleId: string, shared: SharedStory, current: { story: SharedStory; version: number }, editor: Editor, now: Date,
): Promise<StoreOutcome> {
  const input = articleInputSchema.safeParse(shared);
  if (!input.success) return { saved: false, reason: 'invalid', error: input.error.issues[0]?.message ?? '稿件内容无效' };
  if (asSaved(shared) === asSaved(current.story)) return { saved: false, reason: 'unchanged' };
  try {
    const saved = await saveArticle(db, editor, articleId, current.version, input.data, now);
    // The shared document is the only writer of the working copy while people edit together; a
    // version moved by anything else is taken into the document on its next load.
    if (!saved.ok) throw new Error(`story ${articleId} changed outside the shared document (version ${saved.conflict.version})`);
    return { saved: true, version: saved.version };
  } catch (error) {
    if (error instanceof UserFacingError) return { saved: false, reason: 'invalid', error: error.message };
    throw error;
  }
}
