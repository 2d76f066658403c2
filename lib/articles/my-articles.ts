// "My stories" on the dashboard: the stories a person created or is credited on. Written in SQL
// because the ownership test is an IN over a subquery, answered from two covering indexes
// (Article(createdById, id), ArticleAuthor(userId, articleId)), after which every story is read from
// Article(id, deletedAt, status, updatedAt) alone. Prisma can express it only as a correlated EXISTS
// (`authors: { some }`), which reads every story row, or as a list of ids, which stops at SQLite's
// 999 bound parameters for a prolific reporter. Plain SQL, portable to PostgreSQL.
import type { Db } from '../db-client';
import { Prisma } from '../generated/prisma/client';

export type OwnFilter = { status?: string; q?: string };

function owned(userId: string): Prisma.Sql {
  return Prisma.sql`"deletedAt" IS NULL AND id IN (SELECT id FROM "Article" WHERE "createdById" = ${userId} UNION SELECT "articleId" FROM "ArticleAuthor" WHERE "userId" = ${userId})`;
}

/** `headline LIKE %q%` with the user's % and _ taken literally. */
function filters(filter: OwnFilter): Prisma.Sql {
  const status = filter.status ? Prisma.sql` AND status = ${filter.status}` : Prisma.empty;
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const headline = pattern ? Prisma.sql` AND headline LIKE ${pattern} ESCAPE '\\'` : Prisma.empty;
  return Prisma.sql`${status}${headline}`;
}

export async function ownArticleCounts(db: Db, userId: string): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<
    { status: string; n: bigint | number }[]
  >`SELECT status, count(*) AS n FROM "Article" WHERE ${owned(userId)} GROUP BY status`;
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/** One page of the person's story ids, last changed first, and how many there are. */
export async function ownArticlePage(
  db: Db,
  userId: string,
  filter: OwnFilter,
  page: { skip: number; take: number },
): Promise<{ total: number; ids: string[] }> {
  const where = Prisma.sql`${owned(userId)}${filters(filter)}`;
  const [[count], rows] = await Promise.all([
    db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM "Article" WHERE ${where}`,
    db.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Article" WHERE ${where} ORDER BY "updatedAt" DESC, id LIMIT ${page.take} OFFSET ${page.skip}`,
  ]);
  return { total: Number(count?.n ?? 0), ids: rows.map((row) => row.id) };
}
