// Builds a Prisma client for the configured database. Kept apart from lib/db.ts (which is
// server-only) so that scripts and tests can open a client on a database of their choosing.
//
// Prisma bakes the provider into a generated client, so there are two, both generated from the one
// schema (scripts/lib/postgresql-schema.ts): lib/generated/prisma (SQLite) and
// lib/generated/prisma-postgresql. Their models, inputs and results are the same, so the app keeps
// one set of types, SQLite's (`Db`), and the PostgreSQL client is used through it.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from './generated/prisma-postgresql/client';
import { resolveDatabase, type DatabaseConfig, type Env } from './config/database';
import { logQueriesTo, queryLogFile } from './query-log';
import { markKind } from './db-kind';
import { ImmediateTransactionsSqlite } from './sqlite/immediate-transactions';

export type Db = PrismaClient;
/** The client a `$transaction` callback receives. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** How long a writer waits for SQLite's lock before failing (ms). */
const BUSY_TIMEOUT_MS = 10_000;
/** Connections each app process keeps to PostgreSQL. */
const POOL_SIZE = 10;

export function createPrismaClient(env: Env = process.env): Db {
  return createClientFor(resolveDatabase(env), queryLogFile(env));
}

export function createClientFor(config: DatabaseConfig, logFile?: string): Db {
  if (config.kind === 'postgresql') return createPostgresClient(config.url, logFile);
  return logFile ? createLoggingClient(config.sqlitePath, logFile) : createSqliteClient(config.sqlitePath);
}

function adapterFor(sqlitePath: string) {
  // Several processes may write to one file (app instances, scripts): lib/sqlite/immediate-transactions.ts.
  return new ImmediateTransactionsSqlite({ url: `file:${sqlitePath}`, timeout: BUSY_TIMEOUT_MS });
}

export function createSqliteClient(sqlitePath: string): Db {
  return markKind(new PrismaClient({ adapter: adapterFor(sqlitePath) }), 'sqlite');
}

export function createPostgresClient(url: string, logFile?: string): Db {
  const adapter = new PrismaPg({ connectionString: url, max: POOL_SIZE });
  const client = logFile
    ? logQueriesTo(new PostgresPrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }), logFile)
    : new PostgresPrismaClient({ adapter });
  // Same models and queries, generated for the other provider (see above).
  return markKind(client, 'postgresql') as unknown as Db;
}

/** The bench's client (lib/query-log.ts): the same, plus every statement appended to `logFile`. */
function createLoggingClient(sqlitePath: string, logFile: string): Db {
  return markKind(logQueriesTo(new PrismaClient({ adapter: adapterFor(sqlitePath), log: [{ emit: 'event', level: 'query' }] }), logFile), 'sqlite');
}
