// A Prisma client on this test file's own database (set up by per-file-database.ts).
import { createPrismaClient } from '../../lib/db-client';

export function openTestDatabase() {
  return createPrismaClient(process.env);
}
