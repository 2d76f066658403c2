// What /api/health reports: the database answers, and every migration shipped with this build has
// been applied to it.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { db } from '../db';

export type Health = {
  ok: boolean;
  database: 'ok' | 'unreachable';
  migrations: { expected: number; applied: number; pending: string[] };
};

function shippedMigrations(): string[] {
  const dir = path.join(process.cwd(), 'prisma', 'migrations');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function checkHealth(): Promise<Health> {
  const expected = shippedMigrations();
  let applied: string[];
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((row) => row.migration_name);
  } catch {
    return { ok: false, database: 'unreachable', migrations: { expected: expected.length, applied: 0, pending: expected } };
  }
  const pending = expected.filter((name) => !applied.includes(name));
  return {
    ok: pending.length === 0,
    database: 'ok',
    migrations: { expected: expected.length, applied: applied.length, pending },
  };
}
