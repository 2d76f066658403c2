// Builds a Prisma client on the better-sqlite3 driver adapter. Kept apart from lib/db.ts (which is
// server-only) so that scripts and tests can open a client on a database of their choosing.
import { PrismaClient } from './generated/prisma/client';
import { resolveDatabase, type Env } from './config/database';
import { logQueriesTo, queryLogFile } from './query-log';
import { ImmediateTransactionsSqlite } from './sqlite/immediate-transactions';

export type Db = PrismaClient;
/** The client a `$transaction` callback receives. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** How long a writer waits for SQLite's lock before failing (ms). */
const BUSY_TIMEOUT_MS = 10_000;

export function createPrismaClient(env: Env = process.env): Db {
  const config = resolveDatabase(env);
  const logFile = queryLogFile(env);
  return logFile ? createLoggingClient(config.sqlitePath, logFile) : createSqliteClient(config.sqlitePath);
}

function adapterFor(sqlitePath: string) {
  // Several processes may write to one file (app instances, scripts): lib/sqlite/immediate-transactions.ts.
  return new ImmediateTransactionsSqlite({ url: `file:${sqlitePath}`, timeout: BUSY_TIMEOUT_MS });
}

export function createSqliteClient(sqlitePath: string): Db {
  return new PrismaClient({ adapter: adapterFor(sqlitePath) });
}

/** The bench's client (lib/query-log.ts): the same, plus every statement appended to `logFile`. */
function createLoggingClient(sqlitePath: string, logFile: string): Db {
  return logQueriesTo(new PrismaClient({ adapter: adapterFor(sqlitePath), log: [{ emit: 'event', level: 'query' }] }), logFile);
}
