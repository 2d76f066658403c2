// Between a story's shared document in the co-editing process and the database. The document is
// loaded from the stored state (lib/collab/stored-document.ts, the one authority) and takes changes
// made outside the sockets by applying the stored state, never by diffing itself against the working
// copy. A store writes the working copy (through the editor's own save rules, so validation,
// revisions, 三审 and the search index work exactly as for any save) and the document's state in one
// transaction, under the compare-and-swap: a working copy is never ahead of the stored state.
import * as Y from 'yjs';

import type { Actor } from '../access/actor';
import { UserFacingError } from '../actions/result';
import { saveArticleIn } from '../articles/editor-service';
import { articleInputSchema } from '../articles/schemas';
import { validateDoc } from '../content/validate';
import { lockArticle } from '../database/row-lock';
import type { Db, Tx } from '../db-client';
import { FIELDS_MAP, readArticleDoc, sharedText, type SharedArticle } from './article-doc';
import {
  CAS_ATTEMPTS,
  currentStoredRow,
  StoredDocumentContention,
  swapStoredState,
  workingCopy,
  type StoredRow,
} from './stored-document';

/** Where a loaded document stands against the stored one: its history and the last state it holds. */
export type LoadedDocument = { generation: string; version: number; serial: number };

/** Fills `ydoc` with the story's stored document (built once from the working copy if there is none); null: no such story, or trashed. */
export async function loadArticleDocument(db: Db, articleId: string, ydoc: Y.Doc): Promise<LoadedDocument | null> {
  const stored = await currentStoredRow(db, articleId);
  if (!stored) return null;
  Y.applyUpdate(ydoc, stored.state);
  return loadedFrom(stored);
}

const loadedFrom = (stored: StoredRow): LoadedDocument => ({
  generation: stored.generation,
  version: stored.version,
  serial: stored.serial,
});

export type RefreshOutcome =
  | { kind: 'current'; loaded: LoadedDocument }
  /** The story is gone or in the trash. */
  | { kind: 'gone' }
  /** The stored document was rebuilt (another generation): the loaded one is another history. */
  | { kind: 'stale' };

/**
 * Takes what the stored document holds and the loaded one does not (a restored revision, applied to
 * the stored document once by whoever moved it up to the working copy) into the loaded document; the
 * people in the story get it as an ordinary Yjs update.
 */
export async function refreshArticleDocument(
  db: Db,
  articleId: string,
  ydoc: Y.Doc,
  generation: string,
): Promise<RefreshOutcome> {
  const stored = await currentStoredRow(db, articleId);
  if (!stored) return { kind: 'gone' };
  if (stored.generation !== generation) return { kind: 'stale' };
  Y.applyUpdate(ydoc, stored.state);
  return { kind: 'current', loaded: loadedFrom(stored) };
}

/** Cheap look at where the stored document and the working copy stand (for the periodic refresh). */
export async function storedPosition(
  db: Db,
  articleId: string,
): Promise<{ generation: string | null; serial: number; workingVersion: number | null; storedVersion: number | null }> {
  const row = await db.collabDocument.findUnique({
    where: { articleId },
    select: { generation: true, serial: true, version: true },
  });
  const article = await db.article.findUnique({ where: { id: articleId }, select: { version: true, deletedAt: true } });
  return {
    generation: row?.generation ?? null,
    serial: row?.serial ?? -1,
    storedVersion: row?.version ?? null,
    workingVersion: article && !article.deletedAt ? article.version : null,
  };
}

/** `stored`: the state vector of the state written, so a browser can tell whether its typing is in it. */
export type StoreOutcome =
  | { kind: 'saved'; loaded: LoadedDocument; slug: string; stored: Uint8Array }
  | { kind: 'unchanged'; loaded: LoadedDocument; stored: Uint8Array }
  /** The save refused the text (a headline over 100 characters): the state is stored, the working copy not. */
  | { kind: 'invalid'; loaded: LoadedDocument; error: string }
  | { kind: 'gone' }
  | { kind: 'stale' };

export type StoreOptions = {
  /** The generation the document in memory belongs to: a stored document of another one is never merged. */
  generation: string;
  /** 立即保存: closes the rolling revision (lib/revisions/revision-rules.ts) even when nothing changed. */
  seal?: boolean;
  now?: Date;
};

/** The story as a save would store it (trimmed, empty fields absent, body cleaned), for comparing. */
function asSaved(story: SharedArticle): string | null {
  const input = articleInputSchema.safeParse(story);
  const body = validateDoc(story.body);
  return input.success && body.ok ? JSON.stringify({ ...input.data, body: body.doc }) : null;
}

/** Thrown inside the write transaction to roll it back and read again (someone else wrote first). */
class LostRace extends Error {}

