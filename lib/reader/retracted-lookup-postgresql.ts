// The 410 lookup on PostgreSQL: a small pool of its own (the proxy runs apart from Prisma's client)
// and one indexed query.
import pg from 'pg';

import { noticeOf, type RetractedLookup, type RetractedRow } from './retracted-row';

export function postgresqlRetractedLookup(url: string): RetractedLookup {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2_000 });
  pool.on('error', () => undefined);
  return async (slug) => {
    const result = await pool.query<RetractedRow>(
      `SELECT a.status, a."retractedAt", a."retractionNote", r.headline
         FROM "Article" a LEFT JOIN "Revision" r ON r.id = a."liveRevisionId"
        WHERE a.slug = $1 AND a."deletedAt" IS NULL`,
      [slug],
    );
    return noticeOf(result.rows[0]);
  };
}
