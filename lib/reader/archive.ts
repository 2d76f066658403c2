// The archive: every visible issue by year and month. Issue dates are 'YYYY-MM-DD' strings, so a
// month is a string range on an indexed column and stays fast with thousands of issues.
import type { Db } from '../db-client';
import { visibleArticleWhere, visibleIssueWhere } from '../revisions/visibility';

export type ArchiveMonth = { year: number; month: number; count: number };
export type ArchiveIssue = { number: number; date: string; pageCount: number; lead: string | null };

export async function readArchiveMonths(db: Db, now: Date): Promise<ArchiveMonth[]> {
  const rows = await db.issue.groupBy({ by: ['date'], where: visibleIssueWhere(now), _count: { _all: true } });
  const months = new Map<string, ArchiveMonth>();
  for (const row of rows) {
    const key = row.date.slice(0, 7);
    const entry = months.get(key) ?? { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)), count: 0 };
    entry.count += row._count._all;
    months.set(key, entry);
  }
  return [...months.values()].sort((a, b) => b.year - a.year || b.month - a.month);
}

export async function readArchiveMonth(db: Db, year: number, month: number, now: Date): Promise<ArchiveIssue[]> {
  const prefix = `${year}-${String(month).padStart(2, '0')}`;
  const issues = await db.issue.findMany({
    where: { ...visibleIssueWhere(now), date: { gte: `${prefix}-01`, lte: `${prefix}-31` } },
    orderBy: [{ date: 'asc' }, { number: 'asc' }],
    select: {
      number: true,
      date: true,
      pageCount: true,
      pages: {
        where: { number: 1 },
        select: {
          placements: {
            where: { isContinuation: false, article: visibleArticleWhere(now) },
            orderBy: { position: 'asc' },
            take: 1,
            select: { article: { select: { liveRevision: { select: { headline: true } } } } },
          },
        },
      },
    },
  });
  return issues.map((issue) => ({
    number: issue.number,
    date: issue.date,
    pageCount: issue.pageCount,
    lead: issue.pages[0]?.placements[0]?.article.liveRevision?.headline ?? null,
  }));
}
