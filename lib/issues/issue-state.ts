// An issue's state as the planner and the dashboard show it, in the same words as a story's
// (lib/workflow/article-label.ts): 筹备中, 定时 2030-01-01 08:00, 已发布. Pure, for unit tests.
import { publicationLabel } from '../workflow/article-label';

export type IssueState = 'planning' | 'scheduled' | 'published';

type IssueTiming = { status: string; publishAt: Date | string | null };

/** A scheduled issue is a published one whose time has not come (docs/architecture.md: Publishing and time). */
export function issueStateOf(issue: IssueTiming, now: Date): IssueState {
  if (issue.status !== 'PUBLISHED' || !issue.publishAt) return 'planning';
  return new Date(issue.publishAt).getTime() > now.getTime() ? 'scheduled' : 'published';
}

export function issueStateLabel(issue: IssueTiming, now: Date): string {
  if (issue.status !== 'PUBLISHED' || !issue.publishAt) return '筹备中';
  return publicationLabel(issue.publishAt, now);
}
