// Reader-side reads of issues. Public data only: every query carries the visibility rule.
import 'server-only';
import { db } from '../db';
import { visibleArticleWhere, visibleIssueWhere } from '../articles/visibility';

export type FrontPageStory = {
  slug: string;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  isContinuation: boolean;
};

export type FrontPage = {
  publication: { name: string; publisher: string; hotline: string };
  issue: { number: number; date: string; pageCount: number };
  pages: { number: number; name: string | null }[];
  stories: FrontPageStory[];
};

/** The latest visible issue with page 1's visible stories in page order; null before the first issue. */
export async function getFrontPage(now = new Date()): Promise<FrontPage | null> {
  const issue = await db.issue.findFirst({
    where: visibleIssueWhere(now),
    orderBy: [{ date: 'desc' }, { number: 'desc' }],
    include: {
      publication: { select: { name: true, publisher: true, hotline: true } },
      pages: { orderBy: { number: 'asc' }, select: { id: true, number: true, name: true } },
    },
  });
  if (!issue) return null;
  const firstPage = issue.pages.find((page) => page.number === 1);
  const placements = firstPage
    ? await db.articlePlacement.findMany({
        where: { pageId: firstPage.id, article: visibleArticleWhere(now) },
        orderBy: { position: 'asc' },
        select: {
          isContinuation: true,
          article: {
            select: {
              slug: true,
              liveRevision: { select: { kicker: true, headline: true, subheadline: true } },
            },
          },
        },
      })
    : [];
  return {
    publication: issue.publication,
    issue: { number: issue.number, date: issue.date, pageCount: issue.pageCount },
    pages: issue.pages.map(({ number, name }) => ({ number, name })),
    stories: placements.flatMap(({ isContinuation, article }) =>
      article.liveRevision ? [{ slug: article.slug, isContinuation, ...article.liveRevision }] : [],
    ),
  };
}
