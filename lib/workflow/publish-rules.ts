// "Ready to publish": the one rule for what still stands between a story and readers, asked by the
// story page, the issue planner's list of blockers and issue publishing (pure). Each reason says what
// kind it is, so a view can show the part it is about: the story page lists what the text still needs
// (its publish button already follows the sign-off), the planner every reason.
import { figuresMissingAlt } from '../content/figures';
import { parseDoc } from '../content/types';
import type { ArticleStatus } from '../generated/prisma/enums';
import { hasFinalSignoff, levelName, stepLabel } from './rules';

export type ReadinessArticle = {
  headline: string;
  status: ArticleStatus;
  reviewLevel: number;
  /** Readers have (or will have at its time) a published copy. */
  live: boolean;
  body: string;
};
export type Reason = { kind: 'headline' | 'signoff' | 'content'; reason: string };

/** What the text still needs before readers get it: alt text on every image (screen readers). */
export function publishBlockers(body: string): string[] {
  const missing = figuresMissingAlt(parseDoc(body));
  return missing ? [`${missing} 张图片还没有替代文字`] : [];
}

/** Every reason a story is not ready for readers; empty when it is. A live story's text was checked when it went live. */
export function publishReadiness(story: ReadinessArticle, requiredLevels: number): Reason[] {
  const reasons: Reason[] = [];
  if (!story.headline.trim()) reasons.push({ kind: 'headline', reason: '没有主题' });
  if (!hasFinalSignoff(story, requiredLevels)) {
    reasons.push({
      kind: 'signoff',
      reason: `${stepLabel(story.status, story.reviewLevel, requiredLevels)}，还没有${levelName(requiredLevels, requiredLevels)}`,
    });
  }
  if (!story.live) reasons.push(...publishBlockers(story.body).map((reason) => ({ kind: 'content' as const, reason })));
  return reasons;
}
