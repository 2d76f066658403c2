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
import { readStoryDoc, sharedText, writeStoryInto, type SharedStory } from './story-doc';

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
export async function loadStoryDocument(db: Db, articleId: string, ydoc: Y.Doc): Promise<number> {
  const [stored, current] = await Promise.all([
    db.collabDocument.findUnique({ where: { articleId }, select: { state: true, version: true } }),
    workingCopy(db, articleId),
  ]);
  if (!current) throw new UserFacingError('稿件不存在或已移入回收站');
  if (stored) Y.applyUpdate(ydoc, new Uint8Array(stored.state));
  if (!stored || stored.version !== current.version) writeStoryInto(ydoc, current.story);
  return current.version;
}

export type StoreOutcome =
  | { saved: true; version: number; slug: string }
  | { saved: false; reason: 'unchanged'; version: number }
  | { saved: false; reason: 'invalid'; error: string; version: number };

/** The story as a save would store it (trimmed, empty fields absent, body cleaned), for comparing. */
function asSaved(story: SharedStory): string | null {
  const input = articleInputSchema.safeParse(story);
  const body = validateDoc(story.body);
  return input.success && body.ok ? JSON.stringify({ ...input.data, body: body.doc }) : null;
}

/** The working copy's version now (null: gone or in the trash), for noticing a change made outside the socket. */
export async function workingCopyVersion(db: Db, articleId: string): Promise<number | null> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { version: true, deletedAt: true } });
  return article && !article.deletedAt ? article.version : null;
}

/**
 * Takes a working copy changed outside the shared document (a restored revision, an import) into
 * it, as a diff, so the people editing see it at once and their next change builds on it.
 */
export async function refreshFromWorkingCopy(db: Db, articleId: string, ydoc: Y.Doc): Promise<number | null> {
  const current = await workingCopy(db, articleId);
  if (!current) return null;
  writeStoryInto(ydoc, current.story);
  return current.version;
}

export type StoreOptions = {
  /** The working-copy version this document last wrote or took in; a different one was changed outside. */
  knownVersion?: number;
  /** 立即保存: closes the rolling revision (lib/revisions/revision-rules.ts) even when nothing changed. */
  seal?: boolean;
  now?: Date;
};

/**
 * Writes the shared document back: the working copy (as `editor`, the person whose change this is)
 * when it differs, and the document's state in any case. Text the save refuses (a headline over
 * 100 characters) stays in the shared document, and the reason goes back to the people editing.
 * A working copy changed outside since `knownVersion` is taken into the document first (the outside
 * change wins over what was typed into the same field since the last write).
 */
export async function storeStoryDocument(db: Db, articleId: string, ydoc: Y.Doc, editor: Editor, options: StoreOptions = {}): Promise<StoreOutcome> {
  const current = await workingCopy(db, articleId);
  if (!current) throw new UserFacingError('稿件不存在或已移入回收站');
  if (options.knownVersion !== undefined && options.knownVersion !== current.version) writeStoryInto(ydoc, current.story);
  const outcome = await saveWorkingCopy(db, articleId, readStoryDoc(ydoc), current, editor, options.seal ? 'SAVE' : 'AUTOSAVE', options.now ?? new Date());
  // The slug follows the headline until publication (lib/articles/editor-service.ts): the shared
  // document takes the one the save chose, or the next save would set the old one back.
  if (outcome.saved) writeSlug(ydoc, outcome.slug);
  const state = Buffer.from(Y.encodeStateAsUpdate(ydoc));
  await db.collabDocument.upsert({ where: { articleId }, create: { articleId, state, version: outcome.version, generation: crypto.randomUUID() }, update: { state, version: outcome.version } });
  return outcome;
}

function writeSlug(ydoc: Y.Doc, slug: string): void {
  const text = sharedText(ydoc, 'slug');
  if (text.toString() === slug) return;
  ydoc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, slug);
  });
}

async function saveWorkingCopy(
  db: Db, articleId: string, shared: SharedStory, current: { story: SharedStory; version: number }, editor: Editor, kind: 'SAVE' | 'AUTOSAVE', now: Date,
): Promise<StoreOutcome> {
  const input = articleInputSchema.safeParse(shared);
  if (!input.success) return { saved: false, reason: 'invalid', error: input.error.issues[0]?.message ?? '稿件内容无效', version: current.version };
  if (kind === 'AUTOSAVE' && asSaved(shared) === asSaved(current.story)) return { saved: false, reason: 'unchanged', version: current.version };
  try {
    const saved = await saveArticle(db, editor, articleId, current.version, input.data, now, kind);
    // Only the shared document writes the working copy while people edit together, and a version
    // moved by anything else was taken in above; a move between the two reads is a real race.
    if (!saved.ok) throw new Error(`story ${articleId} changed outside the shared document (version ${saved.conflict.version})`);
    return { saved: true, version: saved.version, slug: saved.slug };
  } catch (error) {
    if (error instanceof UserFacingError) return { saved: false, reason: 'invalid', error: error.message, version: current.version };
    throw error;
  }
}
