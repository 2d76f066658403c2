// `npm run db:migrate`: applies pending migrations (prisma migrate deploy) to the configured database.
import { resolveDatabase } from '../lib/config/database';
import { ensureDataDir } from '../lib/config/data-dir';
import { applyMigrations } from './lib/prepare';

try {
  ensureDataDir(process.env);
  applyMigrations(process.env, resolveDatabase(process.env).sqlitePath);
  console.log('数据库迁移已全部应用');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
