// The PostgreSQL migration runner: applies the history once and records it with checksums; a second
// run does nothing; a migration that fails leaves the schema as it was, is recorded unfinished and is
// reported, not repeated, on the next run; a database migrated by a newer program is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { checksumOf, migrationsDir } from '../migration-files';
import { withPostgres } from './connect';
import { appliedMigrations, migratePostgres } from './migrate';

const server = inject('postgresServer');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-migrate-'));
const databases: string[] = [];
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  await withPostgres(server, async (client) => {
    for (const name of databases) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

async function emptyDatabase(): Promise<string> {
  const name = `m_${crypto.randomUUID().replaceAll('-', '')}`;
  databases.push(name);
  await withPostgres(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The shipped history plus one migration of our own, in a directory of its own. */
function historyWith(name: string, sql: string): string {
  const dir = path.join(scratch, name);
  fs.cpSync(migrationsDir('postgresql'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  return dir;
}

const tables = (url: string) =>
  withPostgres(url, async (client) =>
    (
      await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).rows.map((row) => row.t),
  );

describe('migratePostgres', () => {
  it('applies the history once, with checksums, and does nothing the second time', async () => {
    const url = await emptyDatabase();
    const first = await withPostgres(url, (client) => migratePostgres(client, migrationsDir('postgresql')));
    expect(first.applied).toEqual(
      fs
        .readdirSync(migrationsDir('postgresql'))
        .filter((entry) => /^\d{14}_/.test(entry))
        .sort(),
    );
    expect(await tables(url)).toEqual(expect.arrayContaining(['Article', 'Revision', 'User', '_prisma_migrations']));
    const second = await withPostgres(url, (client) => migratePostgres(client, migrationsDir('postgresql')));
    expect(second).toEqual({ applied: [], warnings: [] });
    const rows = await withPostgres(url, appliedMigrations);
    const init = rows.find((row) => row.name.endsWith('_init'))!;
    expect(init.checksum).toBe(
      checksumOf(fs.readFileSync(path.join(migrationsDir('postgresql'), init.name, 'migration.sql'), 'utf8')),
    );
    expect(rows.every((row) => row.finished)).toBe(true);
  });

  it('leaves the schema as it was when a migration fails, and reports it instead of repeating it', async () => {
    const url = await emptyDatabase();
    await withPostgres(url, (client) => migratePostgres(client, migrationsDir('postgresql')));
    const dir = historyWith(
      '29991231000000_broken',
      'CREATE TABLE "Half" (id text PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n',
    );
    const failed = await withPostgres(url, (client) => migratePostgres(client, dir)).catch((error: Error) => error);
    expect(String(failed)).toMatch(/迁移 29991231000000_broken 失败，数据库保持迁移前的状态：.*NoSuchTable/);
    expect(await tables(url)).not.toContain('Half');
    const again = await withPostgres(url, (client) => migratePostgres(client, dir)).catch((error: Error) => error);
    expect(String(again)).toMatch(/迁移 29991231000000_broken 上次没有完成（.*NoSuchTable.*），不会自动重试/);
    expect(await tables(url)).not.toContain('Half');
  });

  it('refuses a database migrated by a newer program', async () => {
    const url = await emptyDatabase();
    const newer = historyWith('29991231000001_from_the_future', 'CREATE TABLE "Future" (id text PRIMARY KEY);\n');
    await withPostgres(url, (client) => migratePostgres(client, newer));
    const refused = await withPostgres(url, (client) => migratePostgres(client, migrationsDir('postgresql'))).catch(
      (error: Error) => error,
    );
    expect(String(refused)).toMatch(/数据库的迁移比本程序新（本程序不认识：29991231000001_from_the_future）/);
  });
});
