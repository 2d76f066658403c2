// A list of ids handed to a query as one bound parameter (a JSON array) and read back as a table with
// one column, `id`, by each database's own JSON function. Ids bound one by one cost about 0.1 ms each
// through the driver adapter, and a query that finds them again inside every statement that needs
// them repeats its search (考核: the period's stories, 7 queries × 10 ms; lib/stats/period-articles.ts).
import { kindOf } from '../db-kind';
import { Prisma } from '../generated/prisma/client';

export function idTable(db: object, ids: readonly string[]): Prisma.Sql {
  const json = JSON.stringify(ids);
  return kindOf(db) === 'postgresql'
    ? Prisma.sql`SELECT value AS id FROM json_array_elements_text(${json}::json)`
    : Prisma.sql`SELECT value AS id FROM json_each(${json})`;
}
