// Start-up on PostgreSQL with bad settings: one line saying what failed and what to check, never a
// stack trace, and nothing created. Also a database migrated by a newer program is refused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { withPostgres } from '../lib/database/postgresql/connect';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-start-pg-'));
const server = new URL(inject('postgresServer'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function start(databaseUrl: string, port: string) {
  const dataDir = path.join(scratch, port);
  const result = spawnSync(process.execPath, [TSX, 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PORT: port },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = result.stderr.split('\n').filter((line) => line.trim() && !line.includes('npm warn'));
  return { status: result.status, lines, dataDir };
}

const urlWith = (change: (url: URL) => void) => {
  const url = new URL(server);
  change(url);
  return url.toString();
};

describe('npm start on an unusable PostgreSQL', () => {
  it('stops on a wrong password with one line naming what to check, and never prints the password', () => {
    const { status, lines } = start(
      urlWith((url) => (url.password = 'wrong-password')),
      '3911',
    );
    expect(status).toBe(1);
    expect(lines).toEqual([
      `无法启动：无法连接 PostgreSQL：密码错误。请检查 DATABASE_URL 的主机 127.0.0.1，端口 ${server.port}，数据库 postgres，用户 postgres`,
    ]);
    expect(lines[0]).not.toContain('wrong-password');
  });

  it('stops on a server that does not answer, in one line', () => {
    const { status, lines } = start(
      urlWith((url) => (url.port = '1')),
      '3912',
    );
    expect(status).toBe(1);
    expect(lines).toEqual([
      '无法启动：无法连接 PostgreSQL：连接被拒绝（服务器没有运行，或端口不对）。请检查 DATABASE_URL 的主机 127.0.0.1，端口 1，数据库 postgres，用户 postgres',
    ]);
  });

  it('stops on a database that does not exist, in one line', () => {
    const { status, lines } = start(
      urlWith((url) => (url.pathname = '/no_such_database')),
      '3913',
    );
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^无法启动：无法连接 PostgreSQL：数据库不存在。请检查 DATABASE_URL 的.*数据库 no_such_database/,
    );
  });

  it('refuses a database whose migrations are newer than the program, changing nothing', async () => {
    const name = `newer_${Date.now()}`;
    await withPostgres(server.toString(), (client) => client.query(`CREATE DATABASE ${name}`));
    const url = urlWith((u) => (u.pathname = `/${name}`));
    try {
      await withPostgres(url, async (client) => {
        await client.query(
          `CREATE TABLE "_prisma_migrations" (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count int NOT NULL DEFAULT 0)`,
        );
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name) VALUES ('x', 'x', now(), '29990101000000_newer')`,
        );
      });
      const { status, lines } = start(url, '3914');
      expect(status).toBe(1);
      expect(lines).toEqual([
        '无法启动：数据库的迁移比本程序新（本程序不认识：29990101000000_newer）：请使用更新版本的程序，不要用旧版本打开这个数据库',
      ]);
      const tables = await withPostgres(
        url,
        async (client) =>
          (await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n,
      );
      expect(tables).toBe(1);
    } finally {
      await withPostgres(server.toString(), (client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
    }
  });
});
