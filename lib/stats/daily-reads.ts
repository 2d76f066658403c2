// 每日阅读数 for the 考核 page's line chart (issue 34): reads per calendar day within the period, of every
// story (an editor's view) or of the stories the person is credited on (their own view). A day nobody
// read anything is a 0, so the line has one point per day. Reads are counted by day (ArticleRead), so
// this is the period's days as readers lived them, whichever month a story itself counts in.
import type { Db } from '../db-client';
import { idChunks } from './id-chunks';
import type { StatsPeriod } from './period';

export type DailyReads = { day: string; reads: number };

/** Every day from `firstDay` to `lastDay`, inclusive (calendar dates, no time zone involved). */
export function daysOf(firstDay: string, lastDay: string): string[] {
  const days: string[] = [];
  const day = new Date(`${firstDay}T00:00:00Z`);
  const last = new Date(`${lastDay}T00:00:00Z`);
  while (day <= last) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

/** The counted days filled in with zeros. Pure. */
export function fillDays(period: Pick<StatsPeriod, 'firstDay' | 'lastDay'>, counted: readonly DailyReads[]) {
  const byDay = new Map(counted.map((row) => [row.day, row.reads]));
  return daysOf(period.firstDay, period.lastDay).map((day) => ({ day, reads: byDay.get(day) ?? 0 }));
}

/**
 * `userId` null: every story's reads; else only those of stories crediting that account. Every story's
 * is one pass over the period's days in the (day, count) index; a person's, their stories' ids first
 * (ArticleAuthor's userId index), then the (articleId, day, count) index for each: a filter on the
 * relation would have looked at every read of the period (bench:stats: some 300,000 rows a month).
 */
export async function dailyReads(db: Db, period: StatsPeriod, userId: string | null): Promise<DailyReads[]> {
  const days = { gte: period.firstDay, lte: period.lastDay };
  if (!userId) {
    const rows = await db.articleRead.groupBy({ by: ['day'], where: { day: days }, _sum: { count: true } });
    return fillDays(
      period,
      rows.map((row) => ({ day: row.day, reads: row._sum.count ?? 0 })),
    );
  }
  const credited = await db.articleAuthor.findMany({ where: { userId }, select: { articleId: true } });
  const ids = [...new Set(credited.map((row) => row.articleId))];
  const parts = await Promise.all(
    idChunks(ids).map((chunk) =>
      db.articleRead.groupBy({
        by: ['day'],
        where: { articleId: { in: chunk }, day: days },
        _sum: { count: true },
      }),
    ),
  );
  const byDay = new Map<string, number>();
  for (const row of parts.flat()) byDay.set(row.day, (byDay.get(row.day) ?? 0) + (row._sum.count ?? 0));
  return fillDays(
    period,
    [...byDay].map(([day, reads]) => ({ day, reads })),
  );
}
