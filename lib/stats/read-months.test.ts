// Each story's monthly reads (ArticleReadMonth) are kept by the database's own triggers on ArticleRead,
// on SQLite and on PostgreSQL: whoever writes reads, the month rows agree with the daily ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom } from '../../test/support/newsroom';
import { writeReads } from '../reads/store';
import { visibleArticleWhere } from '../revisions/visibility';

const db = openTestDatabase();
let story: { id: string; slug: string };

beforeAll(async () => {
  await sampleNewsroom(db);
  story = await db.article.findFirstOrThrow({
    where: visibleArticleWhere(new Date()),
    select: { id: true, slug: true },
  });
});
afterAll(() => db.$disconnect());

const months = async (articleId = story.id) =>
  (await db.articleReadMonth.findMany({ where: { articleId }, orderBy: { month: 'asc' } })).map(
    (row) => [row.month, row.count] as const,
  );

describe('the monthly reads beside the daily ones', () => {
  it('adds new daily rows and increments to their month, every channel together', async () => {
    await writeReads(db, [
      { slug: story.slug, day: '2026-11-30', channel: 'web', count: 3 },
      { slug: story.slug, day: '2026-12-01', channel: 'web', count: 4 },
      { slug: story.slug, day: '2026-12-01', channel: 'app', count: 2 },
    ]);
    await writeReads(db, [{ slug: story.slug, day: '2026-12-01', channel: 'web', count: 10 }]);
    expect(await months()).toEqual([
      ['2026-11', 3],
      ['2026-12', 16],
    ]);
  });

  it('moves a changed row’s difference, and takes a deleted row’s count away', async () => {
    await db.articleRead.update({
      where: { articleId_day_channel: { articleId: story.id, day: '2026-12-01', channel: 'app' } },
      data: { count: 5 },
    });
    await db.articleRead.update({
      where: { articleId_day_channel: { articleId: story.id, day: '2026-11-30', channel: 'web' } },
      data: { day: '2026-10-31' },
    });
    expect(await months()).toEqual([
      ['2026-10', 3],
      ['2026-11', 0],
      ['2026-12', 19],
    ]);
    await db.articleRead.deleteMany({ where: { articleId: story.id, day: '2026-12-01' } });
    expect(await months()).toEqual([
      ['2026-10', 3],
      ['2026-11', 0],
      ['2026-12', 0],
    ]);
  });

  it('goes with its story', async () => {
    await db.article.delete({ where: { id: story.id } });
    expect(await months()).toEqual([]);
    expect(await db.articleRead.count({ where: { articleId: story.id } })).toBe(0);
  });
});
