// Merging history written before coalescing, on SQLite and PostgreSQL: runs of one person's autosaves become
// one revision; signed, published and restored revisions stay as they were; an interrupted merge
// leaves its story untouched; a second run does nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { kindOf } from '../db-kind';
import { mergeOldHistory } from './history-merge';

const db = openTestDatabase();
let reporter: Actor;
let editor: Actor;
let publicationId: string;
const MINUTE = 60_000;
const start = new Date('2026-11-20T01:00:00Z').getTime();

/** A story with old-style history: one revision per save, `saves` = 0 as the migration leaves it. */
async function oldArticle(headline: string, saves: { who: Actor; text: string; minute: number }[]) {
  const article = await db.article.create({
    data: {
      publicationId,
      slug: `old-${Math.random().toString(36).slice(2)}`,
      headline,
      body: '{}',
      bodyText: saves.at(-1)!.text,
      createdById: reporter.id,
      version: saves.length,
    },
  });
  const ids: string[] = [];
  for (const [index, save] of saves.entries()) {
    const at = new Date(start + save.minute * MINUTE);
    const row = await db.revision.create({
      data: {
        articleId: article.id,
        version: index + 1,
        headline,
        body: JSON.stringify(save.text),
        bodyText: save.text,
        authorId: save.who.id,
        saves: 0,
        createdAt: at,
        savedAt: at,
      },
    });
    ids.push(row.id);
  }
  return { id: article.id, ids };
}

const history = (articleId: string) => db.revision.findMany({ where: { articleId }, orderBy: { version: 'asc' } });

beforeAll(async () => {
  await loadSampleIssue(db);
  publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
  editor = await makeActor(db, 'EDITOR', { name: '编辑乙' });
});
afterAll(() => db.$disconnect());

describe('merging old revision history', () => {
  it('merges runs of autosaves and keeps what was signed, published and restored', async () => {
    const story = await oldArticle('旧历史合并测试', [
      { who: reporter, text: '一', minute: 0 },
      { who: reporter, text: '一二', minute: 1 },
      { who: reporter, text: '一二三', minute: 2 },
      { who: reporter, text: '一二三四', minute: 3 },
      { who: reporter, text: '一二三四五', minute: 4 },
      { who: reporter, text: '一二三四五六', minute: 5 },
      // Ten minutes' pause.
      { who: reporter, text: '一二三四五六七', minute: 15 },
      { who: reporter, text: '一二三四五六七八', minute: 16 },
      { who: reporter, text: '送审稿', minute: 17 },
      { who: editor, text: '编辑改稿', minute: 20 },
      { who: reporter, text: '一二三', minute: 21 },
      { who: reporter, text: '恢复后续写', minute: 22 },
      { who: reporter, text: '恢复后续写完', minute: 23 },
    ]);
    const signoff = await db.signoff.create({
      data: {
        articleId: story.id,
        level: 1,
        reviewerId: editor.id,
        decision: 'APPROVE',
        articleVersion: 9,
        createdAt: new Date(start + 18 * MINUTE),
      },
    });
    await db.article.update({ where: { id: story.id }, data: { liveRevisionId: story.ids[9] } });
    // A story merged already (or written after the upgrade) is not touched.
    const untouched = await db.revision.count({ where: { saves: { gt: 0 } } });

    const lines: string[] = [];
    const report = await mergeOldHistory(db, (line) => lines.push(line));
    const kept = await history(story.id);
    expect(kept.map((revision) => [revision.kind, revision.bodyText, revision.saves])).toEqual([
      ['AUTOSAVE', '一二三四五六', 6],
      ['APPROVE', '送审稿', 3],
      ['PUBLISH', '编辑改稿', 1],
      ['RESTORE', '一二三', 1],
      ['AUTOSAVE', '恢复后续写完', 2],
    ]);
    expect(kept[0]!.createdAt).toEqual(new Date(start));
    expect(kept[1]).toMatchObject({ id: story.ids[8], signoffId: signoff.id });
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).liveRevisionId).toBe(story.ids[9]);
    expect(report.stories.find((merged) => merged.articleId === story.id)).toMatchObject({
      before: 13,
      after: 5,
      kept: 3,
    });
    expect(lines).toContain(
      '修订历史合并：《旧历史合并测试》13 个版本合并为 5 个（其中审签、发布、恢复、导入版本 3 个原样保留）',
    );
    expect(await db.revision.count({ where: { saves: { gt: 0 }, articleId: { not: story.id } } })).toBe(untouched);

    const again = await mergeOldHistory(db);
    expect(again).toEqual({ stories: [], removed: 0 });
    expect(await history(story.id)).toEqual(kept);
  });

  it('leaves a story exactly as it was when its merge is interrupted, and finishes it on the next run', async () => {
    const saves = Array.from({ length: 8 }, (_, index) => ({
      who: reporter,
      text: '中断测试'.repeat(index + 1),
      minute: index,
    }));
    const story = await oldArticle('中断的合并', saves);
    const before = await history(story.id);
    // The database refuses the merge's last write for this story, as a crash half-way would stop it.
    const postgres = kindOf(db) === 'postgresql';
    if (postgres) {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION interrupt_merge() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'interrupted'; END $$`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER interrupt_merge BEFORE UPDATE ON "Revision" FOR EACH ROW WHEN (OLD."articleId" = '${story.id}') EXECUTE FUNCTION interrupt_merge()`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER interrupt_merge BEFORE UPDATE ON "Revision" WHEN OLD."articleId" = '${story.id}' BEGIN SELECT RAISE(ABORT, 'interrupted'); END`,
      );
    }
    try {
      await expect(mergeOldHistory(db)).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(
        postgres ? 'DROP TRIGGER interrupt_merge ON "Revision"' : 'DROP TRIGGER interrupt_merge',
      );
    }
    expect(await history(story.id)).toEqual(before);

    const report = await mergeOldHistory(db);
    expect(report.stories).toEqual([expect.objectContaining({ articleId: story.id, before: 8, after: 1 })]);
    expect(await history(story.id)).toEqual([
      expect.objectContaining({ id: story.ids[7], kind: 'AUTOSAVE', saves: 8 }),
    ]);
  });
});
