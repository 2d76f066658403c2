// What a story's state is called wherever the newsroom shows it: the dashboard lists, the story page
// and the issue planner all take their words from here, so a story scheduled for 2030 reads
// 「定时 2030-01-01 08:00」 everywhere and 「已发布」 only once readers can see it.
//
// Whether readers see a story is lib/revisions/visibility.ts's rule (status not RETRACTED, a live revision,
// publishAt reached). A story has a publishAt exactly while it has a live revision (goLive sets both,
// withdrawSchedule clears both, go-live.ts), so this rule needs only the status and publishAt that
// every list already reads; the unit test holds it to isArticleVisible.
import { formatDateTime } from '../dates/format';
import type { ArticleStatus } from '../generated/prisma/enums';
import { stepLabel } from './rules';
import { ARTICLE_STATUS_LABELS } from './status-labels';

export type LabelledArticle = {
  status: ArticleStatus;
  publishAt: Date | string | null;
  /** With requiredLevels, a story in review says the level it waits for: 审核中（待复审）. */
  reviewLevel?: number;
  requiredLevels?: number;
};

/** 已发布 once the time has come, 定时 with the time before it; the same words for stories and issues. */
export function publicationLabel(publishAt: Date | string, now: Date): string {
  const at = new Date(publishAt);
  return at.getTime() <= now.getTime() ? ARTICLE_STATUS_LABELS.PUBLISHED : `定时 ${formatDateTime(at)}`;
}

export function articleStateLabel(story: LabelledArticle, now: Date): string {
  if (story.status === 'RETRACTED') return ARTICLE_STATUS_LABELS.RETRACTED;
  const step =
    story.reviewLevel !== undefined && story.requiredLevels !== undefined
      ? stepLabel(story.status, story.reviewLevel, story.requiredLevels)
      : ARTICLE_STATUS_LABELS[story.status];
  if (!story.publishAt) return step;
  const publication = publicationLabel(story.publishAt, now);
  // A live story edited since: readers keep the published text while the change goes through review.
  return story.status === 'PUBLISHED' ? publication : `${publication} · 修改${step}`;
}
