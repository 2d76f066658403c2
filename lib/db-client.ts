// Builds a Prisma client for the configured database. Kept apart from lib/db.ts (which is
// server-only) so that scripts and tests can open a client on a database of their choosing.
//
// Prisma bakes the provider into a generated client, so there are two, both generated from the one
// schema (server/postgresql-schema.ts): lib/generated/prisma (SQLite) and
// lib/generated/prisma-postgresql. Their models, inputs and results are the same, so the app keeps
// one set of types, SQLite's (`Db`), and the PostgreSQL client is used through it.
import { PrismaPg } from '@prisma/adapter-pg';

import { DEFAULT_POOL_SIZE, resolveDatabase, resolvePoolSize, type DatabaseConfig, type Env } from './config/database';
import { markKind } from './db-kind';
import { PrismaClient as PostgresPrismaClient } from './generated/prisma-postgresql/client';
import { PrismaClient } from './generated/prisma/client';
import { logQueriesTo, queryLogFile } from './query-log';
import { ImmediateTransactionsSqlite } from './sqlite/immediate-transactions';

export type Db = PrismaClient;
/** The client a `$transaction` callback receives. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** How long a writer waits for SQLite's lock before failing (ms). */
const BUSY_TIMEOUT_MS = 10_000;
export function createPrismaClient(env: Env = process.env): Db {
  return createClientFor(resolveDatabase(env), queryLogFile(env), resolvePoolSize(env));
}

export function createClientFor(config: DatabaseConfig, logFile?: string, poolSize = DEFAULT_POOL_SIZE): Db {
  if (config.kind === 'postgresql') return createPostgresClient(config.url, logFile, poolSize);
  return logFile ? createLoggingClient(config.sqlitePath, logFile) : createSqliteClient(config.sqlitePath);
}

function adapterFor(sqlitePath: string) {
  // Several processes may write to one file (app instances, scripts): lib/sqlite/immediate-transactions.ts.
  return new ImmediateTransactionsSqlite({ url: `file:${sqlitePath}`, timeout: BUSY_TIMEOUT_MS });
}

export function createSqliteClient(sqlitePath: string): Db {
  return markKind(new PrismaClient({ adapter: adapterFor(sqlitePath) }), 'sqlite');
}

/** `poolSize`: connections this client may open (DATABASE_POOL_SIZE, lib/config/database.ts). */
export function createPostgresClient(url: string, logFile?: string, poolSize = DEFAULT_POOL_SIZE): Db {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize });
  const client = logFile
    ? logQueriesTo(new PostgresPrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }), logFile)
    : new PostgresPrismaClient({ adapter });
  // Same models and queries, generated for the other provider (see above).
  return markKind(client, 'postgresql') as unknown as Db;
}

/** The bench's client (lib/query-log.ts): the same, plus every statement appended to `logFile`. */
function createLoggingClient(sqlitePath: string, logFile: string): Db {
  return markKind(
    logQueriesTo(
      new PrismaClient({ adapter: adapterFor(sqlitePath), log: [{ emit: 'event', level: 'query' }] }),
      logFile,
    ),
    'sqlite',
  );
}
