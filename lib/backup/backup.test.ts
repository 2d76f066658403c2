import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { openTestDatabase } from '../../test/support/database';
import { chainNext, GENESIS_HASH, type ChainLink } from '../audit/chain';
import { verifyAuditChain } from '../audit/verify';
import { currentArticleDocument } from '../collab/stored-document';
import { resolveDatabase, sqlitePathOf } from '../config/database';
import { createSqliteClient } from '../db-client';
import { BackupError, createBackup, restoreBackup } from './backup';

const db = openTestDatabase();
const sqlitePath = sqlitePathOf(resolveDatabase(process.env));
const dataDir = process.env.DATA_DIR!;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-test-'));
const archive = path.join(out, 'newsroom.tar.gz');

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
});

describe('backup and restore', () => {
  it('snapshots a database that is being written to, and restores it intact', async () => {
    // A writer on its own connection keeps committing while the backup runs, as a live server would.
    const writer = new Database(sqlitePath);
    writer.pragma('journal_mode = WAL');
    const insert = writer.prepare(
      `INSERT INTO "AuditEvent" (id, action, details, "createdAt", seq, "prevHash", hash) VALUES (?, 'test.write', '{}', ?, ?, ?, ?)`,
    );
    // Chained as recordAudit chains them, so the restored log must verify.
    let head: ChainLink = (writer.prepare('SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1').get() as
      ChainLink | undefined) ?? { seq: 0, hash: GENESIS_HASH };
    let written = 0;
    const timer = setInterval(() => {
      for (let i = 0; i < 20; i += 1) {
        const at = new Date();
        const event = chainNext(head, {
          createdAt: at,
          actorId: null,
          action: 'test.write',
          subjectType: null,
          subjectId: null,
          details: '{}',
          ip: null,
        });
        insert.run(`w-${written++}`, at.toISOString().replace('Z', '+00:00'), event.seq, event.prevHash, event.hash);
        head = event;
      }
    }, 1);
    // Give the writer a head start, then back up while it runs.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const result = await createBackup({ sqlitePath, dataDir, outFile: archive });
    await new Promise((resolve) => setTimeout(resolve, 30));
    clearInterval(timer);
    writer.close();
    expect(written).toBeGreaterThan(100);
    expect(result.files).toBe(2);
    expect(fs.readFileSync(`${archive}.sha256`, 'utf8')).toBe(`${result.sha256}  newsroom.tar.gz\n`);

    const target = path.join(out, 'restored');
    restoreBackup({ archive, dataDir: target });
    const restored = new Database(path.join(target, 'newsroom.db'), { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    const copied = (
      restored.prepare(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'test.write'`).get() as { n: number }
    ).n;
    restored.close();
    // A consistent moment between the first and the last write.
    expect(copied).toBeGreaterThan(0);
    expect(copied).toBeLessThanOrEqual(written);
    expect(fs.readFileSync(path.join(target, 'media', 'ab', 'photo.webp'), 'utf8')).toBe('not really a picture');

    const client = createSqliteClient(path.join(target, 'newsroom.db'));
    expect(await client.article.count()).toBe(4);
    expect(await db.collabDocument.count()).toBe(1);
    expect(await client.collabDocument.count()).toBe(0);
    expect(await client.issue.findFirst({ select: { number: true } })).toEqual({ number: 1705 });
    expect((await verifyAuditChain(client)).problem).toBeNull();
    await client.$disconnect();
  });

  it('refuses a non-empty target, a damaged archive and a missing file, writing nothing', async () => {
    expect(() => restoreBackup({ archive, dataDir })).toThrow(/不是空的/);

    const damaged = path.join(out, 'damaged.tar.gz');
    const bytes = fs.readFileSync(archive);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(`${archive}.sha256`, `${damaged}.sha256`);
    const target = path.join(out, 'never');
    expect(() => restoreBackup({ archive: damaged, dataDir: target })).toThrow(BackupError);
    expect(fs.existsSync(target)).toBe(false);

    // Without the .sha256 beside it, the manifest inside still catches the damage (or tar does).
    fs.rmSync(`${damaged}.sha256`);
    expect(() => restoreBackup({ archive: damaged, dataDir: target })).toThrow(BackupError);
    expect(fs.existsSync(target)).toBe(false);

    expect(() => restoreBackup({ archive: path.join(out, 'nope.tar.gz'), dataDir: target })).toThrow(/找不到备份文件/);
  });

  it('takes the media from MEDIA_DIR and restores them into an empty MEDIA_DIR, refusing one with files', async () => {
    const mediaDir = path.join(out, 'shared-media');
    fs.mkdirSync(path.join(mediaDir, 'cd'), { recursive: true });
    fs.writeFileSync(path.join(mediaDir, 'cd', 'shared.webp'), Buffer.from('an image every instance serves'));
    const sharedArchive = path.join(out, 'shared.tar.gz');
    const result = await createBackup({ sqlitePath, dataDir, mediaDir, outFile: sharedArchive });
    // The database and the one image in MEDIA_DIR (not the one under DATA_DIR/media).
    expect(result.files).toBe(2);

    expect(() => restoreBackup({ archive: sharedArchive, dataDir: path.join(out, 'other-data'), mediaDir })).toThrow(
      /媒体目录 .* 不是空的/,
    );
    expect(fs.existsSync(path.join(out, 'other-data'))).toBe(false);

    const target = path.join(out, 'restored-shared');
    const targetMedia = path.join(out, 'restored-media');
    restoreBackup({ archive: sharedArchive, dataDir: target, mediaDir: targetMedia });
    expect(fs.readFileSync(path.join(targetMedia, 'cd', 'shared.webp'), 'utf8')).toBe('an image every instance serves');
    expect(fs.existsSync(path.join(target, 'media'))).toBe(false);
    expect(fs.existsSync(path.join(target, 'newsroom.db'))).toBe(true);
  });
});
