// Which TagInvalidations an instance uses: PostgreSQL's LISTEN/NOTIFY when the newsroom runs on
// PostgreSQL (instances may then be on several machines), otherwise the shared file next to the
// SQLite database (instances of one SQLite file are necessarily on one machine).
import path from 'node:path';
import { resolveDataDir, type Env } from '../config/database';
import { PgTagInvalidations } from './pg-tag-invalidations';
import { SqliteTagInvalidations } from './sqlite-tag-invalidations';
import type { TagInvalidations } from './tag-invalidations';

export const TAG_FILE = 'cache-tags.db';

export function isPostgresUrl(url: string | undefined): url is string {
  return /^postgres(ql)?:\/\//i.test(url?.trim() ?? '');
}

export function invalidationsFor(env: Env): TagInvalidations {
  const url = env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const pg = new PgTagInvalidations({ connectionString: url.trim() });
    // Until LISTEN is in place nothing cached is served (expiredAt answers "now"); failures retry.
    pg.listen();
    return pg;
  }
  return new SqliteTagInvalidations(path.join(resolveDataDir(env), TAG_FILE));
}
