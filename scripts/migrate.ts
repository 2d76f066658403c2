// `npm run db:migrate`: applies pending migrations (prisma migrate deploy) to the configured database,
// then merges revision history written before coalescing (lib/articles/history-merge.ts).
import { resolveDatabase } from '../lib/config/database';
import { ensureDataDir } from '../lib/config/data-dir';
import { createSqliteClient } from '../lib/db-client';
import { mergeOldHistory } from '../lib/articles/history-merge';
import { applyMigrations } from './lib/prepare';

try {
  ensureDataDir(process.env);
  const { sqlitePath } = resolveDatabase(process.env);
  applyMigrations(process.env, sqlitePath);
  console.log('数据库迁移已全部应用');
  const db = createSqliteClient(sqlitePath);
  try {
    const merged = await mergeOldHistory(db, (line) => console.log(line));
    if (!merged.stories.length) console.log('修订历史无需合并');
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
