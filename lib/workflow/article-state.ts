// Loads what the workflow rules need to know about one story, inside the caller's transaction.
import { UserFacingError } from '../actions/result';
import type { Tx } from '../db-client';
import { isArticleVisible } from '../revisions/visibility';
import { clampLevels, type ArticleState } from './rules';

/** The answer for a story id that does not exist or is in the trash (services; pages answer 404). */
export function articleGone(): never {
  throw new UserFacingError('稿件不存在或已移入回收站');
}

export async function loadArticle(tx: Tx, articleId: string, now: Date) {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    include: {
      authors: { select: { userId: true } },
      publication: { select: { reviewLevels: true } },
      signoffs: { where: { clearedAt: null, decision: 'APPROVE' }, select: { level: true, reviewerId: true } },
      placements: {
        select: {
          page: {
            select: { number: true, issue: { select: { id: true, number: true, status: true, publishAt: true } } },
          },
        },
      },
    },
  });
  if (!article || article.deletedAt) articleGone();
  const authorIds = [article.createdById, ...article.authors.map((author) => author.userId)].filter(
    (id): id is string => Boolean(id),
  );
  const live = Boolean(article.liveRevisionId && article.publishAt);
  const state: ArticleState = {
    status: article.status,
    reviewLevel: article.reviewLevel,
    requiredLevels: clampLevels(article.publication.reviewLevels),
    live,
    // The reader rule itself, so the newsroom never disagrees with what readers get.
    visible: isArticleVisible(article, now),
    authorIds: [...new Set(authorIds)],
    approvals: article.signoffs,
  };
  const issueNumbers = [...new Set(article.placements.map((placement) => placement.page.issue.number))];
  return { article, state, issueNumbers, issue: article.placements[0]?.page.issue ?? null };
}

export type LoadedArticle = Awaited<ReturnType<typeof loadArticle>>;

export function check(verdict: { ok: true } | { ok: false; error: string }): void {
  if (!verdict.ok) throw new UserFacingError(verdict.error);
}
