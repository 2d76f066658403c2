// The review queue: stories waiting at a level this reviewer may sign, oldest first.
// canApprove's rules are written into the query (queueWhere), so the database filters, counts and
// pages however many stories wait; the index Article(status, stepSince, updatedAt) walks them in order.
import 'server-only';

import type { Actor } from '../access/actor';
import { requireUser } from '../auth/require-user';
import { elapsedText } from '../dates/elapsed';
import { db } from '../db';
import type { Db } from '../db-client';
import type { Prisma } from '../generated/prisma/client';
import type { Role } from '../generated/prisma/enums';
import { canSignLevel, clampLevels, levelName } from './rules';

/** The newsroom dashboard's lists (this queue, and my, scheduled, published and trashed stories) show this many a page. */
export const LIST_PAGE_SIZE = 10;

export type QueueRow = {
  id: string;
  headline: string;
  author: string;
  wordCount: number;
  waiting: string;
  waitingSince: string;
  level: string;
};

type PublicationLevels = { id: string; reviewLevels: number };

/** The levels a role signs when a publication requires `requiredLevels` (canSignLevel, enumerated). */
export function signableLevels(role: Role, requiredLevels: number): number[] {
  return Array.from({ length: requiredLevels }, (_, index) => index + 1).filter((level) =>
    canSignLevel(role, level, requiredLevels),
  );
}

/**
 * canApprove as a filter, or null when the reviewer may sign nothing: in review, not deleted, not the reviewer's own story (creator or credited
 * author), waiting at a level the reviewer's role signs, and no approval of theirs at another level
 * of the story that still counts.
 */
export function queueWhere(
  reviewer: Pick<Actor, 'id' | 'role'>,
  publications: PublicationLevels[],
  q?: string,
): Prisma.ArticleWhereInput | null {
  const byRequired = new Map<number, string[]>();
  for (const publication of publications) {
    const required = clampLevels(publication.reviewLevels);
    byRequired.set(required, [...(byRequired.get(required) ?? []), publication.id]);
  }
  // One publication (the usual case) or several with the same levels need no publication filter.
  const single = byRequired.size === 1;
  const waitingAtMyLevel: Prisma.ArticleWhereInput[] = [...byRequired].flatMap(([required, ids]) =>
    signableLevels(reviewer.role, required).map((level) => ({
      ...(single ? {} : { publicationId: { in: ids } }),
      reviewLevel: level - 1,
      signoffs: {
        none: { reviewerId: reviewer.id, clearedAt: null, decision: 'APPROVE' as const, level: { not: level } },
      },
    })),
  );
  // A role that signs no level has an empty queue (Prisma reads an empty OR as no condition at all).
  if (waitingAtMyLevel.length === 0) return null;
  return {
    status: 'SUBMITTED',
    deletedAt: null,
    authors: { none: { userId: reviewer.id } },
    ...(q ? { headline: { contains: q } } : {}),
    AND: [{ OR: [{ createdById: null }, { createdById: { not: reviewer.id } }] }, { OR: waitingAtMyLevel }],
  };
}

export async function reviewQueueFor(
  db: Db,
  reviewer: Pick<Actor, 'id' | 'role'>,
  options: { q?: string; page: number; pageSize: number },
  now = new Date(),
) {
  const publications = await db.publication.findMany({ select: { id: true, reviewLevels: true } });
  const required = new Map(publications.map((publication) => [publication.id, clampLevels(publication.reviewLevels)]));
  const where = queueWhere(reviewer, publications, options.q);
  if (!where) return { total: 0, pageCount: 1, rows: [] };
  const [total, stories] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ stepSince: 'asc' }, { updatedAt: 'asc' }],
      skip: (Math.max(1, options.page) - 1) * options.pageSize,
      take: options.pageSize,
      select: {
        id: true,
        headline: true,
        wordCount: true,
        reviewLevel: true,
        byline: true,
        stepSince: true,
        updatedAt: true,
        publicationId: true,
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / options.pageSize)),
    rows: stories.map((story): QueueRow => {
      const since = story.stepSince ?? story.updatedAt;
      return {
        id: story.id,
        headline: story.headline || '（无标题）',
        author: story.createdBy?.name ?? story.byline ?? '',
        wordCount: story.wordCount,
        waiting: elapsedText(since, now),
        waitingSince: since.toISOString(),
        level: levelName(story.reviewLevel + 1, required.get(story.publicationId) ?? clampLevels(3)),
      };
    }),
  };
}

/** The signed-in reviewer's queue, one page of the dashboard. */
export async function listReviewQueue(filter: { q?: string; page?: number }) {
  const user = await requireUser('article:review');
  return reviewQueueFor(db, user, { q: filter.q?.slice(0, 100), page: filter.page ?? 1, pageSize: LIST_PAGE_SIZE });
}
