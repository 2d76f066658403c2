// The one Prisma client. Everything that touches the database imports `db` from here.
import 'server-only';

import { resolveDatabase, type DatabaseConfig } from './config/database';
import { createPrismaClient, type Db } from './db-client';

const globalForDb = globalThis as unknown as { __newsroomDb?: Db };

// Reuse one client across hot reloads in development and across route modules in production.
export const db: Db = globalForDb.__newsroomDb ?? createPrismaClient();
globalForDb.__newsroomDb = db;

/**
 * Which database this process runs on (and, for PostgreSQL, its URL), for code that needs a
 * connection of its own (LISTEN/NOTIFY). Feature code does not branch on it: each concern that
 * differs has an implementation per database (lib/database/).
 */
export function databaseConfig(): DatabaseConfig {
  return resolveDatabase(process.env);
}
