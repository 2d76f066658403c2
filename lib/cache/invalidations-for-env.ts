// Which TagInvalidations an instance uses: PostgreSQL's LISTEN/NOTIFY when the newsroom runs on
// PostgreSQL (instances may then be on several machines), otherwise the shared file next to the
// SQLite database (instances of one SQLite file are necessarily on one machine).
// READER_CACHE_PG_URL names the PostgreSQL to broadcast through when it is not the newsroom's database
// (for example to run the PostgreSQL broadcast with instances still on SQLite).
import path from 'node:path';

import { resolveDataDir, type Env } from '../config/database';
import { PgTagInvalidations } from './pg-tag-invalidations';
import { SqliteTagInvalidations } from './sqlite-tag-invalidations';
import type { TagInvalidations } from './tag-invalidations';

export const TAG_FILE = 'cache-tags.db';

export function isPostgresUrl(url: string | undefined): url is string {
  return /^postgres(ql)?:\/\//i.test(url?.trim() ?? '');
}

/** The PostgreSQL URL to broadcast through, or null for the shared SQLite file. */
export function broadcastUrl(env: Env): string | null {
  const url = env.READER_CACHE_PG_URL?.trim() || env.DATABASE_URL;
  return isPostgresUrl(url) ? url.trim() : null;
}

export function invalidationsFor(env: Env): TagInvalidations {
  const url = broadcastUrl(env);
  if (url) {
    const pg = new PgTagInvalidations({ connectionString: url });
    // Until LISTEN is in place nothing cached is served (expiredAt answers "now"); failures retry.
    pg.listen();
    return pg;
  }
  return new SqliteTagInvalidations(path.join(resolveDataDir(env), TAG_FILE));
}
