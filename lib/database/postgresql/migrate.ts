// Applies prisma/migrations-postgresql with pg, because `prisma migrate deploy` through the driver
// adapter fails on PostgreSQL (prisma/orm#27403). It keeps Prisma's own record, _prisma_migrations
// (name, SHA-256 checksum, start and finish), so a second run does nothing and /api/health reads the
// same table on either database. PostgreSQL DDL is transactional: each migration runs in one
// transaction, so a failure leaves the schema as it was; its row stays, unfinished, with the error,
// and the next run reports it instead of repeating it. An advisory lock keeps two instances that start
// together from migrating at once.
import type pg from 'pg';

import { ConfigError } from '../../config/database';
import {
  historyProblem,
  pendingOf,
  readMigrations,
  shippedMigrationNames,
  type AppliedMigration,
} from '../migration-files';

const LOCK_KEY = 72_707_369; // any constant; the same in every process of this program

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function appliedMigrations(client: pg.Client): Promise<AppliedMigration[]> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const rows = await client.query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
    started_at: Date;
  }>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, logs, started_at FROM "_prisma_migrations" ORDER BY started_at',
  );
  return rows.rows.map((row) => ({
    name: row.migration_name,
    checksum: row.checksum,
    finished: row.finished_at !== null,
    rolledBack: row.rolled_back_at !== null,
    logs: row.logs,
    startedAt: row.started_at,
  }));
}

export type MigrateResult = { applied: string[]; warnings: string[] };

export async function migratePostgres(client: pg.Client, dir: string): Promise<MigrateResult> {
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await client.query(CREATE_TABLE);
    const migrations = readMigrations(dir);
    const before = await appliedMigrations(client);
    const problem = historyProblem(shippedMigrationNames(dir), before);
    if (problem) throw new ConfigError(problem);
    const warnings = before
      .filter((row) => row.finished && !row.rolledBack)
      .flatMap((row) => {
        const file = migrations.find((migration) => migration.name === row.name);
        return file && file.checksum !== row.checksum
          ? [`迁移 ${row.name} 在应用之后被修改过（校验和不符）；数据库按原来的内容保留`]
          : [];
      });
    const pending = new Set(
      pendingOf(
        migrations.map((migration) => migration.name),
        before,
      ),
    );
    const applied: string[] = [];
    for (const migration of migrations.filter((file) => pending.has(file.name))) {
      const id = crypto.randomUUID();
      // Recorded before it runs and outside its transaction: a crash or failure leaves the row unfinished.
      await client.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
        [id, migration.checksum, migration.name],
      );
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query(
          'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
          [id],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        const message = error instanceof Error ? error.message : String(error);
        await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, message]);
        throw new ConfigError(`迁移 ${migration.name} 失败，数据库保持迁移前的状态：${message}`);
      }
      applied.push(migration.name);
    }
    return { applied, warnings };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}
