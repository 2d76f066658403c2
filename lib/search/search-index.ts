// Keeping the search index in step with the stories, on whichever database the client talks to
// (store.ts). Call indexArticle inside the transaction that changed a story.
import { firstPlacement, readerDate } from '../dates/reader-date';
import type { Db } from '../db-client';
import { kindOf } from '../db-kind';
import { postgresqlSearchStore } from './postgresql-index';
import { sqliteSearchStore } from './sqlite-index';
import type { IndexedArticle, SearchStore } from './store';
import { tokenize } from './tokenizer';

type Sql = Pick<Db, '$executeRaw' | '$executeRawUnsafe' | '$queryRaw' | '$queryRawUnsafe' | 'article'>;

export function searchStoreOf(db: object): SearchStore {
  return kindOf(db) === 'postgresql' ? postgresqlSearchStore : sqliteSearchStore;
}

type Searchable = {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  byline: string | null;
  summary: string | null;
  bodyText: string;
};

export function titleTokens(content: Searchable): string[] {
  return tokenize([content.kicker, content.headline, content.subheadline].filter(Boolean).join(' '));
}

export function bodyTokens(content: Searchable): string[] {
  return tokenize([content.byline, content.summary, content.bodyText].filter(Boolean).join('\n'));
}

export function ownersOf(createdById: string | null, authorIds: readonly (string | null)[]): string[] {
  return [...new Set([createdById, ...authorIds].filter((id): id is string => Boolean(id)))];
}

const INCLUDE = {
  liveRevision: true,
  authors: { select: { userId: true } },
  placements: {
    select: { isContinuation: true, page: { select: { number: true, issue: { select: { date: true } } } } },
  },
} as const;
type Loaded = NonNullable<Awaited<ReturnType<Db['article']['findUnique']>>> & {
  liveRevision: (Searchable & object) | null;
  authors: { userId: string | null }[];
  placements: { isContinuation: boolean; page: { number: number; issue: { date: string } } }[];
};

/**
 * The date readers see on a story, as the index keeps it for date ranges: readerDate's rule on its first
 * placement's issue. Taken whether or not that issue is out yet: a story goes live inside publishIssue's
 * transaction before the issue is marked published, and the pages that place it re-index it when they change.
 */
export function indexedDate(publishAt: Date, placements: Loaded['placements']): Date {
  return new Date(readerDate(publishAt, firstPlacement(placements)?.page.issue.date ?? null).at);
}

function indexedArticle(article: Loaded): IndexedArticle {
  const live = article.liveRevision;
  const findable = article.status !== 'RETRACTED' && !article.retractedAt && live && article.publishAt;
  return {
    articleId: article.id,
    owners: ownersOf(
      article.createdById,
      article.authors.map((author) => author.userId),
    ),
    title: titleTokens(article),
    body: bodyTokens(article),
    live: findable
      ? {
          publishAt: article.publishAt!,
          datedAt: indexedDate(article.publishAt!, article.placements),
          title: titleTokens(live),
          body: bodyTokens(live),
        }
      : null,
  };
}

export async function ensureSearchIndex(db: Sql): Promise<void> {
  await searchStoreOf(db).ensure(db);
}

export async function removeFromIndex(tx: Sql, articleId: string): Promise<void> {
  await searchStoreOf(tx).remove(tx, articleId);
}

/** Brings one story's index rows in step with the database. Call inside the transaction that changed it. */
export async function indexArticle(tx: Sql, articleId: string): Promise<void> {
  const store = searchStoreOf(tx);
  await store.remove(tx, articleId);
  const article = await tx.article.findUnique({ where: { id: articleId }, include: INCLUDE });
  if (!article || article.deletedAt) return;
  await store.write(tx, indexedArticle(article));
}

/** Rebuilds both tables from the articles (after an import, a restore, a copy, or to repair). */
export async function rebuildSearchIndex(db: Db, batchSize = 500): Promise<number> {
  const store = searchStoreOf(db);
  await store.ensure(db);
  await store.clear(db);
  // Write order follows publication time, which search uses to bound ranking work. The order is read
  // once (ids only), then each batch by primary key: a cursor over a nullable sort column made every
  // batch a scan and sort of the whole table on PostgreSQL (4 s a batch at 100,000 stories).
  const order = await db.article.findMany({
    where: { deletedAt: null },
    orderBy: [{ publishAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    select: { id: true },
  });
  let count = 0;
  for (let start = 0; start < order.length; start += batchSize) {
    const ids = order.slice(start, start + batchSize).map((row) => row.id);
    const rows = await db.article.findMany({ where: { id: { in: ids }, deletedAt: null }, include: INCLUDE });
    const byId = new Map(rows.map((row) => [row.id, row]));
    // Tokenised before the transaction opens; a busy machine must not time the batch out (5 s by default).
    const stories = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [indexedArticle(row)] : [];
    });
    await db.$transaction((tx) => store.writeMany(tx, stories), { timeout: 60_000 });
    count += stories.length;
  }
  await store.settle(db);
  return count;
}

/**
 * At start-up: create the index if missing and rebuild it when it is out of step with the stories (or
 * was dropped for a new layout); `rebuilding` is told first, as a large archive takes minutes.
 */
export async function syncSearchIndex(
  db: Db,
  rebuilding: (stories: number) => void = () => {},
): Promise<{ rebuilt: boolean; count: number }> {
  const store = searchStoreOf(db);
  await store.ensure(db);
  const indexed = await store.count(db);
  const stories = await db.article.count({ where: { deletedAt: null } });
  if (indexed === stories) return { rebuilt: false, count: stories };
  rebuilding(stories);
  return { rebuilt: true, count: await rebuildSearchIndex(db) };
}
