// The start-up work after migrations (the sample issue, the first admin, the search index) done by one
// instance at a time: several instances started together on one PostgreSQL database each found the
// search tables missing and created them at once, and one failed ("duplicate key value violates unique
// constraint pg_class_relname_nsp_index"). A session advisory lock, held on a connection of its own
// while the work runs on the app's client; the next instance then finds everything done.
import { withPostgres } from './connect';

const STARTUP_LOCK_KEY = 72_707_370; // not the migrations' key: they take theirs inside their own step

export async function withStartupLock<T>(
  url: string,
  work: () => Promise<T>,
  waiting: () => void = () => {},
): Promise<T> {
  return withPostgres(url, async (client) => {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      STARTUP_LOCK_KEY,
    ]);
    if (!rows[0]?.locked) {
      waiting();
      await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    }
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  });
}
