// An existing database upgraded: history written one revision per save before the revision_kind
// migration is kept by the migration's SQL (marked saves = 0, savedAt = createdAt), then merged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { createSqliteClient } from '../db-client';
import { mergeOldHistory } from './history-merge';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../prisma/migrations');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-upgrade-'));
const file = path.join(dir, 'old.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function migrationSql(): { before: string[]; revisionKind: string; after: string[] } {
  const folders = fs
    .readdirSync(MIGRATIONS)
    .filter((name) => /^\d+_/.test(name))
    .sort();
  const at = folders.findIndex((name) => name.endsWith('_revision_kind'));
  const read = (name: string) => fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8');
  return {
    before: folders.slice(0, at).map(read),
    revisionKind: read(folders[at]!),
    after: folders.slice(at + 1).map(read),
  };
}

describe('upgrading a database with old revision history', () => {
  it('keeps every old revision through the migration, then merges the autosave runs', async () => {
    const sql = migrationSql();
    const sqlite = new Database(file);
    for (const step of sql.before) sqlite.exec(step);
    const now = new Date().toISOString();
    sqlite
      .prepare(
        `INSERT INTO "Publication" (id, slug, name, publisher, hotline, address, postcode, "updatedAt") VALUES ('p', 'p', '今日柯城', '编印', '0', '地址', '324000', ?)`,
      )
      .run(now);
    sqlite
      .prepare(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u', 'u@test.example', '记者甲', ?)`)
      .run(now);
    sqlite
      .prepare(
        `INSERT INTO "Article" (id, "publicationId", slug, headline, body, "bodyText", version, "createdById", "updatedAt") VALUES ('a', 'p', 'a', '旧稿', '{}', '一二三四五', 6, 'u', ?)`,
      )
      .run(now);
    const start = Date.parse('2026-11-20T01:00:00Z');
    const insert = sqlite.prepare(
      `INSERT INTO "Revision" (id, "articleId", version, headline, body, "bodyText", "authorId", "createdAt") VALUES (?, 'a', ?, '旧稿', '{}', ?, 'u', ?)`,
    );
    ['一', '一二', '一二三', '一二三四', '一二三四五'].forEach((text, index) =>
      insert.run(`r${index + 1}`, index + 1, text, new Date(start + index * 60_000).toISOString()),
    );
    sqlite.exec(sql.revisionKind);
    expect(
      sqlite
        .prepare(`SELECT count(*) AS n, sum(saves) AS saves, sum("savedAt" = "createdAt") AS same FROM "Revision"`)
        .get(),
    ).toEqual({ n: 5, saves: 0, same: 5 });
    // The migrations after it, as an upgrade applies them, so the client below sees today's schema.
    for (const step of sql.after) sqlite.exec(step);
    sqlite.close();

    const db = createSqliteClient(file);
    try {
      const lines: string[] = [];
      await mergeOldHistory(db, (line) => lines.push(line));
      expect(
        await db.revision.findMany({ select: { id: true, kind: true, saves: true, bodyText: true, createdAt: true } }),
      ).toEqual([{ id: 'r5', kind: 'AUTOSAVE', saves: 5, bodyText: '一二三四五', createdAt: new Date(start) }]);
      expect(lines[0]).toBe('修订历史合并：《旧稿》5 个版本合并为 1 个（其中审签、发布、恢复、导入版本 0 个原样保留）');
    } finally {
      await db.$disconnect();
    }
  });
});
