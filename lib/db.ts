// The one Prisma client. Everything that touches the database imports `db` from here.
import 'server-only';
import { createPrismaClient, type Db } from './db-client';

const globalForDb = globalThis as unknown as { __newsroomDb?: Db };

// Reuse one client across hot reloads in development and across route modules in production.
export const db: Db = globalForDb.__newsroomDb ?? createPrismaClient();
globalForDb.__newsroomDb = db;
