// Searching the SQLite index: readers see published stories only (the time rule applied here),
// the newsroom sees every story it may see. Queries are parameterised and every token is quoted.
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../db-client';
import { ftsQuery, queryTerms } from './tokenizer';
import { snippet } from './snippet';

export const MAX_QUERY_CHARS = 100;
/** Totals are counted up to this many; beyond it the page says "more than". */
export const COUNT_CAP = 1000;

export type SearchHit = { articleId: string; slug: string; kicker: string | null; headline: string; publishedAt: string | null; snippetHtml: string };
export type SearchResult = { total: number; capped: boolean; page: number; pageSize: number; hits: SearchHit[] };

/** SQLite keeps Prisma DateTimes as ISO text with "+00:00"; compare in the same spelling. */
function sqliteTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

function emptyResult(page: number, pageSize: number): SearchResult {
  return { total: 0, capped: false, page, pageSize, hits: [] };
}

export function cleanQuery(q: string): string {
  return q.trim().slice(0, MAX_QUERY_CHARS);
}

type PublicQuery = { q: string; from?: Date; to?: Date; page?: number; pageSize?: number };

export async function searchPublished(db: Db, input: PublicQuery, now = new Date()): Promise<SearchResult> {
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(50, Math.max(1, input.pageSize ?? 10));
  const q = cleanQuery(input.q);
  const terms = queryTerms(q);
  if (terms.length === 0) return emptyResult(page, pageSize);
  const match = ftsQuery(terms);
  const filters = [
    Prisma.sql`a.status = 'PUBLISHED'`,
    Prisma.sql`a."publishAt" <= ${sqliteTime(now)}`,
    Prisma.sql`a."retractedAt" IS NULL`,
    Prisma.sql`a."deletedAt" IS NULL`,
    ...(input.from ? [Prisma.sql`a."publishAt" >= ${sqliteTime(input.from)}`] : []),
    ...(input.to ? [Prisma.sql`a."publishAt" < ${sqliteTime(input.to)}`] : []),
  ];
  const where = Prisma.join(filters, ' AND ');
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id AS id FROM search_public s JOIN "Article" a ON a.id = s.article_id
    WHERE search_public MATCH ${match} AND ${where}
    ORDER BY bm25(search_public, 0, 8.0, 1.0), a."publishAt" DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const counted = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM search_public s JOIN "Article" a ON a.id = s.article_id
    WHERE search_public MATCH ${match} AND ${where} LIMIT ${COUNT_CAP + 1})`;
  const total = Number(counted[0]?.n ?? 0);
  const articles = await db.article.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: { id: true, slug: true, publishAt: true, liveRevision: { select: { kicker: true, headline: true, bodyText: true } } },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const hits = rows.flatMap(({ id }): SearchHit[] => {
    const article = byId.get(id);
    const live = article?.liveRevision;
    if (!article || !live) return [];
    return [{ articleId: id, slug: article.slug, kicker: live.kicker, headline: live.headline, publishedAt: article.publishAt?.toISOString() ?? null, snippetHtml: snippet(live.bodyText, q) }];
  });
  return { total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP, page, pageSize, hits };
}

type NewsroomQuery = { q: string; page?: number; pageSize?: number; /** Only this person's stories (reporters). */ ownerId?: string };

export async function searchNewsroom(db: Db, input: NewsroomQuery): Promise<SearchResult> {
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(50, Math.max(1, input.pageSize ?? 20));
  const q = cleanQuery(input.q);
  const terms = queryTerms(q);
  if (terms.length === 0) return emptyResult(page, pageSize);
  const match = ftsQuery(terms);
  const owner = input.ownerId
    ? Prisma.sql`AND (a."createdById" = ${input.ownerId} OR EXISTS (SELECT 1 FROM "ArticleAuthor" w WHERE w."articleId" = a.id AND w."userId" = ${input.ownerId}))`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id AS id FROM search_newsroom s JOIN "Article" a ON a.id = s.article_id
    WHERE search_newsroom MATCH ${match} AND a."deletedAt" IS NULL ${owner}
    ORDER BY bm25(search_newsroom, 0, 8.0, 1.0), a."updatedAt" DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const counted = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM search_newsroom s JOIN "Article" a ON a.id = s.article_id
    WHERE search_newsroom MATCH ${match} AND a."deletedAt" IS NULL ${owner} LIMIT ${COUNT_CAP + 1})`;
  const total = Number(counted[0]?.n ?? 0);
  const articles = await db.article.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: { id: true, slug: true, kicker: true, headline: true, bodyText: true, publishAt: true },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const hits = rows.flatMap(({ id }): SearchHit[] => {
    const article = byId.get(id);
    if (!article) return [];
    return [{ articleId: id, slug: article.slug, kicker: article.kicker, headline: article.headline, publishedAt: article.publishAt?.toISOString() ?? null, snippetHtml: snippet(article.bodyText, q) }];
  });
  return { total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP, page, pageSize, hits };
}
