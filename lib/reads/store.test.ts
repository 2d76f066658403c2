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
    expect(await writeReads(db, [{ slug: visible.slug, day: '2026-12-06', count: 3 }])).toBe(3);
    expect(
      await writeReads(db, [
        { slug: visible.slug, day: '2026-12-06', count: 4 },
        { slug: visible.slug, day: '2026-12-07', count: 1 },
      ]),
    ).toBe(5);
    const rows = await db.articleRead.findMany({ where: { articleId: visible.id }, orderBy: { day: 'asc' } });
    expect(rows.map((row) => [row.day, row.count])).toEqual([
      ['2026-12-06', 7],
      ['2026-12-07', 1],
    ]);
  });

  it('drops reads of a slug no reader can see: made up, or a draft', async () => {
    const draftId = await draftArticle(db, newsroom, articleInput({ id: newsroom.reporter.id, name: '记者甲' }));
    const draft = await db.article.findUniqueOrThrow({ where: { id: draftId }, select: { slug: true } });
    const before = await db.articleRead.count();
    expect(
      await writeReads(db, [
        { slug: 'no-such-story', day: '2026-12-06', count: 5 },
        { slug: draft.slug, day: '2026-12-06', count: 2 },
      ]),
    ).toBe(0);
    expect(await db.articleRead.count()).toBe(before);
  });
});
