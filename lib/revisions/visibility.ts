// The one definition of "visible to readers" (docs/architecture.md: Publishing and time): published, publishAt reached, not retracted,
// not deleted. Scheduling is only a future publishAt, so nothing has to fire for a story to appear.
// Every reader query takes its filter from here.
// "Published" is having a live revision, not the working copy's status: an edited published story is
// back in review (status SUBMITTED …) while readers keep its live revision.
import type { Prisma } from '../generated/prisma/client';

export function visibleArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    status: { not: 'RETRACTED' },
    publishAt: { lte: now },
    retractedAt: null,
    deletedAt: null,
    liveRevisionId: { not: null },
  };
}

export function visibleIssueWhere(now: Date): Prisma.IssueWhereInput {
  return { status: 'PUBLISHED', publishAt: { lte: now } };
}

type Visibility = {
  status: string;
  publishAt: Date | null;
  retractedAt?: Date | null;
  deletedAt?: Date | null;
  liveRevisionId?: string | null;
};

/** The same rule for one row already in memory. */
export function isArticleVisible(article: Visibility, now: Date): boolean {
  return (
    article.status !== 'RETRACTED' &&
    article.publishAt !== null &&
    article.publishAt <= now &&
    !article.retractedAt &&
    !article.deletedAt &&
    Boolean(article.liveRevisionId)
  );
}
