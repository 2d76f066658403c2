// Data for the RSS feed and the sitemaps. Years are calendar years in the publication's time zone.
import { teaser } from '../content/teaser';
import { readerDate } from '../dates/reader-date';
import { calendarDateIn, instantAt } from '../dates/time-zone';
import type { Db } from '../db-client';
import { imageUrl } from '../epaper/files';
import { visibleArticleWhere, visibleIssueWhere } from '../revisions/visibility';

export const FEED_SIZE = 30;

/** `image`: the printed page the story starts on (版面, lib/epaper), when that page has a published image. */
export type FeedItem = {
  slug: string;
  headline: string;
  kicker: string | null;
  teaser: string;
  byline: string | null;
  publishedAt: string;
  image?: string | null;
};

export async function readFeedItems(db: Db, now: Date): Promise<FeedItem[]> {
  const articles = await db.article.findMany({
    where: visibleArticleWhere(now),
    orderBy: [{ publishAt: 'desc' }, { id: 'desc' }],
    take: FEED_SIZE,
    select: {
      slug: true,
      publishAt: true,
      publishedAt: true,
      liveRevision: { select: { headline: true, kicker: true, summary: true, bodyText: true, byline: true } },
      placements: {
        where: { isContinuation: false, page: { issue: visibleIssueWhere(now) } },
        take: 1,
        select: {
          page: {
            select: {
              issue: { select: { date: true } },
              scans: { where: { stage: 'live', status: 'READY' }, select: { pdfSha256: true, pdfPage: true } },
            },
          },
        },
      },
    },
  });
  return articles.flatMap((article) => {
    const live = article.liveRevision;
    if (!live) return [];
    return [
      {
        slug: article.slug,
        headline: live.headline,
        kicker: live.kicker,
        teaser: teaser(live.summary, live.bodyText, 200),
        byline: live.byline,
        // The date the article page shows: its issue's for a back issue put online later.
        publishedAt: readerDate(
          article.publishAt ?? article.publishedAt ?? now,
          article.placements[0]?.page.issue.date ?? null,
        ).at,
        image: pageImageOf(article.placements),
      },
    ];
  });
}

function pageImageOf(
  placements: readonly { page: { scans: { pdfSha256: string; pdfPage: number }[] } }[],
): string | null {
  const scan = placements[0]?.page.scans[0];
  return scan ? imageUrl(scan.pdfSha256, scan.pdfPage, 1200) : null;
}

function yearRange(year: number) {
  return { gte: instantAt(`${year}-01-01`, '00:00'), lt: instantAt(`${year + 1}-01-01`, '00:00') };
}

/** The years that have a visible issue or story, oldest first: one sitemap each, none empty. */
export async function readSitemapYears(db: Db, now: Date): Promise<number[]> {
  const [first, last] = await Promise.all([
    db.issue.findFirst({ where: visibleIssueWhere(now), orderBy: { date: 'asc' }, select: { date: true } }),
    db.article.findFirst({
      where: visibleArticleWhere(now),
      orderBy: { publishAt: 'asc' },
      select: { publishAt: true },
    }),
  ]);
  const starts = [
    first ? Number(first.date.slice(0, 4)) : null,
    last?.publishAt ? Number(instantYear(last.publishAt)) : null,
  ].filter((year): year is number => year !== null);
  if (starts.length === 0) return [];
  const candidates: number[] = [];
  for (let year = Math.min(...starts); year <= Number(instantYear(now)); year += 1) candidates.push(year);
  const filled = await Promise.all(candidates.map((year) => yearHasContent(db, year, now)));
  return candidates.filter((_, index) => filled[index]);
}

async function yearHasContent(db: Db, year: number, now: Date): Promise<boolean> {
  const [issue, article] = await Promise.all([
    db.issue.findFirst({
      where: { ...visibleIssueWhere(now), date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
      select: { id: true },
    }),
    db.article.findFirst({
      where: { AND: [visibleArticleWhere(now), { publishAt: yearRange(year) }] },
      select: { id: true },
    }),
  ]);
  return issue !== null || article !== null;
}

function instantYear(instant: Date): string {
  return String(calendarDateIn(instant).year);
}

export async function readSitemapIssues(db: Db, year: number, now: Date) {
  const issues = await db.issue.findMany({
    where: { ...visibleIssueWhere(now), date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    orderBy: { date: 'asc' },
    select: { number: true, pageCount: true, updatedAt: true },
  });
  return issues.map((issue) => ({
    number: issue.number,
    pageCount: issue.pageCount,
    lastmod: issue.updatedAt.toISOString(),
  }));
}

export async function readSitemapArticles(db: Db, year: number, now: Date) {
  const articles = await db.article.findMany({
    where: { AND: [visibleArticleWhere(now), { publishAt: yearRange(year) }] },
    orderBy: { publishAt: 'asc' },
    select: { slug: true, liveRevision: { select: { createdAt: true } } },
  });
  return articles.map((article) => ({
    slug: article.slug,
    lastmod: (article.liveRevision?.createdAt ?? now).toISOString(),
  }));
}
