// Prisma CLI configuration. The CLI talks to SQLite through the same better-sqlite3 driver adapter the
// app uses, so no native engine has to be downloaded (see README, "Database").
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

import { resolveDatabase, sqlitePathOf } from './lib/config/database';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    // The CLI is used for SQLite only: PostgreSQL's migrations are applied by lib/database/postgresql/migrate.ts.
    return new PrismaBetterSQLite3({ url: `file:${sqlitePathOf(resolveDatabase(process.env))}` });
  },
});
