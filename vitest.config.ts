import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const shared = {
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests run the same modules in Node.
      'server-only': path.resolve(import.meta.dirname, 'test/support/empty-module.ts'),
    },
  },
};

const sqlite: TestProjectInlineConfiguration = {
  ...shared,
  test: {
    name: 'sqlite',
    include: [
      'lib/**/*.test.ts',
      'seeds/**/*.test.ts',
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
      'test/**/*.test.ts',
      'components/**/*.test.ts?(x)',
    ],
    exclude: ['**/*.postgresql.test.ts', '**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/per-file-database.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
};

// The database suite again on PostgreSQL, in a throwaway cluster (test/support/postgresql-global-setup.ts):
// every test file that works through the Prisma client, plus the PostgreSQL-only files. Left out are
// the files about SQLite itself (its FTS5 layout, its files, query plans and locks).
const SQLITE_ONLY = [
  'lib/articles/dashboard-plans.test.ts',
  'lib/articles/history-upgrade.test.ts',
  'lib/backup/backup.test.ts',
  'lib/search/relayout.test.ts',
  'server/cli-database.test.ts',
  'test/start.test.ts',
];
const DATABASE_SUITE = [
  'lib/articles/*.test.ts',
  'lib/audit/*.test.ts',
  'lib/auth/*.test.ts',
  'lib/importer/import-service.test.ts',
  'lib/issues/*-service.test.ts',
  'lib/issues/export-issue.test.ts',
  'lib/media/*.test.ts',
  'lib/reader/reader.test.ts',
  'lib/reader/published-copy.test.ts',
  'lib/reader/article-view.test.ts',
  'lib/epaper/service.test.ts',
  'lib/epaper/cleanup.test.ts',
  'lib/epaper/prune.test.ts',
  'lib/search/*.test.ts',
  'lib/settings/*.test.ts',
  'lib/stats/*.test.ts',
  'lib/users/*-service.test.ts',
  'lib/users/password-change.test.ts',
  'lib/users/first-admin.test.ts',
  'lib/security/*.test.ts',
  'lib/workflow/*.test.ts',
  'lib/database/**/*.test.ts',
  'lib/cache/pg-tag-invalidations.test.ts',
  'lib/collab/**/*.test.ts',
  'seeds/*.test.ts',
  'test/**/*.postgresql.test.ts',
  'lib/**/*.postgresql.test.ts',
  'test/authorization.test.ts',
  'test/proxy.test.ts',
];
const postgresql: TestProjectInlineConfiguration = {
  ...shared,
  test: {
    ...sqlite.test,
    name: 'postgresql',
    include: DATABASE_SUITE,
    exclude: [...SQLITE_ONLY, '**/node_modules/**'],
    globalSetup: ['test/support/postgresql-global-setup.ts'],
  },
};

// The same test as test/support/scratch-postgres.ts postgresBin() (imported here, Vite's config loader warns).
const installed = (root: string) =>
  fs.existsSync(root) &&
  fs.readdirSync(root).some((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')));
const hasPostgres =
  process.env.NEWSROOM_TEST_POSTGRESQL !== '0' &&
  (process.env.PG_BIN ? fs.existsSync(path.join(process.env.PG_BIN, 'initdb')) : installed('/usr/lib/postgresql'));
if (!hasPostgres) {
  console.warn(
    'PostgreSQL is not installed here (no /usr/lib/postgresql/*/bin/initdb): the database tests run on SQLite only, PostgreSQL skipped.',
  );
}

export default defineConfig({
  ...shared,
  test: { projects: hasPostgres ? [sqlite, postgresql] : [sqlite] },
});
