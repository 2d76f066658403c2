// Searching the SQLite index: readers see published stories only (the time rule applied here),
// the newsroom sees every story it may see. Queries are parameterised and every token is quoted.
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../db-client';
import { ftsQuery, queryTerms } from './tokenizer';
import { snippet } from './snippet';
import { sqliteTime } from './sqlite-index';
import { isArticleVisible } from '../revisions/visibility';

export const MAX_QUERY_CHARS = 100;
/**
 * Relevance (bm25) is computed for at most this many of the newest matches, and totals are counted
 * up to it ("1000 篇以上"). A word found in most of a 100,000-story archive (柯城) would otherwise
 * have every match scored on every query; a news reader wants the relevant recent stories, and
 * rarer words (fewer matches) are ranked exactly.
 */
export const RANK_WINDOW = 1000;
export const COUNT_CAP = RANK_WINDOW;

export type SearchHit = { articleId: string; slug: string; kicker: string | null; headline: string; publishedAt: string | null; snippetHtml: string };
export type SearchResult = { total: number; capped: boolean; page: number; pageSize: number; hits: SearchHit[] };

function emptyResult(page: number, pageSize: number): SearchResult {
  return { total: 0, capped: false, page, pageSize, hits: [] };
}

export function cleanQuery(q: string): string {
  return q.trim().slice(0, MAX_QUERY_CHARS);
}

function paging(input: { page?: number; pageSize?: number }, defaultSize: number) {
  const page = Math.max(1, Math.min(100, input.page ?? 1));
  const pageSize = Math.min(50, Math.max(1, input.pageSize ?? defaultSize));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Ids of one page of matches: the newest RANK_WINDOW matches passing `filter`, ordered by bm25. */
async function rankedIds(db: Db, table: 'search_public' | 'search_newsroom', match: string, filter: Prisma.Sql, limit: number, offset: number) {
  const fts = Prisma.raw(table);
  // One pass: the window of newest matches, scored, counted and paged together.
  const rows = await db.$queryRaw<{ id: string; n: bigint | number }[]>`
    SELECT id, count(*) OVER () AS n FROM (
      SELECT article_id AS id, bm25(${fts}, 0, 0, 8.0, 1.0) AS score, rowid AS r
      FROM ${fts} WHERE ${fts} MATCH ${match} AND ${filter}
      ORDER BY rowid DESC LIMIT ${RANK_WINDOW + 1}
    ) ORDER BY score, r DESC LIMIT ${limit} OFFSET ${offset}`;
  // A page past the end has no rows to carry the count; that page is empty whatever the total.
  const total = Number(rows[0]?.n ?? 0);
  return { ids: rows.map((row) => row.id), total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

type PublicQuery = { q: string; from?: Date; to?: Date; page?: number; pageSize?: number };

export async function searchPublished(db: Db, input: PublicQuery, now = new Date()): Promise<SearchResult> {
  const { page, pageSize, offset } = paging(input, 10);
  const q = cleanQuery(input.q);
  const terms = queryTerms(q);
  if (terms.length === 0) return emptyResult(page, pageSize);
  const filter = Prisma.join(
    [
      Prisma.sql`publish_at <= ${sqliteTime(now)}`,
      ...(input.from ? [Prisma.sql`publish_at >= ${sqliteTime(input.from)}`] : []),
      ...(input.to ? [Prisma.sql`publish_at < ${sqliteTime(input.to)}`] : []),
    ],
    ' AND ',
  );
  const { ids, total, capped } = await rankedIds(db, 'search_public', ftsQuery(terms), filter, pageSize, offset);
  // The index is updated in the same transaction as the story, but the visibility rule is checked
  // again on the rows themselves: it is the one definition of what readers may see.
  // Looked up by primary key only and filtered here: combined with the visibility columns, SQLite's
  // planner would pick the status/publishAt index and scan the archive.
  const articles = await db.article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, slug: true, status: true, publishAt: true, retractedAt: true, deletedAt: true, liveRevisionId: true,
      liveRevision: { select: { kicker: true, headline: true, bodyText: true } },
    },
  });
  const byId = new Map(articles.filter((article) => isArticleVisible(article, now)).map((article) => [article.id, article]));
  const hits = ids.flatMap((id): SearchHit[] => {
    const article = byId.get(id);
    const live = article?.liveRevision;
    if (!article || !live) return [];
    return [{ articleId: id, slug: article.slug, kicker: live.kicker, headline: live.headline, publishedAt: article.publishAt?.toISOString() ?? null, snippetHtml: snippet(live.bodyText, q) }];
  });
  return { total, capped, page, pageSize, hits };
}

type NewsroomQuery = { q: string; page?: number; pageSize?: number; /** Only this person's stories (reporters). */ ownerId?: string };

export async function searchNewsroom(db: Db, input: NewsroomQuery): Promise<SearchResult> {
  const { page, pageSize, offset } = paging(input, 20);
  const q = cleanQuery(input.q);
  const terms = queryTerms(q);
  if (terms.length === 0) return emptyResult(page, pageSize);
  // The words are looked for in title and body only; a reporter's own stories are a phrase in the
  // indexed owners column, so FTS5 intersects the lists (sqlite-index.ts).
  const words = `{title body} : (${ftsQuery(terms)})`;
  const match = input.ownerId ? `${words} AND owners : "${input.ownerId.replaceAll('"', '""')}"` : words;
  const { ids, total, capped } = await rankedIds(db, 'search_newsroom', match, Prisma.sql`1`, pageSize, offset);
  const articles = await db.article.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: { id: true, slug: true, kicker: true, headline: true, bodyText: true, publishAt: true },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const hits = ids.flatMap((id): SearchHit[] => {
    const article = byId.get(id);
    if (!article) return [];
    return [{ articleId: id, slug: article.slug, kicker: article.kicker, headline: article.headline, publishedAt: article.publishAt?.toISOString() ?? null, snippetHtml: snippet(article.bodyText, q) }];
  });
  return { total, capped, page, pageSize, hits };
}
