// Moving a SQLite newsroom to PostgreSQL: every table's rows arrive and are verified, stories read
// and search the same, and a target that is not empty is refused with nothing written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { applySqliteMigrations } from '../../server/database-setup';
import { storedDigests, writeDueDigests } from '../audit/digest';
import { verifyAuditChain } from '../audit/verify';
import { createPostgresClient, createSqliteClient, type Db } from '../db-client';
import { searchPublished } from '../search/search';
import { rebuildSearchIndex } from '../search/search-index';
import { copyToPostgres } from './copy-to-postgresql';
import { withPostgres } from './postgresql/connect';

const server = inject('postgresServer');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'db-copy-'));
const sqlitePath = path.join(scratch, 'newsroom.db');
let sqlite: Db;
const databases: string[] = [];

async function newDatabase(): Promise<string> {
  const name = `c_${crypto.randomUUID().replaceAll('-', '')}`;
  databases.push(name);
  await withPostgres(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  applySqliteMigrations({ DATA_DIR: scratch }, sqlitePath);
  sqlite = createSqliteClient(sqlitePath);
  await loadSampleIssue(sqlite);
  await sqlite.user.create({
    data: {
      email: 'locked@example.com',
      name: '锁定的记者',
      active: false,
      lockedUntil: new Date('2026-11-27T03:04:05.678Z'),
    },
  });
}, 60_000);
afterAll(async () => {
  await sqlite.$disconnect();
  fs.rmSync(scratch, { recursive: true, force: true });
  await withPostgres(server, async (client) => {
    for (const name of databases) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

describe('copyToPostgres', () => {
  it('copies every table, verified, and the newsroom reads and searches the same on PostgreSQL', async () => {
    const url = await newDatabase();
    const reports = await copyToPostgres(sqlite, url);
    expect(reports.find((report) => report.table === 'Article')?.rows).toBe(await sqlite.article.count());
    expect(reports.find((report) => report.table === 'User')?.rows).toBe(await sqlite.user.count());
    const postgres = createPostgresClient(url);
    try {
      const story = await sqlite.article.findFirstOrThrow({
        where: { headline: '柯城夺下“大禹鼎”' },
        include: { liveRevision: true, authors: true },
      });
      expect(
        await postgres.article.findUniqueOrThrow({
          where: { id: story.id },
          include: { liveRevision: true, authors: true },
        }),
      ).toEqual(story);
      expect(await postgres.user.findUniqueOrThrow({ where: { email: 'locked@example.com' } })).toEqual(
        await sqlite.user.findUniqueOrThrow({ where: { email: 'locked@example.com' } }),
      );
      // The audit log arrives as the same chain, digests included, and verifies there.
      await writeDueDigests(sqlite, { DATA_DIR: scratch }, new Date(Date.now() + 2 * 86_400_000));
      const digests = await storedDigests(sqlite);
      expect(digests.length).toBeGreaterThan(0);
      const copied = await newDatabase();
      await copyToPostgres(sqlite, copied);
      const copy = createPostgresClient(copied);
      try {
        expect(await storedDigests(copy)).toEqual(digests);
        expect(await verifyAuditChain(copy, digests)).toMatchObject({
          events: await sqlite.auditEvent.count(),
          problem: null,
        });
      } finally {
        await copy.$disconnect();
      }
      expect(await rebuildSearchIndex(postgres)).toBe(4);
      expect((await searchPublished(postgres, { q: '大禹鼎' })).hits.map((hit) => hit.headline)).toEqual([
        '柯城夺下“大禹鼎”',
      ]);
    } finally {
      await postgres.$disconnect();
    }
  });

  it('refuses a target that is not empty and writes nothing to it', async () => {
    const url = await newDatabase();
    await withPostgres(url, (client) => client.query('CREATE TABLE keep_me (id int)'));
    await expect(copyToPostgres(sqlite, url)).rejects.toThrow(/^目标数据库不是空的.*没有写入任何内容$/);
    const tables = await withPostgres(url, async (client) =>
      (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
        (row) => row.t,
      ),
    );
    expect(tables).toEqual(['keep_me']);
  });
});
