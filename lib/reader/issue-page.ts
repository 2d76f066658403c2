// One page of one visible issue with its visible stories in page order (the front page is page 1
// of the latest issue). Pure data access: takes the client and the time, so tests can pass both.
import { teaser } from '../content/teaser';
import type { Db } from '../db-client';
import { findPublication } from '../publication/lookup';
import { visibleArticleWhere, visibleIssueWhere } from '../revisions/visibility';
import { COVER_SELECT, coverImage } from './cover';
import type { ArticleCard, IssuePageView, IssueRef } from './types';

export const PUBLICATION_SELECT = {
  name: true,
  publisher: true,
  hotline: true,
  address: true,
  postcode: true,
} as const;

export async function latestIssueNumber(db: Db, now: Date): Promise<number | null> {
  const latest = await db.issue.findFirst({
    where: visibleIssueWhere(now),
    orderBy: [{ date: 'desc' }, { number: 'desc' }],
    select: { number: true },
  });
  return latest?.number ?? null;
}

export async function readIssuePage(
  db: Db,
  issueNumber: number,
  pageNumber: number,
  now: Date,
): Promise<IssuePageView | null> {
  const issue = await db.issue.findFirst({
    where: { ...visibleIssueWhere(now), number: issueNumber },
    orderBy: { createdAt: 'asc' },
    include: {
      publication: { select: PUBLICATION_SELECT },
      pages: { orderBy: { number: 'asc' }, select: { id: true, number: true, name: true } },
    },
  });
  const page = issue?.pages.find((candidate) => candidate.number === pageNumber);
  if (!issue || !page) return null;

  const [placements, articleCounts, previousIssue, nextIssue] = await Promise.all([
    db.articlePlacement.findMany({
      where: { pageId: page.id, article: visibleArticleWhere(now) },
      orderBy: { position: 'asc' },
      select: {
        isContinuation: true,
        article: {
          select: {
            slug: true,
            coverMedia: { select: COVER_SELECT },
            liveRevision: {
              select: {
                kicker: true,
                headline: true,
                subheadline: true,
                summary: true,
                bodyText: true,
                credits: true,
                coverMedia: { select: COVER_SELECT },
              },
            },
            placements: { select: { isContinuation: true, page: { select: { number: true } } } },
          },
        },
      },
    }),
    db.articlePlacement.groupBy({
      by: ['pageId'],
      where: { pageId: { in: issue.pages.map((p) => p.id) }, article: visibleArticleWhere(now) },
      _count: { _all: true },
    }),
    neighbourIssue(db, issue.publicationId, issue.date, issue.number, 'previous', now),
    neighbourIssue(db, issue.publicationId, issue.date, issue.number, 'next', now),
  ]);

  const counts = new Map(articleCounts.map((row) => [row.pageId, row._count._all]));
  return {
    publication: issue.publication,
    issue: {
      number: issue.number,
      date: issue.date,
      pageCount: issue.pageCount,
      publishAt: (issue.publishAt ?? now).toISOString(),
    },
    pages: issue.pages.map((p) => ({ number: p.number, name: p.name, articleCount: counts.get(p.id) ?? 0 })),
    page: { number: page.number, name: page.name },
    stories: placements.flatMap(({ isContinuation, article }): ArticleCard[] =>
      article.liveRevision
        ? [
            {
              ...articleCard(article.slug, article.liveRevision, isContinuation, article.placements),
              cover: isContinuation ? null : coverImage(publishedCover(article.liveRevision, article.coverMedia)),
            },
          ]
        : [],
    ),
    previousIssue,
    nextIssue,
  };
}

/** The published revision's cover; revisions from before covers were frozen with them use the story's. */
function publishedCover<M>(live: { credits: string | null; coverMedia: M | null }, working: M | null): M | null {
  return live.credits === null ? working : live.coverMedia;
}

type CardContent = {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  summary: string | null;
  bodyText: string;
};
type PagePlacement = { isContinuation: boolean; page: { number: number } };

/** A story as listed on a page: with （上接第N版） on a continuation and （下转…） on its first page. */
export function articleCard(
  slug: string,
  content: CardContent,
  isContinuation: boolean,
  placements: readonly PagePlacement[],
): ArticleCard {
  const pages = placements.map((p) => ({ number: p.page.number, continuation: p.isContinuation }));
  const first = pages.find((p) => !p.continuation)?.number ?? null;
  return {
    slug,
    kicker: content.kicker,
    headline: content.headline,
    subheadline: content.subheadline,
    teaser: teaser(content.summary, content.bodyText),
    continuedFrom: isContinuation ? first : null,
    continuesOn: isContinuation
      ? []
      : pages
          .filter((p) => p.continuation)
          .map((p) => p.number)
          .sort((a, b) => a - b),
  };
}

async function neighbourIssue(
  db: Db,
  publicationId: string,
  date: string,
  number: number,
  direction: 'previous' | 'next',
  now: Date,
): Promise<IssueRef | null> {
  const before = direction === 'previous';
  const found = await db.issue.findFirst({
    where: {
      ...visibleIssueWhere(now),
      publicationId,
      OR: [{ date: before ? { lt: date } : { gt: date } }, { date, number: before ? { lt: number } : { gt: number } }],
    },
    orderBy: before ? [{ date: 'desc' }, { number: 'desc' }] : [{ date: 'asc' }, { number: 'asc' }],
    select: { number: true, date: true },
  });
  return found;
}

export async function readPublication(db: Db) {
  return findPublication(db, PUBLICATION_SELECT);
}
