// The command-line tools beside a running server: they must not migrate when nothing is pending,
// and must say in one line what to do when something is pending and the database is busy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { resolveDatabase, sqlitePathOf } from '../lib/config/database';
import { CliDatabaseError, openForReading, openForWriting, pendingMigrations } from './cli-database';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-db-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const migrated = sqlitePathOf(resolveDatabase(process.env));

/** A copy of the migrated test database that has "forgotten" its newest migration. */
function copyWithPendingMigration(name: string): { sqlitePath: string; last: string } {
  const sqlitePath = path.join(scratch, `${name}.db`);
  fs.copyFileSync(migrated, sqlitePath);
  const sqlite = new Database(sqlitePath);
  const last = (
    sqlite
      .prepare('SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1')
      .get() as { name: string }
  ).name;
  sqlite.prepare('DELETE FROM _prisma_migrations WHERE migration_name = ?').run(last);
  sqlite.close();
  return { sqlitePath, last };
}

describe('pendingMigrations', () => {
  it('finds none on a migrated database and names the one that is missing', () => {
    expect(pendingMigrations(migrated)).toEqual([]);
    const { sqlitePath, last } = copyWithPendingMigration('pending');
    expect(pendingMigrations(sqlitePath)).toEqual([last]);
  });
});

describe('opening the database from the command line', () => {
  it('reads a migrated database while another connection holds the write lock (a server mid-write)', async () => {
    const server = new Database(migrated);
    server.pragma('journal_mode = WAL');
    server.exec('BEGIN IMMEDIATE');
    try {
      const db = await openForReading({ DATABASE_URL: `file:${migrated}` });
      expect(await db.user.count()).toBeGreaterThanOrEqual(0);
      await db.$disconnect();
      const writer = await openForWriting({ DATABASE_URL: `file:${migrated}` }, { attempts: 1, pauseMs: 0 });
      await writer.$disconnect();
    } finally {
      server.exec('ROLLBACK');
      server.close();
    }
  });

  it('refuses to read a database with a pending migration, in one line, without migrating it', async () => {
    const { sqlitePath, last } = copyWithPendingMigration('read');
    await expect(openForReading({ DATABASE_URL: `file:${sqlitePath}` })).rejects.toThrow(CliDatabaseError);
    await expect(openForReading({ DATABASE_URL: `file:${sqlitePath}` })).rejects.toThrow(
      /^数据库还有 1 个迁移没有应用：请先停止服务器，运行 npm run db:migrate/,
    );
    expect(pendingMigrations(sqlitePath)).toEqual([last]);
  });

  it('waits, then says what to do, when a pending migration cannot be applied beside a busy server', async () => {
    const { sqlitePath } = copyWithPendingMigration('busy');
    const server = new Database(sqlitePath);
    server.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const error = await openForWriting({ DATABASE_URL: `file:${sqlitePath}` }, { attempts: 2, pauseMs: 200 }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(CliDatabaseError);
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).toMatch(/请先停止服务器，运行 npm run db:migrate/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    } finally {
      server.exec('ROLLBACK');
      server.close();
    }
  }, 60_000);

  it('says where the database should be when there is none to read', async () => {
    await expect(openForReading({ DATABASE_URL: `file:${path.join(scratch, 'none.db')}` })).rejects.toThrow(
      /没有数据库/,
    );
  });
});
