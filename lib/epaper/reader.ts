// What readers see of an issue's printed pages: each page's live scan (never the newsroom's draft),
// and on one page the story areas of the stories readers can see, in reading order. Only for a
// visible issue. Pure data access: takes the client and the time, so tests can pass both.
import type { Db } from '../db-client';
import { visibleArticleWhere, visibleIssueWhere } from '../revisions/visibility';
import { inReadingOrder, parseAreas, type Rect } from './areas';
import { imageUrl } from './files';

export type PageImage = { small: string; src: string; large: string; thumb: string; width: number; height: number };
export type ReaderArea = { slug: string; headline: string; rects: Rect[] };
export type EpaperThumb = { number: number; name: string | null; thumb: string | null };
export type EpaperPageView = {
  issueNumber: number;
  pageNumber: number;
  image: PageImage | null;
  areas: ReaderArea[];
  thumbs: EpaperThumb[];
};

function pageImage(scan: { pdfSha256: string; pdfPage: number; width: number; height: number }): PageImage {
  return {
    small: imageUrl(scan.pdfSha256, scan.pdfPage, 800),
    src: imageUrl(scan.pdfSha256, scan.pdfPage, 1200),
    large: imageUrl(scan.pdfSha256, scan.pdfPage, 2400),
    thumb: imageUrl(scan.pdfSha256, scan.pdfPage, 240),
    width: scan.width,
    height: scan.height,
  };
}

export async function readEpaperPage(
  db: Db,
  issueNumber: number,
  pageNumber: number,
  now: Date,
): Promise<EpaperPageView | null> {
  const issue = await db.issue.findFirst({
    where: { ...visibleIssueWhere(now), number: issueNumber },
    orderBy: { createdAt: 'asc' },
    select: {
      pages: {
        orderBy: { number: 'asc' },
        select: { id: true, number: true, name: true, scans: { where: { stage: 'live', status: 'READY' } } },
      },
    },
  });
  const page = issue?.pages.find((candidate) => candidate.number === pageNumber);
  if (!issue || !page) return null;
  const thumbs = issue.pages.map((p) => ({
    number: p.number,
    name: p.name,
    thumb: p.scans[0] ? imageUrl(p.scans[0].pdfSha256, p.scans[0].pdfPage, 240) : null,
  }));
  const scan = page.scans[0];
  if (!scan) return { issueNumber, pageNumber, image: null, areas: [], thumbs };
  const stored = inReadingOrder(parseAreas(scan.areas));
  const articles = await db.article.findMany({
    where: { ...visibleArticleWhere(now), id: { in: stored.map((area) => area.articleId) } },
    select: { id: true, slug: true, liveRevision: { select: { headline: true } } },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const areas = stored.flatMap((area): ReaderArea[] => {
    const article = byId.get(area.articleId);
    return article?.liveRevision
      ? [{ slug: article.slug, headline: article.liveRevision.headline, rects: area.rects }]
      : [];
  });
  return { issueNumber, pageNumber, image: pageImage(scan), areas, thumbs };
}

/** Whether readers may fetch this page image now: a live scan of a visible issue shows it. */
export async function isPageImagePublic(
  db: Db,
  shaPrefix: string,
  shaRest: string,
  pdfPage: number,
  now: Date,
): Promise<boolean> {
  const scan = await db.epaperScan.findFirst({
    where: {
      stage: 'live',
      pdfSha256: { startsWith: `${shaPrefix}${shaRest}` },
      pdfPage,
      page: { issue: visibleIssueWhere(now) },
    },
    select: { id: true },
  });
  return scan !== null;
}
