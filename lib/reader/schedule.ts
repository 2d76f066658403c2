// Upcoming publish times (scheduled issues and stories). The public cache keys on how many of them
// have passed, so a cached page never outlives the next scheduled time and nothing has to fire.
import type { Db } from '../db-client';

export const SCHEDULE_LOOKAHEAD = 200;

export async function upcomingPublishTimes(db: Db, now: Date): Promise<number[]> {
  const [articles, issues] = await Promise.all([
    db.article.findMany({
      where: { liveRevisionId: { not: null }, publishAt: { gt: now }, retractedAt: null, deletedAt: null },
      orderBy: { publishAt: 'asc' },
      take: SCHEDULE_LOOKAHEAD,
      select: { publishAt: true },
    }),
    db.issue.findMany({
      where: { status: 'PUBLISHED', publishAt: { gt: now } },
      orderBy: { publishAt: 'asc' },
      take: SCHEDULE_LOOKAHEAD,
      select: { publishAt: true },
    }),
  ]);
  return [...articles, ...issues]
    .map((row) => row.publishAt!.getTime())
    .sort((a, b) => a - b)
    .slice(0, SCHEDULE_LOOKAHEAD);
}

/** How many of the listed times have passed: changes exactly when a scheduled item becomes visible. */
export function scheduleEpoch(times: readonly number[], now: Date): number {
  let passed = 0;
  for (const time of times) if (time <= now.getTime()) passed += 1;
  return passed;
}
