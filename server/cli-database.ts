// How the command-line tools (import, export) open the database, also while the server is running.
// Prisma's `migrate deploy` cannot take SQLite's lock beside a running server, so it is run only when
// a migration is actually pending: read-only commands never migrate (they ask for it to be done
// first), and a writing command that finds one pending tries for a while, then says what to do.
// On PostgreSQL the same rules hold; the checks go through database-setup.ts.
import fs from 'node:fs';

import { resolveDatabase, type Env } from '../lib/config/database';
import { createClientFor, type Db } from '../lib/db-client';
import { databaseSetup, sqlitePendingMigrations } from './database-setup';
import { prepare } from './prepare';

/** A problem the person can fix, said in one line. */
export class CliDatabaseError extends Error {}

/** Names of the migration folders not yet applied to the SQLite database at sqlitePath (read-only look). */
export function pendingMigrations(sqlitePath: string, migrationsDir?: string): string[] {
  return sqlitePendingMigrations(sqlitePath, migrationsDir);
}

const STOP_AND_MIGRATE = '请先停止服务器，运行 npm run db:migrate（或 npm start），然后重试';

/** A client for a command that only reads: never migrates, never creates anything. */
export async function openForReading(env: Env): Promise<Db> {
  const database = resolveDatabase(env);
  if (database.kind === 'sqlite' && !fs.existsSync(database.sqlitePath))
    throw new CliDatabaseError(`没有数据库 ${database.sqlitePath}：先运行 npm start，或设置 DATA_DIR`);
  const pending = await databaseSetup(database, env).pending();
  if (pending.length) throw new CliDatabaseError(`数据库还有 ${pending.length} 个迁移没有应用：${STOP_AND_MIGRATE}`);
  return createClientFor(database);
}

type Wait = { attempts: number; pauseMs: number };

/**
 * A client for a command that writes. A missing database is set up as on first start (no server can
 * be using it); pending migrations are applied, retried while the database is busy.
 */
export async function openForWriting(env: Env, wait: Wait = { attempts: 3, pauseMs: 2000 }): Promise<Db> {
  const database = resolveDatabase(env);
  if (database.kind === 'sqlite' && !fs.existsSync(database.sqlitePath)) {
    await prepare(env);
    return createClientFor(database);
  }
  const setup = databaseSetup(database, env);
  const pending = await setup.pending();
  for (let attempt = 1; pending.length && attempt <= wait.attempts; attempt += 1) {
    try {
      await setup.migrate();
      return createClientFor(database);
    } catch {
      if (attempt < wait.attempts) await new Promise((resolve) => setTimeout(resolve, wait.pauseMs));
    }
  }
  if (pending.length)
    throw new CliDatabaseError(
      `无法应用 ${pending.length} 个待应用的迁移（数据库可能正被运行中的服务器使用）：${STOP_AND_MIGRATE}`,
    );
  return createClientFor(database);
}
