// Rows gathered into one JSON text per group, and instants written as UTC ISO text, by each database's
// own functions. A query that returns a story's list in one row instead of one row per item saves the
// driver adapter's cost per row (about 3 µs through Prisma, and the garbage it leaves: 考核's 9,000
// sign-off rows of a month; lib/stats/period-articles.ts).
import { kindOf } from '../db-kind';
import { Prisma } from '../generated/prisma/client';

/** `item` (an SQL expression) over the rows of `rest` (`FROM … WHERE …`), as a JSON array text; '[]' for none. */
export function jsonList(db: object, item: Prisma.Sql, rest: Prisma.Sql): Prisma.Sql {
  return kindOf(db) === 'postgresql'
    ? Prisma.sql`(SELECT coalesce(json_agg(${item}), '[]'::json)::text ${rest})`
    : Prisma.sql`(SELECT json_group_array(${item}) ${rest})`;
}

/** A JSON array of the given SQL expressions (one item of a list). */
export function jsonArray(db: object, values: readonly Prisma.Sql[]): Prisma.Sql {
  return kindOf(db) === 'postgresql'
    ? Prisma.sql`json_build_array(${Prisma.join(values)})`
    : Prisma.sql`json_array(${Prisma.join(values)})`;
}

/** A stored instant as UTC ISO 8601 text with milliseconds ('2026-11-03T03:00:00.000Z'), as `new Date` reads it. */
export function utcIso(db: object, column: Prisma.Sql): Prisma.Sql {
  return kindOf(db) === 'postgresql'
    ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : Prisma.sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`;
}