/**
 * Writes the shared document back: first it takes in the stored state (so it only ever grows by
 * merging, and an outside change is in before anything is saved over it), then in one transaction the
 * working copy (as `editor`, when it differs) and the state. Text the save refuses stays in the shared
 * document and the stored state, and the reason goes back to the people editing.
 */
export async function storeArticleDocument(
  db: Db,
  articleId: string,
  ydoc: Y.Doc,
  editor: Actor,
  options: StoreOptions,
): Promise<StoreOutcome> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    const stored = await currentStoredRow(db, articleId);
    if (!stored) return { kind: 'gone' };
    if (stored.generation !== options.generation) return { kind: 'stale' };
    Y.applyUpdate(ydoc, stored.state);
    try {
      return await db.$transaction((tx) => writeBoth(tx, articleId, ydoc, editor, stored, options));
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
    }
  }
  throw new StoredDocumentContention(articleId);
}

async function writeBoth(
  tx: Tx,
  articleId: string,
  ydoc: Y.Doc,
  editor: Actor,
  stored: StoredRow,
  options: StoreOptions,
): Promise<StoreOutcome> {
  // Writers of one story take turns on PostgreSQL as the editor's saves do (lib/database/row-lock.ts).
  await lockArticle(tx, articleId);
  const current = await workingCopy(tx, articleId);
  if (!current) return { kind: 'gone' };
  // The working copy moved since the stored document was read: take that change in first.
  if (current.version !== stored.version) throw new LostRace();
  // The state stored is the one the working copy is written from, taken in the same moment: changes
  // that arrive while the save awaits the database go into the next store, never into this state
  // without its working copy (after a kill -9 the stored state would hold text no working copy has,
  // and nothing would write it, since every browser's copy is already covered).
  const state = Y.encodeStateAsUpdate(ydoc);
  const shared = readArticleDoc(ydoc);
  const save = await saveWorkingCopy(tx, articleId, shared, current, editor, options);
  // The slug follows the headline until publication (lib/articles/editor-service.ts): the shared
  // document takes the one the save chose, or the next save would set the old one back.
  const slugChange = save.kind === 'saved' ? writeSlug(ydoc, save.slug) : null;
  const written = slugChange ? Y.mergeUpdates([state, slugChange]) : state;
  const version = save.kind === 'saved' ? save.version : current.version;
  if (!(await swapStoredState(tx, articleId, stored, { state: written, version }))) throw new LostRace();
  const loaded = { generation: stored.generation, version, serial: stored.serial + 1 };
  const vector = Y.encodeStateVectorFromUpdate(written);
  if (save.kind === 'saved') return { kind: 'saved', loaded, slug: save.slug, stored: vector };
  if (save.kind === 'invalid') return { kind: 'invalid', loaded, error: save.error };
  return { kind: 'unchanged', loaded, stored: vector };
}

type WorkingCopySave =
  { kind: 'saved'; version: number; slug: string } | { kind: 'unchanged' } | { kind: 'invalid'; error: string };

async function saveWorkingCopy(
  tx: Tx,
  articleId: string,
  shared: SharedArticle,
  current: { story: SharedArticle; version: number },
  editor: Actor,
  options: StoreOptions,
): Promise<WorkingCopySave> {
  const input = articleInputSchema.safeParse(shared);
  if (!input.success) return { kind: 'invalid', error: input.error.issues[0]?.message ?? '稿件内容无效' };
  if (!options.seal && asSaved(shared) === asSaved(current.story)) return { kind: 'unchanged' };
  try {
    const saved = await saveArticleIn(
      tx,
      editor,
      articleId,
      current.version,
      input.data,
      options.now ?? new Date(),
      options.seal ? 'SAVE' : 'AUTOSAVE',
    );
    // The version was read under the same lock in this transaction: a conflict cannot happen here.
    if (!saved.ok) throw new LostRace();
    return { kind: 'saved', version: saved.version, slug: saved.slug };
  } catch (error) {
    // saveArticleIn refuses before its first write, so the transaction still stores the state.
    if (error instanceof UserFacingError) return { kind: 'invalid', error: error.message };
    throw error;
  }
}

/** Sets the slug the save chose; returns the Yjs update that made the change (null: it was already so). */
function writeSlug(ydoc: Y.Doc, slug: string): Uint8Array | null {
  const current = ydoc.getMap<unknown>(FIELDS_MAP).get('slug');
  if (current instanceof Y.Text && current.toString() === slug) return null;
  let made: Uint8Array | null = null;
  const capture = (update: Uint8Array) => {
    made = update;
  };
  ydoc.on('update', capture);
  try {
    ydoc.transact(() => {
      const text = sharedText(ydoc, 'slug');
      text.delete(0, text.length);
      text.insert(0, slug);
    });
  } finally {
    ydoc.off('update', capture);
  }
  return made;
}
