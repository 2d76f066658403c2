// What /api/health reports: the database answers, and every migration shipped with this build has
// been applied to it (together: `ok`, and the status 200 or 503). Beside them, whether the co-editing
// process answers (`collab`): reported, but not part of `ok`, so an instance is not taken for broken
// (by the benchmarks' and start-up's health waits) while the supervisor restarts co-editing.
import 'server-only';

import path from 'node:path';

import { migrationsDir, shippedMigrationNames } from '../database/migration-files';
import { databaseConfig, db } from '../db';
import { collabHealth, type CollabHealth } from './collab';

export type Health = {
  ok: boolean;
  database: 'ok' | 'unreachable';
  migrations: { expected: number; applied: number; pending: string[] };
  /** The co-editing process this server relays /collab to: answering, not answering, or none (COLLAB_PORT unset). */
  collab: CollabHealth;
};

/** This database's history (prisma/migrations or prisma/migrations-postgresql). */
function shippedMigrations(): string[] {
  return shippedMigrationNames(migrationsDir(databaseConfig().kind, path.join(process.cwd(), 'prisma')));
}

export async function checkHealth(): Promise<Health> {
  const [database, collab] = await Promise.all([databaseHealth(), collabHealth(process.env)]);
  return { ...database, collab };
}

async function databaseHealth(): Promise<Omit<Health, 'collab'>> {
  const expected = shippedMigrations();
  let applied: string[];
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((row) => row.migration_name);
  } catch {
    return {
      ok: false,
      database: 'unreachable',
      migrations: { expected: expected.length, applied: 0, pending: expected },
    };
  }
  const pending = expected.filter((name) => !applied.includes(name));
  return {
    ok: pending.length === 0,
    database: 'ok',
    migrations: { expected: expected.length, applied: applied.length, pending },
  };
}
