// How the command-line tools (import, export) open the database, also while the server is running.
// Prisma's `migrate deploy` cannot take SQLite's lock beside a running server, so it is run only when
// a migration is actually pending: read-only commands never migrate (they ask for it to be done
// first), and a writing command that finds one pending tries for a while, then says what to do.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { resolveDatabase, type Env } from '../../lib/config/database';
import { createSqliteClient, type Db } from '../../lib/db-client';
import { applyMigrations, prepare } from './prepare';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'migrations');

/** A problem the person can fix, said in one line. */
export class CliDatabaseError extends Error {}

/** Names of the migration folders not yet applied to the database at sqlitePath (read-only look). */
export function pendingMigrations(sqlitePath: string, migrationsDir = MIGRATIONS_DIR): string[] {
  const known = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
  const sqlite = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return known;
    const rows = sqlite.prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as { name: string }[];
    const applied = new Set(rows.map((row) => row.name));
    return known.filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

const STOP_AND_MIGRATE = '请先停止服务器，运行 npm run db:migrate（或 npm start），然后重试';

/** A client for a command that only reads: never migrates, never creates anything. */
export function openForReading(env: Env): Db {
  const { sqlitePath } = resolveDatabase(env);
  if (!fs.existsSync(sqlitePath)) throw new CliDatabaseError(`没有数据库 ${sqlitePath}：先运行 npm start，或设置 DATA_DIR`);
  const pending = pendingMigrations(sqlitePath);
  if (pending.length) throw new CliDatabaseError(`数据库还有 ${pending.length} 个迁移没有应用：${STOP_AND_MIGRATE}`);
  return createSqliteClient(sqlitePath);
}

type Wait = { attempts: number; pauseMs: number };

/**
 * A client for a command that writes. A missing database is set up as on first start (no server can
 * be using it); pending migrations are applied, retried while the database is busy.
 */
export async function openForWriting(env: Env, wait: Wait = { attempts: 3, pauseMs: 2000 }): Promise<Db> {
  const { sqlitePath } = resolveDatabase(env);
  if (!fs.existsSync(sqlitePath)) {
    await prepare(env);
    return createSqliteClient(sqlitePath);
  }
  const pending = pendingMigrations(sqlitePath);
  for (let attempt = 1; pending.length && attempt <= wait.attempts; attempt += 1) {
    try {
      applyMigrations(env, sqlitePath);
      return createSqliteClient(sqlitePath);
    } catch {
      if (attempt < wait.attempts) await new Promise((resolve) => setTimeout(resolve, wait.pauseMs));
    }
  }
  if (pending.length) throw new CliDatabaseError(`无法应用 ${pending.length} 个待应用的迁移（数据库可能正被运行中的服务器使用）：${STOP_AND_MIGRATE}`);
  return createSqliteClient(sqlitePath);
}
