// The migration histories shipped with this build: one per database, both generated from
// prisma/schema.prisma (scripts/new-migration.ts). A folder per migration holding migration.sql.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { DatabaseKind } from '../config/database';

/** prisma/ of this checkout; the server passes its own (a bundled module has no meaningful dirname). */
function prismaDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', 'prisma');
}

export function migrationsDir(kind: DatabaseKind, root = prismaDir()): string {
  return path.join(root, kind === 'postgresql' ? 'migrations-postgresql' : 'migrations');
}

export type MigrationFile = { name: string; sql: string; checksum: string };

/** Migration folder names, oldest first (their names start with a UTC time stamp). */
export function shippedMigrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

/** What Prisma records as a migration's checksum: the SHA-256 of its migration.sql. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export function readMigrations(dir: string): MigrationFile[] {
  return shippedMigrationNames(dir).map((name) => {
    const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
    return { name, sql, checksum: checksumOf(sql) };
  });
}

export type AppliedMigration = {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
  logs: string | null;
  startedAt: Date;
};

/**
 * What stops a database from being used or migrated by this build, in one sentence, or null:
 * a migration that failed part-way (reported, never repeated) or migrations this build does not know
 * (the database was migrated by a newer version of the program).
 */
export function historyProblem(shipped: readonly string[], applied: readonly AppliedMigration[]): string | null {
  const failed = applied.find((row) => !row.finished && !row.rolledBack);
  if (failed) {
    const log = failed.logs ? `（${failed.logs.split('\n')[0]}）` : '';
    return `迁移 ${failed.name} 上次没有完成${log}，不会自动重试：请检查数据库，修复后把 _prisma_migrations 中这一行的 rolled_back_at 设为当前时间，再运行 npm run db:migrate`;
  }
  const known = new Set(shipped);
  const unknown = applied
    .filter((row) => row.finished && !row.rolledBack && !known.has(row.name))
    .map((row) => row.name);
  if (unknown.length)
    return `数据库的迁移比本程序新（本程序不认识：${unknown.join('、')}）：请使用更新版本的程序，不要用旧版本打开这个数据库`;
  return null;
}

/** Names not applied yet, oldest first. */
export function pendingOf(shipped: readonly string[], applied: readonly AppliedMigration[]): string[] {
  const done = new Set(applied.filter((row) => row.finished && !row.rolledBack).map((row) => row.name));
  return shipped.filter((name) => !done.has(name));
}
