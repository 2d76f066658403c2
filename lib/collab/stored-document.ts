// The one authority over a story's shared document (docs/architecture.md, "Co-editing"). Yjs knows
// content by who inserted it (client id, clock), so the same text written by two independent diffs is
// two sets of items, and a browser holding one set that meets a server holding the other shows both.
// Hence: exactly one party ever turns a change made outside the sockets (a restored revision, an
// import) into Yjs operations, the one that moves the stored document's version up to the working
// copy's under the compare-and-swap on `serial`; everyone else takes the stored state as it is.
// Within a generation the stored state only grows by merging; a new generation is a new history,
// started only when there is no stored document at all.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';

import type { Doc } from '../content/types';
import type { Db, Tx } from '../db-client';
import { writeArticleInto, type SharedArticle } from './article-doc';

export type StoredDocument = { state: Uint8Array; generation: string; version: number };
/** The stored document with the compare-and-swap counter its next write must name. */
export type StoredRow = StoredDocument & { serial: number };

/** How often a writer re-reads after losing the compare-and-swap before it gives up. */
export const CAS_ATTEMPTS = 8;

export class StoredDocumentContention extends Error {
  constructor(articleId: string) {
    super(`the shared document of story ${articleId} kept changing under ${CAS_ATTEMPTS} attempts to write it`);
  }
}

/** The story's working copy as the shared document holds it, or null: no such story, or in the trash. */
export async function workingCopy(
  db: Db | Tx,
  articleId: string,
): Promise<{ story: SharedArticle; version: number } | null> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      kicker: true,
      headline: true,
      subheadline: true,
      dateline: true,
      byline: true,
      summary: true,
      slug: true,
      coverMediaId: true,
      body: true,
      version: true,
      deletedAt: true,
      authors: { orderBy: { position: 'asc' }, select: { userId: true, name: true, label: true } },
    },
  });
  if (!article || article.deletedAt) return null;
  const story: SharedArticle = {
    kicker: article.kicker ?? '',
    headline: article.headline,
    subheadline: article.subheadline ?? '',
    dateline: article.dateline ?? '',
    byline: article.byline ?? '',
    summary: article.summary ?? '',
    slug: article.slug,
    coverMediaId: article.coverMediaId,
    authors: article.authors,
    body: JSON.parse(article.body) as Doc,
  };
  return { story, version: article.version };
}

export async function readStoredRow(db: Db | Tx, articleId: string): Promise<StoredRow | null> {
  const row = await db.collabDocument.findUnique({
    where: { articleId },
    select: { state: true, generation: true, version: true, serial: true },
  });
  return (
    row && { state: new Uint8Array(row.state), generation: row.generation, version: row.version, serial: row.serial }
  );
}

/**
 * Writes `state` (a state that contains the stored one) as the next state of the document read at
 * `read`; false when another writer got there first (the caller re-reads, merges and tries again).
 */
export async function swapStoredState(
  db: Db | Tx,
  articleId: string,
  read: Pick<StoredRow, 'generation' | 'serial'>,
  next: { state: Uint8Array; version: number },
): Promise<boolean> {
  const written = await db.collabDocument.updateMany({
    where: { articleId, generation: read.generation, serial: read.serial },
    data: { state: Buffer.from(next.state), version: next.version, serial: read.serial + 1 },
  });
  return written.count === 1;
}

function stateOf(story: SharedArticle, stored: Uint8Array | null): Uint8Array {
  const ydoc = new Y.Doc();
  if (stored) Y.applyUpdate(ydoc, stored);
  writeArticleInto(ydoc, story);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

/**
 * The story's shared document as stored, with its compare-and-swap serial: created from the working
 * copy if there is none (a new generation; of two creators one inserts, the other reads the winner's),
 * and brought up to the working copy when something outside the sockets changed it (the change applied
 * as a Yjs diff by whoever wins the compare-and-swap, exactly once). Null: no such story, or trashed.
 */
export async function currentStoredRow(db: Db, articleId: string): Promise<StoredRow | null> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    // The row first, then the working copy: a store writes both in one transaction, so a working copy
    // read after the row is never older than it. One newer than the row is an outside change, or a
    // store that committed between the two reads (then the serial moved, and the swap below fails).
    const row = await readStoredRow(db, articleId);
    const current = await workingCopy(db, articleId);
    if (!current) return null;
    if (row && row.version === current.version) return row;
    if (!row) {
      const created: StoredRow = {
        state: stateOf(current.story, null),
        generation: randomUUID(),
        version: current.version,
        serial: 0,
      };
      try {
        await db.collabDocument.create({
          data: {
            articleId,
            state: Buffer.from(created.state),
            generation: created.generation,
            version: created.version,
            serial: 0,
          },
        });
        return created;
      } catch (error) {
        // Another creator inserted first (unique key): theirs is the document; read it. Anything
        // else (the story deleted in between: foreign key) is not ours to hide.
        if (await readStoredRow(db, articleId)) continue;
        if (!(await workingCopy(db, articleId))) return null;
        throw error;
      }
    }
    const next = { state: stateOf(current.story, row.state), version: current.version };
    if (await swapStoredState(db, articleId, row, next))
      return { ...next, generation: row.generation, serial: row.serial + 1 };
  }
  throw new StoredDocumentContention(articleId);
}

/**
 * The story's shared document as stored, created if missing and brought up to the working copy
 * (an outside change applied as a Yjs diff exactly once, under the compare-and-swap); null: no such
 * story or trashed. Every server-side rewrite of a working copy calls this after its commit, so the
 * stored document carries the change at once and nobody diffs it a second time.
 */
export async function currentArticleDocument(db: Db, articleId: string): Promise<StoredDocument | null> {
  const row = await currentStoredRow(db, articleId);
  return row && { state: row.state, generation: row.generation, version: row.version };
}

/**
 * After a server-side rewrite of a working copy (a restored revision) has committed: the story's
 * stored document takes the change now, so the co-editing process and the next page load read it
 * from there. A story never opened together has no document to bring up (the first reader builds
 * it). A failure here loses nothing: the next reader applies the change under the same rule, so it
 * is logged, not thrown at a person whose restore did happen.
 */
export async function takeOutsideChange(
  db: Db,
  articleId: string,
  log: (line: string) => void = (line) => console.warn(line),
): Promise<void> {
  try {
    if (await db.collabDocument.findUnique({ where: { articleId }, select: { articleId: true } }))
      await currentStoredRow(db, articleId);
  } catch (error) {
    log(
      `co-editing: story ${articleId} changed outside the shared document, taken in at its next read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
