// Start-up checks and migrations, one implementation per database, behind the same three calls:
// which migrations are pending (a read-only look), apply them, and the upkeep after it. Both refuse
// a database migrated by a newer program and report a migration that failed part-way instead of
// repeating it (lib/database/migration-files.ts).
import fs from 'node:fs';
import Database from 'better-sqlite3';

import { ConfigError, type DatabaseConfig, type Env } from '../lib/config/database';
import {
  historyProblem,
  migrationsDir,
  pendingOf,
  shippedMigrationNames,
  type AppliedMigration,
} from '../lib/database/migration-files';
import { withPostgres } from '../lib/database/postgresql/connect';
import { appliedMigrations, migratePostgres } from '../lib/database/postgresql/migrate';
import { withStartupLock } from '../lib/database/postgresql/startup-lock';
import { refreshPlannerStatistics } from '../lib/db-statistics';
import { runPrisma } from './prisma-cli';

export type DatabaseSetup = {
  /** Migrations not yet applied (throws the one-line problem when the history cannot be used). */
  pending(): Promise<string[]>;
  /** Applies what is pending; returns the names applied. */
  migrate(): Promise<string[]>;
  /**
   * Runs start-up work that instances started together must not do at once (PostgreSQL: one at a time;
   * SQLite: as it is, its instances share one machine and `npm run start:cluster` prepares once).
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** The DATABASE_URL the server and child processes are given. */
  url: string;
};

function sqliteApplied(sqlitePath: string): AppliedMigration[] {
  if (!fs.existsSync(sqlitePath)) return [];
  const sqlite = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    if (!sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get())
      return [];
    const rows = sqlite
      .prepare(
        'SELECT migration_name AS name, checksum, finished_at AS f, rolled_back_at AS r, logs, started_at AS s FROM _prisma_migrations',
      )
      .all() as {
      name: string;
      checksum: string;
      f: unknown;
      r: unknown;
      logs: string | null;
      s: string | number;
    }[];
    return rows.map((row) => ({
      name: row.name,
      checksum: row.checksum,
      finished: row.f !== null,
      rolledBack: row.r !== null,
      logs: row.logs,
      startedAt: new Date(row.s),
    }));
  } finally {
    sqlite.close();
  }
}

function checked(shipped: string[], applied: AppliedMigration[]): string[] {
  const problem = historyProblem(shipped, applied);
  if (problem) throw new ConfigError(problem);
  return pendingOf(shipped, applied);
}

/** SQLite: Prisma's own `migrate deploy` (it works through the adapter here), then WAL and planner statistics. */
export function applySqliteMigrations(env: Env, sqlitePath: string): void {
  checked(shippedMigrationNames(migrationsDir('sqlite')), sqliteApplied(sqlitePath));
  const result = runPrisma(['migrate', 'deploy'], {
    env: { ...process.env, ...env, DATABASE_URL: `file:${sqlitePath}` },
    capture: true,
  });
  if (result.status !== 0) {
    throw new Error(`数据库迁移失败：\n${result.stdout}${result.stderr}`);
  }
  // WAL lets readers carry on while a writer commits; the mode is stored in the file itself.
  const sqlite = new Database(sqlitePath);
  try {
    sqlite.pragma('journal_mode = WAL');
    // Fresh planner statistics (lib/db-statistics.ts): without them SQLite picks the wrong index.
    refreshPlannerStatistics(sqlite);
  } finally {
    sqlite.close();
  }
}

export function sqlitePendingMigrations(sqlitePath: string, dir = migrationsDir('sqlite')): string[] {
  return checked(shippedMigrationNames(dir), sqliteApplied(sqlitePath));
}

export function databaseSetup(config: DatabaseConfig, env: Env): DatabaseSetup {
  if (config.kind === 'postgresql') {
    const dir = migrationsDir('postgresql');
    return {
      url: config.url,
      exclusively: (work) =>
        withStartupLock(config.url, work, () => console.log('另一个实例正在做启动准备，等待它完成…')),
      pending: () =>
        withPostgres(config.url, async (client) =>
          checked(shippedMigrationNames(dir), await appliedMigrations(client)),
        ),
      migrate: () =>
        withPostgres(config.url, async (client) => {
          const result = await migratePostgres(client, dir);
          for (const warning of result.warnings) console.warn(warning);
          // PostgreSQL's autovacuum keeps planner statistics; nothing else to tune here.
          return result.applied;
        }),
    };
  }
  const { sqlitePath } = config;
  return {
    url: `file:${sqlitePath}`,
    exclusively: (work) => work(),
    pending: async () => sqlitePendingMigrations(sqlitePath),
    migrate: async () => {
      const before = sqlitePendingMigrations(sqlitePath);
      applySqliteMigrations(env, sqlitePath);
      return before;
    },
  };
}
