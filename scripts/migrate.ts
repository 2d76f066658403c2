// `npm run db:migrate`: applies pending migrations to the configured database (SQLite: prisma migrate
// deploy; PostgreSQL: lib/database/postgresql/migrate.ts), then merges revision history written
// before coalescing (lib/articles/history-merge.ts) and chains audit events written before the hash
// chain existed (lib/audit/seal.ts).
import { mergeOldHistory } from '../lib/articles/history-merge';
import { sealUnchainedEvents } from '../lib/audit/seal';
import { ensureDataDir } from '../lib/config/data-dir';
import { ConfigError, resolveDatabase } from '../lib/config/database';
import { createClientFor } from '../lib/db-client';
import { databaseSetup } from '../server/database-setup';

try {
  ensureDataDir(process.env);
  const database = resolveDatabase(process.env);
  const applied = await databaseSetup(database, process.env).migrate();
  console.log(applied.length ? `已应用 ${applied.length} 个迁移：${applied.join('、')}` : '没有待应用的迁移');
  console.log('数据库迁移已全部应用');
  const db = createClientFor(database);
  try {
    const merged = await mergeOldHistory(db, (line) => console.log(line));
    if (!merged.stories.length) console.log('修订历史无需合并');
    const sealed = await sealUnchainedEvents(db);
    if (sealed) console.log(`已为此前的 ${sealed} 条审计记录补上哈希链`);
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
}
