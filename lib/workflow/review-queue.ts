// The review queue: stories waiting at a level this reviewer may sign, oldest first (issue 6 §3).
import type { Db } from '../db-client';
import type { Role } from '../access/capabilities';
import { canApprove, clampLevels, levelName, type StoryState } from '../articles/workflow';
import { elapsedText } from '../dates/elapsed';

export type QueueRow = { id: string; headline: string; author: string; wordCount: number; waiting: string; waitingSince: string; level: string };

// A county newsroom has dozens of stories in review at most; the level rules are applied in memory.
const QUEUE_SCAN = 500;

export async function reviewQueueFor(db: Db, reviewer: { id: string; role: Role }, options: { q?: string; page: number; pageSize: number }, now = new Date()) {
  const stories = await db.article.findMany({
    where: { status: 'SUBMITTED', deletedAt: null, ...(options.q ? { headline: { contains: options.q } } : {}) },
    orderBy: [{ stepSince: 'asc' }, { updatedAt: 'asc' }],
    take: QUEUE_SCAN,
    select: {
      id: true, headline: true, wordCount: true, reviewLevel: true, createdById: true, byline: true, stepSince: true, updatedAt: true, liveRevisionId: true, publishAt: true,
      createdBy: { select: { name: true } },
      authors: { select: { userId: true } },
      publication: { select: { reviewLevels: true } },
      signoffs: { where: { clearedAt: null, decision: 'APPROVE' }, select: { level: true, reviewerId: true } },
    },
  });
  const mine = stories.filter((story) => {
    const state: StoryState = {
      status: 'SUBMITTED', reviewLevel: story.reviewLevel, requiredLevels: clampLevels(story.publication.reviewLevels),
      live: Boolean(story.liveRevisionId), visible: false,
      authorIds: [story.createdById, ...story.authors.map((a) => a.userId)].filter((id): id is string => Boolean(id)),
      approvals: story.signoffs,
    };
    return canApprove(state, reviewer).ok;
  });
  const start = (Math.max(1, options.page) - 1) * options.pageSize;
  return {
    total: mine.length,
    pageCount: Math.max(1, Math.ceil(mine.length / options.pageSize)),
    rows: mine.slice(start, start + options.pageSize).map((story): QueueRow => {
      const since = story.stepSince ?? story.updatedAt;
      return {
        id: story.id, headline: story.headline || '（无标题）', author: story.createdBy?.name ?? story.byline ?? '', wordCount: story.wordCount,
        waiting: elapsedText(since, now), waitingSince: since.toISOString(),
        level: levelName(story.reviewLevel + 1, clampLevels(story.publication.reviewLevels)),
      };
    }),
  };
}
