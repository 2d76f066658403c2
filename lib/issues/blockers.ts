// What stops an issue from being published: no stories, or a placed story without its final sign-off
// or with images that lack alt text. The planner lists them; publishing refuses while any remain.
import type { Tx } from '../db-client';
import type { ArticleStatus } from '../generated/prisma/enums';
import { publishReadiness } from '../workflow/publish-rules';
import { clampLevels } from '../workflow/rules';

export type Blocker = { articleId: string | null; headline: string; reason: string };

type PlacedArticle = {
  id: string;
  headline: string;
  status: ArticleStatus;
  reviewLevel: number;
  liveRevisionId: string | null;
  body: string;
};

/** Pure: the reasons for one placed story, by the one ready-to-publish rule. */
export function articleBlockers(story: PlacedArticle, requiredLevels: number): string[] {
  return publishReadiness({ ...story, live: Boolean(story.liveRevisionId) }, requiredLevels).map((item) => item.reason);
}

export async function issueBlockers(tx: Tx, issueId: string): Promise<Blocker[]> {
  const issue = await tx.issue.findUniqueOrThrow({
    where: { id: issueId },
    select: { publication: { select: { reviewLevels: true } } },
  });
  // From the issue's pages to its stories: a relation filter on Article (`placements: { some }`) would
  // test every story of the archive for a placement.
  const pages = await tx.issuePage.findMany({
    where: { issueId },
    select: { placements: { select: { articleId: true } } },
  });
  const placed = [...new Set(pages.flatMap((page) => page.placements.map((placement) => placement.articleId)))];
  const stories =
    placed.length === 0
      ? []
      : await tx.article.findMany({
          where: { id: { in: placed }, deletedAt: null, retractedAt: null },
          select: { id: true, headline: true, status: true, reviewLevel: true, liveRevisionId: true, body: true },
        });
  if (stories.length === 0) return [{ articleId: null, headline: '', reason: '这一期还没有排稿' }];
  const levels = clampLevels(issue.publication.reviewLevels);
  return stories.flatMap((story) =>
    articleBlockers(story, levels).map((reason) => ({
      articleId: story.id,
      headline: story.headline || '（无标题）',
      reason,
    })),
  );
}
