// Newsroom reads of stories. Every function checks the caller's capability first.
import 'server-only';
import { db } from '../db';
import { requireUser } from '../auth/require-user';

/** How many of my (non-deleted) stories are in each status, for the dashboard. */
export async function myStoryCounts(): Promise<Record<string, number>> {
  const user = await requireUser('newsroom:enter');
  const rows = await db.article.groupBy({
    by: ['status'],
    where: { deletedAt: null, OR: [{ createdById: user.id }, { authors: { some: { userId: user.id } } }] },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
}
