// Builds a Prisma client on the better-sqlite3 driver adapter. Kept apart from lib/db.ts (which is
// server-only) so that scripts and tests can open a client on a database of their choosing.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/prisma/client';
import { resolveDatabase, type Env } from './config/database';

export type Db = PrismaClient;
/** The client a `$transaction` callback receives. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** How long a writer waits for SQLite's lock before failing (ms). */
const BUSY_TIMEOUT_MS = 10_000;

export function createPrismaClient(env: Env = process.env): Db {
  const config = resolveDatabase(env);
  return createSqliteClient(config.sqlitePath);
}

export function createSqliteClient(sqlitePath: string): Db {
  const adapter = new PrismaBetterSQLite3({ url: `file:${sqlitePath}`, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}
