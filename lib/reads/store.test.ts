import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, draftArticle } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { visibleArticleWhere } from '../revisions/visibility';
import { writeReads } from './store';

const db = openTestDatabase();
let newsroom: SampleNewsroom;
let visible: { id: string; slug: string };

beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
  visible = await db.article.findFirstOrThrow({
    where: visibleArticleWhere(new Date()),
    select: { id: true, slug: true },
  });
});
afterAll(() => db.$disconnect());

describe('writeReads', () => {
  it('adds each batch to the story’s row for the day', async () => {
    expect(await writeReads(db, [{ slug: visible.slug, day: '2026-12-06', channel: 'web', count: 3 }])).toBe(3);
    expect(
      await writeReads(db, [
        { slug: visible.slug, day: '2026-12-06', channel: 'web', count: 4 },
        { slug: visible.slug, day: '2026-12-07', channel: 'web', count: 1 },
      ]),
    ).toBe(5);
    const rows = await db.articleRead.findMany({ where: { articleId: visible.id }, orderBy: { day: 'asc' } });
    expect(rows.map((row) => [row.day, row.channel, row.count])).toEqual([
      ['2026-12-06', 'web', 7],
      ['2026-12-07', 'web', 1],
    ]);
  });

  it('keeps the app’s reads in their own row beside the website’s', async () => {
    expect(await writeReads(db, [{ slug: visible.slug, day: '2026-12-08', channel: 'app', count: 2 }])).toBe(2);
    expect(await writeReads(db, [{ slug: visible.slug, day: '2026-12-08', channel: 'web', count: 5 }])).toBe(5);
    expect(await writeReads(db, [{ slug: visible.slug, day: '2026-12-08', channel: 'app', count: 1 }])).toBe(1);
    const rows = await db.articleRead.findMany({
      where: { articleId: visible.id, day: '2026-12-08' },
      orderBy: { channel: 'asc' },
    });
    expect(rows.map((row) => [row.channel, row.count])).toEqual([
      ['app', 3],
      ['web', 5],
    ]);
  });

  it('drops reads of a slug no reader can see: made up, or a draft', async () => {
    const draftId = await draftArticle(db, newsroom, articleInput({ id: newsroom.reporter.id, name: '记者甲' }));
    const draft = await db.article.findUniqueOrThrow({ where: { id: draftId }, select: { slug: true } });
    const before = await db.articleRead.count();
    expect(
      await writeReads(db, [
        { slug: 'no-such-story', day: '2026-12-06', channel: 'web', count: 5 },
        { slug: draft.slug, day: '2026-12-06', channel: 'web', count: 2 },
      ]),
    ).toBe(0);
    expect(await db.articleRead.count()).toBe(before);
  });
});
