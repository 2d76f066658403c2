// What the journeys check in the database behind the server: the same client the app uses, on the
// database the global setup gave the server (SQLite in the data directory, or E2E_DATABASE_URL's
// PostgreSQL), so a check holds on either.
import fs from 'node:fs';

import { createPrismaClient, type Db } from '../../lib/db-client';
import { E2E_SERVER_ENV_FILE } from './env';

/** Where the server keeps its data: what a command-line tool run beside it needs to find the same database. */
export function serverDatabaseEnv(): { DATA_DIR: string; DATABASE_URL: string } {
  const shared = JSON.parse(fs.readFileSync(E2E_SERVER_ENV_FILE, 'utf8')) as Record<string, string>;
  return { DATA_DIR: shared.DATA_DIR!, DATABASE_URL: shared.DATABASE_URL! };
}

/** Runs `work` with a client on the journeys' database and disconnects after. */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = createPrismaClient(serverDatabaseEnv());
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
