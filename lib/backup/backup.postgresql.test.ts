// Backup and restore on PostgreSQL: pg_dump while a writer commits, the same archive, manifest and
// checks as SQLite, pg_restore into an empty database only, and a damaged archive refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { openTestDatabase } from '../../test/support/database';
import { recordAudit } from '../audit/record';
import { verifyAuditChain } from '../audit/verify';
import { currentArticleDocument } from '../collab/stored-document';
import { resolveDatabase } from '../config/database';
import { withPostgres } from '../database/postgresql/connect';
import { createPostgresClient } from '../db-client';
import { BackupError, createBackup, restoreBackup } from './backup';

const db = openTestDatabase();
const database = resolveDatabase(process.env);
const dataDir = process.env.DATA_DIR!;
const server = inject('postgresServer');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-pg-test-'));
const archive = path.join(out, 'newsroom.tar.gz');
const created: string[] = [];

async function emptyDatabase(): Promise<{ kind: 'postgresql'; url: string }> {
  const name = `r_${crypto.randomUUID().replaceAll('-', '')}`;
  created.push(name);
  await withPostgres(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { kind: 'postgresql', url: url.toString() };
}

beforeAll(async () => {
  await loadSampleIssue(db);
  // A story opened together: its shared document is in the backup, and is not restored (new generation).
  await currentArticleDocument(db, (await db.article.findFirstOrThrow()).id);
  fs.mkdirSync(path.join(dataDir, 'media', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'media', 'ab', 'photo.webp'), Buffer.from('not really a picture'));
});
afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(out, { recursive: true, force: true });
  await withPostgres(server, async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

describe('backup and restore on PostgreSQL', () => {
  it('dumps a database that is being written to, and restores it intact into an empty one', async () => {
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await recordAudit(db, { actorId: null, action: 'test.write', details: { written } });
        written += 1;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const result = await createBackup({ database, dataDir, outFile: archive });
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(5);
    expect(result.files).toBe(2);
    expect(fs.readFileSync(`${archive}.sha256`, 'utf8')).toBe(`${result.sha256}  newsroom.tar.gz\n`);

    const target = await emptyDatabase();
    const targetDir = path.join(out, 'restored');
    expect(restoreBackup({ archive, dataDir: targetDir, database: target })).toEqual({ files: 2 });
    expect(fs.readFileSync(path.join(targetDir, 'media', 'ab', 'photo.webp'), 'utf8')).toBe('not really a picture');
    const client = createPostgresClient(target.url);
    try {
      expect(await client.article.count()).toBe(4);
      expect(await db.collabDocument.count()).toBe(1);
      expect(await client.collabDocument.count()).toBe(0);
      const copied = await client.auditEvent.count({ where: { action: 'test.write' } });
      expect(copied).toBeGreaterThan(0);
      expect(copied).toBeLessThanOrEqual(written);
      // A consistent dump: the restored audit log is a whole chain (a prefix of the one still written).
      expect((await verifyAuditChain(client)).problem).toBeNull();
      expect(await client.issue.findFirst({ select: { number: true } })).toEqual({ number: 1705 });
    } finally {
      await client.$disconnect();
    }
  });

  it('refuses a database that is not empty, a damaged archive and a SQLite target, writing nothing', async () => {
    const nonEmpty = await emptyDatabase();
    await withPostgres(nonEmpty.url, (client) => client.query('CREATE TABLE keep_me (id int)'));
    const targetDir = path.join(out, 'never');
    expect(() => restoreBackup({ archive, dataDir: targetDir, database: nonEmpty })).toThrow(
      /目标 PostgreSQL 数据库不是空的/,
    );
    expect(fs.existsSync(targetDir)).toBe(false);

    const damaged = path.join(out, 'damaged.tar.gz');
    const bytes = fs.readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    const empty = await emptyDatabase();
    expect(() => restoreBackup({ archive: damaged, dataDir: targetDir, database: empty })).toThrow(BackupError);
    expect(fs.existsSync(targetDir)).toBe(false);

    expect(() => restoreBackup({ archive, dataDir: targetDir })).toThrow(/这是 PostgreSQL 的备份/);
    const tables = await withPostgres(
      empty.url,
      async (client) =>
        (await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n,
    );
    expect(tables).toBe(0);
  });
});
