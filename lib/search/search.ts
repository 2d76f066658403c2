// Searching the index (SQLite or PostgreSQL, store.ts): readers see published stories only (the time rule applied here),
// the newsroom sees every story it may see. Queries are parameterised and every token is quoted.
import { readerDate, type ReaderDate } from '../dates/reader-date';
import type { Db } from '../db-client';
import { isArticleVisible, visibleIssueWhere } from '../revisions/visibility';
import { searchStoreOf } from './search-index';
import { snippet } from './snippet';
import { RANK_WINDOW, type Ranked } from './store';
import { queryTerms } from './tokenizer';

export const MAX_QUERY_CHARS = 100;
export { RANK_WINDOW };
export const COUNT_CAP = RANK_WINDOW;

export type SearchHit = {
  articleId: string;
  slug: string;
  kicker: string | null;
  headline: string;
  /** When readers could first see it (its issue's date for a back issue put online later); null before publication. */
  published: ReaderDate | null;
  snippetHtml: string;
};
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

function bounded({ ids, total }: Ranked) {
  return { ids, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

type PublicQuery = { q: string; from?: Date; to?: Date; page?: number; pageSize?: number };

export async function searchPublished(db: Db, input: PublicQuery, now = new Date()): Promise<SearchResult> {
  const { page, pageSize, offset } = paging(input, 10);
  const q = cleanQuery(input.q);
  const terms = queryTerms(q);
  if (terms.length === 0) return emptyResult(page, pageSize);
  const {
    ids,
    total,
    capped: more,
  } = bounded(
    await searchStoreOf(db).rankPublished(db, terms, { now, from: input.from, to: input.to }, pageSize, offset),
  );
  // The index is updated in the same transaction as the story, but the visibility rule is checked
  // again on the rows themselves: it is the one definition of what readers may see.
  // Looked up by primary key only and filtered here: combined with the visibility columns, SQLite's
  // planner would pick the status/publishAt index and scan the archive.
  const articles = await db.article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      slug: true,
      status: true,
      publishAt: true,
      retractedAt: true,
      deletedAt: true,
      liveRevisionId: true,
      liveRevision: { select: { kicker: true, headline: true, bodyText: true } },
      placements: {
        where: { isContinuation: false, page: { issue: visibleIssueWhere(now) } },
        take: 1,
        select: { page: { select: { issue: { select: { date: true } } } } },
      },
    },
  });
  const byId = new Map(
    articles.filter((article) => isArticleVisible(article, now)).map((article) => [article.id, article]),
  );
  const hits = ids.flatMap((id): SearchHit[] => {
    const article = byId.get(id);
    const live = article?.liveRevision;
    if (!article || !live) return [];
    return [
      {
        articleId: id,
        slug: article.slug,
        kicker: live.kicker,
        headline: live.headline,
        published: article.publishAt
          ? readerDate(article.publishAt, article.placements[0]?.page.issue.date ?? null)
          : null,
        snippetHtml: snippet(live.bodyText, q),
      },
    ];
  });
  return { total, capped: more, page, pageSize, hits };
}

type NewsroomQuery = {
  q: string;
  page?: number;
  pageSize?: number;
  /** Only this person's stories (reporters). */ ownerId?: string;
};

export async function searchNewsroom(db: Db, input: NewsroomQuery): Promise<SearchResult> {
  const { page, pageSize, offset } = paging(input, 20);
  const q = cleanQuery(input.q);
  const terms = queryTerms(q);
  if (terms.length === 0) return emptyResult(page, pageSize);
  const {
    ids,
    total,
    capped: more,
  } = bounded(await searchStoreOf(db).rankNewsroom(db, terms, input.ownerId, pageSize, offset));
  const articles = await db.article.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: { id: true, slug: true, kicker: true, headline: true, bodyText: true, publishAt: true },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const hits = ids.flatMap((id): SearchHit[] => {
    const article = byId.get(id);
    if (!article) return [];
    return [
      {
        articleId: id,
        slug: article.slug,
        kicker: article.kicker,
        headline: article.headline,
        // The newsroom sees the time it was (or is to be) published.
        published: article.publishAt ? { at: article.publishAt.toISOString(), dateOnly: false } : null,
        snippetHtml: snippet(article.bodyText, q),
      },
    ];
  });
  return { total, capped: more, page, pageSize, hits };
}
